/**
 * The durable journal of gifts: every gift the proxy acknowledged is on disk
 * (WAL, synchronous FULL) before the caller hears back, and stays there with
 * its status. The dispatcher takes work from here one gift at a time, in order.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  REDACTED_DONOR,
  donorDisplayName,
  type GiftField,
  type GiftImportRequest,
  type GiftRecord,
  type GiftStatus,
} from '../contract/index.ts';

export interface StoredGift {
  record: GiftRecord;
  request: GiftImportRequest;
  /** An attempt ended without a verdict, so the upstream may already hold this gift. */
  uncertain: boolean;
  nextAttemptAt: number;
}

const RETAINED_FIELDS = new Set([
  'transactionId', 'amount', 'financialAccountId', 'distribution', 'campaignCode', 'appealCode', 'receivedDate',
]);

interface Row {
  seq: number;
  transaction_id: string;
  status: GiftStatus;
  request: string;
  message: string | null;
  field: string | null;
  upstream_message: string | null;
  attempts: number;
  uncertain: number;
  next_attempt_at: number;
  created_at: string;
  updated_at: string;
  entered_by: string | null;
  redacted: number;
}

export interface Outcome {
  status: GiftStatus;
  message?: string | undefined;
  field?: GiftField | undefined;
  upstreamMessage?: string | undefined;
  uncertain?: boolean;
  nextAttemptAt?: number;
}

export class OutboxLockedError extends Error {
  constructor(dataDir: string) {
    super(`Another gift proxy is already using ${dataDir}. Stop it, or give this one its own DATA_DIR.`);
  }
}

