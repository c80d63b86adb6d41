/**
 * `npm run backup -- <directory>/` (or `node dist/server/backup.js <directory>/` from anywhere,
 * as the systemd timer runs it): asks the running proxy for a consistent copy of its gift
 * journal (POST /admin/backup) and saves it as `gifts-<UTC stamp>.db`, readable by its owner
 * only, creating the directory if needed. Then, in that directory, it deletes its own backups
 * older than the keep period and applies the journal's retention rule to every backup kept
 * (backup-retention.ts). Given a file name instead of a directory, it saves that file.
 *
 * The proxy takes the copy with SQLite's online backup, so gifts keep flowing meanwhile.
 * Reads PROXY_URL (default http://127.0.0.1:$PORT, PORT defaulting to 8787), GIFT_ADMIN_TOKEN
 * and BACKUP_KEEP_DAYS (default 14; or --keep-days=N).
 */
import { createWriteStream, existsSync, statSync } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream } from 'node:stream/web';
import { ADMIN_PATHS, BACKUP_GIFT_COUNT_HEADER, BACKUP_RETENTION_DAYS_HEADER } from '../proxy/admin-api.ts';
import { backupFileName, keptBackups, pruneBackups, redactBackup } from './backup-retention.ts';

/** How long the command keeps its own backups unless told otherwise. */
export const DEFAULT_KEEP_DAYS = 14;

const SQLITE_MAGIC = 'SQLite format 3\0';

export class BackupError extends Error {}

export interface BackupResult {
  file: string;
  bytes: number;
  gifts: number;
  /** The proxy's journal retention in days; undefined when it keeps donor details (or did not say). */
  retentionDays: number | undefined;
}

/** A directory is named by a trailing slash or by being one already. */
function isDirectoryTarget(output: string): boolean {
  if (/[\\/]$/.test(output)) return true;
  try {
    return statSync(output).isDirectory();
  } catch {
    return false;
  }
}

/** A backup named by the second it was taken; two taken within one second take the next free second. */
function freeName(folder: string, now = Date.now()): string {
  let at = now;
  while (existsSync(join(folder, backupFileName(new Date(at))))) at += 1000;
  return join(folder, backupFileName(new Date(at)));
}

