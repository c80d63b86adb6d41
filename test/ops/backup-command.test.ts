import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { postGift, sampleGift, startHarness, type Harness } from '../proxy/harness.ts';

const ADMIN = 'admin-token-0123456789abcdef';
const COMMAND = fileURLToPath(new URL('../../src/ops/backup.ts', import.meta.url));

/** Runs the backup command as `npm run backup -- <file>` would, with only the given environment. */
function runBackup(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', COMMAND, ...args], { env: { PATH: process.env.PATH ?? '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run backup', () => {
  let h: Harness;
  let out: string;
  before(async () => {
    h = await startHarness({ GIFT_ADMIN_TOKEN: ADMIN }, { processingDelayMs: 0 });
    out = mkdtempSync(join(tmpdir(), 'gift-backup-out-'));
    for (let i = 0; i < 3; i++) await postGift(h.proxy.url, sampleGift());
  });
  after(async () => {
    await h.close();
    rmSync(out, { recursive: true, force: true });
  });

  test('saves a journal SQLite can open, readable by its owner only, and says how many gifts it holds', async () => {
    const file = join(out, 'gifts.db');
    const run = await runBackup([file], { PROXY_URL: h.proxy.url, GIFT_ADMIN_TOKEN: ADMIN });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^Saved 3 gifts \(\d+ KB\) to .*gifts\.db$/m);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    const copy = new Database(file, { readonly: true });
    assert.equal(copy.pragma('integrity_check', { simple: true }), 'ok');
    assert.equal((copy.prepare('SELECT COUNT(*) AS n FROM gifts').get() as { n: number }).n, 3);
    copy.close();
  });

  test('a backup folder that does not exist yet is created, private to its owner', async () => {
    const folder = join(out, 'var', 'backups', 'gift-proxy');
    const file = join(folder, 'gifts-first.db');
    const run = await runBackup([file], { PROXY_URL: h.proxy.url, GIFT_ADMIN_TOKEN: ADMIN });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(statSync(folder).mode & 0o777, 0o700);
    assert.equal(statSync(file).mode & 0o777, 0o600);
  });

  test('without the admin token it says what to set and saves nothing', async () => {
    const file = join(out, 'no-token.db');
    const run = await runBackup([file], { PROXY_URL: h.proxy.url });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /Set GIFT_ADMIN_TOKEN/);
    assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
    assert.equal(existsSync(file), false);
  });

  test('a wrong token is reported with the proxy’s own reason, and nothing is saved', async () => {
    const file = join(out, 'wrong-token.db');
    const run = await runBackup([file], { PROXY_URL: h.proxy.url, GIFT_ADMIN_TOKEN: 'not-the-admin-token-at-all' });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /refused the backup \(HTTP 401\): The admin token is not recognised/);
    assert.equal(existsSync(file), false);
    assert.equal(existsSync(`${file}.partial`), false);
  });

  test('it never overwrites an earlier backup', async () => {
    const file = join(out, 'earlier.db');
    writeFileSync(file, 'an earlier backup');
    const run = await runBackup([file], { PROXY_URL: h.proxy.url, GIFT_ADMIN_TOKEN: ADMIN });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /already exists/);
  });

  test('with no proxy at PROXY_URL it says so', async () => {
    const run = await runBackup([join(out, 'nowhere.db')], { PROXY_URL: 'http://127.0.0.1:9', GIFT_ADMIN_TOKEN: ADMIN });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /No proxy answered at http:\/\/127\.0\.0\.1:9/);
  });
});
