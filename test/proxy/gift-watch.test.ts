import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import * as z from 'zod/mini';
import {
  newTransactionId,
  PROXY_PATHS,
  proxyErrorSchema,
  RESPOND_ASYNC,
  WATCH_MAX_GIFTS,
  watchResponseSchema,
  type GiftStatus,
  type WatchResponse,
} from '../../src/contract/index.ts';
import { postGift, sampleGift, startHarness, waitForStatus, type Harness } from './harness.ts';

async function watch(
  base: string,
  known: Record<string, GiftStatus>,
  waitMs?: number,
): Promise<{ status: number; body: unknown; at: number }> {
  const response = await fetch(`${base}${PROXY_PATHS.watch}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ known, waitMs }),
  });
  const body: unknown = await response.json();
  return { status: response.status, body, at: Date.now() };
}

const gifts = (answer: { status: number; body: unknown }): WatchResponse['gifts'] => {
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  return z.parse(watchResponseSchema, answer.body).gifts;
};

describe('watching gifts: a verdict reaches the caller as soon as it is written', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({}, { processingDelayMs: 0 });
  });
  after(() => h.close());

  test('a status that already differs from the one known is answered at once; gifts the journal lacks are ignored', async () => {
    const gift = sampleGift();
    await postGift(h.proxy.url, gift);
    const started = Date.now();
    const answer = await watch(h.proxy.url, { [gift.transactionId]: 'queued', [newTransactionId()]: 'queued' }, 10_000);
    assert.ok(answer.at - started < 500);
    const [record, ...rest] = gifts(answer);
    assert.equal(rest.length, 0);
    assert.equal(record?.transactionId, gift.transactionId);
    assert.equal(record?.status, 'accepted');
  });

  test('with nothing changing, the watch answers { gifts: [] } after waitMs', async () => {
    const gift = sampleGift();
    await postGift(h.proxy.url, gift);
    const started = Date.now();
    const answer = await watch(h.proxy.url, { [gift.transactionId]: 'accepted' }, 300);
    assert.deepEqual(gifts(answer), []);
    assert.ok(answer.at - started >= 290, `answered after ${answer.at - started} ms`);
  });

  test('more gifts than the cap, or a status that does not exist, is a clear 400', async () => {
    const known = Object.fromEntries(Array.from({ length: WATCH_MAX_GIFTS + 1 }, () => [newTransactionId(), 'queued' as const]));
    const tooMany = await watch(h.proxy.url, known);
    assert.equal(tooMany.status, 400);
    assert.equal(
      z.parse(proxyErrorSchema, tooMany.body).message,
      `Watch at most ${WATCH_MAX_GIFTS} gifts at once (this request names 501).`,
    );
    const odd = await watch(h.proxy.url, { [newTransactionId()]: 'lost' as GiftStatus });
    assert.equal(odd.status, 400);
  });

  test('a caller that goes away frees its waiter', async () => {
    const gift = sampleGift();
    await postGift(h.proxy.url, gift);
    const leaving = new AbortController();
    const pending = fetch(`${h.proxy.url}${PROXY_PATHS.watch}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ known: { [gift.transactionId]: 'accepted' }, waitMs: 20_000 }),
      signal: leaving.signal,
    }).catch(() => 'gone');
    for (let i = 0; i < 50 && h.proxy.changes.waiting === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(h.proxy.changes.waiting, 1);
    leaving.abort();
    assert.equal(await pending, 'gone');
    for (let i = 0; i < 50 && h.proxy.changes.waiting > 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(h.proxy.changes.waiting, 0);
  });

  test('stopping the proxy answers a waiting watch at once, not at the end of the grace period', async () => {
    const gift = sampleGift();
    await postGift(h.proxy.url, gift);
    const pending = watch(h.proxy.url, { [gift.transactionId]: 'accepted' }, 20_000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const stopping = Date.now();
    const restarted = h.restart();
    const answer = await pending;
    await restarted;
    assert.deepEqual(gifts(answer), []);
    assert.ok(answer.at - stopping < 1000, `answered ${answer.at - stopping} ms after the proxy began to stop`);
  });
});

describe('watching gifts through an upstream that takes 2–5 s', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ GIFT_ANSWER_WAIT_MS: '0', GIFT_UPSTREAM_TIMEOUT_MS: '10000' }, { processingDelayMs: 'realistic' });
  });
  after(() => h.close());

  test('the verdict reaches the watcher within 1 s of being written to the journal', { timeout: 20_000 }, async () => {
    const gift = sampleGift();
    const posted = await postGift(h.proxy.url, gift, { [RESPOND_ASYNC.header]: RESPOND_ASYNC.value });
    assert.equal(posted.status, 202);
    let known: GiftStatus = 'queued';
    let verdictAt: number | undefined;
    const started = Date.now();
    // queued → sending → accepted: each change answers the watch; bounded, so a broken watch fails rather than spins.
    for (let round = 0; round < 5 && verdictAt === undefined; round++) {
      const answer = await watch(h.proxy.url, { [gift.transactionId]: known }, 10_000);
      const [record] = gifts(answer);
      assert.ok(record, 'a watch answers only when the status changed, or after waitMs');
      const latency = answer.at - Date.parse(record.updatedAt);
      assert.ok(latency < 1000, `${record.status} reached the watcher ${latency} ms after the journal recorded it`);
      known = record.status;
      if (record.status === 'accepted') verdictAt = answer.at;
    }
    assert.ok(verdictAt !== undefined, `the gift stayed ${known}`);
    assert.ok(verdictAt - started >= 1900, 'the upstream took its 2–5 s: the watch was held, not answered early');
    await waitForStatus(h.proxy.url, gift.transactionId, 'accepted');
  });
});
