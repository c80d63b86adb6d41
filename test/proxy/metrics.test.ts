import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { buildInfo } from '../../src/proxy/build-info.ts';
import { createMetrics, outcomeClass } from '../../src/proxy/metrics.ts';
import { classifyImportResponse } from '../../src/proxy/upstream-client.ts';
import { Outbox } from '../../src/proxy/outbox.ts';
import { adminRoutes } from '../../src/proxy/routes/admin.ts';
import { postGift, sampleGift, startHarness, type Harness } from './harness.ts';

const ADMIN = 'admin-token-0123456789abcdef';
const CALLER_KEY = 'caller-key-0123456789abcdef';

/** Prometheus text format → `name{labels}` → value. */
function parseMetrics(text: string): Map<string, number> {
  const samples = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][\w:]*(?:\{[^}]*\})?)\s+(\S+)$/.exec(line);
    assert.ok(match, `not a Prometheus sample line: ${line}`);
    samples.set(match[1]!, Number(match[2]));
  }
  return samples;
}

async function scrape(base: string): Promise<Map<string, number>> {
  const response = await fetch(`${base}/metrics`, { headers: { Authorization: `Bearer ${ADMIN}` } });
  assert.equal(response.status, 200);
  assert.match(response.headers.get('Content-Type') ?? '', /^text\/plain; version=0\.0\.4/);
  return parseMetrics(await response.text());
}

describe('GET /metrics over loopback', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ GIFT_ADMIN_TOKEN: ADMIN, GIFT_ENTRY_KEYS: CALLER_KEY }, { processingDelayMs: 0 });
  });
  after(() => h.close());

  test('after a few gifts it shows them by status, the import latency and outcomes, an empty queue and a healthy upstream', async () => {
    const key = { 'X-Gift-Entry-Key': CALLER_KEY };
    for (let i = 0; i < 3; i++) assert.equal((await postGift(h.proxy.url, sampleGift(), key)).body.status, 'accepted');
    const refused = await postGift(h.proxy.url, sampleGift({ distribution: '', campaignCode: 'NOTMAPPED' }), key);
    assert.equal(refused.body.status, 'rejected');
    h.simulator.control.failNext(1);
    const retried = sampleGift();
    await postGift(h.proxy.url, retried, key);

    const metrics = await scrape(h.proxy.url);
    assert.equal(metrics.get('gift_proxy_gifts{status="accepted"}'), 4);
    assert.equal(metrics.get('gift_proxy_gifts{status="rejected"}'), 1);
    assert.equal(metrics.get('gift_proxy_gifts{status="stuck"}'), 0);
    assert.equal(metrics.get('gift_proxy_queue_depth'), 0);
    assert.equal(metrics.get('gift_proxy_upstream_imports_total{outcome="accepted"}'), 4);
    assert.equal(metrics.get('gift_proxy_upstream_imports_total{outcome="rejected"}'), 1);
    assert.equal(metrics.get('gift_proxy_upstream_imports_total{outcome="retry"}'), 1);
    assert.equal(metrics.get('gift_proxy_upstream_retries_total'), 1);
    assert.equal(metrics.get('gift_proxy_upstream_import_duration_seconds_count{outcome="accepted"}'), 4);
    assert.equal(metrics.get('gift_proxy_upstream_import_duration_seconds_bucket{le="+Inf",outcome="accepted"}'), 4);
    assert.ok((metrics.get('gift_proxy_upstream_import_duration_seconds_sum{outcome="accepted"}') ?? -1) > 0);
    assert.equal(metrics.get('gift_proxy_upstream_state{state="ok"}'), 1);
    assert.equal(metrics.get('gift_proxy_upstream_state{state="held"}'), 0);
    assert.ok((metrics.get('process_resident_memory_bytes') ?? 0) > 0, 'process metrics are there too');
    assert.equal(metrics.get('gift_proxy_upstream_outcomes_total{class="accepted"}'), 4);
    assert.equal(metrics.get('gift_proxy_upstream_outcomes_total{class="rejected"}'), 1);
    assert.equal(metrics.get('gift_proxy_upstream_outcomes_total{class="server_error"}'), 1, 'the 500 is told apart');
    assert.equal(metrics.get('gift_proxy_upstream_outcomes_total{class="timeout"}'), 0);
    assert.equal(metrics.get('gift_proxy_oldest_waiting_seconds'), 0, 'nothing waits');
    assert.equal(metrics.get('gift_proxy_ready'), 1);
    const build = [...metrics.keys()].find((name) => name.startsWith('gift_proxy_build_info{'));
    assert.match(build ?? '', /version="\d+\.\d+\.\d+".*schema_version="\d+"/);
  });

  test('a backup shows as the last backup, with its size', async () => {
    assert.equal((await scrape(h.proxy.url)).get('gift_proxy_last_backup_timestamp_seconds'), 0, 'none yet');
    const before = Date.now() / 1000;
    const backup = await fetch(`${h.proxy.url}/admin/backup`, { method: 'POST', headers: { Authorization: `Bearer ${ADMIN}` } });
    const bytes = (await backup.arrayBuffer()).byteLength;
    const metrics = await scrape(h.proxy.url);
    assert.ok((metrics.get('gift_proxy_last_backup_timestamp_seconds') ?? 0) >= Math.floor(before) - 1);
    assert.equal(metrics.get('gift_proxy_last_backup_bytes'), bytes);
  });

  test('a refused token shows as held on the next scrape', async () => {
    h.simulator.control.setToken('the-token-was-rotated-upstream');
    const gift = sampleGift();
    const answer = await postGift(h.proxy.url, gift, { 'X-Gift-Entry-Key': CALLER_KEY });
    assert.equal(answer.body.status, 'held');
    const metrics = await scrape(h.proxy.url);
    assert.equal(metrics.get('gift_proxy_upstream_state{state="held"}'), 1);
    assert.equal(metrics.get('gift_proxy_gifts{status="held"}'), 1);
    assert.equal(metrics.get('gift_proxy_queue_depth'), 1);
    assert.equal(metrics.get('gift_proxy_upstream_imports_total{outcome="unauthorized"}'), 1);
    assert.ok((metrics.get('gift_proxy_oldest_waiting_seconds') ?? 0) > 0, 'the held gift is waiting, and ages');
  });

  test('the caller key does not open it: only the admin token does', async () => {
    const withKey = await fetch(`${h.proxy.url}/metrics`, { headers: { 'X-Gift-Entry-Key': CALLER_KEY } });
    assert.equal(withKey.status, 401);
    assert.match(((await withKey.json()) as { message: string }).message, /admin token/);
    const withKeyAsBearer = await fetch(`${h.proxy.url}/metrics`, { headers: { Authorization: `Bearer ${CALLER_KEY}` } });
    assert.equal(withKeyAsBearer.status, 401);
    await withKeyAsBearer.arrayBuffer();
  });
});

