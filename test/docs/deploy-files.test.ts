/**
 * README shows the deployment files for people to read; deploy/ holds them for CI to
 * validate and for operators to install. They must be the same text: README's block
 * after `<!-- deploy/NAME -->` is the file, word for word.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = new URL('../../', import.meta.url);
const README = readFileSync(fileURLToPath(new URL('README.md', ROOT)), 'utf8');
const deployFile = (path: string) => readFileSync(fileURLToPath(new URL(path, ROOT)), 'utf8');

/** Each `<!-- deploy/... -->` marker in README with the fenced block that follows it. */
function readmeBlocks(): Map<string, string> {
  const blocks = new Map<string, string>();
  for (const match of README.matchAll(/<!-- (deploy\/[^ ]+) -->\n\n```[a-z]*\n([\s\S]*?)```\n/g)) blocks.set(match[1]!, match[2]!);
  return blocks;
}

test('README’s deployment blocks are the files in deploy/, word for word', () => {
  const blocks = readmeBlocks();
  assert.deepEqual([...blocks.keys()].sort(), [
    'deploy/Caddyfile',
    'deploy/gift-proxy-backup.service',
    'deploy/gift-proxy-backup.timer',
    'deploy/gift-proxy.service',
    'deploy/litestream.yml',
    'deploy/nginx-gift-proxy.conf',
    'deploy/rollback.sh',
    'deploy/upgrade.sh',
  ]);
  for (const [path, block] of blocks) assert.equal(block, deployFile(path), `README's block for ${path} differs from the file`);
});

test('Caddy and nginx keep the same operator paths to the same networks', () => {
  const caddy = deployFile('deploy/Caddyfile');
  const nginx = deployFile('deploy/nginx-gift-proxy.conf');
  const caddyNetworks = /not remote_ip (.+)/.exec(caddy)![1]!.trim().split(/\s+/);
  const nginxNetworks = [...nginx.matchAll(/^\s+allow (\S+);/gm)].map((match) => match[1]!);
  const normal = (networks: string[]) => networks.map((n) => n.replace(/^127\.0\.0\.1\/8$/, '127.0.0.0/8')).sort();
  assert.deepEqual(normal(caddyNetworks), normal(nginxNetworks));
  assert.match(nginx, /deny all;/);
  assert.match(caddy, /path \/metrics \/metrics\/\* \/admin \/admin\/\*/);
  assert.match(nginx, /location ~ \^\/\(metrics\|admin\)\(\/\|\$\)/);
});

/** `Key=value` settings of a systemd unit file (a key set twice keeps every value). */
function unitSettings(path: string): Map<string, string[]> {
  const settings = new Map<string, string[]>();
  for (const match of deployFile(path).matchAll(/^([A-Za-z]+)=(.*)$/gm))
    settings.set(match[1]!, [...(settings.get(match[1]!) ?? []), match[2]!]);
  return settings;
}

test('the backup timer runs daily, catches up a missed day, and spreads its start', () => {
  const timer = unitSettings('deploy/gift-proxy-backup.timer');
  assert.deepEqual(timer.get('OnCalendar'), ['daily']);
  assert.deepEqual(timer.get('Persistent'), ['true']);
  assert.match(timer.get('RandomizedDelaySec')?.[0] ?? '', /^[1-9]\d*(min|h)?$/);
  assert.deepEqual(timer.get('WantedBy'), ['timers.target']);
});

test('the backup service runs the backup with absolute paths, as the proxy’s user, into a folder it makes and may write', () => {
  const proxy = unitSettings('deploy/gift-proxy.service');
  const backup = unitSettings('deploy/gift-proxy-backup.service');
  assert.deepEqual(backup.get('User'), proxy.get('User'));
  assert.deepEqual(
    backup.get('EnvironmentFile'),
    proxy.get('EnvironmentFile'),
    'GIFT_ADMIN_TOKEN and PORT come from the proxy’s own settings',
  );
  const [node, script, folder, ...rest] = backup.get('ExecStart')![0]!.split(' ');
  assert.deepEqual(rest, []);
  assert.equal(node, proxy.get('ExecStart')![0]!.split(' ')[0], 'the same node as the proxy');
  assert.equal(script, `${proxy.get('WorkingDirectory')![0]}/dist/server/backup.js`, 'the app’s backup command, by its full path');
  assert.match(folder!, /^\/.+\/$/, 'a folder, by its full path: the command names each backup by its time');
  assert.deepEqual(backup.get('ReadWritePaths'), [folder!.replace(/\/$/, '')]);
  assert.ok(
    backup
      .get('ExecStartPre')!
      .some((line) => line.startsWith('+/usr/bin/install -d -o gift-proxy') && line.endsWith(` ${folder!.replace(/\/$/, '')}`)),
    'the folder is created before the sandbox needs it',
  );
  assert.match(backup.get('Environment')!.join(' '), /\bBACKUP_KEEP_DAYS=\d+\b/);
  assert.deepEqual(backup.get('Type'), ['oneshot']);
  assert.ok(backup.has('MemoryMax'));
});
