import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CALLER_KEY_HEADER } from '../../src/contract/index.ts';
import { ADMIN_PATHS } from '../../src/proxy/admin-api.ts';
import { postGift, sampleGift, startHarness } from './harness.ts';

const KEY = 'front-desk-key-5c1e9a0b7d3f';
const ADMIN = 'admin-token-9f3b7c1d5e2a8064';

describe('guessing the admin token is expensive', () => {
  test('500 parallel wrong admin tokens from 500 addresses are answered at no more than 50 a second; staff are not slowed', async () => {
    const h = await startHarness({ GIFT_ENTRY_KEYS: KEY, GIFT_ADMIN_TOKEN: ADMIN, TRUST_PROXY: 'loopback' });
    const abort = new AbortController();
    try {
      const started = Date.now();
      const answeredAt: number[] = [];
      const guesses = Array.from({ length: 500 }, (_, i) =>
        fetch(`${h.proxy.url}${ADMIN_PATHS.metrics}`, {
          headers: { Authorization: `Bearer wrong-guess-${String(i).padStart(8, '0')}`, 'X-Forwarded-For': `10.1.${i >> 8}.${i & 255}` },
          signal: abort.signal,
        }).then(
          (response) => {
            answeredAt.push(Date.now() - started);
            assert.equal(response.status, 401);
          },
          () => {},
        ),
      );
      await new Promise((resolve) => setTimeout(resolve, 500));

      // Meanwhile a member of staff, from another address, with the right key: answered promptly.
      const staffStarted = Date.now();
      const staff = await postGift(h.proxy.url, sampleGift(), { [CALLER_KEY_HEADER]: KEY, 'X-Forwarded-For': '198.51.100.7' });
      assert.equal(staff.status, 200);
      assert.ok(Date.now() - staffStarted < 1000, `a right key is never queued behind guesses (${Date.now() - staffStarted} ms)`);
      const operator = await fetch(`${h.proxy.url}${ADMIN_PATHS.metrics}`, {
        headers: { Authorization: `Bearer ${ADMIN}`, 'X-Forwarded-For': '198.51.100.8' },
      });
      assert.equal(operator.status, 200, 'and so is the right admin token');

      await new Promise((resolve) => setTimeout(resolve, Math.max(0, 3000 - (Date.now() - started))));
      const within = answeredAt.filter((at) => at <= 3000).length;
      assert.ok(within <= 3 * 50 + 1, `${within} wrong tokens answered in the first 3 s`);
      assert.ok(within >= 10, `but they are answered, not dropped (${within})`);
      abort.abort();
      await Promise.all(guesses);
      const scraped = await fetch(`${h.proxy.url}${ADMIN_PATHS.metrics}`, {
        headers: { Authorization: `Bearer ${ADMIN}`, 'X-Forwarded-For': '198.51.100.8' },
      });
      assert.match(await scraped.text(), /gift_proxy_refused_guesses_total\{kind="admin_token"\} 500\n/, 'on-call can alert on it');
      await h.proxy.close();
      const lines = h.logs.filter((line) => line.includes('"event":"admin_token_refused"'));
      assert.equal(lines.length, 2, 'the first guess and one summarising log line, not one a guess');
      assert.match(lines[1]!, /"refused":500,"clients":500/);
      assert.ok(!h.logs.join('\n').includes('wrong-guess-'), 'no guess is logged');
    } finally {
      abort.abort();
      await h.close();
    }
  });
});
