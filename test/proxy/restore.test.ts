import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import * as z from 'zod/mini';
import { healthSchema, journalSchema, PROXY_PATHS, RESPOND_ASYNC, type GiftRecord } from '../../src/contract/index.ts';
import { saveBackup } from '../../src/ops/backup.ts';
import { startProxy, type ProxyHandle } from '../../src/proxy/server.ts';
import { FAST_ENV, postGift, sampleGift, startHarness, type Harness } from './harness.ts';

const ADMIN = 'admin-token-0123456789abcdef';
const async = { [RESPOND_ASYNC.header]: RESPOND_ASYNC.value };

async function journal(base: string): Promise<GiftRecord[]> {
  const response = await fetch(`${base}${PROXY_PATHS.gifts}?since=2000-01-01&limit=5000`);
  return z.parse(journalSchema, await response.json()).gifts;
}

/** Waits until nothing is left to send (or fails the test after `ms`). */
async function drained(base: string, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    const health = z.parse(healthSchema, await (await fetch(`${base}${PROXY_PATHS.health}`)).json());
    if (health.queueDepth === 0) return;
    if (Date.now() > deadline) throw new Error(`still ${health.queueDepth} gifts waiting`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('restoring a backup taken mid-load never falsifies a gift', () => {
  let h: Harness;
  let restored: ProxyHandle | undefined;
  const dirs: string[] = [];
  before(async () => {
    h = await startHarness({ GIFT_ADMIN_TOKEN: ADMIN }, { processingDelayMs: 15 });
  });
  after(async () => {
    await restored?.close();
    await h.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  test('every gift ends as the upstream holds it: none falsely rejected, none acknowledged before the backup lost', async () => {
    const beforeBackup: string[] = [];
    for (let i = 0; i < 60; i++) {
      const gift = sampleGift({ amount: i + 1 });
      assert.equal((await postGift(h.proxy.url, gift, async)).status, 202);
      beforeBackup.push(gift.transactionId);
    }
    // Taken as an operator would, with `npm run backup`'s code, while the queue drains.
    const saved = mkdtempSync(join(tmpdir(), 'gift-backups-'));
    dirs.push(saved);
    const backup = await saveBackup({ PROXY_URL: h.proxy.url, GIFT_ADMIN_TOKEN: ADMIN }, join(saved, 'gifts-backup.db'));
    assert.ok(backup.gifts >= 60);
    // Gifts acknowledged after the backup: past its recovery point.
    for (let i = 0; i < 20; i++) await postGift(h.proxy.url, sampleGift({ amount: 100 + i }), async);
    await drained(h.proxy.url);

    const dir = mkdtempSync(join(tmpdir(), 'gift-restore-'));
    dirs.push(dir);
    copyFileSync(backup.file, join(dir, 'gifts.db'));
    const copy = new Database(join(dir, 'gifts.db'), { readonly: true });
    const waiting = (copy.prepare(`SELECT COUNT(*) AS n FROM gifts WHERE status IN ('queued', 'sending')`).get() as { n: number }).n;
    copy.close();
    assert.ok(waiting >= 10, `the backup caught gifts still waiting to be sent (${waiting})`);

    restored = await startProxy({ ...FAST_ENV, GIFT_API_BASE_URL: h.simulator.url, DATA_DIR: dir }, { log: () => {} });
    await drained(restored.url);

    const upstream = new Set(h.simulator.control.imported().map((gift) => String(gift.transactionId)));
    const gifts = await journal(restored.url);
    const byId = new Map(gifts.map((gift) => [gift.transactionId, gift]));
    for (const id of beforeBackup) assert.ok(byId.has(id), `gift ${id} acknowledged before the backup is in the restored journal`);
    const falselyRejected = gifts.filter((gift) => gift.status === 'rejected' && upstream.has(gift.transactionId));
    assert.deepEqual(
      falselyRejected.map((gift) => `${gift.transactionId}: ${gift.message ?? ''}`),
      [],
      'no gift iMIS holds is shown as rejected',
    );
    for (const gift of gifts) {
      assert.equal(
        gift.status,
        upstream.has(gift.transactionId) ? 'accepted' : 'rejected',
        `${gift.transactionId} (${gift.message ?? ''})`,
      );
    }
    const resent = gifts.filter((gift) => gift.message?.includes('already in iMIS'));
    assert.ok(resent.length >= waiting, `the gifts waiting in the copy say they were already in iMIS (${resent.length})`);
    assert.equal(h.simulator.control.imported().length, 80, 'each gift imported once');
  });
});
