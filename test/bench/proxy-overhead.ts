/**
 * How much time the proxy adds to one gift compared with calling the upstream
 * directly: validation, the durable write (fsync), the queue hand-off and the
 * extra HTTP hop. Both paths hit the same simulator with no processing delay.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { toImportRequest, UPSTREAM_IMPORT_PATH } from '../../src/contract/index.ts';
import { sampleGift as gift } from '../proxy/harness.ts';
import { startProxy } from '../../src/proxy/server.ts';
import { startSimulator } from '../../src/simulator/server.ts';
import { ms, percentile } from './stats.ts';

const TOKEN = 'bench-token-0123456789';
const ROUNDS = 200;

export async function run(): Promise<{ directP50: number; directP99: number; proxyP50: number; proxyP99: number }> {
  const simulator = await startSimulator({ token: TOKEN, processingDelayMs: 0 });
  const dataDir = mkdtempSync(join(tmpdir(), 'gift-bench-'));
  const proxy = await startProxy(
    {
      GIFT_API_BASE_URL: simulator.url,
      GIFT_API_TOKEN: TOKEN,
      GIFT_FINANCIAL_ACCOUNT_ID: '6',
      PORT: '0',
      DATA_DIR: dataDir,
      GIFT_UPSTREAM_SPACING_MS: '0',
    },
    { log: () => {} },
  );
  try {
    const direct: number[] = [];
    const viaProxy: number[] = [];
    // Interleaved, so both paths see the same machine conditions.
    for (let i = 0; i < ROUNDS; i++) {
      let started = performance.now();
      const upstream = await fetch(`${simulator.url}${UPSTREAM_IMPORT_PATH}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json', 'Accept-Encoding': 'gzip, deflate' },
        body: JSON.stringify(toImportRequest(gift(), 6, new Date())),
      });
      await upstream.arrayBuffer();
      if (upstream.status !== 202) throw new Error(`direct import answered ${upstream.status}`);
      direct.push(performance.now() - started);

      started = performance.now();
      const answer = await fetch(`${proxy.url}/api/gifts`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(gift()),
      });
      const record = (await answer.json()) as { status: string };
      if (record.status !== 'accepted') throw new Error(`proxy answered ${answer.status} ${record.status}`);
      viaProxy.push(performance.now() - started);
    }
    const result = {
      directP50: percentile(direct, 50),
      directP99: percentile(direct, 99),
      proxyP50: percentile(viaProxy, 50),
      proxyP99: percentile(viaProxy, 99),
    };
    console.log(`proxy overhead over a direct upstream call (${ROUNDS} gifts each, simulator with no processing delay)`);
    console.log(`  direct  p50 ${ms(result.directP50)}  p99 ${ms(result.directP99)}`);
    console.log(`  proxy   p50 ${ms(result.proxyP50)}  p99 ${ms(result.proxyP99)}`);
    console.log(
      `  ratio   p50 ${(result.proxyP50 / result.directP50).toFixed(2)}×  p99 ${(result.proxyP99 / result.directP99).toFixed(2)}×`,
    );
    console.log(`  added   p50 ${ms(result.proxyP50 - result.directP50)} (against 2–5 s of real upstream processing per gift)`);
    return result;
  } finally {
    await proxy.close();
    await simulator.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
