import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync, truncateSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, test } from 'node:test';
import { toImportRequest } from '../../src/contract/index.ts';
import { JOURNAL_CACHE_KB, JOURNAL_MARKER } from '../../src/proxy/journal-file.ts';
import { Outbox } from '../../src/proxy/outbox.ts';
import { postGift, sampleGift, startHarness, waitForStatus } from './harness.ts';

const dirs: string[] = [];
function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gift-journal-file-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A journal holding one queued gift, closed as after a clean stop. */
function journalWithOneGift(dir: string): string {
  const outbox = new Outbox(dir);
  const request = toImportRequest(sampleGift(), 6, new Date());
  outbox.enqueue(request, 'queued');
  outbox.close();
  return request.transactionId;
}

describe('a journal cannot silently vanish', () => {
  test('a missing gifts.db in a directory that held one is refused, naming the directory and the way out', () => {
    const dir = freshDir();
    journalWithOneGift(dir);
    for (const suffix of ['', '-wal', '-shm']) rmSync(join(dir, `gifts.db${suffix}`), { force: true });
    assert.throws(
      () => new Outbox(dir),
      (error: Error) => {
        assert.equal(error.message.split('\n').length, 1, 'one line');
        assert.ok(error.message.startsWith(`DATA_DIR ${dir} has held a gift journal, but ${join(dir, 'gifts.db')} is missing`));
        assert.match(error.message, /Restore gifts\.db from a backup/);
        assert.ok(error.message.includes(`remove ${join(dir, JOURNAL_MARKER)} to start with an empty journal on purpose`));
        return true;
      },
    );
    assert.equal(existsSync(join(dir, 'gifts.db')), false, 'no empty journal was made in its place');
  });

  test('a zero-length gifts.db is refused as empty; removing the marker starts an empty journal on purpose', () => {
    const dir = freshDir();
    journalWithOneGift(dir);
    for (const suffix of ['-wal', '-shm']) rmSync(join(dir, `gifts.db${suffix}`), { force: true });
    truncateSync(join(dir, 'gifts.db'), 0);
    assert.throws(() => new Outbox(dir), /gifts\.db is empty: gifts it held would be lost/);
    unlinkSync(join(dir, JOURNAL_MARKER));
    const outbox = new Outbox(dir);
    try {
      assert.equal(outbox.depth(), 0);
    } finally {
      outbox.close();
    }
    assert.ok(existsSync(join(dir, JOURNAL_MARKER)), 'the new journal is marked in turn');
  });

  test('a full disk at start is one sentence naming DATA_DIR, not a bare SQLite error', () => {
    const dir = freshDir();
    assert.throws(
      // SQLite's own SQLITE_FULL: the database may not grow past its first page.
      () => new Outbox(dir, { onOpen: (db) => db.pragma('max_page_count = 1') }),
      (error: Error) => {
        assert.equal(
          error.message,
          `DATA_DIR ${dir} is on a full disk (SQLITE_FULL): the gift journal cannot be opened. Free space there, then start again.`,
        );
        return true;
      },
    );
    // Nothing was left held: the next start (space freed) works.
    new Outbox(dir).close();
  });
});

describe('one proxy per directory, without shutting readers out', () => {
  test('sqlite3-style readers (and Litestream) can read the journal while the proxy runs', async () => {
    const h = await startHarness();
    try {
      const gift = sampleGift();
      await postGift(h.proxy.url, gift);
      await waitForStatus(h.proxy.url, gift.transactionId, 'accepted');
      const reader = new Database(join(h.dataDir, 'gifts.db'), { readonly: true, fileMustExist: true });
      try {
        const row = reader.prepare('SELECT status FROM gifts WHERE transaction_id = ?').get(gift.transactionId) as { status: string };
        assert.equal(row.status, 'accepted');
      } finally {
        reader.close();
      }
      // The proxy keeps writing while a reader has been in.
      const next = sampleGift();
      assert.equal((await postGift(h.proxy.url, next)).body.status, 'accepted');
    } finally {
      await h.close();
    }
  });

  test('a second journal on the same directory is refused while the first is open, and allowed once it closes', () => {
    const dir = freshDir();
    const first = new Outbox(dir);
    assert.throws(() => new Outbox(dir), /Another gift proxy is already using .*proxy\.lock.*Stop it, or give this one its own DATA_DIR/);
    first.close();
    new Outbox(dir).close();
  });
});

test('the journal’s page cache is bounded, so memory does not grow with the number of gifts it holds', () => {
  const dir = freshDir();
  const outbox = new Outbox(dir);
  try {
    const db = (outbox as unknown as { db: Database.Database }).db;
    assert.equal(db.pragma('cache_size', { simple: true }), -JOURNAL_CACHE_KB, 'better-sqlite3 would otherwise take 16 MB');
    assert.ok(JOURNAL_CACHE_KB <= 2000);
  } finally {
    outbox.close();
  }
});
