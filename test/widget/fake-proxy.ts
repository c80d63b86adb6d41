/**
 * A fetch double that speaks the proxy API exactly: every answer it gives is
 * checked against the contract's schemas, so it cannot drift from the proxy.
 */
import * as z from 'zod/mini';
import {
  giftRecordSchema,
  lookupsResponseSchema,
  proxyErrorSchema,
  type GiftRecord,
  type LookupsResponse,
} from '../../src/contract/proxy-api.ts';
import { donorDisplayName } from '../../src/contract/gift-summary.ts';
import type { GiftSubmission } from '../../src/contract/gift-schema.ts';

export const LOOKUPS: LookupsResponse = z.parse(lookupsResponseSchema, {
  distributions: [
    { Title: 'General Fund', Code: 'GEN', AppealCode: '', CampaignCode: '' },
    { Title: 'Annual Fund', Code: 'ANNUAL', AppealCode: 'SPRING', CampaignCode: 'GALA' },
  ],
  appeals: [{ Code: 'SPRING', Description: 'SPRING - Spring mailing' }],
  campaigns: [
    { Code: 'GALA', Description: 'GALA - Spring Gala' },
    { Code: 'SAFE', Description: 'SAFE - A Safe Place' },
  ],
  transactionIdPrefix: '',
  fetchedAt: '2026-11-23T09:00:00.000Z',
});

export type Verdict = GiftRecord['status'] | { status: 'rejected'; message: string; field: GiftRecord['field'] } | 'network' | { error: number; message: string; field?: string };

export interface FakeProxy {
  posts: GiftSubmission[];
  headers: Headers[];
  /** What the next POSTs answer, in order; then 'accepted'. */
  next: Verdict[];
  /** What GET /api/gifts/:id answers next for a polled gift; then the stored status. */
  pollAnswers: GiftRecord['status'][];
  lookupsFail: boolean;
  restore(): void;
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

export function fakeProxy(): FakeProxy {
  const original = window.fetch;
  const records = new Map<string, GiftRecord>();
  const fake: FakeProxy = {
    posts: [],
    headers: [],
    next: [],
    pollAnswers: [],
    lookupsFail: false,
    restore: () => {
      window.fetch = original;
    },
  };
  const record = (gift: GiftSubmission, status: GiftRecord['status'], extra: Partial<GiftRecord> = {}): GiftRecord =>
    z.parse(giftRecordSchema, {
      transactionId: gift.transactionId,
      status,
      amount: gift.amount,
      donor: donorDisplayName(gift),
      distribution: gift.distribution ?? '',
      attempts: 1,
      createdAt: new Date().toISOString(),
      updatedAt: new Date().toISOString(),
      ...extra,
    });

  window.fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), location.href);
    fake.headers.push(new Headers(init.headers));
    if (url.pathname === '/api/lookups') {
      if (fake.lookupsFail) return json(z.parse(proxyErrorSchema, { message: 'Funds, appeals and campaigns could not be loaded: could not reach the gift service. Try again in a moment.' }), 502);
      return json(LOOKUPS);
    }
    if (url.pathname === '/api/gifts' && init.method === 'POST') {
      const gift = JSON.parse(String(init.body)) as GiftSubmission;
      fake.posts.push(gift);
      const verdict = fake.next.shift() ?? 'accepted';
      if (verdict === 'network') throw new TypeError('Failed to fetch');
      if (typeof verdict === 'object' && 'error' in verdict) return json(z.parse(proxyErrorSchema, { message: verdict.message, field: verdict.field }), verdict.error);
      const answer =
        typeof verdict === 'string'
          ? record(gift, verdict)
          : record(gift, 'rejected', { message: verdict.message, field: verdict.field, upstreamMessage: 'upstream words' });
      records.set(gift.transactionId, answer);
      return json(answer, answer.status === 'accepted' || answer.status === 'rejected' ? 200 : 202);
    }
    const polled = /^\/api\/gifts\/(.+)$/.exec(url.pathname);
    if (polled) {
      const stored = records.get(decodeURIComponent(polled[1]!));
      if (!stored) return json({ message: 'No gift' }, 404);
      const status = fake.pollAnswers.shift();
      if (status) records.set(stored.transactionId, { ...stored, status });
      return json(records.get(stored.transactionId));
    }
    return json({ message: `Nothing at ${url.pathname}` }, 404);
  };
  return fake;
}

/** Puts the double in place around each test of the enclosing describe; call the result for it. */
export function withFakeProxy(): () => FakeProxy {
  let proxy: FakeProxy;
  beforeEach(() => {
    proxy = fakeProxy();
  });
  afterEach(() => proxy.restore());
  return () => proxy;
}
