/**
 * What the backup command does to the backups it keeps, after each successful backup:
 *
 * - Pruning: its own backups (named `gifts-<UTC stamp>.db`, nothing else) older than the
 *   keep period are deleted. The age is read from the name it wrote, not from the file's
 *   time, which redaction below changes. The backup just taken is never deleted.
 * - Retention: the journal's own rule (src/proxy/journal-retention.ts, the same functions)
 *   with the period the running proxy uses, applied to every kept backup and to the copies
 *   taken before an upgrade, so no backup keeps a donor detail the journal has cleared.
 *   secure_delete and VACUUM leave no trace of the blanked values in the file.
 */
import Database from 'better-sqlite3';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { redactPostedBatchRows, redactSettledGifts, retentionCutoff } from '../proxy/journal-retention.ts';

/** The command's own backups: the only files it ever deletes. */
const OWN_BACKUP = /^gifts-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z\.db$/;
/** Copies deploy/upgrade.sh takes before an upgrade: redacted like the others, never pruned here. */
const UPGRADE_COPY = /^gifts-before-upgrade-\d{8}T\d{6}Z\.db$/;

/** The name of a backup taken at `at`, e.g. gifts-20261123T020000Z.db (UTC, sorts by time). */
export function backupFileName(at: Date): string {
  return `gifts-${at.toISOString().replace(/[-:]|\.\d+/g, '')}.db`;
}

/** When one of the command's own backups was taken (ms), from its name; undefined for any other file. */
function takenAt(name: string): number | undefined {
  const parts = OWN_BACKUP.exec(name);
  if (!parts) return undefined;
  const [, year, month, day, hour, minute, second] = parts.map(Number) as number[];
  return Date.UTC(year!, month! - 1, day, hour, minute, second);
}

/** Deletes the command's own backups taken more than `keepDays` ago, except `spare`; returns their names. */
export function pruneBackups(dir: string, keepDays: number, spare: string, now = Date.now()): string[] {
  const oldest = now - keepDays * 86_400_000;
  const pruned: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const at = takenAt(name);
    if (at === undefined || name === spare || at >= oldest) continue;
    rmSync(join(dir, name));
    pruned.push(name);
  }
  return pruned;
}

/** The backups retention applies to, in `dir`: the command's own and the copies taken before upgrades. */
export function keptBackups(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => OWN_BACKUP.test(name) || UPGRADE_COPY.test(name))
    .sort()
    .map((name) => join(dir, name));
}

function hasColumn(db: Database.Database, table: string, column: string): boolean {
  return (db.pragma(`table_info(${table})`) as Array<{ name: string }>).some((c) => c.name === column);
}

export interface Redaction {
  gifts: number;
  batchRows: number;
}

/**
 * Applies the journal's retention rule to one backup file. `compact` rewrites the file even
 * when nothing new was redacted: a fresh copy carries the journal's free pages, which may
 * still hold values the journal blanked.
 */
export function redactBackup(file: string, retentionDays: number, compact: boolean, now = Date.now()): Redaction {
  const cutoff = retentionCutoff(retentionDays, now);
  const db = new Database(file, { fileMustExist: true, timeout: 1000 });
  try {
    // Journals of the first release have no retention mark, and kept donor details forever.
    if (!hasColumn(db, 'gifts', 'redacted')) return { gifts: 0, batchRows: 0 };
    db.pragma('secure_delete = ON');
    const gifts = redactSettledGifts(db, cutoff);
    const batchRows = hasColumn(db, 'batch_gifts', 'redacted') ? redactPostedBatchRows(db, cutoff) : 0;
    if (compact || gifts > 0 || batchRows > 0) db.exec('VACUUM');
    return { gifts, batchRows };
  } finally {
    db.close();
  }
}
