import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import * as z from 'zod/mini';
import { healthSchema, PROXY_PATHS, RESPOND_ASYNC, type GiftRecord, type Health } from '../../src/contract/index.ts';
import { getGift, postGift, sampleGift, startHarness, waitForStatus, type Harness } from './harness.ts';

const async = { [RESPOND_ASYNC.header]: RESPOND_ASYNC.value };

async function health(base: string): Promise<Health> {
  return z.parse(healthSchema, await (await fetch(`${base}${PROXY_PATHS.health}`)).json());
}

/** Posts `count` ordinary gifts without waiting for their verdicts; returns their IDs. */
async function postMany(base: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const gift = sampleGift({ amount: i + 1 });
    assert.equal((await postGift(base, gift, async)).status, 202);
    ids.push(gift.transactionId);
  }
  return ids;
}

/** Polls every gift until each is final; fails on the first one ever seen stuck, held or rejected. */
async function allAccepted(base: string, ids: readonly string[], ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    const records: GiftRecord[] = await Promise.all(ids.map((id) => getGift(base, id)));
    const wrong = records.filter((r) => r.status === 'stuck' || r.status === 'held' || r.status === 'rejected');
    assert.deepEqual(
      wrong.map((r) => `${r.transactionId} ${r.status}: ${r.message ?? ''}`),
      [],
      'no ordinary gift is set aside, held or rejected',
    );
    if (records.every((r) => r.status === 'accepted')) return;
    if (Date.now() > deadline) throw new Error(`not all accepted: ${records.map((r) => r.status).join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('an outage sets nothing aside and the queue resumes by itself', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness(
      { GIFT_RETRY_BASE_MS: '100', GIFT_RETRY_MAX_MS: '1000', GIFT_STUCK_AFTER_ATTEMPTS: '3' },
      { processingDelayMs: 5 },
    );
  });
  after(() => h.close());
  afterEach(() => h.simulator.control.reset());

  test('a 6 s outage (every import answered 500): every gift accepted afterwards, none stuck, the upstream not hammered', async () => {
    h.simulator.control.outageFor(6000);
    const started = Date.now();
    const ids = await postMany(h.proxy.url, 10);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const during = await health(h.proxy.url);
    assert.equal(during.upstream.state, 'retrying');
    assert.match(during.upstream.message ?? '', /every gift.*resume/i);
    assert.equal(during.stuck, 0);
    await allAccepted(h.proxy.url, ids, 12_000);
    assert.ok(Date.now() - started >= 6000, 'nothing was accepted before the outage ended');
    const failed = h.simulator.control.received().filter((call) => call.status === 500).length;
    assert.ok(failed <= 20, `${failed} imports during the outage: the queue backs off as one, not gift by gift`);
    assert.equal(h.simulator.control.imported().length, 10, 'each gift once');
    const afterwards = await health(h.proxy.url);
    assert.equal(afterwards.upstream.state, 'ok');
    assert.equal(afterwards.stuck, 0);
    const events = h.logs.map((line) => (JSON.parse(line) as { event: string }).event);
    assert.equal(events.filter((event) => event === 'upstream_outage').length, 1, 'the outage is logged once, when it becomes clear');
    assert.equal(events.filter((event) => event === 'upstream_recovered').length, 1);
  });

  test('a lone gift set aside early in an outage is put back once another gift fails alike, and both are delivered', async () => {
    h.simulator.control.outageFor(2500);
    const [first] = await postMany(h.proxy.url, 1);
    const stuck = await waitForStatus(h.proxy.url, first!, 'stuck', 3000);
    assert.match(stuck.message ?? '', /answered 500/);
    const [second] = await postMany(h.proxy.url, 1);
    await waitForStatus(h.proxy.url, first!, 'queued', 3000);
    await allAccepted(h.proxy.url, [first!, second!], 8000);
  });

  test('an unreachable upstream (every connection reset) never sets a gift aside', async () => {
    h.simulator.control.dropNext(12);
    const ids = await postMany(h.proxy.url, 3);
    await allAccepted(h.proxy.url, ids, 15_000);
  });
});

describe('a failure that concerns one gift sets only that gift aside', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ GIFT_UPSTREAM_TIMEOUT_MS: '400' }, { processingDelayMs: 5 });
  });
  after(() => h.close());
  afterEach(() => h.simulator.control.reset());

  test('a gift a firewall answers 403 is set aside in words; the others are accepted and /healthz does not blame the token', async () => {
    const blocked = sampleGift({ notes: 'select * from donors' });
    h.simulator.control.forbid([blocked.transactionId]);
    assert.equal((await postGift(h.proxy.url, blocked, async)).status, 202);
    const ids = await postMany(h.proxy.url, 5);
    await allAccepted(h.proxy.url, ids, 5000);
    const stuck = await waitForStatus(h.proxy.url, blocked.transactionId, 'stuck');
    assert.match(stuck.message ?? '', /^Needs attention: the gift service refused this gift \(403 Forbidden\)/);
    assert.doesNotMatch(stuck.message ?? '', /credential|token/i);
    const state = await health(h.proxy.url);
    assert.notEqual(state.upstream.state, 'held');
    assert.doesNotMatch(JSON.stringify(state), /credential|token/i);
    assert.equal(state.stuck, 1);
    const tries = h.simulator.control.received().filter((call) => call.rawBody.includes(blocked.transactionId)).length;
    assert.equal(tries, 1, 'a refusal is not resent on its own');
  });

  test('a gift the upstream never answers costs the others at most a few timeouts, then is set aside', async () => {
    const silent = sampleGift();
    h.simulator.control.hangFor([silent.transactionId]);
    const started = Date.now();
    assert.equal((await postGift(h.proxy.url, silent, async)).status, 202);
    const ids = await postMany(h.proxy.url, 5);
    await allAccepted(h.proxy.url, ids, 5000);
    assert.ok(Date.now() - started < 3 * 400 + 1000, `the others waited ${Date.now() - started} ms`);
    const stuck = await waitForStatus(h.proxy.url, silent.transactionId, 'stuck', 5000);
    assert.match(stuck.message ?? '', /no answer from the gift service within/);
    assert.ok(stuck.attempts <= 3, `${stuck.attempts} attempts`);
  });
});

describe('putting every stuck gift back at once', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ GIFT_STUCK_AFTER_ATTEMPTS: '2' }, { processingDelayMs: 0 });
  });
  after(() => h.close());

  test('POST /api/gifts/retry-stuck re-queues every stuck gift and says how many', async () => {
    const poisoned = [sampleGift(), sampleGift()];
    h.simulator.control.poison(poisoned.map((g) => g.transactionId));
    for (const gift of poisoned) await postGift(h.proxy.url, gift, async);
    const fine = await postMany(h.proxy.url, 2);
    for (const gift of poisoned) await waitForStatus(h.proxy.url, gift.transactionId, 'stuck');
    await allAccepted(h.proxy.url, fine, 3000);

    h.simulator.control.reset();
    const response = await fetch(`${h.proxy.url}${PROXY_PATHS.retryStuck}`, { method: 'POST' });
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { requeued: 2 });
    await allAccepted(
      h.proxy.url,
      poisoned.map((g) => g.transactionId),
      3000,
    );
    const again = await fetch(`${h.proxy.url}${PROXY_PATHS.retryStuck}`, { method: 'POST' });
    assert.deepEqual(await again.json(), { requeued: 0 });
  });
});
