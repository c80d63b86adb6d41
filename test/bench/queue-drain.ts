/**
 * How fast a backlog empties: 100 gifts are queued while the upstream is
 * refusing (500), then it recovers and we time until every gift is accepted.
 * The upstream itself takes no time here, so this measures the proxy's own
 * ceiling; with a real 2–5 s upstream the drain is bounded by iMIS, not by us.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { newTransactionId } from '../../src/contract/index.ts';
import { startProxy } from '../../src/proxy/server.ts';
import { startSimulator } from '../../src/simulator/server.ts';

const TOKEN = 'bench-token-0123456789';
const BACKLOG = 100;

export async function run(): Promise<{ giftsPerSecond: number; maxConcurrent: number }> {
  const simulator = await startSimulator({ token: TOKEN, processingDelayMs: 0 });
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
  let proxy = await startProxy(env, { log: () => {} });
  try {
    simulator.control.failNext(1);
    const ids: string[] = [];
    for (let i = 0; i < BACKLOG; i++) {
      const transactionId = newTransactionId();
      ids.push(transactionId);
      await fetch(`${proxy.url}/api/gifts`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ transactionId, amount: i + 1, company: 'Acme Foundation', emailAddress: 'giving@acme.example', distribution: 'GEN' }),
      }).then((r) => r.arrayBuffer());
    }
    // The head gift failed and waits ten minutes: restart to release the whole backlog at once.
    await proxy.close();
    simulator.control.reset();
    const started = performance.now();
    proxy = await startProxy(env, { log: () => {} });
    while (simulator.control.imported().length < BACKLOG) await new Promise((resolve) => setTimeout(resolve, 5));
    const seconds = (performance.now() - started) / 1000;
    const giftsPerSecond = BACKLOG / seconds;
    const maxConcurrent = simulator.control.maxConcurrentImports();
    console.log(`queue drain: ${BACKLOG}-gift backlog delivered in ${seconds.toFixed(2)} s = ${giftsPerSecond.toFixed(0)} gifts/s (upstream delay 0, spacing 0; highest upstream concurrency ${maxConcurrent})`);
    const minutes = (perGift: number) => ((BACKLOG * perGift) / 60).toFixed(1);
    console.log(`  with the real upstream's 2–5 s per gift and the default 0.5 s spacing: ${minutes(2.5)}–${minutes(5.5)} minutes for ${BACKLOG} gifts`);
    return { giftsPerSecond, maxConcurrent };
  } finally {
    await proxy.close();
    await simulator.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
