import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import * as z from 'zod/mini';
import { healthSchema, journalSchema, PROXY_PATHS, RESPOND_ASYNC, tooLongMessage } from '../../src/contract/index.ts';
import { getGift, postGift, sampleGift, startHarness, waitForStatus, type Harness } from './harness.ts';

const async = { [RESPOND_ASYNC.header]: RESPOND_ASYNC.value };

describe('a gift that keeps failing never blocks the queue', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ GIFT_STUCK_AFTER_ATTEMPTS: '4' });
  });
  after(() => h.close());
  beforeEach(() => h.simulator.control.reset());

  test('a first name of 11 emoji (22 UTF-16 units, over the upstream’s 20) is refused on arrival, not sent', async () => {
    const { status, body } = await postGift(h.proxy.url, sampleGift({ firstName: '😀'.repeat(11) }));
    assert.equal(status, 400);
    assert.equal(body.field, 'firstName');
    assert.equal(body.message, tooLongMessage('firstName'));
    assert.equal(h.simulator.control.received().length, 0);
    assert.equal(
      (await postGift(h.proxy.url, sampleGift({ firstName: '😀'.repeat(10) }))).body.status,
      'accepted',
      '10 emoji are 20 units: fine',
    );
  });

  test('a gift the upstream always fails on is set aside as stuck and the gifts behind it are delivered', async () => {
    const poison = sampleGift({ amount: 13 });
    const behind = [sampleGift({ amount: 1 }), sampleGift({ amount: 2 }), sampleGift({ amount: 3 })];
    h.simulator.control.poison([poison.transactionId]);
    assert.equal((await postGift(h.proxy.url, poison, async)).status, 202);
    for (const gift of behind) assert.equal((await postGift(h.proxy.url, gift, async)).status, 202);

    const stuck = await waitForStatus(h.proxy.url, poison.transactionId, 'stuck');
    assert.match(stuck.message ?? '', /^Needs attention: .*after 4 attempts .*answered 500 \(An error has occurred\.\)/);
    for (const gift of behind) await waitForStatus(h.proxy.url, gift.transactionId, 'accepted');
    assert.equal(h.simulator.control.maxConcurrentImports(), 1, 'still one import at a time');
    assert.equal(
      h.simulator.control.received().filter((c) => c.rawBody.includes(poison.transactionId)).length,
      4,
      'no attempt after it was set aside',
    );

    const health = z.parse(healthSchema, await (await fetch(`${h.proxy.url}${PROXY_PATHS.health}`)).json());
    assert.equal(health.stuck, 1);
    assert.equal(health.queueDepth, 0);
    const journal = z.parse(journalSchema, await (await fetch(`${h.proxy.url}${PROXY_PATHS.gifts}?since=2000-01-01`)).json());
    assert.equal(journal.gifts.find((g) => g.transactionId === poison.transactionId)?.status, 'stuck');
    assert.equal((await postGift(h.proxy.url, poison)).body.status, 'stuck', 'posting it again reports it, sends nothing');

    // The cause is fixed upstream: staff put it back in the queue.
    h.simulator.control.reset();
    const retried = await fetch(`${h.proxy.url}${PROXY_PATHS.retry(poison.transactionId)}`, { method: 'POST' });
    assert.equal(retried.status, 202);
    assert.equal(((await retried.json()) as { status: string }).status, 'queued');
    const accepted = await waitForStatus(h.proxy.url, poison.transactionId, 'accepted');
    assert.equal(accepted.attempts, 5);
    assert.equal(h.simulator.control.imported().length, 1);
  });

  test('only a stuck gift can be re-queued, and an unknown one is a 404', async () => {
    const gift = sampleGift();
    await postGift(h.proxy.url, gift);
    const notStuck = await fetch(`${h.proxy.url}${PROXY_PATHS.retry(gift.transactionId)}`, { method: 'POST' });
    assert.equal(notStuck.status, 409);
    assert.match(((await notStuck.json()) as { message: string }).message, /this one is accepted/);
    const unknown = await fetch(`${h.proxy.url}${PROXY_PATHS.retry('99999999999')}`, { method: 'POST' });
    assert.equal(unknown.status, 404);
  });

  test('an unreachable upstream never sets a gift aside, even past the age bound: it waits and is delivered', async () => {
    await h.restart({ GIFT_STUCK_AFTER_ATTEMPTS: '2', GIFT_STUCK_AFTER_MS: '200' });
    try {
      h.simulator.control.dropNext(1000);
      const gift = sampleGift();
      await postGift(h.proxy.url, gift, async);
      await new Promise((resolve) => setTimeout(resolve, 600));
      const waiting = await getGift(h.proxy.url, gift.transactionId);
      assert.ok(waiting.attempts > 2, `tried ${waiting.attempts} times`);
      assert.equal(waiting.status === 'queued' || waiting.status === 'sending', true, `${waiting.status}: ${waiting.message ?? ''}`);
      h.simulator.control.reset();
      await waitForStatus(h.proxy.url, gift.transactionId, 'accepted');
    } finally {
      await h.restart({ GIFT_STUCK_AFTER_ATTEMPTS: '4' });
    }
  });
});

describe('never waiting for the verdict', () => {
  test('Prefer: respond-async answers 202 with the queued record as soon as it is stored', async () => {
    const h = await startHarness({}, { processingDelayMs: 300 });
    try {
      const gift = sampleGift();
      const started = Date.now();
      const { status, body } = await postGift(h.proxy.url, gift, async);
      assert.ok(Date.now() - started < 250, 'did not wait for the upstream');
      assert.equal(status, 202);
      assert.equal(body.status, 'queued');
      assert.equal(body.transactionId, gift.transactionId);
      await waitForStatus(h.proxy.url, gift.transactionId, 'accepted');
      assert.equal((await getGift(h.proxy.url, gift.transactionId)).attempts, 1);
    } finally {
      await h.close();
    }
  });
});