export async function saveBackup(env: Record<string, string | undefined>, output: string | undefined): Promise<BackupResult> {
  if (!output) throw new BackupError('Name the folder to write to: npm run backup -- /var/backups/gift-proxy/');
  const file = isDirectoryTarget(output) ? freeName(resolve(output)) : resolve(output);
  if (existsSync(file)) throw new BackupError(`${file} already exists; name a new file so no earlier backup is overwritten.`);
  const token = env.GIFT_ADMIN_TOKEN?.trim();
  if (!token) throw new BackupError("Set GIFT_ADMIN_TOKEN to the proxy's admin token (the same value as in the proxy's environment).");
  const base = (env.PROXY_URL?.trim() || `http://127.0.0.1:${env.PORT?.trim() || '8787'}`).replace(/\/+$/, '');

  let response: Response;
  try {
    response = await fetch(`${base}${ADMIN_PATHS.backup}`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
  } catch {
    throw new BackupError(`No proxy answered at ${base}: is it running? Set PROXY_URL if it listens elsewhere.`);
  }
  if (!response.ok || !response.body) {
    const text = await response.text().catch(() => '');
    let message = text.slice(0, 300);
    try {
      message = (JSON.parse(text) as { message?: string }).message ?? message;
    } catch {
      /* not JSON: keep the text */
    }
    throw new BackupError(`The proxy refused the backup (HTTP ${response.status}): ${message || 'no reason given'}`);
  }

  // Written beside the target and renamed at the end, so a cut-off download never looks like a backup.
  const partial = `${file}.partial`;
  try {
    // The first backup names a folder nobody made yet (/var/backups/gift-proxy): made private,
    // as the copies it will hold carry donor details.
    await mkdir(dirname(file), { recursive: true, mode: 0o700 });
    await pipeline(Readable.fromWeb(response.body as ReadableStream), createWriteStream(partial, { mode: 0o600, flags: 'wx' }));
    const handle = await open(partial, 'r');
    const header = Buffer.alloc(SQLITE_MAGIC.length);
    const { size } = await handle.stat();
    await handle.read(header, 0, header.length, 0);
    await handle.close();
    if (header.toString('latin1') !== SQLITE_MAGIC)
      throw new BackupError(`What ${base} sent is not an SQLite database; nothing was saved.`);
    await rename(partial, file);
    const retention = Number(response.headers.get(BACKUP_RETENTION_DAYS_HEADER) ?? Number.NaN);
    return {
      file,
      bytes: size,
      gifts: Number(response.headers.get(BACKUP_GIFT_COUNT_HEADER) ?? Number.NaN),
      retentionDays: Number.isInteger(retention) && retention >= 0 ? retention : undefined,
    };
  } catch (error) {
    await rm(partial, { force: true });
    if (error instanceof BackupError) throw error;
    throw new BackupError(`The backup could not be saved to ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The keep period from --keep-days=N or BACKUP_KEEP_DAYS, in whole days. */
export function keepDaysOf(env: Record<string, string | undefined>, args: string[]): number {
  const given = args.find((arg) => arg.startsWith('--keep-days='))?.slice('--keep-days='.length) ?? env.BACKUP_KEEP_DAYS?.trim();
  if (given === undefined || given === '') return DEFAULT_KEEP_DAYS;
  if (!/^\d{1,5}$/.test(given))
    throw new BackupError(`The keep period must be a whole number of days, like --keep-days=14 (got "${given}").`);
  return Number(given);
}

/** After a successful backup: prune the command's own old backups, then redact every kept one; one line each. */
export function keepBackups(saved: BackupResult, keepDays: number, now = Date.now()): string[] {
  const dir = dirname(saved.file);
  const lines: string[] = [];
  const pruned = pruneBackups(dir, keepDays, basename(saved.file), now);
  if (pruned.length > 0)
    lines.push(`Deleted ${pruned.length} backup${pruned.length === 1 ? '' : 's'} older than ${keepDays} days: ${pruned.join(', ')}`);
  if (saved.retentionDays === undefined) return lines;
  let gifts = 0;
  let rows = 0;
  const files = new Set([saved.file, ...keptBackups(dir)]);
  for (const file of files) {
    try {
      const done = redactBackup(file, saved.retentionDays, file === saved.file, now);
      gifts += done.gifts;
      rows += done.batchRows;
    } catch (error) {
      throw new BackupError(
        `The journal's retention period could not be applied to ${file}: ${error instanceof Error ? error.message : String(error)}. ` +
          'It may still hold donor details the journal has cleared: make it writable by this user, or delete it.',
      );
    }
  }
  lines.push(
    `Retention (${saved.retentionDays} days, as the journal): ${gifts} gift${gifts === 1 ? '' : 's'} and ${rows} batch row${rows === 1 ? '' : 's'} redacted across ${files.size} backup${files.size === 1 ? '' : 's'}`,
  );
  return lines;
}

const invokedDirectly = process.argv[1] !== undefined && /(?:^|[\\/])(?:backup)\.(?:ts|js)$/.test(process.argv[1]);
if (invokedDirectly) {
  const args = process.argv.slice(2);
  try {
    const keepDays = keepDaysOf(process.env, args);
    const saved = await saveBackup(
      process.env,
      args.find((arg) => !arg.startsWith('--')),
    );
    process.stdout.write(
      `Saved ${saved.gifts} gift${saved.gifts === 1 ? '' : 's'} (${(saved.bytes / 1024).toFixed(0)} KB) to ${saved.file}\n`,
    );
    for (const line of keepBackups(saved, keepDays)) process.stdout.write(`${line}\n`);
  } catch (error) {
    process.stderr.write(`${error instanceof BackupError ? error.message : `Backup failed: ${String(error)}`}\n`);
    process.exit(1);
  }
}
