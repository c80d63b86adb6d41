/**
 * `npm run backup -- <output-file>`: asks the running proxy for a consistent copy of
 * its gift journal (POST /admin/backup) and saves it, readable by its owner only.
 * The proxy takes the copy with SQLite's online backup, so gifts keep flowing meanwhile.
 * Reads PROXY_URL (default http://127.0.0.1:8787) and GIFT_ADMIN_TOKEN.
 */
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream } from 'node:stream/web';
import { ADMIN_PATHS, BACKUP_GIFT_COUNT_HEADER } from '../proxy/admin-api.ts';

const SQLITE_MAGIC = 'SQLite format 3\0';

export class BackupError extends Error {}

export interface BackupResult {
  file: string;
  bytes: number;
  gifts: number;
}

export async function saveBackup(env: Record<string, string | undefined>, output: string | undefined): Promise<BackupResult> {
  if (!output) throw new BackupError('Name the file to write: npm run backup -- /var/backups/gift-proxy/gifts-2026-11-23.db');
  const file = resolve(output);
  if (existsSync(file)) throw new BackupError(`${file} already exists; name a new file so no earlier backup is overwritten.`);
  const token = env.GIFT_ADMIN_TOKEN?.trim();
  if (!token) throw new BackupError("Set GIFT_ADMIN_TOKEN to the proxy's admin token (the same value as in the proxy's environment).");
  const base = (env.PROXY_URL?.trim() || 'http://127.0.0.1:8787').replace(/\/+$/, '');

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
    return { file, bytes: size, gifts: Number(response.headers.get(BACKUP_GIFT_COUNT_HEADER) ?? Number.NaN) };
  } catch (error) {
    await rm(partial, { force: true });
    if (error instanceof BackupError) throw error;
    throw new BackupError(`The backup could not be saved to ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

const invokedDirectly = process.argv[1] !== undefined && /(?:^|[\\/])(?:backup)\.(?:ts|js)$/.test(process.argv[1]);
if (invokedDirectly) {
  try {
    const saved = await saveBackup(process.env, process.argv[2]);
    process.stdout.write(
      `Saved ${saved.gifts} gift${saved.gifts === 1 ? '' : 's'} (${(saved.bytes / 1024).toFixed(0)} KB) to ${saved.file}\n`,
    );
  } catch (error) {
    process.stderr.write(`${error instanceof BackupError ? error.message : `Backup failed: ${String(error)}`}\n`);
    process.exit(1);
  }
}
