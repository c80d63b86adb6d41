import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ConfigError, readConfig } from '../../src/proxy/config.ts';
import { startProxy } from '../../src/proxy/server.ts';
import { FAST_ENV, getGift, postGift, sampleGift, startHarness, type Harness } from './harness.ts';

const ADMIN = 'admin-token-0123456789abcdef';

async function takeBackup(base: string, token = ADMIN): Promise<{ status: number; body: Buffer; gifts: string | null }> {
  const response = await fetch(`${base}/admin/backup`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
  return { status: response.status, body: Buffer.from(await response.arrayBuffer()), gifts: response.headers.get('X-Gift-Count') };
}

describe('POST /admin/backup', () => {
  let h: Harness;
  const cleanup: string[] = [];
  before(async () => {
    h = await startHarness({ GIFT_ADMIN_TOKEN: ADMIN }, { processingDelayMs: 0 });
  });
  after(async () => {
    await h.close();
    for (const dir of cleanup) rmSync(dir, { recursive: true, force: true });
  });

  test('a copy taken while gifts keep arriving restores every gift acknowledged before it began, intact', async () => {
    // Enough gifts that the online backup needs several steps, with writes landing between them.
    const acknowledged: string[] = [];
    for (let i = 0; i < 600; i++) {
      const gift = sampleGift({ notes: `backfill ${i} `.repeat(15) });
      const answer = await postGift(h.proxy.url, gift);
      assert.ok(answer.status === 200 || answer.status === 202, `gift ${i} answered ${answer.status}`);
      acknowledged.push(gift.transactionId);
    }
    let writing = true;
    const duringBackup: string[] = [];
    const writer = (async () => {
      while (writing) {
        const gift = sampleGift();
        const answer = await postGift(h.proxy.url, gift);
        if (answer.status === 200 || answer.status === 202) duringBackup.push(gift.transactionId);
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const before = [...acknowledged, ...duringBackup];
    const backup = await takeBackup(h.proxy.url);
    await new Promise((resolve) => setTimeout(resolve, 50));
    writing = false;
    await writer;

    assert.equal(backup.status, 200);
    assert.ok(duringBackup.length > before.length - acknowledged.length, 'gifts kept being acknowledged while the backup ran');
    assert.equal(readdirSync(h.dataDir).filter((name) => name.startsWith('backup-')).length, 0, 'no copy is left in DATA_DIR');

    const restoredDir = mkdtempSync(join(tmpdir(), 'gift-restore-'));
    cleanup.push(restoredDir);
    writeFileSync(join(restoredDir, 'gifts.db'), backup.body, { mode: 0o600 });
    const check = new Database(join(restoredDir, 'gifts.db'));
    assert.equal(check.pragma('integrity_check', { simple: true }), 'ok');
    const count = (check.prepare('SELECT COUNT(*) AS n FROM gifts').get() as { n: number }).n;
    check.close();
    assert.equal(String(count), backup.gifts, 'the count the proxy reported is what the copy holds');
    assert.ok(count >= before.length);

    const restored = await startProxy({ ...FAST_ENV, GIFT_API_BASE_URL: h.simulator.url, DATA_DIR: restoredDir }, { log: () => {} });
    try {
      for (const transactionId of before) {
        const record = await getGift(restored.url, transactionId);
        assert.equal(
          record.transactionId,
          transactionId,
          `gift ${transactionId} acknowledged before the backup is in the restored journal`,
        );
      }
      const sample = await getGift(restored.url, acknowledged[7]!);
      assert.equal(sample.status, 'accepted');
      assert.equal(sample.donor, 'Ada Lovelace');
    } finally {
      await restored.close();
    }
  });

  test('it needs the admin token', async () => {
    const missing = await fetch(`${h.proxy.url}/admin/backup`, { method: 'POST' });
    assert.equal(missing.status, 401);
    assert.match(((await missing.json()) as { message: string }).message, /Authorization: Bearer/);
    const wrong = await takeBackup(h.proxy.url, 'someone-guessing-the-token');
    assert.equal(wrong.status, 401);
    assert.doesNotMatch(wrong.body.toString('utf8'), /SQLite/);
    assert.ok(h.logs.some((line) => line.includes('admin_token_refused')));
    assert.ok(
      h.logs.every((line) => !line.includes(ADMIN)),
      'the admin token never reaches a log line',
    );
  });
});

describe('GIFT_ADMIN_TOKEN', () => {
  test('a short one, or one equal to a caller key, stops the proxy at start with the reason', () => {
    assert.throws(
      () => readConfig({ GIFT_ADMIN_TOKEN: 'short' }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.match(error.message, /GIFT_ADMIN_TOKEN must be at least 16 characters/);
        return true;
      },
    );
    assert.throws(
      () => readConfig({ GIFT_ADMIN_TOKEN: ADMIN, GIFT_ENTRY_KEYS: ADMIN }),
      /GIFT_ADMIN_TOKEN must differ from every GIFT_ENTRY_KEYS entry/,
    );
  });
});
