import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { startSimulator } from '../../src/simulator/server.ts';
import { FAST_ENV, TOKEN } from './harness.ts';

test('npm start logs its start and its stop as JSON lines on stdout, with the release, and nothing else', async () => {
  const simulator = await startSimulator({ token: TOKEN });
  const dataDir = mkdtempSync(join(tmpdir(), 'gift-lifecycle-'));
  try {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/proxy/main.ts'], {
      env: { ...process.env, ...FAST_ENV, GIFT_API_BASE_URL: simulator.url, DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const deadline = Date.now() + 20_000;
    while (!out.includes('"event":"proxy_started"')) {
      assert.ok(Date.now() < deadline && child.exitCode === null, `the proxy did not start: ${out}${err}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    child.kill('SIGTERM');
    const code = await new Promise((resolve) => child.once('exit', resolve));
    assert.equal(code, 0);

    const lines = out
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const events = lines.map((line) => line.event);
    assert.deepEqual(events.slice(-2), ['proxy_stopping', 'proxy_stopped']);
    const started = lines.find((line) => line.event === 'proxy_started')!;
    assert.match(String(started.version), /^\d+\.\d+\.\d+/);
    assert.equal(typeof started.commit, 'string');
    assert.equal(typeof started.schemaVersion, 'number');
    assert.equal(started.dataDir, dataDir);
    assert.equal(lines.at(-2)!.reason, 'SIGTERM');
    assert.equal(lines.at(-1)!.queueDepth, 0);
    assert.equal(err, '', 'no plain-text banner when no one is at a terminal');
  } finally {
    await simulator.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
