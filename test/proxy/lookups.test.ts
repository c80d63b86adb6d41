import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import * as z from 'zod/mini';
import { lookupsResponseSchema } from '../../src/contract/index.ts';
import { startHarness, type Harness } from './harness.ts';

describe('GET /api/lookups', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ GIFT_LOOKUPS_TTL_MS: '60000', GIFT_TRANSACTION_PREFIX: '77' });
  });
  after(() => h.close());

  test('answers funds, appeals and campaigns in one response with the deployment prefix', async () => {
    const response = await fetch(`${h.proxy.url}/api/lookups`);
    assert.equal(response.status, 200);
    const body = z.parse(lookupsResponseSchema, await response.json());
    assert.ok(body.distributions.some((d) => d.Code === 'ALPHA' && d.Title === 'Alpha'));
    assert.ok(body.appeals.length > 0 && body.campaigns.length > 0);
    assert.equal(body.transactionIdPrefix, '77');
  });

  test('is cached: an unchanged list answers 304 to If-None-Match and the upstream is not asked again', async () => {
    const first = await fetch(`${h.proxy.url}/api/lookups`);
    await first.text();
    const etag = first.headers.get('etag');
    assert.ok(etag);
    const calls = h.simulator.control.lookupCalls();
    const second = await fetch(`${h.proxy.url}/api/lookups`, { headers: { 'If-None-Match': etag } });
    assert.equal(second.status, 304);
    assert.equal(h.simulator.control.lookupCalls(), calls);
  });

  test('a gift with the wrong prefix is refused', async () => {
    const response = await fetch(`${h.proxy.url}/api/gifts`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ transactionId: '1234567890', amount: 5, company: 'Acme', emailAddress: 'a@b.org', distribution: 'GEN' }),
    });
    assert.equal(response.status, 400);
    assert.match(((await response.json()) as { message: string }).message, /prefix "77"/);
  });
});

describe('GET /api/lookups when the upstream refuses or is away', () => {
  test('a refused token is reported as a credentials problem, not a crash', async () => {
    const h = await startHarness({ GIFT_API_TOKEN: 'not-the-right-token-000' });
    try {
      const response = await fetch(`${h.proxy.url}/api/lookups`);
      assert.equal(response.status, 502);
      assert.match(((await response.json()) as { message: string }).message, /credentials/);
    } finally {
      await h.close();
    }
  });

  test('an unreachable upstream gives a clear 502 with nothing cached, and the last good copy once cached', async () => {
    const h = await startHarness({ GIFT_LOOKUPS_TTL_MS: '0' });
    try {
      const good = await fetch(`${h.proxy.url}/api/lookups`);
      assert.equal(good.status, 200);
      await good.text();
      await h.simulator.close();
      const stale = await fetch(`${h.proxy.url}/api/lookups`);
      assert.equal(stale.status, 200);
      assert.match(stale.headers.get('warning') ?? '', /stale/);
      await h.restart();
      const none = await fetch(`${h.proxy.url}/api/lookups`);
      assert.equal(none.status, 502);
      assert.match(((await none.json()) as { message: string }).message, /could not be loaded: could not reach the gift service/);
    } finally {
      await h.proxy.close();
    }
  });
});
