/**
 * How fast a backlog empties: 100 gifts are queued while the upstream is
 * refusing (500), then it recovers and we time until every gift is accepted.
 * The upstream itself takes no time here, so this measures the proxy's own
 * ceiling; with a real 2–5 s upstream the drain is bounded by iMIS, not by us.
 * Then the same backlog with one poison gift (the upstream fails it every time):
 * it is set aside as stuck after its attempts, and the other 99 still go.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { newTransactionId } from '../../src/contract/index.ts';
import { startProxy, type ProxyHandle } from '../../src/proxy/server.ts';
import { startSimulator, type RunningSimulator } from '../../src/simulator/server.ts';

const TOKEN = 'bench-token-0123456789';
const BACKLOG = 100;
const POISON_AT = 10;

interface Drain {
  seconds: number;
  maxConcurrent: number;
  /** With a poison gift: how long it held the queue, from its first attempt to being set aside. */
  poisonHeldSeconds?: number;
  poisonAttempts?: number;
  poisonStatus?: string;
}

async function drain(poisoned: boolean): Promise<Drain> {
  const simulator: RunningSimulator = await startSimulator({ token: TOKEN, processingDelayMs: 0 });
  const dataDir = mkdtempSync(join(tmpdir(), 'gift-drain-'));
  const env = {
    GIFT_API_BASE_URL: simulator.url,
    GIFT_API_TOKEN: TOKEN,
    GIFT_FINANCIAL_ACCOUNT_ID: '6',
    PORT: '0',
    DATA_DIR: dataDir,
    GIFT_UPSTREAM_SPACING_MS: '0',
    GIFT_ANSWER_WAIT_MS: '0',
    GIFT_RETRY_BASE_MS: '600000',
    GIFT_RETRY_MAX_MS: '600000',
  };
  let proxy: ProxyHandle = await startProxy(env, { log: () => {} });
  try {
    simulator.control.failNext(1);
    const ids: string[] = [];
    for (let i = 0; i < BACKLOG; i++) {
      const transactionId = newTransactionId();
      ids.push(transactionId);
      await fetch(`${proxy.url}/api/gifts`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          transactionId,
          amount: i + 1,
          company: 'Acme Foundation',
          emailAddress: 'giving@acme.example',
          distribution: 'GEN',
        }),
      }).then((r) => r.arrayBuffer());
    }
    // The head gift failed and waits ten minutes: restart to release the whole backlog at once,
    // with a short backoff so the poison gift's six attempts take well under a second.
    await proxy.close();
    simulator.control.reset();
    const poison = ids[POISON_AT]!;
    if (poisoned) simulator.control.poison([poison]);
    const started = performance.now();
    proxy = await startProxy({ ...env, GIFT_RETRY_BASE_MS: '20', GIFT_RETRY_MAX_MS: '1000' }, { log: () => {} });
    const expected = poisoned ? BACKLOG - 1 : BACKLOG;
    while (simulator.control.imported().length < expected) await new Promise((resolve) => setTimeout(resolve, 5));
    const seconds = (performance.now() - started) / 1000;
    const result: Drain = { seconds, maxConcurrent: simulator.control.maxConcurrentImports() };
    if (poisoned) {
      const calls = simulator.control.received().filter((call) => call.rawBody.includes(poison));
      const record = (await (await fetch(`${proxy.url}/api/gifts/${poison}`)).json()) as { status: string };
      result.poisonAttempts = calls.length;
      result.poisonHeldSeconds = (Date.parse(calls.at(-1)!.at) - Date.parse(calls[0]!.at)) / 1000;
      result.poisonStatus = record.status;
    }
    return result;
  } finally {
    await proxy.close();
    await simulator.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function run(): Promise<{ giftsPerSecond: number; maxConcurrent: number; poisonedGiftsPerSecond: number }> {
  const clean = await drain(false);
  const giftsPerSecond = BACKLOG / clean.seconds;
  console.log(
    `queue drain: ${BACKLOG}-gift backlog delivered in ${clean.seconds.toFixed(2)} s = ${giftsPerSecond.toFixed(0)} gifts/s (upstream delay 0, spacing 0; highest upstream concurrency ${clean.maxConcurrent})`,
  );
  const minutes = (perGift: number) => ((BACKLOG * perGift) / 60).toFixed(1);
  console.log(
    `  with the real upstream's 2–5 s per gift and the default 0.5 s spacing: ${minutes(2.5)}–${minutes(5.5)} minutes for ${BACKLOG} gifts`,
  );

  const poisoned = await drain(true);
  const others = BACKLOG - 1;
  const sendingSeconds = poisoned.seconds - (poisoned.poisonHeldSeconds ?? 0);
  const poisonedGiftsPerSecond = others / sendingSeconds;
  console.log(
    `  with one poison gift (#${POISON_AT + 1}, the upstream fails it every time): the other ${others} delivered in ${poisoned.seconds.toFixed(2)} s; ` +
      `it held the queue ${poisoned.poisonHeldSeconds?.toFixed(2)} s over ${poisoned.poisonAttempts} attempts (backoff from 20 ms) and ended "${poisoned.poisonStatus}"; ` +
      `outside that, ${poisonedGiftsPerSecond.toFixed(0)} gifts/s; highest upstream concurrency ${poisoned.maxConcurrent}`,
  );
  return { giftsPerSecond, maxConcurrent: Math.max(clean.maxConcurrent, poisoned.maxConcurrent), poisonedGiftsPerSecond };
}
