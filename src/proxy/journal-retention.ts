/**
 * The retention rule, written once: past the retention period a settled gift, and a row of
 * a posted batch, keep only what finance reconciles (transactionId, amount, fund codes,
 * dates, status); names, contact details and notes are blanked and the row is marked
 * redacted. Gifts still waiting to be sent, and open batches, keep everything they need.
 *
 * The proxy applies it to its journal (server.ts, hourly); the backup command applies the
 * very same functions to every backup it keeps (src/ops/backup-retention.ts), so no copy
 * keeps a donor detail the journal has already cleared.
 */
import type Database from 'better-sqlite3';
import { RECONCILIATION_FIELDS } from '../contract/gift-fields.ts';

/** The instant before which gifts lose their donor details, for a retention of `days`. */
export function retentionCutoff(days: number, now = Date.now()): string {
  return new Date(now - days * 86_400_000).toISOString();
}

/** Only the reconciliation fields keep their values; every other field is blanked. */
function reconciliationOnly(json: string): string {
  const kept = Object.entries(JSON.parse(json) as Record<string, unknown>).map(([field, value]) => [
    field,
    RECONCILIATION_FIELDS.has(field) ? value : '',
  ]);
  return JSON.stringify(Object.fromEntries(kept));
}

/** Settled gifts (accepted or rejected) entered before `cutoff`; returns how many were redacted. */
export function redactSettledGifts(db: Database.Database, cutoff: string): number {
  const rows = db
    .prepare(`SELECT transaction_id, request FROM gifts WHERE redacted = 0 AND status IN ('accepted', 'rejected') AND created_at < ?`)
    .all(cutoff) as Array<{ transaction_id: string; request: string }>;
  const update = db.prepare(`UPDATE gifts SET request = ?, donor_name = NULL, redacted = 1 WHERE transaction_id = ?`);
  db.transaction(() => {
    for (const row of rows) update.run(reconciliationOnly(row.request), row.transaction_id);
  })();
  return rows.length;
}

/** Rows of batches posted before `cutoff` (their gifts went to the journal); returns how many were redacted. */
export function redactPostedBatchRows(db: Database.Database, cutoff: string): number {
  const rows = db
    .prepare(
      `SELECT g.seq, g.gift FROM batch_gifts g JOIN batches b ON b.id = g.batch_id
       WHERE g.redacted = 0 AND b.state = 'posted' AND b.posted_at < ?`,
    )
    .all(cutoff) as Array<{ seq: number; gift: string }>;
  const update = db.prepare('UPDATE batch_gifts SET gift = ?, donor_name = NULL, redacted = 1 WHERE seq = ?');
  db.transaction(() => {
    for (const row of rows) update.run(reconciliationOnly(row.gift), row.seq);
  })();
  return rows.length;
}
