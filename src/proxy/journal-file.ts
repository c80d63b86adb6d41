/**
 * Opening the gift journal's file in DATA_DIR, refusing to start rather than guess:
 *
 * - One proxy per directory: two dispatchers on one queue could send a gift twice. The
 *   lock is `proxy.lock`, a tiny SQLite file held under an exclusive lock for the
 *   process's life. The kernel drops it when the process dies (even by kill -9), so a
 *   lock is never stale; and gifts.db itself uses normal locking, so `sqlite3` or
 *   Litestream can read it while the proxy runs.
 * - A journal cannot silently vanish: once a directory has held one, `gifts.db.marker`
 *   stays beside it, and a missing or empty gifts.db is refused (restore it, or remove
 *   the marker to start empty on purpose) instead of starting an empty queue.
 * - A full disk or an unusable directory is one sentence naming DATA_DIR.
 *
 * Files hold donor details, so only the proxy's own user may read them (0600, 0700).
 */
import Database from 'better-sqlite3';
import { accessSync, chmodSync, closeSync, constants, existsSync, mkdirSync, openSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Log } from './logger.ts';
import { migrateJournal } from './journal-schema.ts';

export const JOURNAL_FILE = 'gifts.db';
export const JOURNAL_MARKER = 'gifts.db.marker';
export const LOCK_FILE = 'proxy.lock';
/**
 * SQLite's page cache for the journal, in KB. It fills as the journal grows, so it is part of
 * what the proxy's memory gains with volume: 512 KB (128 pages) holds the indexes' upper levels
 * and the few pages a gift touches; the rest the kernel's file cache serves.
 */
export const JOURNAL_CACHE_KB = 512;
/**
 * How long a write waits for another process's lock before failing. Litestream (README:
 * Continuous replication) takes short write locks on the journal to checkpoint, and asks
 * applications for 5 s (https://litestream.io/tips/#busy-timeout): a gift must wait them out,
 * not fail as a storage error.
 */
export const JOURNAL_BUSY_TIMEOUT_MS = 5000;

const MARKER_TEXT =
  'This directory holds the gift proxy journal (gifts.db). While this file is here the proxy refuses to start\n' +
  'if gifts.db is missing or empty, so queued gifts never vanish unnoticed. Restore gifts.db from a backup;\n' +
  'remove this file only to start with an empty journal on purpose.\n';

export class OutboxLockedError extends Error {
  constructor(dataDir: string) {
    super(
      `Another gift proxy is already using ${dataDir} (it holds ${join(dataDir, LOCK_FILE)}). Stop it, or give this one its own DATA_DIR.`,
    );
  }
}

/** Any reason the journal cannot be opened, in one sentence for the administrator. */
export class DataDirError extends Error {}

export interface OpenedJournal {
  db: Database.Database;
  /** Closes the journal, then gives up the directory's lock. */
  close(): void;
}

export interface OpenJournalOptions {
  log?: Log | undefined;
  /** Runs on the fresh connection before the schema is touched (tests play a full disk through it). */
  onOpen?: ((db: Database.Database) => void) | undefined;
}

function codeOf(error: unknown): string | undefined {
  return error && typeof error === 'object' && 'code' in error ? String(error.code) : undefined;
}

function isDiskFull(code: string | undefined): boolean {
  return code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT';
}

function diskFull(dataDir: string, code: string): DataDirError {
  return new DataDirError(
    `DATA_DIR ${dataDir} is on a full disk (${code}): the gift journal cannot be opened. Free space there, then start again.`,
  );
}

/**
 * Any failure while the journal is opened or first written at start, as one sentence
 * naming DATA_DIR (SQLite alone says "database or disk is full", and not where).
 */
export function journalStartFailure(dataDir: string, error: unknown): Error {
  if (error instanceof DataDirError || error instanceof OutboxLockedError) return error;
  const code = codeOf(error);
  if (isDiskFull(code)) return diskFull(dataDir, code!);
  if (error instanceof Error && !code) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new DataDirError(`The gift journal ${join(dataDir, JOURNAL_FILE)} cannot be opened: ${reason}${code ? ` (${code})` : ''}.`);
}