export class Outbox {
  private readonly db: Database.Database;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new Database(join(dataDir, 'gifts.db'), { timeout: 1000 });
    // One proxy per journal: two dispatchers on one queue could send the same gift twice.
    // EXCLUSIVE locking keeps the lock from the first write until close (or process death).
    this.db.pragma('locking_mode = EXCLUSIVE');
    try {
      this.db.exec('BEGIN EXCLUSIVE; COMMIT;');
    } catch (error) {
      this.db.close();
      if (error instanceof Error && 'code' in error && String(error.code).startsWith('SQLITE_BUSY')) {
        throw new OutboxLockedError(dataDir);
      }
      throw error;
    }
    this.db.pragma('journal_mode = WAL');
    // FULL: a gift we answered for is on disk even if the machine loses power next.
    this.db.pragma('synchronous = FULL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS gifts (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        transaction_id TEXT NOT NULL UNIQUE,
        status TEXT NOT NULL,
        request TEXT NOT NULL,
        message TEXT,
        field TEXT,
        upstream_message TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        uncertain INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS gifts_pending ON gifts (status, seq);
      CREATE INDEX IF NOT EXISTS gifts_created ON gifts (created_at);
    `);
    // Columns added after the first release: journals written by it are upgraded in place.
    const columns = new Set((this.db.pragma('table_info(gifts)') as Array<{ name: string }>).map((c) => c.name));
    if (!columns.has('entered_by')) this.db.exec('ALTER TABLE gifts ADD COLUMN entered_by TEXT');
    if (!columns.has('redacted')) this.db.exec('ALTER TABLE gifts ADD COLUMN redacted INTEGER NOT NULL DEFAULT 0');
  }

  close(): void {
    this.db.close();
  }

  get(transactionId: string): StoredGift | undefined {
    const row = this.db.prepare('SELECT * FROM gifts WHERE transaction_id = ?').get(transactionId) as Row | undefined;
    return row && toStored(row);
  }

  /** Stores a new gift, or replaces a rejected one that staff corrected and resent. */
  enqueue(request: GiftImportRequest, status: 'queued' | 'held', message?: string, enteredBy?: string): StoredGift {
    const now = new Date().toISOString();
    const json = JSON.stringify(request);
    this.db
      .prepare(
        `INSERT INTO gifts (transaction_id, status, request, message, entered_by, created_at, updated_at)
         VALUES (@id, @status, @json, @message, @enteredBy, @now, @now)
         ON CONFLICT (transaction_id) DO UPDATE SET
           status = @status, request = @json, message = @message, field = NULL, upstream_message = NULL,
           uncertain = 0, next_attempt_at = 0, entered_by = @enteredBy, updated_at = @now
         WHERE gifts.status = 'rejected'`,
      )
      .run({ id: request.transactionId, status, json, message: message ?? null, enteredBy: enteredBy ?? null, now });
    return this.get(request.transactionId)!;
  }

  /** The oldest gift still waiting to go upstream: strict arrival order. */
  head(): StoredGift | undefined {
    const row = this.db
      .prepare(`SELECT * FROM gifts WHERE status IN ('queued', 'sending') ORDER BY seq LIMIT 1`)
      .get() as Row | undefined;
    return row && toStored(row);
  }

  markSending(transactionId: string): void {
    this.db
      .prepare(`UPDATE gifts SET status = 'sending', attempts = attempts + 1, updated_at = ? WHERE transaction_id = ?`)
      .run(new Date().toISOString(), transactionId);
  }

  settle(transactionId: string, outcome: Outcome): StoredGift {
    this.db
      .prepare(
        `UPDATE gifts SET status = @status, message = @message, field = @field, upstream_message = @upstream,
           uncertain = CASE WHEN @uncertain IS NULL THEN uncertain ELSE @uncertain END,
           next_attempt_at = @next, updated_at = @now
         WHERE transaction_id = @id`,
      )
      .run({
        id: transactionId,
        status: outcome.status,
        message: outcome.message ?? null,
        field: outcome.field ?? null,
        upstream: outcome.upstreamMessage ?? null,
        uncertain: outcome.uncertain === undefined ? null : outcome.uncertain ? 1 : 0,
        next: outcome.nextAttemptAt ?? 0,
        now: new Date().toISOString(),
      });
    return this.get(transactionId)!;
  }

  /** Moves every gift waiting to go from one state to another (hold and release on a 401). */
  moveWaiting(from: 'queued' | 'held', to: 'queued' | 'held', message: string | null): number {
    const states = from === 'queued' ? `('queued', 'sending')` : `('held')`;
    return this.db
      .prepare(`UPDATE gifts SET status = ?, message = ?, updated_at = ? WHERE status IN ${states}`)
      .run(to, message, new Date().toISOString()).changes;
  }

  /**
   * After a crash or restart: a gift caught mid-send may have reached the upstream,
   * so it goes back to the queue marked uncertain; held and backing-off gifts get a
   * fresh try at once, since a restart is usually someone fixing the cause.
   */
  recover(): number {
    const now = new Date().toISOString();
    this.db.prepare(`UPDATE gifts SET uncertain = 1 WHERE status = 'sending'`).run();
    return this.db
      .prepare(
        `UPDATE gifts SET status = 'queued', message = CASE WHEN status = 'held' THEN NULL ELSE message END,
           next_attempt_at = 0, updated_at = ? WHERE status IN ('queued', 'sending', 'held')`,
      )
      .run(now).changes;
  }

  depth(): number {
    const row = this.db
      .prepare(`SELECT COUNT(*) AS n FROM gifts WHERE status IN ('queued', 'sending', 'held')`)
      .get() as { n: number };
    return row.n;
  }

  /**
   * Retention: settled gifts entered before `cutoff` keep only what finance reconciles
   * (transactionId, amount, fund codes, dates, status); names, contact details and
   * notes are blanked. Gifts still waiting to be sent keep everything they need.
   */
  redactSettledBefore(cutoff: string): number {
    const rows = this.db
      .prepare(`SELECT transaction_id, request FROM gifts WHERE redacted = 0 AND status IN ('accepted', 'rejected') AND created_at < ?`)
      .all(cutoff) as Array<{ transaction_id: string; request: string }>;
    const update = this.db.prepare(`UPDATE gifts SET request = ?, redacted = 1 WHERE transaction_id = ?`);
    this.db.transaction(() => {
      for (const row of rows) {
        const request = JSON.parse(row.request) as Record<string, unknown>;
        const kept: Record<string, unknown> = {};
        for (const [field, value] of Object.entries(request)) kept[field] = RETAINED_FIELDS.has(field) ? value : '';
        update.run(JSON.stringify(kept), row.transaction_id);
      }
    })();
    return rows.length;
  }

  /** Recent gifts, newest first, each with the fields sent upstream (for reconciliation and CSV). */
  journal(since: string, limit: number): GiftRecord[] {
    const rows = this.db
      .prepare('SELECT * FROM gifts WHERE created_at >= ? ORDER BY seq DESC LIMIT ?')
      .all(since, limit) as Row[];
    return rows.map((row) => {
      const { record, request } = toStored(row);
      return { ...record, gift: request };
    });
  }
}

function toStored(row: Row): StoredGift {
  const request = JSON.parse(row.request) as GiftImportRequest;
  const record: GiftRecord = {
    transactionId: row.transaction_id,
    status: row.status,
    amount: request.amount,
    donor: row.redacted === 1 ? REDACTED_DONOR : donorDisplayName(request),
    distribution: request.distribution || request.campaignCode || '',
    attempts: row.attempts,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
  if (row.message !== null) record.message = row.message;
  if (row.field !== null) record.field = row.field as GiftField;
  if (row.upstream_message !== null) record.upstreamMessage = row.upstream_message;
  if (row.entered_by !== null) record.enteredBy = row.entered_by;
  return { record, request, uncertain: row.uncertain === 1, nextAttemptAt: row.next_attempt_at };
}
