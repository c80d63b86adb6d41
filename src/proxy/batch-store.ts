/**
 * Open batches, kept durably in the journal's own SQLite database: a batch in review
 * mode holds its gifts here, never sent, until it is posted. Same file, same
 * connection, so posting is ONE transaction with the journal: every row is queued and
 * the batch marked posted, or (a crash, a full disk, a transactionId taken meanwhile)
 * nothing is. The rows hold donor details, like the journal (the file is 0600).
 *
 * A row keeps its place when it is edited: gifts are posted in the order they were added.
 */
import type Database from 'better-sqlite3';
import { RECONCILIATION_FIELDS } from '../contract/gift-fields.ts';
import { randomBytes } from 'node:crypto';
import type {
  Batch,
  BatchDefaults,
  BatchExpected,
  BatchGift,
  BatchSettings,
  BatchState,
  BatchSummary,
  GiftSubmission,
} from '../contract/index.ts';
import { scopeCondition, type Owner, type Scope } from './caller.ts';
import type { EntryMetadata, Outbox } from './outbox.ts';

interface BatchRow {
  seq: number;
  id: string;
  name: string;
  state: BatchState;
  defaults: string;
  expected_count: number | null;
  expected_total_cents: number | null;
  opened_by: string | null;
  opened_at: string;
  updated_at: string;
  posted_by: string | null;
  posted_at: string | null;
  post_reason: string | null;
  caller_key: string | null;
  party_id: string | null;
}

interface GiftRow {
  transaction_id: string;
  gift: string;
  donor_name: string | null;
  entered_by: string | null;
  added_at: string;
  updated_at: string;
  caller_key: string | null;
  party_id: string | null;
  party_name: string | null;
}

/** One row as it will be posted: exactly the gift staff saved, with its journal metadata. */
export interface BatchEntry {
  transactionId: string;
  gift: GiftSubmission;
  metadata: EntryMetadata;
  addedAt: string;
}

/** Posted batches listed at most; open ones are few by nature. */
const LIST_LIMIT = 200;

/** 16 URL-safe characters, 96 random bits: not guessable from another batch's id. */
const newBatchId = () => randomBytes(12).toString('base64url');

const optional = <T>(value: T | null): T | undefined => (value === null ? undefined : value);

export class BatchStore {
  private readonly db: Database.Database;

  constructor(private readonly outbox: Outbox) {
    this.db = outbox.database;
    // Its tables are part of the journal's schema (journal-schema.ts), created or migrated when the journal opens.
  }

