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
    'deploy/gift-proxy.service',
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
