/**
 * The durable journal of gifts: every gift the proxy acknowledged is on disk
 * (WAL, synchronous FULL) before the caller hears back, and stays there with
 * its status. The dispatcher takes work from here one gift at a time, in order,
 * and records each attempt here before it makes the upstream call. Opening the
 * file (one proxy per directory, schema upgrades, refusals) is journal-file.ts.
 */
import type Database from 'better-sqlite3';
import {
  RECONCILIATION_FIELDS,
  REDACTED_DONOR,
  donorDisplayName,
  donorWithName,
  type GiftField,
  type GiftImportRequest,
  type GiftRecord,
  type GiftStatus,
} from '../contract/index.ts';
import { scopeCondition, type Owner, type Scope } from './caller.ts';
import { openJournal, type OpenedJournal, type OpenJournalOptions } from './journal-file.ts';

export interface StoredGift {
  record: GiftRecord;
  request: GiftImportRequest;
  /** An attempt was made without a verdict we recorded, so the upstream may already hold this gift. */
  uncertain: boolean;
  nextAttemptAt: number;
  /** Attempts in a row the upstream answered without a verdict (5xx, odd answers): what makes a gift stuck. */
  failures: number;
  /** When the current run of failed attempts began (ms), if one is under way. */
  failingSince: number | undefined;
  /** Who entered it (key label, verified party): what decides who may see it. */
  owner: Owner;
}

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
  donor_name: string | null;
  redacted: number;
  failures: number;
  failing_since: number | null;
  caller_key: string | null;
  party_id: string | null;
}

export interface Outcome {
  status: GiftStatus;
  message?: string | undefined;
  field?: GiftField | undefined;
  upstreamMessage?: string | undefined;
  uncertain?: boolean;
  nextAttemptAt?: number;
  failures?: number;
  failingSince?: number | null;
}

/** Journal metadata kept beside a gift and never sent upstream. */
export interface EntryMetadata {
  enteredBy?: string | undefined;
  donorName?: string | undefined;
  /** The label of the caller key it came through (never the key). */
  callerKey?: string | undefined;
  /** The verified iMIS party who entered it, when sign-in is on. */
  partyId?: string | undefined;
  partyName?: string | undefined;
}

export class Outbox {
  private readonly db: Database.Database;
  private readonly file: OpenedJournal;

  /** Opens (or creates, or upgrades) the journal in `dataDir`: see journal-file.ts for what it refuses. */
  constructor(dataDir: string, options: OpenJournalOptions = {}) {
    this.file = openJournal(dataDir, options);
    this.db = this.file.db;
  }

  /**
   * Whether the journal takes a write right now (disk full, read-only file system or a
   * broken disk all fail here), so /healthz can say so before a gift is refused.
   */
  checkWritable(): { writable: true } | { writable: false; reason: string } {
    try {
      this.db
        .prepare('INSERT INTO write_probe (id, at) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET at = excluded.at')
        .run(new Date().toISOString());
      return { writable: true };
    } catch (error) {
      return { writable: false, reason: storageFailure(error) };
    }
  }

  close(): void {
    this.file.close();
  }

  /** The journal's connection, for stores that must commit in one transaction with it (open batches). */
  get database(): Database.Database {
    return this.db;
  }

  get(transactionId: string): StoredGift | undefined {
    const row = this.db.prepare('SELECT * FROM gifts WHERE transaction_id = ?').get(transactionId) as Row | undefined;
    return row && toStored(row);
  }

  /** Stores a new gift, or replaces a rejected one that staff corrected and resent. */
  enqueue(request: GiftImportRequest, status: 'queued' | 'held', message?: string, metadata: EntryMetadata = {}): StoredGift {
    const now = new Date().toISOString();
    const json = JSON.stringify(request);
    this.db
      .prepare(
        `INSERT INTO gifts (transaction_id, status, request, message, entered_by, donor_name, caller_key, party_id, party_name, created_at, updated_at)
         VALUES (@id, @status, @json, @message, @enteredBy, @donorName, @callerKey, @partyId, @partyName, @now, @now)
         ON CONFLICT (transaction_id) DO UPDATE SET
           status = @status, request = @json, message = @message, field = NULL, upstream_message = NULL,
           uncertain = 0, next_attempt_at = 0, failures = 0, failing_since = NULL,
           entered_by = @enteredBy, donor_name = @donorName, caller_key = @callerKey, party_id = @partyId,
           party_name = @partyName, updated_at = @now
         WHERE gifts.status = 'rejected'`,
      )
      .run({
        id: request.transactionId,
        status,
        json,
        message: message ?? null,
        enteredBy: metadata.enteredBy ?? null,
        donorName: metadata.donorName ?? null,
        callerKey: metadata.callerKey ?? null,
        partyId: metadata.partyId ?? null,
        partyName: metadata.partyName ?? null,
        now,
      });
    return this.get(request.transactionId)!;
  }

