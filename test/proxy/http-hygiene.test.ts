import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { Agent, request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { CALLER_KEY_HEADER, PROXY_PATHS } from '../../src/contract/index.ts';
import { FAST_ENV, getGift, postGift, sampleGift, startHarness, waitForStatus, type Harness } from './harness.ts';

/** One request on a given agent: resolves with the status and headers, or rejects on a socket error. */
function send(
  agent: Agent,
  url: string,
  method: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { agent, method, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const KEY = 'hygiene-key-0123456789abcdef';
/** Large enough that the answer comes while the client is still sending. */
const LARGE_BODY = JSON.stringify({ ...sampleGift(), notes: 'x'.repeat(200_000) });

describe('HTTP hygiene', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ GIFT_ENTRY_KEYS: KEY, GIFT_REQUEST_TIMEOUT_MS: '400' });
  });
  after(() => h.close());

  for (const [name, headers, body, status] of [
    ['413 (too large)', { 'Content-Type': 'application/json', [CALLER_KEY_HEADER]: KEY }, LARGE_BODY, 413],
    ['415 (not JSON)', { 'Content-Type': 'text/plain', [CALLER_KEY_HEADER]: KEY }, LARGE_BODY, 415],
    ['401 (no key)', { 'Content-Type': 'application/json' }, LARGE_BODY, 401],
  ] as const) {
    test(`after an early ${name} answer, a kept-alive client’s next request is answered`, async () => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      try {
        const early = await send(agent, `${h.proxy.url}${PROXY_PATHS.gifts}`, 'POST', headers, body);
        assert.equal(early.status, status);
        assert.equal(early.headers.connection, 'close', 'the client is told not to reuse the connection');
        // Node used to drop such a socket about half a second later, under a request sent meanwhile.
        await new Promise((resolve) => setTimeout(resolve, 100));
        const next = await send(agent, `${h.proxy.url}${PROXY_PATHS.health}`, 'GET', {});
        assert.equal(next.status, 200);
      } finally {
        agent.destroy();
      }
    });
  }

  test('API answers are never cached, sniffed or referred', async () => {
    const gift = sampleGift();
    const key = { [CALLER_KEY_HEADER]: KEY };
    await postGift(h.proxy.url, gift, key);
    for (const path of [PROXY_PATHS.gifts, PROXY_PATHS.gift(gift.transactionId), PROXY_PATHS.gift('00000000'), PROXY_PATHS.health]) {
      const response = await fetch(`${h.proxy.url}${path}`, { headers: key });
      assert.equal(response.headers.get('cache-control'), 'no-store', path);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff', path);
      assert.equal(response.headers.get('referrer-policy'), 'no-referrer', path);
    }
  });

  test('a client that sends its body too slowly is cut off after the request timeout', async () => {
    const started = Date.now();
    const answer = await new Promise<string>((resolve) => {
      const socket = connect(Number(new URL(h.proxy.url).port), '127.0.0.1', () => {
        socket.write(
          `POST /api/gifts HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n${CALLER_KEY_HEADER}: ${KEY}\r\nContent-Length: 500\r\n\r\n{"amount":`,
        );
      });
      let received = '';
      socket.on('data', (chunk) => (received += chunk.toString()));
      socket.on('close', () => resolve(received));
      socket.setTimeout(5000, () => socket.destroy());
    });
    assert.ok(Date.now() - started < 3000, `held for ${Date.now() - started} ms`);
    assert.match(answer, /^HTTP\/1\.1 408/);
  });

  test('a wrong verb on the retry route names the right one', async () => {
    const response = await fetch(`${h.proxy.url}${PROXY_PATHS.retry('12345678')}`, { headers: { [CALLER_KEY_HEADER]: KEY } });
    assert.equal(response.status, 405);
    assert.equal(response.headers.get('allow'), 'POST');
  });
});

describe('stopping the proxy', () => {
  test('a caller waiting for its verdict hears the gift’s status, and the call in flight still completes', async () => {
    const h = await startHarness({ GIFT_ANSWER_WAIT_MS: '10000' }, { processingDelayMs: 600 });
    try {
      const gift = sampleGift();
      const answer = postGift(h.proxy.url, gift);
      while (h.simulator.control.received().length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
      const closing = h.proxy.close();
      const { status, body } = await answer;
      assert.equal(status, 202);
      assert.equal(body.status, 'sending');
      await closing;
      assert.equal(h.simulator.control.imported().length, 1, 'the upstream call was not cut');
      await h.restart();
      const record = await getGift(h.proxy.url, gift.transactionId);
      assert.equal(record.status, 'accepted', 'its outcome was recorded before the journal closed');
      assert.equal(record.attempts, 1);
    } finally {
      await h.close();
    }
  });

  test('on SIGTERM, npm start answers the waiting caller and exits cleanly', async () => {
    const h = await startHarness({}, { processingDelayMs: 600 });
    await h.proxy.close();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/proxy/main.ts'], {
      env: {
        ...process.env,
        ...FAST_ENV,
        GIFT_API_BASE_URL: h.simulator.url,
        DATA_DIR: h.dataDir,
        PORT: '0',
        GIFT_ANSWER_WAIT_MS: '10000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout!.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const started = /"event":"proxy_started","url":"([^"]+)"/.exec(out);
          if (started) resolve(started[1]!);
        });
        child.once('exit', (code) => reject(new Error(`exited with ${code}: ${out}`)));
      });
      const gift = sampleGift();
      const answer = postGift(url, gift);
      while (h.simulator.control.received().length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const { status, body } = await answer;
      assert.equal(status, 202);
      assert.equal(body.status, 'sending');
      assert.equal(await exited, 0);
      assert.equal(h.simulator.control.imported().length, 1);
      await h.restart();
      await waitForStatus(h.proxy.url, gift.transactionId, 'accepted');
    } finally {
      child.kill('SIGKILL');
      await h.close();
    }
  });
});
