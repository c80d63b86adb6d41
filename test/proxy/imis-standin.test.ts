import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { IMIS_VERIFICATION_HEADER, pagedItems, type PagedResult, type PartySummary } from '../../src/contract/imis-party.ts';
import { DEMO_VERIFICATION_TOKEN } from '../../src/imis-standin/routes.ts';
import { startProxy, type ProxyHandle } from '../../src/proxy/server.ts';
import { startHarness } from './harness.ts';

describe('the iMIS REST stand-in on the demo proxy', () => {
  let proxy: ProxyHandle;
  const dataDir = mkdtempSync(join(tmpdir(), 'gift-standin-'));
  before(async () => {
    proxy = await startProxy({ PORT: '0', DATA_DIR: dataDir, SIMULATOR_DELAY_MS: '0', GIFT_ENTRY_KEYS: 'demo-key-0123456789abcdef' }, { log: () => {} });
  });
  after(async () => {
    await proxy.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  const get = (path: string, token = DEMO_VERIFICATION_TOKEN) =>
    fetch(`${proxy.url}${path}`, { headers: token ? { [IMIS_VERIFICATION_HEADER]: token } : {} });

  test('finds contacts with iMIS filter syntax, in the paged envelope, with the page’s token and no caller key', async () => {
    const response = await get('/api/PartySummary?lastName=startsWith:love&limit=10');
    assert.equal(response.status, 200);
    const page = (await response.json()) as PagedResult<PartySummary>;
    assert.deepEqual(pagedItems(page).map((p) => p.Name), ['Ada Lovelace', 'Byron Lovelace']);
    assert.equal(page.TotalCount, 2);
    assert.equal(page.HasNext, false);
    const byEmail = (await (await get('/api/PartySummary?email=contains:acme')).json()) as PagedResult<PartySummary>;
    assert.deepEqual(pagedItems(byEmail).map((p) => p.Id), ['200']);
    assert.equal(((await (await get('/api/PartySummary/103')).json()) as PartySummary).Name, 'Grace Hopper');
  });

  test('pages long lists', async () => {
    const first = (await (await get('/api/PartySummary?lastName=startsWith:smith&limit=10')).json()) as PagedResult<PartySummary>;
    assert.equal(first.Count, 10);
    assert.equal(first.HasNext, true);
    assert.equal(first.NextOffset, 10);
  });

  test('refuses calls without the verification token, as iMIS does for an expired login', async () => {
    assert.equal((await get('/api/PartySummary?lastName=startsWith:love', '')).status, 401);
    assert.equal((await get('/api/PartySummary?lastName=startsWith:love', 'stale-token')).status, 401);
  });

  test('our own API still needs the caller key', async () => {
    assert.equal((await get('/api/gifts')).status, 401);
  });
});

test('a proxy talking to a real upstream has no iMIS stand-in', async () => {
  const h = await startHarness();
  try {
    const response = await fetch(`${h.proxy.url}/api/PartySummary?lastName=startsWith:love`, { headers: { [IMIS_VERIFICATION_HEADER]: DEMO_VERIFICATION_TOKEN } });
    assert.equal(response.status, 404);
  } finally {
    await h.close();
  }
});
