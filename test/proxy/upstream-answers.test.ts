import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { CALLER_KEY_HEADER, PROXY_PATHS, RESPOND_ASYNC, type GiftRecord } from '../../src/contract/index.ts';
import { postGift, sampleGift, startHarness, TOKEN, type Harness } from './harness.ts';

const KEY = 'caller-key-0123456789abcdef';
const ADMIN = 'admin-token-0123456789abcdef';
const headers = { [CALLER_KEY_HEADER]: KEY, Origin: 'https://imis.example.org' };

describe('what an upstream answer leaves in the journal', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ GIFT_ENTRY_KEYS: KEY, GIFT_ADMIN_TOKEN: ADMIN, ALLOWED_ORIGINS: 'https://imis.example.org' });
  });
  after(() => h.close());
  beforeEach(() => h.simulator.control.reset());

  async function served(transactionId: string): Promise<{ one: GiftRecord; listed: string }> {
    const one = (await (await fetch(`${h.proxy.url}${PROXY_PATHS.gift(transactionId)}`, { headers })).json()) as GiftRecord;
    const listed = await (await fetch(`${h.proxy.url}${PROXY_PATHS.gifts}?since=2000-01-01`, { headers })).text();
    return { one, listed };
  }

  test('an error body that echoes the Authorization header, a caller key and the admin token keeps none of them', async () => {
    const echo = `Rejected. Request headers: Authorization: Bearer ${TOKEN}; X-Gift-Entry-Key: ${KEY}; admin ${ADMIN}`;
    h.simulator.control.answerNext(1, {
      status: 400,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ Message: echo }),
    });
    const gift = sampleGift();
    const { body } = await postGift(h.proxy.url, gift, headers);
    assert.equal(body.status, 'rejected');
    const { one, listed } = await served(gift.transactionId);
    for (const text of [JSON.stringify(body), JSON.stringify(one), listed, ...h.logs]) {
      for (const secret of [TOKEN, KEY, ADMIN]) assert.ok(!text.includes(secret), `a secret in: ${text.slice(0, 200)}`);
    }
    assert.match(one.upstreamMessage ?? '', /Authorization: Bearer \[redacted\]/, 'the rest of the words are kept for support');
  });

  test('the same for an answer without a verdict (a 422 that prints the request): not in the gift, /healthz or logs', async () => {
    const echo = JSON.stringify({ Message: `Unprocessable for Authorization: Bearer ${TOKEN}` });
    h.simulator.control.answerNext(1000, { status: 422, headers: { 'Content-Type': 'application/json' }, body: echo });
    const gift = sampleGift();
    await postGift(h.proxy.url, gift, { ...headers, [RESPOND_ASYNC.header]: RESPOND_ASYNC.value });
    const deadline = Date.now() + 3000;
    while (
      h.simulator.control.received().length < 2 &&
      (await served(gift.transactionId)).one.status !== 'stuck' &&
      Date.now() < deadline
    ) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const { one, listed } = await served(gift.transactionId);
    const health = await (await fetch(`${h.proxy.url}${PROXY_PATHS.health}`)).text();
    assert.match(one.message ?? '', /Unprocessable for Authorization: Bearer \[redacted\]/);
    for (const text of [JSON.stringify(one), listed, health, ...h.logs]) assert.ok(!text.includes(TOKEN), text.slice(0, 200));
  });

  for (const bomb of ['gzip', 'deflate'] as const) {
    test(`a ${bomb} bomb (10 MB of zeros in a few KB) is read no further than the cap and stores no NUL`, async () => {
      h.simulator.control.answerNext(1, { status: 400, bomb });
      const gift = sampleGift();
      const { body } = await postGift(h.proxy.url, gift, headers);
      assert.equal(body.status, 'rejected');
      const { one } = await served(gift.transactionId);
      const stored = `${one.message ?? ''} ${one.upstreamMessage ?? ''}`;
      // eslint-disable-next-line no-control-regex
      assert.doesNotMatch(stored, /[\u0000-\u001f\ufffd]/, 'no control characters or replacement marks are kept');
      assert.ok(stored.length < 300, `${stored.length} characters kept`);
    });
  }
});
