import assert from 'node:assert/strict';
import type Database from 'better-sqlite3';
import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import * as z from 'zod/mini';
import { healthSchema, PROXY_PATHS, RESPOND_ASYNC } from '../../src/contract/index.ts';
import { Outbox } from '../../src/proxy/outbox.ts';
import type { ProxyHandle } from '../../src/proxy/server.ts';
import { postGift, sampleGift, startHarness, waitForStatus } from './harness.ts';

/** The journal refuses every write, as on a full disk or a file system gone read-only. */
function journalWrites(proxy: ProxyHandle, allowed: boolean): void {
  (proxy.outbox as unknown as { db: Database.Database }).db.pragma(`query_only = ${allowed ? 0 : 1}`);
}

async function health(url: string): Promise<{ status: number; body: z.infer<typeof healthSchema> }> {
  const response = await fetch(`${url}${PROXY_PATHS.health}`);
  return { status: response.status, body: z.parse(healthSchema, await response.json()) };
}

async function until(condition: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('a storage failure is visible and never turns into a wrong verdict', () => {
  test('the journal failing after the upstream’s 202 ends in accepted (via the duplicate answer), never rejected', async () => {
    const h = await startHarness({}, { processingDelayMs: 300 });
    try {
      const gift = sampleGift();
      await postGift(h.proxy.url, gift, { [RESPOND_ASYNC.header]: RESPOND_ASYNC.value });
      await until(() => h.simulator.control.received().length === 1);
      journalWrites(h.proxy, false); // the disk fills while the upstream records the gift
      await until(() => h.logs.some((line) => line.includes('"event":"dispatcher_error"')));
      journalWrites(h.proxy, true); // space freed
      const record = await waitForStatus(h.proxy.url, gift.transactionId, 'accepted');
      assert.match(record.message ?? '', /already in iMIS/);
      assert.equal(h.simulator.control.imported().length, 1);
      assert.deepEqual(
        h.simulator.control.received().map((call) => call.status),
        [202, 400],
      );
    } finally {
      await h.close();
    }
  });

  test('while the journal cannot be written, POST answers 503 and /healthz is not ready; both recover', async () => {
    const h = await startHarness();
    try {
      assert.equal((await health(h.proxy.url)).body.ready, true);
      journalWrites(h.proxy, false);
      const gift = sampleGift();
      const { status, body } = await postGift(h.proxy.url, gift);
      assert.equal(status, 503);
      assert.match(
        String(body.message),
        /cannot store gifts right now: the journal is read-only \(SQLITE_READONLY\)\. This gift was NOT recorded and nothing was sent/,
      );
      assert.equal(h.simulator.control.received().length, 0);
      const down = await health(h.proxy.url);
      assert.equal(down.status, 503);
      assert.equal(down.body.ready, false);
      assert.equal(down.body.ok, true, 'still alive');
      assert.match(down.body.message ?? '', /Gifts cannot be stored/);

      journalWrites(h.proxy, true);
      assert.equal((await health(h.proxy.url)).body.ready, true);
      assert.equal((await postGift(h.proxy.url, gift)).body.status, 'accepted');
    } finally {
      await h.close();
    }
  });
});

describe('the journal’s files', () => {
  test('are readable by the proxy’s user only', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'gift-perms-')), 'data');
    const outbox = new Outbox(dir);
    try {
      assert.equal(statSync(dir).mode & 0o777, 0o700);
      for (const file of ['gifts.db', 'gifts.db-wal']) assert.equal(statSync(join(dir, file)).mode & 0o777, 0o600, file);
    } finally {
      outbox.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a DATA_DIR that cannot be used is named with the reason, not a bare ENOENT', () => {
    const parent = mkdtempSync(join(tmpdir(), 'gift-datadir-'));
    try {
      writeFileSync(join(parent, 'a-file'), '');
      assert.throws(
        () => new Outbox(join(parent, 'a-file', 'data')),
        /^Error: DATA_DIR .*a-file\/data cannot be created or used \(ENOTDIR\): the gift journal must live in a directory the proxy can write\.$/,
      );
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });

  test('a read-only DATA_DIR is said to be not writable', { skip: process.getuid?.() === 0 ? 'root can write anywhere' : false }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'gift-readonly-'));
    chmodSync(dir, 0o500);
    try {
      assert.throws(() => new Outbox(dir), /DATA_DIR .* is not writable by this process \(EACCES\)/);
    } finally {
      chmodSync(dir, 0o700);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