  /**
   * The gift to send next: of those due now, the one due longest, so new gifts go in
   * arrival order and a gift retried after a failure neither holds the others nor is
   * tried over and over ahead of them; when none is due, the one due soonest.
   */
  head(now = Date.now()): StoredGift | undefined {
    const row = this.db
      .prepare(
        `SELECT * FROM gifts WHERE status IN ('queued', 'sending')
         ORDER BY next_attempt_at > @now, next_attempt_at, seq LIMIT 1`,
      )
      .get({ now }) as Row | undefined;
    return row && toStored(row);
  }

  /**
   * Recorded (synchronously, on disk) before the upstream call: from here on the upstream
   * may hold the gift, so if anything fails before the verdict is stored — a crash, a full
   * disk — the resend's "duplicate" answer reads as recorded, never as rejected.
   */
  markSending(transactionId: string): void {
    this.db
      .prepare(`UPDATE gifts SET status = 'sending', attempts = attempts + 1, uncertain = 1, updated_at = ? WHERE transaction_id = ?`)
      .run(new Date().toISOString(), transactionId);
  }

  settle(transactionId: string, outcome: Outcome): StoredGift {
    this.db
      .prepare(
        `UPDATE gifts SET status = @status, message = @message, field = @field, upstream_message = @upstream,
           uncertain = CASE WHEN @uncertain IS NULL THEN uncertain ELSE @uncertain END,
           failures = CASE WHEN @failures IS NULL THEN failures ELSE @failures END,
           failing_since = CASE WHEN @keepFailingSince = 1 THEN failing_since ELSE @failingSince END,
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
        failures: outcome.failures ?? null,
        keepFailingSince: outcome.failingSince === undefined ? 1 : 0,
        failingSince: outcome.failingSince ?? null,
        next: outcome.nextAttemptAt ?? 0,
        now: new Date().toISOString(),
      });
    return this.get(transactionId)!;
  }

  /**
   * Puts a stuck gift back in the queue, in its original place, once someone has fixed
   * the cause. It stays uncertain: one of its attempts may have landed upstream.
   */
  requeue(transactionId: string, message: string, by?: string): StoredGift | undefined {
    const changed = this.db
      .prepare(
        `UPDATE gifts SET status = 'queued', message = ?, failures = 0, failing_since = NULL, next_attempt_at = 0, updated_at = ?,
           requeued_by = COALESCE(?, requeued_by)
         WHERE transaction_id = ? AND status = 'stuck'`,
      )
      .run(message, new Date().toISOString(), by ?? null, transactionId).changes;
    return changed === 1 ? this.get(transactionId) : undefined;
  }

  /** Puts every stuck gift `scope` sees back in the queue, in its place (an operator's "retry all"); returns how many. */
  requeueAllStuck(message: string, scope: Scope = {}, by?: string): number {
    const visible = scopeCondition(scope);
    return this.db
      .prepare(
        `UPDATE gifts SET status = 'queued', message = @message, failures = 0, failing_since = NULL, next_attempt_at = 0,
           updated_at = @now, requeued_by = COALESCE(@by, requeued_by)
         WHERE status = 'stuck' AND ${visible.sql}`,
      )
      .run({ message, now: new Date().toISOString(), by: by ?? null, ...visible.params }).changes;
  }

  /**
   * Stuck gifts an outage, not the gifts themselves, made fail go back in the queue, in
   * their place. Their failures stay counted: should one fail again once other gifts get
   * through, it is its own cause. Returns how many were put back.
   */
  putBack(transactionIds: readonly string[], message: string): number {
    const now = new Date().toISOString();
    const back = this.db.prepare(
      `UPDATE gifts SET status = 'queued', message = ?, next_attempt_at = 0, updated_at = ? WHERE transaction_id = ? AND status = 'stuck'`,
    );
    let putBack = 0;
    this.db.transaction(() => {
      for (const id of transactionIds) putBack += back.run(message, now, id).changes;
    })();
    return putBack;
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
    const row = this.db.prepare(`SELECT COUNT(*) AS n FROM gifts WHERE status IN ('queued', 'sending', 'held')`).get() as { n: number };
    return row.n;
  }

  /** When the oldest gift still waiting to go upstream was entered (ISO), if one is waiting: for /metrics. */
  oldestWaitingSince(): string | undefined {
    const row = this.db.prepare(`SELECT MIN(created_at) AS at FROM gifts WHERE status IN ('queued', 'sending', 'held')`).get() as {
      at: string | null;
    };
    return row.at ?? undefined;
  }

  stuckCount(): number {
    return (this.db.prepare(`SELECT COUNT(*) AS n FROM gifts WHERE status = 'stuck'`).get() as { n: number }).n;
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
    const update = this.db.prepare(`UPDATE gifts SET request = ?, donor_name = NULL, redacted = 1 WHERE transaction_id = ?`);
    this.db.transaction(() => {
      for (const row of rows) {
        const request = JSON.parse(row.request) as Record<string, unknown>;
        const kept: Record<string, unknown> = {};
        for (const [field, value] of Object.entries(request)) kept[field] = RECONCILIATION_FIELDS.has(field) ? value : '';
        update.run(JSON.stringify(kept), row.transaction_id);
      }
    })();
    return rows.length;
  }

  /** Recent gifts `scope` sees, newest first, each with the fields sent upstream (for reconciliation and CSV). */
  journal(since: string, limit: number, scope: Scope = {}): GiftRecord[] {
    const visible = scopeCondition(scope);
    const rows = this.db
      .prepare(`SELECT * FROM gifts WHERE created_at >= @since AND ${visible.sql} ORDER BY seq DESC LIMIT @limit`)
      .all({ since, limit, ...visible.params }) as Row[];
    return rows.map((row) => {
      const { record, request } = toStored(row);
      return { ...record, gift: request };
    });
  }

  /** How many gifts the journal holds in each status (for /metrics). */
  countByStatus(): Array<{ status: GiftStatus; count: number }> {
    return this.db.prepare('SELECT status, COUNT(*) AS count FROM gifts GROUP BY status').all() as Array<{
      status: GiftStatus;
      count: number;
    }>;
  }

  /**
   * A consistent copy of the journal in `file`, by SQLite's online backup through this
   * connection. Gifts written meanwhile go through this same connection and SQLite carries
   * them into the copy, so the copy is never torn.
   */
  async backupTo(file: string): Promise<void> {
    // 64 pages (256 KB) a step, then back to the event loop, so gifts keep being answered.
    await this.db.backup(file, { progress: () => 64 });
  }
}

/** A storage failure in words for staff and administrators: what failed and SQLite's code, never a stack. */
export function storageFailure(error: unknown): string {
  const code = error && typeof error === 'object' && 'code' in error ? String(error.code) : undefined;
  const what =
    code === 'SQLITE_FULL'
      ? 'the disk is full'
      : code === 'SQLITE_READONLY'
        ? 'the journal is read-only'
        : 'the journal could not be written';
  return `${what}${code ? ` (${code})` : ''}`;
}

function donorOf(row: Row, request: GiftImportRequest): string {
  if (row.redacted === 1) return REDACTED_DONOR;
  if (row.donor_name !== null && request.imisId) return donorWithName(row.donor_name, request.imisId);
  return donorDisplayName(request);
}

function toStored(row: Row): StoredGift {
  const request = JSON.parse(row.request) as GiftImportRequest;
  const record: GiftRecord = {
    transactionId: row.transaction_id,
    status: row.status,
    amount: request.amount,
    donor: donorOf(row, request),
    distribution: request.distribution || request.campaignCode || '',
    attempts: row.attempts,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
  if (row.message !== null) record.message = row.message;
  if (row.field !== null) record.field = row.field as GiftField;
  if (row.upstream_message !== null) record.upstreamMessage = row.upstream_message;
  if (row.entered_by !== null) record.enteredBy = row.entered_by;
  return {
    record,
    request,
    uncertain: row.uncertain === 1,
    nextAttemptAt: row.next_attempt_at,
    failures: row.failures,
    failingSince: row.failing_since ?? undefined,
    owner: { keyLabel: row.caller_key ?? undefined, partyId: row.party_id ?? undefined },
  };
}