describe('upstream outcomes by class', () => {
  test('each answer the upstream client can classify lands in its own class', () => {
    const cases: Array<[number, string, string]> = [
      [202, '', 'accepted'],
      [400, '{"Message":"Distribution is invalid"}', 'rejected'],
      [401, '', 'unauthorized'],
      [500, '', 'server_error'],
      [503, '', 'unavailable'],
      [302, '', 'redirect'],
      [200, '<html>', 'odd_2xx'],
    ];
    for (const [status, body, expected] of cases)
      assert.equal(outcomeClass(classifyImportResponse(status, body)), expected, String(status));
    assert.equal(outcomeClass({ kind: 'retry', reason: 'no answer from the gift service within 30 s', failure: 'timeout' }), 'timeout');
    assert.equal(outcomeClass({ kind: 'retry', reason: 'could not reach the gift service (ECONNREFUSED)', failure: 'network' }), 'network');
  });
});

describe('GET /metrics without sockets', () => {
  let dataDir: string;
  let outbox: Outbox;
  before(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'gift-metrics-'));
    outbox = new Outbox(dataDir);
  });
  after(() => {
    outbox.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  const routes = async (adminToken: string | undefined) =>
    adminRoutes({
      config: { adminTokens: adminToken === undefined ? [] : [adminToken], dataDir },
      outbox,
      metrics: await createMetrics({
        outbox,
        upstreamState: () => 'ok',
        ready: () => true,
        lastBackup: () => undefined,
        build: buildInfo(),
      }),
      log: () => {},
    });

  test('with no GIFT_ADMIN_TOKEN configured it is off and says how to turn it on', async () => {
    const response = await (await routes(undefined)).request('/metrics', { headers: { Authorization: `Bearer ${ADMIN}` } });
    assert.equal(response.status, 403);
    assert.match(((await response.json()) as { message: string }).message, /set GIFT_ADMIN_TOKEN/);
  });

  test('while the admin token is rotated, the old and the new one both open it', async () => {
    const next = 'admin-token-next-9876543210';
    const app = adminRoutes({
      config: { adminTokens: [ADMIN, next], dataDir },
      outbox,
      metrics: await createMetrics({
        outbox,
        upstreamState: () => 'ok',
        ready: () => true,
        lastBackup: () => undefined,
        build: buildInfo(),
      }),
      log: () => {},
    });
    for (const token of [ADMIN, next]) {
      assert.equal((await app.request('/metrics', { headers: { Authorization: `Bearer ${token}` } })).status, 200, token);
    }
    assert.equal((await app.request('/metrics', { headers: { Authorization: 'Bearer admin-token-retired-000000' } })).status, 401);
  });

  test('a wrong admin token is refused with a Bearer challenge', async () => {
    const response = await (await routes(ADMIN)).request('/metrics', { headers: { Authorization: 'Bearer not-the-admin-token-at-all' } });
    assert.equal(response.status, 401);
    assert.match(response.headers.get('WWW-Authenticate') ?? '', /^Bearer /);
    assert.match(((await response.json()) as { message: string }).message, /not recognised/);
  });
});