/** The data directory exists (created 0700 if not) and this process may write in it; said plainly if not. */
function prepareDataDir(dataDir: string): void {
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    accessSync(dataDir, constants.W_OK);
  } catch (error) {
    const code = codeOf(error) ?? 'unknown error';
    if (isDiskFull(code)) throw diskFull(dataDir, code);
    const why = code === 'EACCES' || code === 'EROFS' || code === 'EPERM' ? 'is not writable by this process' : 'cannot be created or used';
    throw new DataDirError(`DATA_DIR ${dataDir} ${why} (${code}): the gift journal must live in a directory the proxy can write.`);
  }
}

/** Created 0600 before SQLite opens it: SQLite gives its -journal, -wal and -shm files the database file's mode. */
function createPrivate(file: string): void {
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  for (const path of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(path)) chmodSync(path, 0o600);
}

/** The directory's lock, held until the journal is closed or the process ends (even by kill -9). */
function lockDataDir(dataDir: string): Database.Database {
  const file = join(dataDir, LOCK_FILE);
  createPrivate(file);
  const lock = new Database(file, { timeout: 0 });
  try {
    lock.pragma('locking_mode = EXCLUSIVE');
    // A write takes the exclusive lock; EXCLUSIVE locking mode keeps it until close.
    lock.exec('CREATE TABLE IF NOT EXISTS holder (pid INTEGER); DELETE FROM holder;');
    lock.prepare('INSERT INTO holder (pid) VALUES (?)').run(process.pid);
  } catch (error) {
    lock.close();
    if (String(codeOf(error)).startsWith('SQLITE_BUSY') || codeOf(error) === 'SQLITE_LOCKED') throw new OutboxLockedError(dataDir);
    throw error;
  }
  return lock;
}

function sizeOf(path: string): number | undefined {
  try {
    return statSync(path).size;
  } catch {
    return undefined;
  }
}

/** A directory that has held a journal must still hold one (a WAL alone can carry a young journal's pages). */
function refuseVanishedJournal(dataDir: string, file: string): void {
  if (!existsSync(join(dataDir, JOURNAL_MARKER))) return;
  const size = sizeOf(file);
  if (size !== undefined && (size > 0 || (sizeOf(`${file}-wal`) ?? 0) > 0)) return;
  throw new DataDirError(
    `DATA_DIR ${dataDir} has held a gift journal, but ${file} is ${size === undefined ? 'missing' : 'empty'}: gifts it held would be lost. ` +
      `Restore gifts.db from a backup (README: Restoring), or remove ${join(dataDir, JOURNAL_MARKER)} to start with an empty journal on purpose.`,
  );
}

export function openJournal(dataDir: string, options: OpenJournalOptions = {}): OpenedJournal {
  const log = options.log ?? (() => {});
  prepareDataDir(dataDir);
  const file = join(dataDir, JOURNAL_FILE);
  let lock: Database.Database | undefined;
  let db: Database.Database | undefined;
  try {
    lock = lockDataDir(dataDir);
    refuseVanishedJournal(dataDir, file);
    createPrivate(file);
    db = new Database(file, { timeout: JOURNAL_BUSY_TIMEOUT_MS });
    options.onOpen?.(db);
    db.pragma('journal_mode = WAL');
    // FULL: a gift we answered for is on disk even if the machine loses power next.
    db.pragma('synchronous = FULL');
    // better-sqlite3 builds SQLite with a 16 MB page cache, which fills as the journal grows: the
    // proxy's memory then grew with every gift it had ever taken. The queue is read through its
    // index, a few pages at a time (JOURNAL_CACHE_KB).
    db.pragma(`cache_size = -${JOURNAL_CACHE_KB}`);
    // Retention blanks a donor's details; without this SQLite would leave the old text in freed
    // pages of gifts.db, where a copy of the file would still carry it.
    db.pragma('secure_delete = ON');
    migrateJournal(db, file, log);
    createPrivate(file);
    if (!existsSync(join(dataDir, JOURNAL_MARKER))) writeFileSync(join(dataDir, JOURNAL_MARKER), MARKER_TEXT, { mode: 0o600 });
  } catch (error) {
    db?.close();
    lock?.close();
    throw journalStartFailure(dataDir, error);
  }
  const opened = db;
  const held = lock;
  return {
    db: opened,
    close() {
      opened.close();
      held.close();
    },
  };
}
