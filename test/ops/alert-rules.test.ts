/**
 * deploy/prometheus-rules.yml ships with the proxy: every alert on-call needs is there,
 * and every metric an alert reads exists on a running proxy's /metrics (an alert on a
 * misspelt metric never fires). promtool checks the syntax too where it is installed.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { postGift, sampleGift, startHarness } from '../proxy/harness.ts';

const RULES_FILE = fileURLToPath(new URL('../../deploy/prometheus-rules.yml', import.meta.url));
const RULES = readFileSync(RULES_FILE, 'utf8');
const ADMIN = 'K4r9Tq2Vx7Lm1Pz8Wc3N';

/** Each `- alert:` with its `expr:` (the file keeps both on single lines). */
function alerts(): Map<string, string> {
  const found = new Map<string, string>();
  let current: string | undefined;
  for (const line of RULES.split('\n')) {
    const alert = /^\s+- alert: (\S+)\s*$/.exec(line);
    if (alert) current = alert[1]!;
    const expr = /^\s+expr: (.+)$/.exec(line);
    if (expr && current) {
      assert.ok(!found.has(current), `${current} has two expressions`);
      found.set(current, expr[1]!);
    }
  }
  return found;
}

test('the rules file has an alert for each thing on-call must hear about', () => {
  assert.deepEqual([...alerts().keys()].sort(), [
    'GiftProxyDown',
    'GiftProxyHeld',
    'GiftProxyMemory',
    'GiftProxyNoRecentBackup',
    'GiftProxyNotDraining',
    'GiftProxyNotReady',
    'GiftProxyRejectionSpike',
    'GiftProxyRetryingLong',
    'GiftProxySlow',
    'GiftProxyStuck',
  ]);
});

test('every metric the alerts read is on a running proxy’s /metrics', async () => {
  const h = await startHarness({ GIFT_ADMIN_TOKEN: ADMIN }, { processingDelayMs: 0 });
  try {
    await postGift(h.proxy.url, sampleGift());
    const response = await fetch(`${h.proxy.url}/metrics`, { headers: { Authorization: `Bearer ${ADMIN}` } });
    const exposed = new Set(
      (await response.text())
        .split('\n')
        .filter((line) => line && !line.startsWith('#'))
        .map((line) => /^[a-zA-Z_:][\w:]*/.exec(line)![0]),
    );
    for (const [alert, expr] of alerts()) {
      const names = [...expr.matchAll(/\b(gift_proxy_\w+|process_\w+|nodejs_\w+)\b/g)].map((match) => match[1]!);
      assert.ok(names.length > 0 || /\bup\{/.test(expr), `${alert} reads no metric`);
      for (const name of names) assert.ok(exposed.has(name), `${alert} reads ${name}, which /metrics does not have`);
    }
  } finally {
    await h.close();
  }
});

test('promtool accepts the file, where it is installed', (t) => {
  const result = spawnSync('promtool', ['check', 'rules', RULES_FILE], { encoding: 'utf8' });
  if (result.error) {
    t.skip('promtool is not installed');
    return;
  }
  assert.equal(result.status, 0, result.stdout + result.stderr);
});
