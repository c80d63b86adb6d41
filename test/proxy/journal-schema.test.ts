import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, test } from 'node:test';
import { JOURNAL_SCHEMA_VERSION } from '../../src/proxy/journal-schema.ts';
import { createLogger } from '../../src/proxy/logger.ts';
import { Outbox } from '../../src/proxy/outbox.ts';

/**
 * Every schema a release has written, as its CREATE statements stood in
 * `git log -p -- src/proxy/outbox.ts` (none of them set user_version).
 */
const FIRST_TABLE = `CREATE TABLE gifts (seq INTEGER PRIMARY KEY AUTOINCREMENT, transaction_id TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL, request TEXT NOT NULL, message TEXT, field TEXT, upstream_message TEXT,
  attempts INTEGER NOT NULL DEFAULT 0, uncertain INTEGER NOT NULL DEFAULT 0, next_attempt_at INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
  CREATE INDEX gifts_pending ON gifts (status, seq);
  CREATE INDEX gifts_created ON gifts (created_at);`;
const RELEASED_SCHEMAS = [
  { release: '5a768d3 (first release, also 9a24105)', version: 1, sql: FIRST_TABLE },
  {
    release: '1888ca1 (enteredBy and retention, also 60e18a4)',
    version: 2,
    sql: `${FIRST_TABLE} ALTER TABLE gifts ADD COLUMN entered_by TEXT; ALTER TABLE gifts ADD COLUMN redacted INTEGER NOT NULL DEFAULT 0;`,
  },
  {
    release: '482ee21 (stuck gifts and donor names, up to 3b9c206)',
    version: 3,
    sql: `${FIRST_TABLE} ALTER TABLE gifts ADD COLUMN entered_by TEXT; ALTER TABLE gifts ADD COLUMN redacted INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE gifts ADD COLUMN donor_name TEXT; ALTER TABLE gifts ADD COLUMN failures INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE gifts ADD COLUMN failing_since INTEGER; CREATE TABLE write_probe (id INTEGER PRIMARY KEY, at TEXT NOT NULL);`,
  },
];

const REQUEST = { transactionId: '7000000000000042', amount: 25, firstName: 'Ada', lastName: 'Lovelace', distribution: 'GEN' };

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A DATA_DIR holding a journal of an earlier release with one gift queued and one accepted. */
function oldJournal(sql: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'gift-schema-'));
  dirs.push(dir);
  const db = new Database(join(dir, 'gifts.db'));
  db.exec(sql);
  const insert = db.prepare(
    `INSERT INTO gifts (transaction_id, status, request, attempts, created_at, updated_at) VALUES (?, ?, ?, ?, '2026-11-20T10:00:00Z', '2026-11-20T10:00:00Z')`,
  );
  insert.run('7000000000000041', 'accepted', JSON.stringify({ ...REQUEST, transactionId: '7000000000000041' }), 1);
  insert.run(REQUEST.transactionId, 'queued', JSON.stringify(REQUEST), 0);
  db.close();
  return dir;
}

function openLogged(dir: string): { outbox: Outbox; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const log = createLogger([], (line) => lines.push(JSON.parse(line) as Record<string, unknown>));
  return { outbox: new Outbox(dir, { log }), lines };
}

describe('the journal’s schema version', () => {
  for (const schema of RELEASED_SCHEMAS) {
    test(`a journal from release ${schema.release} is upgraded, one log line a step, and keeps its gifts`, () => {
      const dir = oldJournal(schema.sql);
      const { outbox, lines } = openLogged(dir);
      try {
        assert.deepEqual(
          lines.filter((line) => line.event === 'journal_versioned').map((line) => line.schemaVersion),
          [schema.version],
          'the release it came from is recognised, and said',
        );
        const steps = lines.filter((line) => line.event === 'journal_migrated');
        assert.deepEqual(
          steps.map((line) => [line.fromVersion, line.toVersion]),
          Array.from({ length: JOURNAL_SCHEMA_VERSION - schema.version }, (_, i) => [schema.version + i, schema.version + i + 1]),
        );
        for (const step of steps) assert.equal(typeof step.change, 'string');
        assert.equal(outbox.head()?.record.transactionId, REQUEST.transactionId, 'the queued gift is still first in line');
        assert.equal(outbox.get('7000000000000041')?.record.status, 'accepted');
        // Every column the code uses works on the upgraded journal.
        outbox.settle(REQUEST.transactionId, { status: 'stuck', failures: 6, failingSince: Date.now() });
        assert.equal(outbox.stuckCount(), 1);
        assert.equal(outbox.checkWritable().writable, true);
        assert.equal(outbox.redactSettledBefore('2026-11-21T00:00:00Z'), 1);
      } finally {
        outbox.close();
      }
      const db = new Database(join(dir, 'gifts.db'), { readonly: true });
      assert.equal(db.pragma('user_version', { simple: true }), JOURNAL_SCHEMA_VERSION);
      db.close();

      const again = openLogged(dir);
      again.outbox.close();
      assert.deepEqual(
        again.lines.filter((line) => String(line.event).startsWith('journal_')),
        [],
        'an up-to-date journal is left alone',
      );
    });
  }

  test('a new journal is created at the current version, said in one line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gift-schema-'));
    dirs.push(dir);
    const { outbox, lines } = openLogged(dir);
    outbox.close();
    assert.deepEqual(
      lines.map((line) => [line.event, line.schemaVersion]),
      [['journal_created', JOURNAL_SCHEMA_VERSION]],
    );
  });

  test('a journal written by a newer release is refused with what to do, and left untouched', () => {
    const dir = oldJournal(RELEASED_SCHEMAS.at(-1)!.sql);
    const db = new Database(join(dir, 'gifts.db'));
    db.pragma(`user_version = ${JOURNAL_SCHEMA_VERSION + 1}`);
    db.close();
    assert.throws(
      () => new Outbox(dir),
      new RegExp(
        `^Error: The gift journal .*gifts\\.db has schema version ${JOURNAL_SCHEMA_VERSION + 1}, newer than this release understands \\(${JOURNAL_SCHEMA_VERSION}\\).*` +
          'Run that release again, or restore the backup taken before the upgrade',
      ),
    );
    const after = new Database(join(dir, 'gifts.db'), { readonly: true });
    assert.equal(after.pragma('user_version', { simple: true }), JOURNAL_SCHEMA_VERSION + 1);
    after.close();
    // The refusal let go of the directory: the newer release can start here.
    assert.throws(() => new Outbox(dir), /newer than this release/);
  });
});
