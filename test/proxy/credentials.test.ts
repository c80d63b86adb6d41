import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { HELD_MESSAGE } from '../../src/contract/index.ts';
import { TOKEN, postGift, sampleGift, startHarness, waitForStatus } from './harness.ts';

describe('a token the upstream refuses', () => {
  test('holds the queue, says why, barely touches the upstream, and sends once the credentials work', async () => {
    const h = await startHarness({ GIFT_API_TOKEN: 'wrong-token-9876543210', GIFT_ANSWER_WAIT_MS: '1000' });
    try {
      const first = sampleGift({ amount: 5 });
      const second = sampleGift({ amount: 6 });
      const answer = await postGift(h.proxy.url, first);
      assert.equal(answer.status, 202);
      assert.equal(answer.body.status, 'held');
      assert.equal(answer.body.message, HELD_MESSAGE);
      const later = await postGift(h.proxy.url, second);
      assert.equal(later.body.status, 'held', 'a gift arriving while held is kept, not sent');

      const health = (await (await fetch(`${h.proxy.url}/healthz`)).json()) as {
        queueDepth: number;
        upstream: { state: string; message: string };
      };
      assert.equal(health.upstream.state, 'held');
      assert.match(health.upstream.message, /credentials/);
      assert.equal(health.queueDepth, 2);

      // Over a second the proxy re-checks every 150 ms with a cheap lookup, never with the gifts.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const imports = h.simulator.control.received().length;
      assert.equal(imports, 1, 'only the first gift was ever tried');
      assert.ok(h.simulator.control.lookupCalls() <= 8, `re-checks stay rare (${h.simulator.control.lookupCalls()})`);

      // The client's administrator fixes the token on the iMIS side (here: the upstream starts accepting ours).
      h.simulator.control.setToken('wrong-token-9876543210');
      await waitForStatus(h.proxy.url, first.transactionId, 'accepted');
      await waitForStatus(h.proxy.url, second.transactionId, 'accepted');
      assert.equal(h.simulator.control.imported().length, 2);
    } finally {
      h.simulator.control.setToken(TOKEN);
      await h.close();
    }
  });
});
