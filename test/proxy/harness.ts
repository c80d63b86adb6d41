/**
 * A proxy wired to its own simulator on loopback, with fast timings, a fresh
 * data directory and every log line captured, so tests can look at what the
 * upstream received and what the proxy said.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../../src/simulator/server.ts';
import { startProxy, type ProxyHandle } from '../../src/proxy/server.ts';
import type { Env } from '../../src/proxy/config.ts';
import { newTransactionId, type GiftRecord, type GiftSubmission } from '../../src/contract/index.ts';

export const TOKEN = 'sim-token-0123456789abcdef';
export const ACCOUNT = '42';

export const FAST_ENV: Env = {
  GIFT_API_TOKEN: TOKEN,
  GIFT_FINANCIAL_ACCOUNT_ID: ACCOUNT,
  PORT: '0',
  GIFT_UPSTREAM_SPACING_MS: '0',
  GIFT_RETRY_BASE_MS: '20',
  GIFT_RETRY_MAX_MS: '100',
  GIFT_UPSTREAM_TIMEOUT_MS: '2000',
  GIFT_ANSWER_WAIT_MS: '3000',
  GIFT_HOLD_RECHECK_MS: '150',
};

export interface Harness {
  proxy: ProxyHandle;
  simulator: RunningSimulator;
  logs: string[];
  dataDir: string;
  /** Restart the proxy on the same data directory, as after a crash or deploy. */
  restart(env?: Env): Promise<void>;
  close(): Promise<void>;
}

export async function startHarness(env: Env = {}, simulatorOptions: Partial<SimulatorOptions> = {}): Promise<Harness> {
  const simulator = await startSimulator({ token: TOKEN, ...simulatorOptions });
  const dataDir = mkdtempSync(join(tmpdir(), 'gift-proxy-test-'));
  const logs: string[] = [];
  const start = (extra: Env) =>
    startProxy({ ...FAST_ENV, GIFT_API_BASE_URL: simulator.url, DATA_DIR: dataDir, ...extra }, { log: (line) => logs.push(line) });
  const harness: Harness = {
    proxy: await start(env),
    simulator,
    logs,
    dataDir,
    async restart(extra = env) {
      await harness.proxy.close();
      harness.proxy = await start(extra);
    },
    async close() {
      await harness.proxy.close();
      await simulator.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return harness;
}

export function sampleGift(overrides: Partial<GiftSubmission> = {}): GiftSubmission {
  return {
    transactionId: newTransactionId(),
    amount: 25,
    firstName: 'Ada',
    lastName: 'Lovelace',
    emailAddress: 'ada@example.org',
    distribution: 'GEN',
    receivedDate: '2026-11-23T09:30:00',
    ...overrides,
  };
}

export async function postGift(
  base: string,
  gift: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${base}/api/gifts`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof gift === 'string' ? gift : JSON.stringify(gift),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

export async function getGift(base: string, transactionId: string): Promise<GiftRecord> {
  const response = await fetch(`${base}/api/gifts/${transactionId}`);
  return (await response.json()) as GiftRecord;
}

/** Polls until the gift reaches `status` (or fails the test after `ms`). */
export async function waitForStatus(base: string, transactionId: string, status: GiftRecord['status'], ms = 5000): Promise<GiftRecord> {
  const deadline = Date.now() + ms;
  let record = await getGift(base, transactionId);
  while (record.status !== status) {
    if (Date.now() > deadline) throw new Error(`gift ${transactionId} stayed ${record.status} (${record.message ?? ''}), wanted ${status}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
    record = await getGift(base, transactionId);
  }
  return record;
}
