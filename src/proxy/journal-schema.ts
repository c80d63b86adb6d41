/**
 * The journal's schema and how each earlier one is brought up to date. The version
 * lives in SQLite's `PRAGMA user_version`: journals written before it was kept
 * (user_version 0) are placed by their columns. Each step runs in its own transaction
 * with the version bump, so a crash mid-upgrade resumes where it stopped, and each is
 * logged as one line. A journal from a newer release is refused: this code would not
 * know what its columns mean (a stuck gift could become invisible).
 *
 * To change the schema, append a step; never edit a released one.
 */
import type Database from 'better-sqlite3';
import type { Log } from './logger.ts';

interface Migration {
  /** What the step does, for the log line. */
  change: string;
  sql: string;
}

/** Index i takes a journal from version i to version i + 1. */
const MIGRATIONS: readonly Migration[] = [
  {
    change: 'the gifts table of the first release',
    sql: `
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
      CREATE INDEX IF NOT EXISTS gifts_created ON gifts (created_at);`,
  },
  {
    change: 'who entered each gift, and the retention mark (columns entered_by, redacted)',
    sql: `
      ALTER TABLE gifts ADD COLUMN entered_by TEXT;
      ALTER TABLE gifts ADD COLUMN redacted INTEGER NOT NULL DEFAULT 0;`,
  },
  {
    change: 'the donor name picked in iMIS and the failure run that sets a gift aside (donor_name, failures, failing_since)',
    sql: `
      ALTER TABLE gifts ADD COLUMN donor_name TEXT;
      ALTER TABLE gifts ADD COLUMN failures INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE gifts ADD COLUMN failing_since INTEGER;
      CREATE TABLE IF NOT EXISTS write_probe (id INTEGER PRIMARY KEY, at TEXT NOT NULL);`,
  },
  {
    change: 'batches kept for review before posting (tables batches, batch_gifts)',
    sql: `
      CREATE TABLE IF NOT EXISTS batches (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        state TEXT NOT NULL,
        defaults TEXT NOT NULL,
        expected_count INTEGER,
        expected_total_cents INTEGER,
        opened_by TEXT,
        opened_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        posted_by TEXT,
        posted_at TEXT,
        post_reason TEXT
      );
      CREATE INDEX IF NOT EXISTS batches_state ON batches (state, seq);
      CREATE TABLE IF NOT EXISTS batch_gifts (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        batch_id TEXT NOT NULL REFERENCES batches (id),
        transaction_id TEXT NOT NULL UNIQUE,
        gift TEXT NOT NULL,
        donor_name TEXT,
        entered_by TEXT,
        added_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS batch_gifts_batch ON batch_gifts (batch_id, seq);`,
  },
  {
    change: 'the retention mark of batch rows (batch_gifts.redacted)',
    sql: `ALTER TABLE batch_gifts ADD COLUMN redacted INTEGER NOT NULL DEFAULT 0;`,
  },
  {
    change:
      'who may see each gift and batch (caller_key, the verified party_id and party_name), who re-queued a gift (requeued_by), and sign-in sessions (table sessions)',
    // Rows from before keep caller_key NULL: no key sees them; a supervisor (or local mode) does.
    sql: `
      ALTER TABLE gifts ADD COLUMN caller_key TEXT;
      ALTER TABLE gifts ADD COLUMN party_id TEXT;
      ALTER TABLE gifts ADD COLUMN party_name TEXT;
      ALTER TABLE gifts ADD COLUMN requeued_by TEXT;
      CREATE INDEX IF NOT EXISTS gifts_caller ON gifts (caller_key, created_at);
      CREATE INDEX IF NOT EXISTS gifts_party ON gifts (party_id, created_at);
      ALTER TABLE batches ADD COLUMN caller_key TEXT;
      ALTER TABLE batches ADD COLUMN party_id TEXT;
      ALTER TABLE batch_gifts ADD COLUMN caller_key TEXT;
      ALTER TABLE batch_gifts ADD COLUMN party_id TEXT;
      ALTER TABLE batch_gifts ADD COLUMN party_name TEXT;
      CREATE TABLE IF NOT EXISTS sessions (
        token_hash TEXT PRIMARY KEY,
        party_id TEXT NOT NULL,
        party_name TEXT NOT NULL,
        supervisor INTEGER NOT NULL,
        refresh_token TEXT NOT NULL,
        user_name TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS sessions_expiry ON sessions (expires_at);`,
  },
];

export const JOURNAL_SCHEMA_VERSION = MIGRATIONS.length;

export class JournalTooNewError extends Error {
  constructor(file: string, version: number) {
    super(
      `The gift journal ${file} has schema version ${version}, newer than this release understands (${JOURNAL_SCHEMA_VERSION}): ` +
        'it was written by a later release. Run that release again, or restore the backup taken before the upgrade (README: Rolling back).',
    );
  }
}

/** Journals from before user_version was kept: which released schema their columns match. */
function unversionedSchema(db: Database.Database): number {
  const columns = new Set((db.pragma('table_info(gifts)') as Array<{ name: string }>).map((c) => c.name));
  if (columns.size === 0) return 0;
  if (columns.has('donor_name')) return 3;
  if (columns.has('entered_by')) return 2;
  return 1;
}

/** Brings the journal to JOURNAL_SCHEMA_VERSION; returns the version it found. */
export function migrateJournal(db: Database.Database, file: string, log: Log): number {
  const stored = db.pragma('user_version', { simple: true }) as number;
  if (stored > JOURNAL_SCHEMA_VERSION) throw new JournalTooNewError(file, stored);
  const found = stored === 0 ? unversionedSchema(db) : stored;
  if (found === 0) {
    db.transaction(() => {
      for (const step of MIGRATIONS) db.exec(step.sql);
      db.pragma(`user_version = ${JOURNAL_SCHEMA_VERSION}`);
    })();
    log('info', 'journal_created', { file, schemaVersion: JOURNAL_SCHEMA_VERSION });
    return 0;
  }
  if (stored === 0) {
    db.pragma(`user_version = ${found}`);
    log('info', 'journal_versioned', {
      file,
      schemaVersion: found,
      note: 'written before schema versions were kept; recognised by its columns',
    });
  }
  for (let version = found; version < JOURNAL_SCHEMA_VERSION; version++) {
    const step = MIGRATIONS[version]!;
    const started = Date.now();
    db.transaction(() => {
      db.exec(step.sql);
      db.pragma(`user_version = ${version + 1}`);
    })();
    log('info', 'journal_migrated', {
      file,
      fromVersion: version,
      toVersion: version + 1,
      change: step.change,
      durationMs: Date.now() - started,
    });
  }
  return found;
}
