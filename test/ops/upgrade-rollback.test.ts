/**
 * README's upgrade and rollback, run as written: its command blocks, with this
 * repository cloned as the server's /opt/gift-proxy/app, from the last release before
 * schema versions (a journal locked while running, no upgrade script of its own) to this
 * one and back. systemctl and `npm ci` are stand-ins (they run the checked-out release's
 * source and link the installed node_modules); git, sqlite3, curl and the scripts are real.
 */
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { JOURNAL_SCHEMA_VERSION } from '../../src/proxy/journal-schema.ts';
import { startSimulator } from '../../src/simulator/server.ts';
import { ACCOUNT, TOKEN, postGift, sampleGift } from '../proxy/harness.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const README = readFileSync(join(REPO, 'README.md'), 'utf8');
/** The last commit before the journal had a schema version and a lock file (its dist/ and src/ run as released). */
const OLD_RELEASE = '49839d3';
const tools = ['git', 'sqlite3', 'curl'];
const missing = tools.filter((tool) => spawnSync(tool, ['--version']).error);

function commandBlock(marker: string): string {
  const block = new RegExp(`<!-- ${marker} -->\\n\\n\`\`\`sh\\n([\\s\\S]*?)\`\`\``).exec(README)?.[1];
  assert.ok(block, `README has no block after <!-- ${marker} -->`);
  return block;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitReady(url: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      /* not listening yet */
    }
    assert.ok(Date.now() < deadline, 'the proxy did not become ready');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const STUB_SYSTEMCTL = `#!/bin/sh
# Stand-in for systemctl: the unit's ExecStart, from the checked-out release's source.
case "$1" in
  stop)
    if [ -f "$STUB_STATE/pid" ]; then
      pid="$(cat "$STUB_STATE/pid")"
      kill -TERM "$pid" 2>/dev/null || true
      while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
      rm -f "$STUB_STATE/pid"
    fi ;;
  start)
    (cd "$APP_DIR" && set -a && . "$ENV_FILE" && set +a && exec "$NODE" --import tsx src/proxy/main.ts >>"$STUB_STATE/log" 2>&1) &
    echo $! >"$STUB_STATE/pid" ;;
esac
`;
const STUB_NPM = `#!/bin/sh
# Stand-in for npm ci: the dependencies are already installed on this machine.
[ "$1" = ci ] && ln -sfn "$NODE_MODULES" node_modules
`;

test(
  'README’s upgrade (backup first) and rollback, from the release before schema versions and back',
  { skip: missing.length > 0 ? `needs ${missing.join(', ')}` : false, timeout: 180_000 },
  async () => {
    const root = mkdtempSync(join(tmpdir(), 'gift-upgrade-'));
    const simulator = await startSimulator({ token: TOKEN, processingDelayMs: 0 });
    const app = join(root, 'app');
    const dirs = { data: join(root, 'data'), backups: join(root, 'backups'), stubs: join(root, 'stubs'), state: join(root, 'state') };
    for (const dir of Object.values(dirs)) mkdirSync(dir, { mode: 0o700 });
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const envFile = join(root, 'env');
    writeFileSync(
      envFile,
      [
        `GIFT_API_BASE_URL=${simulator.url}`,
        `GIFT_API_TOKEN=${TOKEN}`,
        `GIFT_FINANCIAL_ACCOUNT_ID=${ACCOUNT}`,
        'HOST=127.0.0.1',
        `PORT=${port}`,
        `DATA_DIR=${dirs.data}`,
        'GIFT_UPSTREAM_SPACING_MS=0',
        '',
      ].join('\n'),
    );
    writeFileSync(join(dirs.stubs, 'systemctl'), STUB_SYSTEMCTL);
    writeFileSync(join(dirs.stubs, 'npm'), STUB_NPM);
    for (const stub of ['systemctl', 'npm']) chmodSync(join(dirs.stubs, stub), 0o755);
    const env = {
      ...process.env,
      PATH: `${dirs.stubs}:${process.env.PATH}`,
      APP_DIR: app,
      ENV_FILE: envFile,
      BACKUP_DIR: dirs.backups,
      STUB_STATE: dirs.state,
      NODE: process.execPath,
      NODE_MODULES: realpathSync(join(REPO, 'node_modules')),
    };
    /** README's block, with the server's paths pointing into this test's directory. */
    const runReadme = (marker: string, release?: string) => {
      let script = commandBlock(marker).replaceAll('/opt/gift-proxy/app', app);
      if (release) script = script.replaceAll('RELEASE', release);
      return spawnSync('bash', ['-euo', 'pipefail', '-c', script], { env, encoding: 'utf8', timeout: 120_000 });
    };
    const journalVersion = (file: string) => {
      const db = new Database(file, { readonly: true });
      try {
        return db.pragma('user_version', { simple: true }) as number;
      } finally {
        db.close();
      }
    };

    try {
      const newRelease = execFileSync('git', ['-C', REPO, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
      execFileSync('git', ['clone', '--quiet', REPO, app]);
      execFileSync('git', ['-C', app, '-c', 'advice.detachedHead=false', 'checkout', '--quiet', OLD_RELEASE]);
      execFileSync(join(dirs.stubs, 'npm'), ['ci'], { cwd: app, env });
      execFileSync(join(dirs.stubs, 'systemctl'), ['start', 'gift-proxy'], { env });
      await waitReady(url);
      const before = [sampleGift(), sampleGift(), sampleGift()];
      for (const gift of before) assert.equal((await postGift(url, gift)).body.status, 'accepted');

      const upgrade = runReadme('upgrade-commands', newRelease);
      assert.equal(upgrade.status, 0, `upgrade failed:\n${upgrade.stdout}${upgrade.stderr}`);
      assert.match(upgrade.stdout, /Backed up 3 gifts to .*gifts-before-upgrade-.*\.db/);
      assert.match(upgrade.stdout, /is running and ready\./);
      const backups = readdirSync(dirs.backups).filter((name) => name.endsWith('.db'));
      assert.equal(backups.length, 1);
      const backup = join(dirs.backups, backups[0]!);
      assert.equal(statSync(backup).mode & 0o777, 0o600, 'the backup is private');
      assert.equal(journalVersion(backup), 0, 'the backup is the old release’s journal, as it was');
      assert.equal(execFileSync('git', ['-C', app, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim(), newRelease);
      assert.ok(existsSync(join(dirs.data, 'proxy.lock')), 'the new release runs');
      // The client's pooled connection went with the old process: the first call may fail, as for the widget (it retries).
      await waitReady(url);
      const after = sampleGift();
      assert.equal((await postGift(url, after)).body.status, 'accepted');
      for (const gift of before) {
        const record = (await (await fetch(`${url}/api/gifts/${gift.transactionId}`)).json()) as { status: string };
        assert.equal(record.status, 'accepted', 'gifts from before the upgrade are kept');
      }
      assert.equal(journalVersion(join(dirs.data, 'gifts.db')), JOURNAL_SCHEMA_VERSION);

      const rollback = runReadme('rollback-commands');
      assert.equal(rollback.status, 0, `rollback failed:\n${rollback.stdout}${rollback.stderr}`);
      assert.match(rollback.stdout, /Restored .*gifts-before-upgrade-.*\.db \(the journal's schema changed in the upgrade\)/);
      assert.match(rollback.stdout, new RegExp(`${after.transactionId}\\|accepted`), 'the gift entered since the upgrade is listed');
      assert.match(rollback.stdout, /is running again\./);
      assert.equal(execFileSync('git', ['-C', app, 'rev-parse', '--short=7', 'HEAD'], { encoding: 'utf8' }).trim(), OLD_RELEASE);
      assert.ok(
        readdirSync(dirs.data).some((name) => name.startsWith('gifts.db.from-upgrade-')),
        'the newer journal is kept beside the restored one',
      );
      await waitReady(url);
      const record = (await (await fetch(`${url}/api/gifts/${before[0]!.transactionId}`)).json()) as { status: string };
      assert.equal(record.status, 'accepted', 'the previous release serves the restored journal');
      // That release locks its journal against readers while it runs: look once it has stopped.
      execFileSync(join(dirs.stubs, 'systemctl'), ['stop', 'gift-proxy'], { env });
      assert.equal(journalVersion(join(dirs.data, 'gifts.db')), 0);
    } catch (error) {
      const log = existsSync(join(dirs.state, 'log')) ? readFileSync(join(dirs.state, 'log'), 'utf8') : '(no log)';
      throw new Error(`${error instanceof Error ? error.message : String(error)}\nThe proxies' output:\n${log.slice(-3000)}`, {
        cause: error,
      });
    } finally {
      spawnSync(join(dirs.stubs, 'systemctl'), ['stop', 'gift-proxy'], { env });
      await simulator.close();
      rmSync(root, { recursive: true, force: true });
    }
  },
);
