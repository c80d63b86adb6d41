/**
 * Build outputs cannot destroy each other: after any order of README's build commands,
 * `npm start` still starts (dist/server/proxy.js, the manifest and the widget are all there),
 * and the compiled proxy carries no demo or iMIS stand-in code. Runs in a scratch copy of the
 * checkout (node_modules linked), so the checkout's own dist/ is left as it is.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

const README = readFileSync('README.md', 'utf8');
const BUILD_COMMANDS = ['npm run build', 'npm run package'];
/** Every order README's build commands can be run in, one after the other. */
const SEQUENCES = [['npm run package'], ['npm run build'], ['npm run build', 'npm run package'], ['npm run package', 'npm run build']];
const COPIED = ['package.json', 'vite.config.ts', 'custom-elements-manifest.config.mjs', 'README.md', 'src', 'styles', 'dist'];

let copy = '';
before(() => {
  copy = mkdtempSync(join(tmpdir(), 'gift-builds-'));
  for (const entry of COPIED) cpSync(entry, join(copy, entry), { recursive: true });
  for (const file of readdirSync('.').filter((name) => /^tsconfig.*\.json$/.test(name))) cpSync(file, join(copy, file));
  symlinkSync(realpathSync('node_modules'), join(copy, 'node_modules'));
});
after(() => rmSync(copy, { recursive: true, force: true }));

function run(command: string): void {
  const [, ...args] = command.split(' ');
  const result = spawnSync('npm', args, { cwd: copy, encoding: 'utf8', timeout: 120_000 });
  assert.equal(result.status, 0, `${command} failed:\n${result.stdout}\n${result.stderr}`);
}

/** `npm start` in the copy: it must start and answer, then stop on SIGTERM. */
async function npmStartWorks(): Promise<void> {
  const data = mkdtempSync(join(tmpdir(), 'gift-builds-data-'));
  const child = spawn('npm', ['start'], {
    cwd: copy,
    env: { ...process.env, PORT: '0', DATA_DIR: data, SIMULATOR_DELAY_MS: '0' },
    detached: true,
  });
  let output = '';
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`npm start did not start:\n${output}`)), 20_000);
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        // The start is a JSON log line (the plain banner is for a terminal only).
        const found = /"event":"proxy_started","url":"(http:\/\/[^"]+)"/.exec(output);
        if (found) {
          clearTimeout(timer);
          resolve(found[1]!);
        }
      };
      child.stdout.on('data', read);
      child.stderr.on('data', read);
      child.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
    });
    assert.equal((await fetch(`${url}/healthz`)).status, 200);
    assert.equal((await fetch(`${url}/gift-entry.js`)).status, 200, 'the widget is served');
    assert.match(await (await fetch(`${url}/`)).text(), /<gift-entry/, 'simulator mode: the demo page is mounted');
  } finally {
    if (child.pid) process.kill(-child.pid, 'SIGTERM');
    await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(undefined)));
    rmSync(data, { recursive: true, force: true });
  }
}

test('README gives exactly these build commands', () => {
  for (const command of BUILD_COMMANDS) assert.ok(README.includes(command), `README no longer mentions ${command}`);
});

for (const sequence of SEQUENCES) {
  test(`after ${sequence.join(', then ')}, npm start still works`, async () => {
    for (const command of sequence) run(command);
    for (const file of ['dist/server/proxy.js', 'dist/server/demo.js', 'dist/custom-elements.json', 'dist/gift-entry.js']) {
      if (file === 'dist/server/demo.js' && !sequence.includes('npm run build')) continue; // the copy's dist is the committed one
      assert.ok(existsSync(join(copy, file)), `${file} is gone after ${sequence.join(', ')}`);
    }
    if (sequence.includes('npm run package')) assert.ok(existsSync(join(copy, 'ipart', 'gift-entry-ipart.zip')));
    await npmStartWorks();
  });
}

test('the compiled proxy holds no demo or iMIS stand-in code (they are dist/server/demo.js, loaded only in simulator mode)', () => {
  run('npm run build:server');
  const proxy = readFileSync(join(copy, 'dist', 'server', 'proxy.js'), 'utf8');
  for (const marker of ['// src/imis-standin/', '// src/demo/', 'demo-verification-token', 'DocumentSystem', 'searchParties']) {
    assert.ok(!proxy.includes(marker), `dist/server/proxy.js contains ${marker}`);
  }
  const demo = readFileSync(join(copy, 'dist', 'server', 'demo.js'), 'utf8');
  assert.ok(demo.includes('// src/imis-standin/'), 'the stand-in is in the demo bundle');
});
