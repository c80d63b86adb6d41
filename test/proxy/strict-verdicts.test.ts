import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, test } from 'node:test';
import { RESPOND_ASYNC } from '../../src/contract/index.ts';
import { UPSTREAM_MESSAGE_MAX_CHARS } from '../../src/proxy/upstream-client.ts';
import { postGift, sampleGift, startHarness, waitForStatus, type Harness } from './harness.ts';

/** Another host on loopback: where a redirect would lead. It counts what reaches it. */
async function otherHost(): Promise<{ url: string; hits: Array<{ method: string; body: string }>; close(): Promise<void> }> {
  const hits: Array<{ method: string; body: string }> = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      hits.push({ method: request.method ?? '', body });
      response.writeHead(200, { 'Content-Type': 'text/html' }).end('<html><body>Down for maintenance</body></html>');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('only the reference’s 202 means a gift is recorded', () => {
  let h: Harness;
  let elsewhere: Awaited<ReturnType<typeof otherHost>>;
  before(async () => {
    h = await startHarness();
    elsewhere = await otherHost();
  });
  after(async () => {
    await h.close();
    await elsewhere.close();
  });
  beforeEach(() => {
    h.simulator.control.reset();
    elsewhere.hits.length = 0;
  });

  test('a 302 to a maintenance page is not followed and not taken as accepted', async () => {
    h.simulator.control.answerNext(1, { status: 302, headers: { Location: `${elsewhere.url}/maintenance` } });
    const gift = sampleGift();
    const { body } = await postGift(h.proxy.url, gift);
    assert.equal(body.status, 'accepted', JSON.stringify(body));
    assert.equal(body.attempts, 2, 'the redirect was a failed attempt; the resend was recorded');
    assert.equal(h.simulator.control.imported().length, 1, 'really recorded upstream');
    assert.equal(elsewhere.hits.length, 0, 'the maintenance page was never asked');
  });

  test('a cross-origin 307 never re-posts the donor and the account to another host', async () => {
    h.simulator.control.answerNext(1, { status: 307, headers: { Location: `${elsewhere.url}/steal` } });
    const gift = sampleGift();
    await postGift(h.proxy.url, gift, { [RESPOND_ASYNC.header]: RESPOND_ASYNC.value });
    const record = await waitForStatus(h.proxy.url, gift.transactionId, 'accepted');
    assert.equal(record.attempts, 2);
    assert.equal(elsewhere.hits.length, 0, JSON.stringify(elsewhere.hits));
  });

  test('a redirect is reported to staff as an upstream fault with a clear message', async () => {
    await h.restart({ GIFT_RETRY_BASE_MS: '60000', GIFT_RETRY_MAX_MS: '60000', GIFT_ANSWER_WAIT_MS: '300' });
    try {
      h.simulator.control.answerNext(1, { status: 302, headers: { Location: `${elsewhere.url}/maintenance` } });
      const gift = sampleGift();
      const { status, body } = await postGift(h.proxy.url, gift);
      assert.equal(status, 202);
      assert.equal(body.status, 'queued');
      assert.match(String(body.message), /redirected the call \(302\).*check GIFT_API_BASE_URL.*the gift is kept/);
      await h.restart({});
      await waitForStatus(h.proxy.url, gift.transactionId, 'accepted');
    } finally {
      await h.restart({});
    }
  });

  test('a 200 with an HTML page is not accepted: the gift is sent again and recorded once', async () => {
    h.simulator.control.answerNext(1, { status: 200, headers: { 'Content-Type': 'text/html' }, body: '<html>Welcome</html>' });
    const gift = sampleGift();
    const { body } = await postGift(h.proxy.url, gift);
    assert.equal(body.status, 'accepted');
    assert.equal(body.attempts, 2);
    assert.equal(h.simulator.control.imported().length, 1);
  });

  test('a 200 after the upstream did record it resolves to accepted through the duplicate answer', async () => {
    h.simulator.control.answerNext(1, { status: 200, recordFirst: true });
    const gift = sampleGift();
    const { body } = await postGift(h.proxy.url, gift);
    assert.equal(body.status, 'accepted');
    assert.match(String(body.message), /already in iMIS/);
    assert.equal(h.simulator.control.imported().length, 1);
  });

  test('a 5 MB error answer is read only up to the cap; the journal and logs keep a short message', async () => {
    h.simulator.control.answerNext(1, { status: 400, headers: { 'Content-Type': 'text/plain' }, bodyBytes: 5_000_000 });
    const gift = sampleGift();
    const { body } = await postGift(h.proxy.url, gift);
    assert.equal(body.status, 'rejected');
    assert.ok(
      String(body.upstreamMessage).length <= UPSTREAM_MESSAGE_MAX_CHARS,
      `stored ${String(body.upstreamMessage).length} characters`,
    );
    assert.ok(String(body.message).length < UPSTREAM_MESSAGE_MAX_CHARS + 100);
    for (const line of h.logs) assert.ok(line.length < 4000, `a log line of ${line.length} characters`);
  });

  test('upstream words that echo the donor are logged without the donor’s details', async () => {
    const gift = sampleGift({ phone: '555 0100', address: '12 St James Square' });
    h.simulator.control.answerNext(1, {
      status: 400,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ Message: `Rejected donor Ada Lovelace <ada@example.org>, 12 St James Square, phone 555 0100` }),
    });
    const { body } = await postGift(h.proxy.url, gift);
    assert.equal(body.status, 'rejected');
    const logged = h.logs.join('\n');
    assert.match(logged, new RegExp(`"transactionId":"${gift.transactionId}"`));
    for (const detail of ['Lovelace', 'ada@example.org', 'St James', '555 0100'])
      assert.ok(!logged.includes(detail), `${detail} was logged`);
  });
});
