/**
 * The scheduled backup as deploy/gift-proxy-backup.service runs it: the command given a
 * folder, from a folder that is not the app's, keeping its own backups for the keep period
 * and no backup keeping a donor detail the journal has cleared.
 */
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { backupFileName, redactBackup } from '../../src/ops/backup-retention.ts';
import { migrateJournal } from '../../src/proxy/journal-schema.ts';
import { postGift, sampleGift, startHarness, waitForStatus, type Harness } from '../proxy/harness.ts';

const ADMIN = 'admin-token-0123456789abcdef';
const COMMAND = fileURLToPath(new URL('../../src/ops/backup.ts', import.meta.url));
/** tsx by its full path: the command runs from folders with no node_modules, as the timer runs it. */
const TSX = import.meta.resolve('tsx');
const OWN_NAME = /^gifts-\d{8}T\d{6}Z\.db$/;

function runBackup(
  args: string[],
  env: Record<string, string>,
  cwd: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', TSX, COMMAND, ...args], { cwd, env: { PATH: process.env.PATH ?? '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const ownBackups = (dir: string) => readdirSync(dir).filter((name) => OWN_NAME.test(name));

describe('scheduled backups: a folder, a keep period, the journal’s retention', () => {
  let h: Harness;
  let work: string;
  let env: Record<string, string>;
  before(async () => {
    h = await startHarness({ GIFT_ADMIN_TOKEN: ADMIN }, { processingDelayMs: 0 });
    work = mkdtempSync(join(tmpdir(), 'gift-backup-timer-'));
    env = { PROXY_URL: h.proxy.url, GIFT_ADMIN_TOKEN: ADMIN };
    for (let i = 0; i < 2; i++) await postGift(h.proxy.url, sampleGift());
  });
  after(async () => {
    await h.close();
    rmSync(work, { recursive: true, force: true });
  });

  test('run from any folder, it creates the backup folder (private) and names the backup by the time', async () => {
    const elsewhere = mkdtempSync(join(work, 'cwd-'));
    const run = await runBackup(['backups/gift-proxy/'], env, elsewhere);
    assert.equal(run.code, 0, run.stderr);
    const folder = join(elsewhere, 'backups', 'gift-proxy');
    assert.equal(statSync(folder).mode & 0o777, 0o700);
    const [name, ...others] = ownBackups(folder);
    assert.equal(others.length, 0);
    assert.match(run.stdout, new RegExp(`^Saved 2 gifts \\(\\d+ KB\\) to ${join(folder, name!)}$`, 'm'));
    assert.equal(statSync(join(folder, name!)).mode & 0o777, 0o600);
    const copy = new Database(join(folder, name!), { readonly: true });
    assert.equal((copy.prepare('SELECT COUNT(*) AS n FROM gifts').get() as { n: number }).n, 2);
    copy.close();
  });

  test('it deletes its own backups older than the keep period, keeps the newer ones and never touches other files', async () => {
    const folder = mkdtempSync(join(work, 'prune-'));
    const seed = await runBackup([`${folder}/`], env, work);
    assert.equal(seed.code, 0, seed.stderr);
    const valid = join(folder, ownBackups(folder)[0]!);
    const day = 86_400_000;
    const old = backupFileName(new Date(Date.now() - 30 * day));
    const recent = backupFileName(new Date(Date.now() - 3 * day));
    writeFileSync(join(folder, old), 'an old backup');
    copyFileSync(valid, join(folder, recent));
    rmSync(valid);
    const foreign = [
      'notes.txt',
      'gifts-2020-01-01.db',
      'gifts-20200101T000000Z.db.partial',
      'other-gifts-20200101T000000Z.db',
      'gifts-20200101T000000Z.db.bak',
    ];
    for (const name of foreign) writeFileSync(join(folder, name), 'not the command’s');
    copyFileSync(join(folder, recent), join(folder, 'gifts-before-upgrade-20200101T000000Z.db'));

    // A failed backup deletes nothing: the old copies may be all there is.
    const failed = await runBackup([`${folder}/`, '--keep-days=7'], { ...env, GIFT_ADMIN_TOKEN: 'not-the-admin-token-at-all' }, work);
    assert.equal(failed.code, 1);
    assert.ok(existsSync(join(folder, old)));

    const run = await runBackup([`${folder}/`], { ...env, BACKUP_KEEP_DAYS: '7' }, work);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, new RegExp(`Deleted 1 backup older than 7 days: ${old}`));
    const left = readdirSync(folder);
    assert.ok(!left.includes(old), 'the 30-day-old backup is gone');
    assert.ok(left.includes(recent), 'the 3-day-old backup stays');
    for (const name of [...foreign, 'gifts-before-upgrade-20200101T000000Z.db'])
      assert.ok(left.includes(name), `${name} is not the command's`);
    assert.equal(ownBackups(folder).length, 2, 'the one just taken and the recent one');

    // A keep period of 0 days keeps only the newest: the one just taken.
    const newest = await runBackup([`${folder}/`, '--keep-days=0'], env, work);
    assert.equal(newest.code, 0, newest.stderr);
    const kept = ownBackups(folder);
    assert.equal(kept.length, 1);
    assert.ok(newest.stdout.includes(join(folder, kept[0]!)), 'the backup kept is the one just saved');
    for (const name of foreign) assert.ok(existsSync(join(folder, name)));
  });

  test('a keep period that is not a whole number of days is refused before anything is saved', async () => {
    const folder = mkdtempSync(join(work, 'keep-'));
    const run = await runBackup([`${folder}/`], { ...env, BACKUP_KEEP_DAYS: 'two weeks' }, work);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /keep period must be a whole number of days/);
    assert.deepEqual(readdirSync(folder), []);
  });

  test('a gift past the journal’s retention is redacted in every kept backup exactly as in the journal, and leaves no trace', async () => {
    const folder = mkdtempSync(join(work, 'redact-'));
    const gift = sampleGift({
      firstName: 'Zephyrine',
      lastName: 'Quillfeather',
      emailAddress: 'zq@example.org',
      notes: 'Pledge card: '.repeat(19),
    });
    await postGift(h.proxy.url, gift);
    await waitForStatus(h.proxy.url, gift.transactionId, 'accepted');
    const held = (file: string) => readFileSync(file).includes('Quillfeather');

    // Within the journal's 90 days: the backup keeps the donor, as the journal does.
    const first = await runBackup([`${folder}/`], env, work);
    assert.equal(first.code, 0, first.stderr);
    const older = join(folder, ownBackups(folder)[0]!);
    assert.ok(held(older), 'a gift within the retention period keeps its donor details');
    // A gift still waiting in that backup (written after the donor's, in the same page): it keeps its details.
    const waiting = new Database(older);
    waiting
      .prepare(
        `INSERT INTO gifts (transaction_id, status, request, attempts, uncertain, next_attempt_at, created_at, updated_at)
         SELECT 'waiting-1', 'queued', replace(replace(request, 'Quillfeather', 'Stillwaiting'), 'zq@', 'sw@'), 0, 0, 0, created_at, updated_at
         FROM gifts WHERE transaction_id = ?`,
      )
      .run(gift.transactionId);
    waiting.close();

    // The journal's retention now covers the gift: the proxy redacts it at start.
    await h.restart({ GIFT_ADMIN_TOKEN: ADMIN, GIFT_JOURNAL_RETENTION_DAYS: '0' });
    await new Promise((resolve) => setTimeout(resolve, 1100)); // a new second: a new backup name
    const second = await runBackup([`${folder}/`], { ...env, PROXY_URL: h.proxy.url }, work);
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stdout, /Retention \(0 days, as the journal\)/);
    const newer = join(
      folder,
      ownBackups(folder).find((name) => join(folder, name) !== older)!,
    );

    const row = (file: string) => {
      const db = new Database(file, { readonly: true });
      try {
        return db.prepare('SELECT request, donor_name, redacted, status FROM gifts WHERE transaction_id = ?').get(gift.transactionId);
      } finally {
        db.close();
      }
    };
    const journal = row(join(h.dataDir, 'gifts.db')) as { redacted: number };
    assert.equal(journal.redacted, 1, 'the journal redacted the gift');
    assert.deepEqual(row(older), journal, 'the older backup holds the gift exactly as the journal does');
    assert.deepEqual(row(newer), journal, 'so does the new one');
    const stillWaiting = new Database(older, { readonly: true });
    const request = (stillWaiting.prepare(`SELECT request FROM gifts WHERE transaction_id = 'waiting-1'`).get() as { request: string })
      .request;
    stillWaiting.close();
    assert.equal((JSON.parse(request) as { lastName: string }).lastName, 'Stillwaiting', 'a gift not yet sent keeps what sending needs');
    for (const file of [older, newer]) {
      assert.ok(!held(file), `${file} still holds the donor's name somewhere in its bytes`);
      assert.ok(!readFileSync(file).includes('zq@example.org'), `${file} still holds the donor's email`);
    }
  });
});

