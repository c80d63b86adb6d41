/**
 * A fetch double that speaks the proxy API exactly: every answer it gives is
 * checked against the contract's schemas, so it cannot drift from the proxy.
 */
import * as z from 'zod/mini';
import {
  giftRecordSchema,
  journalSchema,
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
  /** Gifts already in the proxy's journal before the test (newest first). */
  journal: GiftRecord[];
  /** The enteredBy each POST carried. */
  enteredBy: Array<string | undefined>;
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
    journal: [],
    enteredBy: [],
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
    if (url.pathname === '/api/gifts' && init.method !== 'POST') {
      const gifts = [...[...records.values()].reverse(), ...fake.journal];
      return json(z.parse(journalSchema, { gifts }));
    }
    if (url.pathname === '/api/gifts' && init.method === 'POST') {
      const { enteredBy, ...gift } = JSON.parse(String(init.body)) as GiftSubmission & { enteredBy?: string };
      fake.posts.push(gift);
      fake.enteredBy.push(enteredBy);
      const verdict = fake.next.shift() ?? 'accepted';
      if (verdict === 'network') throw new TypeError('Failed to fetch');
      if (typeof verdict === 'object' && 'error' in verdict) return json(z.parse(proxyErrorSchema, { message: verdict.message, field: verdict.field }), verdict.error);
      const answer =
        typeof verdict === 'string'
          ? record(gift, verdict)
          : record(gift, 'rejected', { message: verdict.message, field: verdict.field, upstreamMessage: 'upstream words' });
      records.set(gift.transactionId, { ...answer, gift: { ...gift } as Record<string, string | number> });
      return json(answer, answer.status === 'accepted' || answer.status === 'rejected' ? 200 : 202);
    }
    const polled = /^\/api\/gifts\/(.+)$/.exec(url.pathname);
    if (polled) {
      const stored = records.get(decodeURIComponent(polled[1]!));
      if (!stored) return json({ message: 'No gift' }, 404);
      const status = fake.pollAnswers.shift();
      if (status) records.set(stored.transactionId, { ...stored, status });
      // Like the proxy: the single-gift answer carries no gift fields, only the journal does.
      const { gift: _fields, ...record } = records.get(stored.transactionId)!;
      return json(record);
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
