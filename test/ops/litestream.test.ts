/**
 * Litestream as the continuous option (README: Continuous replication): deploy/litestream.yml
 * replicates the journal the unit's proxy writes, and the journal lets Litestream work as
 * its documentation asks of applications (https://litestream.io/tips/): WAL mode, readable
 * by another process while the proxy runs, and writes that wait out Litestream's short
 * checkpoint locks instead of failing.
 */
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { JOURNAL_FILE } from '../../src/proxy/journal-file.ts';
import { postGift, sampleGift, startHarness } from '../proxy/harness.ts';

const ROOT = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(fileURLToPath(new URL(path, ROOT)), 'utf8');

/** Each database of the config (`dbs:` entries), with its replicas' url and sync-interval. */
function litestreamDatabases(yaml: string): Array<{ path: string; replicas: Array<Record<string, string>> }> {
  const dbs: Array<{ path: string; replicas: Array<Record<string, string>> }> = [];
  let section: string | undefined;
  for (const raw of yaml.split('\n')) {
    const line = raw.replace(/\s+#.*$/, '').replace(/^\s*#.*$/, '');
    if (line.trim() === '') continue;
    const top = /^(\S[^:]*):/.exec(line);
    if (top) section = top[1];
    if (section !== 'dbs') continue;
    const db = /^ {2}- path: (\S+)$/.exec(line);
    if (db) dbs.push({ path: db[1]!, replicas: [] });
    const replica = /^ {6}- ([a-z-]+): (\S+)$/.exec(line);
    if (replica) dbs.at(-1)!.replicas.push({ [replica[1]!]: replica[2]! });
    const setting = /^ {8}([a-z-]+): (\S+)$/.exec(line);
    if (setting) Object.assign(dbs.at(-1)!.replicas.at(-1)!, { [setting[1]!]: setting[2]! });
  }
  return dbs;
}

test('deploy/litestream.yml replicates the journal in the DATA_DIR the unit and the guide give the proxy', () => {
  const unitDataDir = /^ReadWritePaths=(\S+)$/m.exec(read('deploy/gift-proxy.service'))?.[1];
  const guideDataDir = /^DATA_DIR=(\S+)$/m.exec(read('README.md'))?.[1];
  assert.ok(unitDataDir && guideDataDir);
  assert.equal(unitDataDir, guideDataDir);
  const dbs = litestreamDatabases(read('deploy/litestream.yml'));
  assert.equal(dbs.length, 1);
  assert.equal(dbs[0]!.path, join(unitDataDir, JOURNAL_FILE));
  assert.equal(dbs[0]!.replicas.length, 1);
  const replica = dbs[0]!.replicas[0]!;
  assert.match(replica.url ?? '', /^(file|s3|gs|abs|sftp):\/\//);
  assert.equal(replica['sync-interval'], '1s', 'README states a recovery point of about one second');
  const readme = read('README.md');
  assert.ok(/### Continuous replication \(Litestream\)[\s\S]*about 1\s+second/.test(readme), 'README states the recovery point');
});

test('while Litestream holds a checkpoint lock on the journal, a gift waits for it and is recorded', async () => {
  const h = await startHarness({}, { processingDelayMs: 0 });
  try {
    const journal = join(h.dataDir, JOURNAL_FILE);
    const reader = new Database(journal, { readonly: true });
    assert.equal(reader.pragma('journal_mode', { simple: true }), 'wal', 'Litestream works only with WAL');
    reader.close();

    // Another process, as Litestream is: it takes the write lock for 2 s (longer than SQLite's
    // default wait of none, and than the 1 s the journal used to wait).
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `const db = new (require(${JSON.stringify(driver)}))(${JSON.stringify(journal)});
         db.exec('BEGIN IMMEDIATE'); console.log('locked');
         Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2000);
         db.exec('COMMIT'); db.close();`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const exited = new Promise((resolve) => holder.once('exit', resolve));
    await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
    const gift = sampleGift();
    const answer = await postGift(h.proxy.url, gift);
    assert.equal(answer.status < 300, true, JSON.stringify(answer.body));
    assert.notEqual(answer.body.status, 'failed');
    const row = new Database(journal, { readonly: true });
    assert.ok(row.prepare('SELECT 1 FROM gifts WHERE transaction_id = ?').get(gift.transactionId), 'the gift is in the journal');
    row.close();
    await exited;
  } finally {
    await h.close();
  }
});