test('a redacted backup keeps no trace of the blanked values in its free space', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gift-backup-slack-'));
  try {
    const file = join(dir, backupFileName(new Date()));
    const db = new Database(file);
    migrateJournal(db, file, () => {});
    const insert = db.prepare(
      `INSERT INTO gifts (transaction_id, status, request, created_at, updated_at) VALUES (?, ?, ?, '2020-01-01T00:00:00.000Z', '2020-01-01T00:00:00.000Z')`,
    );
    // The donor's gift between gifts still waiting: its old cell is freed in a page that stays in use.
    for (let i = 0; i < 9; i++) {
      const donor = i === 4 ? { lastName: 'Quillfeather', status: 'accepted' } : { lastName: `Waiting${i}`, status: 'queued' };
      const request = sampleGift({ transactionId: `tx-${i}`, lastName: donor.lastName, notes: 'Pledge card: '.repeat(19) });
      insert.run(`tx-${i}`, donor.status, JSON.stringify(request));
    }
    db.close();
    assert.deepEqual(redactBackup(file, 90, false), { gifts: 1, batchRows: 0 });
    assert.ok(!readFileSync(file).includes('Quillfeather'), 'the blanked name is gone from the file, not just from the row');
    assert.ok(readFileSync(file).includes('Waiting8'), 'gifts still waiting keep their details');
    assert.deepEqual(redactBackup(file, 90, false), { gifts: 0, batchRows: 0 }, 'nothing is redacted twice');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
