/**
 * The batch routes and the watch long-poll of the fake proxy (fake-proxy.ts serves them).
 * Like the rest of the double, every request the widget sends is parsed with the
 * contract's schema (a wrong body fails the test) and every answer is parsed before it
 * is given, so the double cannot drift from the proxy.
 */
import * as z from 'zod/mini';
import {
  batchGiftInputSchema,
  batchListSchema,
  batchSchema,
  batchSettingsPatchSchema,
  batchSettingsSchema,
  postBatchSchema,
  watchRequestSchema,
  watchResponseSchema,
  type Batch,
  type BatchSummary,
} from '../../src/contract/batch-api.ts';
import { batchTotals, reconcile } from '../../src/contract/batch-model.ts';
import { postRefusal } from '../../src/contract/batch-post-gate.ts';
import type { GiftSubmission } from '../../src/contract/gift-schema.ts';
import { proxyErrorSchema, type GiftRecord } from '../../src/contract/proxy-api.ts';
import { PROXY_PATHS } from '../../src/contract/proxy-routes.ts';

export interface BatchBackend {
  /** The journal's records, by transactionId (with the gift fields, as the journal listing has them). */
  records: Map<string, GiftRecord>;
  record(gift: GiftSubmission, status: GiftRecord['status'], extra?: Partial<GiftRecord>, donorName?: string): GiftRecord;
  /** Batches kept at the fake proxy: a test may seed one (an open batch from another browser) or inspect them. */
  batches: Map<string, Batch>;
  /** The `known` map of every watch the widget sent. */
  watches: Array<Record<string, GiftRecord['status']>>;
  /** Long-polls waiting now; each re-reads `records` when told something changed. */
  watchers: Set<() => void>;
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

const refuse = (status: number, message: string, field?: string) => json(z.parse(proxyErrorSchema, { message, field }), status);
const withoutFields = ({ gift: _fields, ...record }: GiftRecord): GiftRecord => record;

function summary(batch: Batch): BatchSummary {
  const { gifts, ...head } = batch;
  const totals = batchTotals(gifts.map((row) => row.gift));
  return { ...head, count: gifts.length, totalCents: totals.totalCents };
}

let batchCount = 0;

/** Answers a batch or watch request, or undefined when the path is neither. */
export function serveBatches(backend: BatchBackend, url: URL, init: RequestInit): Promise<Response> | Response | undefined {
  const method = init.method ?? 'GET';
  const body = (): unknown => JSON.parse(String(init.body));
  const { batches, records } = backend;
  const answer = (batch: Batch, status = 200) => {
    const gifts = batch.gifts.map((row) => {
      const record = batch.state === 'posted' ? records.get(row.transactionId) : undefined;
      return record ? { ...row, record: withoutFields(record) } : row;
    });
    return json(z.parse(batchSchema, { ...batch, gifts }), status);
  };

  if (url.pathname === PROXY_PATHS.watch && method === 'POST') return watch(backend, z.parse(watchRequestSchema, body()), init.signal);
  if (url.pathname === PROXY_PATHS.batches && method === 'GET') {
    const state = url.searchParams.get('state') ?? 'open';
    const listed = [...batches.values()].filter((batch) => batch.state === state).reverse();
    return json(z.parse(batchListSchema, { batches: listed.map(summary) }));
  }
  if (url.pathname === PROXY_PATHS.batches && method === 'POST') {
    const settings = z.parse(batchSettingsSchema, body());
    const now = new Date().toISOString();
    const batch: Batch = {
      id: `fakeBatch${++batchCount}`,
      name: settings.name || `Batch opened ${now.slice(0, 16).replace('T', ' ')} UTC`,
      state: 'open',
      defaults: settings.defaults,
      expected: settings.expected,
      openedAt: now,
      updatedAt: now,
      gifts: [],
    };
    if (settings.by) batch.openedBy = settings.by;
    batches.set(batch.id, batch);
    return answer(batch, 201);
  }
  const match = /^\/api\/batches\/([^/]+)(?:\/(post)|\/gifts\/([^/]+))?$/.exec(url.pathname);
  if (!match) return undefined;
  const batch = batches.get(decodeURIComponent(match[1]!));
  if (!batch) return refuse(404, `No batch ${match[1]} is kept at this proxy; it may have been opened elsewhere.`);
  if (method === 'GET') return answer(batch);
  if (batch.state === 'posted' && !(match[2] && method === 'POST')) {
    return refuse(409, `This batch was posted on ${batch.postedAt?.slice(0, 10)} by ${batch.postedBy}; it can no longer be changed.`);
  }
  const now = new Date().toISOString();
  if (match[3] !== undefined) {
    const transactionId = decodeURIComponent(match[3]);
    const at = batch.gifts.findIndex((row) => row.transactionId === transactionId);
    if (method === 'DELETE') {
      if (at < 0) return refuse(404, `This batch holds no gift with transaction ID ${transactionId}.`, 'transactionId');
      batch.gifts.splice(at, 1);
      return answer({ ...batch, updatedAt: now });
    }
    const { gift, donorName, enteredBy } = z.parse(batchGiftInputSchema, body());
    if (gift.transactionId !== transactionId)
      return refuse(400, 'The address and the gift name different transaction IDs.', 'transactionId');
    if (records.has(transactionId)) return refuse(409, `Transaction ID ${transactionId} is already in the gift journal.`, 'transactionId');
    if ([...batches.values()].some((other) => other !== batch && other.gifts.some((row) => row.transactionId === transactionId))) {
      return refuse(409, `Transaction ID ${transactionId} already belongs to a gift in another batch.`, 'transactionId');
    }
    const row = { transactionId, gift, donorName, enteredBy, addedAt: batch.gifts[at]?.addedAt ?? now, updatedAt: now };
    if (at < 0) batch.gifts.push(row);
    else batch.gifts[at] = row;
    batch.updatedAt = now;
    return answer(batch);
  }
  if (match[2] === 'post') {
    const post = z.parse(postBatchSchema, body());
    if (batch.state === 'posted') return answer(batch);
    const refusal = postRefusal(
      reconcile(
        batch.gifts.map((row) => row.gift),
        batch.expected,
      ),
    );
    if (refusal && post.reason === undefined) return refuse(409, refusal);
    for (const row of batch.gifts) {
      const queued = backend.record(row.gift, 'queued', { enteredBy: row.enteredBy }, row.donorName);
      records.set(row.transactionId, { ...queued, gift: { ...row.gift } as Record<string, string | number> });
    }
    Object.assign(batch, {
      state: 'posted',
      postedBy: post.by,
      postedAt: now,
      updatedAt: now,
      postReason: refusal ? post.reason : undefined,
    });
    return answer(batch);
  }
  if (method === 'PATCH') {
    const settings = z.parse(batchSettingsPatchSchema, body());
    if (settings.name) batch.name = settings.name;
    if (settings.defaults) batch.defaults = settings.defaults;
    if (settings.expected) batch.expected = settings.expected;
    batch.updatedAt = now;
    return answer(batch);
  }
  return refuse(405, `${url.pathname} does not take ${method}.`);
}

/** Like the proxy: at once when a known status differs, else when `settle` changes one, else { gifts: [] } after waitMs. */
function watch(
  backend: BatchBackend,
  request: z.infer<typeof watchRequestSchema>,
  signal: AbortSignal | null | undefined,
): Promise<Response> {
  backend.watches.push(request.known);
  const differing = () =>
    Object.entries(request.known).flatMap(([id, status]) => {
      const record = backend.records.get(id);
      return record && record.status !== status ? [withoutFields(record)] : [];
    });
  const respond = (gifts: GiftRecord[]) => json(z.parse(watchResponseSchema, { gifts }));
  const now = differing();
  if (now.length > 0 || request.waitMs === 0) return Promise.resolve(respond(now));
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      backend.watchers.delete(check);
      signal?.removeEventListener('abort', aborted);
    };
    const check = () => {
      const changed = differing();
      if (changed.length === 0) return;
      done();
      resolve(respond(changed));
    };
    const aborted = () => {
      done();
      reject(new DOMException('The watch was stopped.', 'AbortError'));
    };
    const timer = setTimeout(() => {
      done();
      resolve(respond([]));
    }, request.waitMs ?? 25_000);
    signal?.addEventListener('abort', aborted);
    backend.watchers.add(check);
  });
}
