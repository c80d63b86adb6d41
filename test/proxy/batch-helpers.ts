/**
 * Calls to the proxy's batch API over real HTTP, each answer parsed with the contract,
 * and the check every batch test makes of what the simulator received.
 */
import assert from 'node:assert/strict';
import * as z from 'zod/mini';
import {
  GIFT_FIELDS,
  PROXY_PATHS,
  batchListSchema,
  batchSchema,
  proxyErrorSchema,
  type Batch,
  type BatchGift,
  type BatchSettings,
  type BatchSummary,
  type GiftSubmission,
  type ProxyError,
} from '../../src/contract/index.ts';
import { ACCOUNT } from './harness.ts';

export type Answer<T> = { status: number; body: T; error?: undefined } | { status: number; body?: undefined; error: ProxyError };

async function call<T>(base: string, method: string, path: string, body: unknown, schema: z.ZodMiniType<T>): Promise<Answer<T>> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json: unknown = await response.json();
  if (response.ok) return { status: response.status, body: z.parse(schema, json) };
  return { status: response.status, error: z.parse(proxyErrorSchema, json) };
}

export const SETTINGS: BatchSettings = {
  name: 'Tuesday checks',
  defaults: { distribution: 'GEN', campaignCode: '', appealCode: '', receivedDate: '2026-12-02' },
  expected: { count: 2, totalCents: 7500 },
  by: 'STAFF1',
};

export const batchApi = (base: string) => ({
  open: (settings: unknown = SETTINGS) => call(base, 'POST', PROXY_PATHS.batches, settings, batchSchema),
  list: (state?: string) => call(base, 'GET', `${PROXY_PATHS.batches}${state ? `?state=${state}` : ''}`, undefined, batchListSchema),
  get: (id: string) => call(base, 'GET', PROXY_PATHS.batch(id), undefined, batchSchema),
  patch: (id: string, settings: unknown) => call(base, 'PATCH', PROXY_PATHS.batch(id), settings, batchSchema),
  save: (id: string, gift: GiftSubmission, metadata: { enteredBy?: string; donorName?: string } = {}, pathId = gift.transactionId) =>
    call(base, 'PUT', PROXY_PATHS.batchGift(id, pathId), { gift, ...metadata }, batchSchema),
  remove: (id: string, transactionId: string) => call(base, 'DELETE', PROXY_PATHS.batchGift(id, transactionId), undefined, batchSchema),
  post: (id: string, post: { by?: string; reason?: string } = { by: 'STAFF2' }) =>
    call(base, 'POST', PROXY_PATHS.postBatch(id), post, batchSchema),
});

/** The answer's body, failing the test with the proxy's words when there is none. */
export function ok<T>(answer: Answer<T>, status = 200): T {
  assert.equal(answer.status, status, answer.error?.message);
  return answer.body!;
}

export function ids(batches: readonly BatchSummary[] | readonly Batch[]): string[] {
  return batches.map((batch) => batch.id);
}

/**
 * What the simulator received for one row is exactly the row: each of the reference's
 * fields as the row held it ("" for a blank), the deployment's account, and the row's own
 * received date (or, with none, the day it was added to the batch).
 */
export function assertSentAsRow(sent: Record<string, unknown>, row: BatchGift): void {
  assert.deepEqual(Object.keys(sent), [...GIFT_FIELDS]);
  for (const field of GIFT_FIELDS) {
    if (field === 'financialAccountId') assert.equal(sent[field], Number(ACCOUNT));
    else if (field === 'receivedDate' && row.gift.receivedDate === undefined) {
      const added = new Date(row.addedAt);
      assert.equal(new Date(String(sent[field])).toDateString(), added.toDateString(), `${row.transactionId} received date`);
    } else assert.equal(sent[field], row.gift[field] ?? '', `${row.transactionId}.${field}`);
  }
}
