/**
 * Proxy sessions of verified staff, kept in the journal's database so a restart signs no one
 * out. A session token is 256 random bits handed to the widget once; only its SHA-256 is
 * stored, so a copy of the journal (a backup) opens no session. The iMIS refresh token stays
 * here, server-side, for renewal: it never goes back to a browser.
 *
 * An expired session is kept a while (so the widget hears "expired", not "required") and
 * then swept.
 */
import type Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import type { Party } from './caller.ts';

export interface Session {
  party: Party;
  supervisor: boolean;
  refreshToken: string;
  userName: string;
  expiresAt: number;
}

export type Lookup = { state: 'valid'; session: Session } | { state: 'expired' } | { state: 'unknown' };

interface SessionRow {
  party_id: string;
  party_name: string;
  supervisor: number;
  refresh_token: string;
  user_name: string;
  expires_at: number;
}

/** How long an expired session is still recognised as expired before it is swept. */
const KEEP_EXPIRED_MS = 12 * 3600_000;

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

export class SessionStore {
  constructor(
    private readonly db: Database.Database,
    private readonly minutes: number,
  ) {}

  /** A new session; returns its token (shown once) and when it ends. */
  create(identity: Omit<Session, 'expiresAt'>, now = Date.now()): { token: string; expiresAt: number } {
    this.sweep(now);
    const token = randomBytes(32).toString('base64url');
    const expiresAt = now + this.minutes * 60_000;
    this.db
      .prepare(
        `INSERT INTO sessions (token_hash, party_id, party_name, supervisor, refresh_token, user_name, created_at, expires_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        hashOf(token),
        identity.party.id,
        identity.party.name,
        identity.supervisor ? 1 : 0,
        identity.refreshToken,
        identity.userName,
        new Date(now).toISOString(),
        expiresAt,
      );
    return { token, expiresAt };
  }

  find(token: string | undefined, now = Date.now()): Lookup {
    if (!token) return { state: 'unknown' };
    const row = this.db.prepare('SELECT * FROM sessions WHERE token_hash = ?').get(hashOf(token)) as SessionRow | undefined;
    if (!row) return { state: 'unknown' };
    if (row.expires_at <= now) return { state: 'expired' };
    return {
      state: 'valid',
      session: {
        party: { id: row.party_id, name: row.party_name },
        supervisor: row.supervisor === 1,
        refreshToken: row.refresh_token,
        userName: row.user_name,
        expiresAt: row.expires_at,
      },
    };
  }

  /** Sessions not yet ended (for /metrics). */
  live(now = Date.now()): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM sessions WHERE expires_at > ?').get(now) as { n: number }).n;
  }

  /** Ends a session (sign-out, or renewal replacing it). */
  remove(token: string): void {
    this.db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(hashOf(token));
  }

  /** Renewal: the old token stops working and a new one starts, in one transaction. */
  replace(oldToken: string, identity: Omit<Session, 'expiresAt'>, now = Date.now()): { token: string; expiresAt: number } {
    return this.db.transaction(() => {
      this.remove(oldToken);
      return this.create(identity, now);
    })();
  }

  private sweep(now: number): void {
    this.db.prepare('DELETE FROM sessions WHERE expires_at < ?').run(now - KEEP_EXPIRED_MS);
  }
}
