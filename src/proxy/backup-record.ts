/**
 * When the last backup was taken and how big it was, kept in DATA_DIR beside the
 * journal so /metrics still knows it after a restart (an alert on "no backup for a
 * day" must not fire because the proxy was restarted).
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface BackupRecord {
  /** When the copy was taken (ms since the epoch). */
  at: number;
  bytes: number;
  gifts: number;
}

const FILE = 'last-backup.json';

export function readBackupRecord(dataDir: string): BackupRecord | undefined {
  try {
    const parsed = JSON.parse(readFileSync(join(dataDir, FILE), 'utf8')) as Partial<BackupRecord>;
    if (typeof parsed.at !== 'number' || typeof parsed.bytes !== 'number') return undefined;
    return { at: parsed.at, bytes: parsed.bytes, gifts: typeof parsed.gifts === 'number' ? parsed.gifts : 0 };
  } catch {
    return undefined;
  }
}

/** Written whole and renamed, so a scrape never reads half a record. */
export function writeBackupRecord(dataDir: string, record: BackupRecord): void {
  const file = join(dataDir, FILE);
  writeFileSync(`${file}.tmp`, JSON.stringify(record), { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
}
