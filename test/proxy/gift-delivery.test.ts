import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { GIFT_FIELDS, newTransactionId } from '../../src/contract/index.ts';
import { ACCOUNT, TOKEN, postGift, sampleGift, startHarness, waitForStatus, type Harness } from './harness.ts';

describe('a gift travels to the External Gift API exactly once', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({}, { processingDelayMs: 0 });
  });
  after(() => h.close());
  beforeEach(() => h.simulator.control.reset());

  test('an accepted gift reaches the upstream as the exact JSON the reference describes', async () => {
    const gift = sampleGift({ nameTitle: 'Countess', phone: '+44 (20) 555-0100' });
    const { status, body } = await postGift(h.proxy.url, gift);
    assert.equal(status, 200);
    assert.equal(body.status, 'accepted');
    assert.equal(body.donor, 'Ada Lovelace');

    const [received] = h.simulator.control.received();
    assert.ok(received);
    assert.equal(received.authorization, `Bearer ${TOKEN}`);
    assert.equal(received.acceptEncoding, 'gzip, deflate');
    const sent = JSON.parse(received.rawBody) as Record<string, unknown>;
    assert.deepEqual(Object.keys(sent), [...GIFT_FIELDS]);
    assert.deepEqual(sent, {
      imisId: '',
      amount: 25,
      financialAccountId: Number(ACCOUNT),
      nameTitle: 'Countess',
      firstName: 'Ada',
      middleName: '',
      maidenName: '',
      lastName: 'Lovelace',
      nameSuffix: '',
      company: '',
      address: '',
      city: '',
      state: '',
      zipCode: '',
      emailAddress: 'ada@example.org',
      phone: '+44 (20) 555-0100',
      notes: '',
      distribution: 'GEN',
      campaignCode: '',
      appealCode: '',
      softCreditId: '',
      receivedDate: '2026-11-23T09:30:00',
      transactionId: gift.transactionId,
    });
    assert.equal(h.simulator.control.imported().length, 1);
  });

  test('a gift without a received date is sent with the moment it was entered', async () => {
    const gift = sampleGift();
    delete gift.receivedDate;
    const before = Date.now();
    await postGift(h.proxy.url, gift);
    const sent = JSON.parse(h.simulator.control.received()[0]!.rawBody) as { receivedDate: string };
    assert.match(sent.receivedDate, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}$/);
    assert.ok(Math.abs(new Date(sent.receivedDate).getTime() - before) < 5000);
  });

  test('ten gifts posted at once reach the upstream one at a time, each once', async () => {
    h.simulator.control.setDelay(30);
    const gifts = Array.from({ length: 10 }, (_, i) => sampleGift({ amount: 10 + i }));
    const answers = await Promise.all(gifts.map((gift) => postGift(h.proxy.url, gift)));
    for (const answer of answers) assert.ok(answer.status === 200 || answer.status === 202, JSON.stringify(answer));
    for (const gift of gifts) await waitForStatus(h.proxy.url, gift.transactionId, 'accepted');
    assert.equal(h.simulator.control.maxConcurrentImports(), 1);
    const imported = h.simulator.control.imported().map((g) => g.transactionId);
    assert.deepEqual([...imported].sort(), gifts.map((g) => g.transactionId).sort());
  });

  test('a 500 twice then success records the gift once, under the same transactionId', async () => {
    h.simulator.control.failNext(2);
    const gift = sampleGift();
    const { body } = await postGift(h.proxy.url, gift);
    assert.equal(body.status, 'accepted');
    const calls = h.simulator.control.received();
    assert.equal(calls.length, 3);
    assert.deepEqual(
      calls.map((c) => c.status),
      [500, 500, 202],
    );
    for (const call of calls) assert.equal((JSON.parse(call.rawBody) as { transactionId: string }).transactionId, gift.transactionId);
    assert.equal(h.simulator.control.imported().length, 1);
    assert.equal(body.attempts, 3);
  });

  test('an answer lost after the upstream recorded the gift counts as recorded, not as a duplicate', async () => {
    h.simulator.control.acceptThenDropNext(1);
    const gift = sampleGift();
    const { body } = await postGift(h.proxy.url, gift);
    assert.equal(body.status, 'accepted', JSON.stringify(body));
    assert.equal(h.simulator.control.imported().length, 1);
    assert.equal(h.simulator.control.received().length, 2);
  });

  test('a hung upstream call times out and is retried until it lands', async () => {
    await h.restart({ GIFT_UPSTREAM_TIMEOUT_MS: '200' });
    h.simulator.control.hangNext(1);
    const gift = sampleGift();
    const { body } = await postGift(h.proxy.url, gift);
    assert.equal(body.status, 'accepted', JSON.stringify(body));
    assert.equal(h.simulator.control.imported().length, 1);
    await h.restart({});
  });

  test('posting the same gift twice, even at once, imports it once', async () => {
    const gift = sampleGift();
    const [a, b] = await Promise.all([postGift(h.proxy.url, gift), postGift(h.proxy.url, gift)]);
    const third = await postGift(h.proxy.url, gift);
    for (const answer of [a, b, third]) assert.equal(answer.body.transactionId, gift.transactionId);
    assert.equal(third.body.status, 'accepted');
    assert.equal(h.simulator.control.imported().length, 1);
    assert.equal(h.simulator.control.received().length, 1);
  });

  test('a different gift reusing a transactionId is refused and nothing is sent', async () => {
    const gift = sampleGift();
    await postGift(h.proxy.url, gift);
    const clash = await postGift(h.proxy.url, { ...gift, amount: 999 });
    assert.equal(clash.status, 409);
    assert.equal(clash.body.field, 'transactionId');
    assert.match(String(clash.body.message), /different gift/);
    assert.equal(h.simulator.control.received().length, 1);
  });

  test('an upstream rejection is reported on its field, and the corrected gift can be resent', async () => {
    const gift = sampleGift({ distribution: '', campaignCode: 'NOTMAPPED' });
    const rejected = await postGift(h.proxy.url, gift);
    assert.equal(rejected.status, 200);
    assert.equal(rejected.body.status, 'rejected');
    assert.equal(rejected.body.field, 'distribution');
    assert.match(String(rejected.body.message), /fund/i);
    assert.equal(rejected.body.upstreamMessage, 'Either a distribution code, or a (mapped) campaign code are required.');

    const corrected = await postGift(h.proxy.url, { ...gift, distribution: 'GEN' });
    assert.equal(corrected.body.status, 'accepted');
    assert.equal(h.simulator.control.imported().length, 1);
  });

  test('a slow verdict answers 202 queued, and polling shows it accepted', async () => {
    await h.restart({ GIFT_ANSWER_WAIT_MS: '0' });
    h.simulator.control.setDelay(150);
    const gift = sampleGift();
    const { status, body } = await postGift(h.proxy.url, gift);
    assert.equal(status, 202);
    assert.ok(body.status === 'queued' || body.status === 'sending');
    const record = await waitForStatus(h.proxy.url, gift.transactionId, 'accepted');
    assert.equal(record.attempts, 1);
    await h.restart({});
  });

  test('the journal lists recent gifts, newest first, and an unknown gift is a clear 404', async () => {
    const first = sampleGift({ amount: 1 });
    const second = sampleGift({ amount: 2 });
    await postGift(h.proxy.url, first);
    await postGift(h.proxy.url, second);
    const journal = (await (await fetch(`${h.proxy.url}/api/gifts?since=2000-01-01`)).json()) as {
      gifts: { transactionId: string; gift?: Record<string, unknown> }[];
    };
    const ids = journal.gifts.map((g) => g.transactionId);
    const listed = journal.gifts.find((g) => g.transactionId === first.transactionId)!;
    assert.equal(listed.gift?.lastName, 'Lovelace', 'the journal lists the fields sent upstream, for reconciliation');
    assert.equal(listed.gift?.financialAccountId, 42);
    assert.ok(ids.indexOf(second.transactionId) < ids.indexOf(first.transactionId));
    const missing = await fetch(`${h.proxy.url}/api/gifts/${newTransactionId()}`);
    assert.equal(missing.status, 404);
    assert.match(((await missing.json()) as { message: string }).message, /No gift/);
    const badSince = await fetch(`${h.proxy.url}/api/gifts?since=yesterday-ish`);
    assert.equal(badSince.status, 400);
  });

  test('health reports the queue depth and the upstream state', async () => {
    const health = (await (await fetch(`${h.proxy.url}/healthz`)).json()) as {
      ok: boolean;
      queueDepth: number;
      upstream: { state: string };
    };
    assert.equal(health.ok, true);
    assert.equal(health.queueDepth, 0);
    assert.equal(health.upstream.state, 'ok');
  });
});
