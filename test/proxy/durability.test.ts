import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { startProxy } from '../../src/proxy/server.ts';
import { startSimulator } from '../../src/simulator/server.ts';
import { FAST_ENV, TOKEN, postGift, sampleGift, startHarness, waitForStatus } from './harness.ts';

describe('a gift the proxy acknowledged is never lost', () => {
  test('gifts still queued when the proxy stops are delivered after it starts again', async () => {
    const h = await startHarness({ GIFT_ANSWER_WAIT_MS: '0', GIFT_RETRY_BASE_MS: '60000', GIFT_RETRY_MAX_MS: '60000' });
    try {
      h.simulator.control.failNext(1);
      const gifts = [sampleGift({ amount: 1 }), sampleGift({ amount: 2 }), sampleGift({ amount: 3 })];
      for (const gift of gifts) assert.equal((await postGift(h.proxy.url, gift)).status, 202);
      // The first attempt failed and waits a minute to retry: all three are pending on disk.
      await waitForReceived(() => h.simulator.control.received().length, 1);
      await h.restart({ GIFT_ANSWER_WAIT_MS: '0' });
      for (const gift of gifts) await waitForStatus(h.proxy.url, gift.transactionId, 'accepted');
      const imported = h.simulator.control.imported().map((g) => g.transactionId);
      assert.deepEqual([...imported].sort(), gifts.map((g) => g.transactionId).sort(), 'delivered once each');
      // The gift that failed backs off on its own (it may go last); those that never failed keep their order.
      assert.deepEqual(
        imported.filter((id) => id !== gifts[0]!.transactionId),
        gifts.slice(1).map((g) => g.transactionId),
        'the others in the order they were entered',
      );
    } finally {
      await h.close();
    }
  });

  test('a second proxy on the same data directory refuses to start, so no gift can be sent twice', async () => {
    const h = await startHarness();
    try {
      await assert.rejects(
        startProxy({ ...FAST_ENV, GIFT_API_BASE_URL: h.simulator.url, DATA_DIR: h.dataDir }, { log: () => {} }),
        /Another gift proxy is already using .*Stop it, or give this one its own DATA_DIR/,
      );
    } finally {
      await h.close();
    }
  });

  describe('a proxy process killed mid-send', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'gift-proxy-crash-'));
    const children: ChildProcess[] = [];
    after(() => {
      for (const child of children) child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    });

    test('resends the gift it was sending and records it exactly once', async () => {
      const simulator = await startSimulator({ token: TOKEN });
      try {
        const start = async () => {
          const child = spawn(process.execPath, ['--import', 'tsx', 'src/proxy/main.ts'], {
            env: { ...process.env, ...FAST_ENV, GIFT_API_BASE_URL: simulator.url, DATA_DIR: dataDir, PORT: '0', GIFT_ANSWER_WAIT_MS: '0' },
            stdio: ['ignore', 'pipe', 'pipe'],
          });
          children.push(child);
          return new Promise<{ child: ChildProcess; url: string }>((resolve, reject) => {
            let out = '';
            child.stdout!.on('data', (chunk: Buffer) => {
              out += chunk.toString();
              const started = /"event":"proxy_started","url":"([^"]+)"/.exec(out);
              if (started) resolve({ child, url: started[1]! });
            });
            child.once('exit', (code) => reject(new Error(`proxy exited with ${code}: ${out}`)));
          });
        };

        // The upstream never answers: the proxy dies while the gift is in flight.
        simulator.control.hangNext(1);
        const first = await start();
        const gift = sampleGift();
        assert.equal((await postGift(first.url, gift)).status, 202);
        await waitForReceived(() => simulator.control.received().length, 1);
        first.child.kill('SIGKILL');
        await new Promise((resolve) => first.child.once('exit', resolve));

        const second = await start();
        const record = await waitForStatus(second.url, gift.transactionId, 'accepted', 8000);
        assert.equal(record.attempts, 2);
        assert.equal(simulator.control.imported().length, 1);
        second.child.kill('SIGTERM');
      } finally {
        await simulator.close();
      }
    });
  });
});

async function waitForReceived(count: () => number, atLeast: number, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (count() < atLeast) {
    if (Date.now() > deadline) throw new Error(`upstream saw ${count()} calls, wanted ${atLeast}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