  /** `owner`: the key label and verified party of whoever opens it, which decide who sees it. */
  open(settings: BatchSettings, owner: EntryMetadata = {}): Batch {
    const now = new Date().toISOString();
    const id = newBatchId();
    this.db
      .prepare(
        `INSERT INTO batches (id, name, state, defaults, expected_count, expected_total_cents, opened_by, opened_at, updated_at, caller_key, party_id)
         VALUES (?, ?, 'open', ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        settings.name || `Batch opened ${now.slice(0, 16).replace('T', ' ')} UTC`,
        JSON.stringify(settings.defaults),
        settings.expected.count ?? null,
        settings.expected.totalCents ?? null,
        settings.by ?? null,
        now,
        now,
        owner.callerKey ?? null,
        owner.partyId ?? null,
      );
    return this.get(id)!;
  }

  /** Who opened the batch (what decides who sees it), if it exists. */
  ownerOf(id: string): Owner | undefined {
    const head = this.head(id);
    return head && { keyLabel: head.caller_key ?? undefined, partyId: head.party_id ?? undefined };
  }

  /** The batch with its rows in the order they were added; rows of a posted batch carry their journal record. */
  get(id: string): Batch | undefined {
    const head = this.head(id);
    if (!head) return undefined;
    const gifts = this.rows(id).map((row): BatchGift => {
      const gift: BatchGift = {
        transactionId: row.transaction_id,
        gift: JSON.parse(row.gift) as GiftSubmission,
        addedAt: row.added_at,
        updatedAt: row.updated_at,
      };
      if (row.donor_name !== null) gift.donorName = row.donor_name;
      if (row.entered_by !== null) gift.enteredBy = row.entered_by;
      const record = head.state === 'posted' ? this.outbox.get(row.transaction_id)?.record : undefined;
      if (record) gift.record = record;
      return gift;
    });
    return { ...toHead(head), gifts };
  }

  /** Those `scope` sees, newest first: open batches by when they were opened, posted ones by when they were posted. */
  list(state: BatchState, scope: Scope = {}): BatchSummary[] {
    const visible = scopeCondition(scope);
    const heads = this.db
      .prepare(
        `SELECT * FROM batches WHERE state = @state AND ${visible.sql} ORDER BY COALESCE(posted_at, opened_at) DESC, seq DESC LIMIT @limit`,
      )
      .all({ state, limit: LIST_LIMIT, ...visible.params }) as BatchRow[];
    const totals = this.db.prepare(
      // Cents as integers, as batchTotals counts them: 0.1 + 0.2 must not leave a total off by a hair.
      `SELECT COUNT(*) AS count, COALESCE(SUM(CAST(ROUND(json_extract(gift, '$.amount') * 100) AS INTEGER)), 0) AS totalCents
       FROM batch_gifts WHERE batch_id = ?`,
    );
    return heads.map((head) => ({ ...toHead(head), ...(totals.get(head.id) as { count: number; totalCents: number }) }));
  }

  /** New name, defaults or expected figures: whichever are given. */
  update(id: string, settings: Partial<BatchSettings>): Batch | undefined {
    const head = this.head(id);
    if (!head) return undefined;
    this.db
      .prepare(`UPDATE batches SET name = ?, defaults = ?, expected_count = ?, expected_total_cents = ?, updated_at = ? WHERE id = ?`)
      .run(
        settings.name || head.name,
        settings.defaults ? JSON.stringify(settings.defaults) : head.defaults,
        settings.expected ? (settings.expected.count ?? null) : head.expected_count,
        settings.expected ? (settings.expected.totalCents ?? null) : head.expected_total_cents,
        new Date().toISOString(),
        id,
      );
    return this.get(id);
  }

  /** The batch (any state) that holds this transactionId, if one does. */
  holderOf(transactionId: string): { id: string; name: string; state: BatchState } | undefined {
    return this.db
      .prepare('SELECT b.id, b.name, b.state FROM batch_gifts g JOIN batches b ON b.id = g.batch_id WHERE g.transaction_id = ?')
      .get(transactionId) as { id: string; name: string; state: BatchState } | undefined;
  }

  /** Adds the row, or replaces it in its place. Whether it was new is for the log. */
  saveGift(id: string, gift: GiftSubmission, metadata: EntryMetadata): { replaced: boolean } {
    return this.db.transaction(() => this.writeGift(id, gift, metadata))();
  }

  private writeGift(id: string, gift: GiftSubmission, metadata: EntryMetadata): { replaced: boolean } {
    const now = new Date().toISOString();
    const who = [metadata.enteredBy ?? null, metadata.callerKey ?? null, metadata.partyId ?? null, metadata.partyName ?? null];
    const replaced = this.db
      .prepare(
        `UPDATE batch_gifts SET gift = ?, donor_name = ?, entered_by = ?, caller_key = ?, party_id = ?, party_name = ?, updated_at = ?
         WHERE batch_id = ? AND transaction_id = ?`,
      )
      .run(JSON.stringify(gift), metadata.donorName ?? null, ...who, now, id, gift.transactionId).changes;
    if (replaced === 0) {
      this.db
        .prepare(
          `INSERT INTO batch_gifts (batch_id, transaction_id, gift, donor_name, entered_by, caller_key, party_id, party_name, added_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(id, gift.transactionId, JSON.stringify(gift), metadata.donorName ?? null, ...who, now, now);
    }
    this.touch(id, now);
    return { replaced: replaced > 0 };
  }

  removeGift(id: string, transactionId: string): boolean {
    const removed = this.db.prepare('DELETE FROM batch_gifts WHERE batch_id = ? AND transaction_id = ?').run(id, transactionId).changes;
    if (removed > 0) this.touch(id, new Date().toISOString());
    return removed > 0;
  }

  /**
   * In ONE transaction: `queue` every row in the order it was added, then mark the batch
   * posted. If `queue` throws (a transactionId taken meanwhile, a full disk), nothing is
   * queued and the batch stays open. A batch already posted is left as it is.
   */
  post(
    id: string,
    by: string | undefined,
    reason: string | undefined,
    queue: (entry: BatchEntry) => void,
  ): 'posted' | 'already' | undefined {
    return this.db.transaction(() => {
      const head = this.head(id);
      if (!head) return undefined;
      if (head.state === 'posted') return 'already';
      for (const row of this.rows(id)) {
        queue({
          transactionId: row.transaction_id,
          gift: JSON.parse(row.gift) as GiftSubmission,
          metadata: {
            enteredBy: optional(row.entered_by),
            donorName: optional(row.donor_name),
            callerKey: optional(row.caller_key),
            partyId: optional(row.party_id),
            partyName: optional(row.party_name),
          },
          addedAt: row.added_at,
        });
      }
      const now = new Date().toISOString();
      this.db
        .prepare(`UPDATE batches SET state = 'posted', posted_by = ?, posted_at = ?, post_reason = ?, updated_at = ? WHERE id = ?`)
        .run(by ?? null, now, reason ?? null, now, id);
      return 'posted' as const;
    })();
  }

  /**
   * The retention period, for batch rows as for the journal: a row of a batch posted before
   * `cutoff` keeps only what finance reconciles (its gift went to the journal, which keeps what
   * sending needs). Open batches are kept whole: their gifts have not been sent.
   */
  redactPostedBefore(cutoff: string): number {
    const rows = this.db
      .prepare(
        `SELECT g.seq, g.gift FROM batch_gifts g JOIN batches b ON b.id = g.batch_id
         WHERE g.redacted = 0 AND b.state = 'posted' AND b.posted_at < ?`,
      )
      .all(cutoff) as Array<{ seq: number; gift: string }>;
    const update = this.db.prepare('UPDATE batch_gifts SET gift = ?, donor_name = NULL, redacted = 1 WHERE seq = ?');
    this.db.transaction(() => {
      for (const row of rows) {
        const kept = Object.entries(JSON.parse(row.gift) as Record<string, unknown>).map(([field, value]) => [
          field,
          RECONCILIATION_FIELDS.has(field) ? value : '',
        ]);
        update.run(JSON.stringify(Object.fromEntries(kept)), row.seq);
      }
    })();
    return rows.length;
  }

  private head(id: string): BatchRow | undefined {
    return this.db.prepare('SELECT * FROM batches WHERE id = ?').get(id) as BatchRow | undefined;
  }

  private rows(id: string): GiftRow[] {
    return this.db.prepare('SELECT * FROM batch_gifts WHERE batch_id = ? ORDER BY seq').all(id) as GiftRow[];
  }

  private touch(id: string, now: string): void {
    this.db.prepare('UPDATE batches SET updated_at = ? WHERE id = ?').run(now, id);
  }
}

function toHead(row: BatchRow): Omit<Batch, 'gifts'> {
  const expected: BatchExpected = {};
  if (row.expected_count !== null) expected.count = row.expected_count;
  if (row.expected_total_cents !== null) expected.totalCents = row.expected_total_cents;
  const head: Omit<Batch, 'gifts'> = {
    id: row.id,
    name: row.name,
    state: row.state,
    defaults: JSON.parse(row.defaults) as BatchDefaults,
    expected,
    openedAt: row.opened_at,
    updatedAt: row.updated_at,
  };
  if (row.opened_by !== null) head.openedBy = row.opened_by;
  if (row.posted_by !== null) head.postedBy = row.posted_by;
  if (row.posted_at !== null) head.postedAt = row.posted_at;
  if (row.post_reason !== null) head.postReason = row.post_reason;
  return head;
}
