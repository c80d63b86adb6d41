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
import { isFinal, RESPOND_ASYNC } from '../../src/contract/proxy-routes.ts';
import { watchRequestSchema, watchResponseSchema } from '../../src/contract/batch-api.ts';
import { donorDisplayName } from '../../src/contract/gift-summary.ts';
import type { GiftSubmission } from '../../src/contract/gift-schema.ts';
import type { Batch } from '../../src/contract/batch-api.ts';
import { serveBatches, type BatchBackend } from './fake-batches.ts';
import { fakeSessions, type FakeSessions } from './fake-sessions.ts';

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

export type Verdict =
  | GiftRecord['status']
  | { status: 'rejected'; message: string; field: GiftRecord['field'] }
  | 'network'
  | { error: number; message: string; field?: string };

export interface FakeProxy {
  posts: GiftSubmission[];
  headers: Headers[];
  /** What the next POSTs answer, in order; then 'accepted'. */
  next: Verdict[];
  /** What GET /api/gifts/:id answers next for a polled gift; then the stored status. */
  pollAnswers: GiftRecord['status'][];
  lookupsFail: boolean;
  /** The proxy is down (stopped, restarting): every call fails as fetch does when nothing answers. */
  down: boolean;
  /** Calls made while it was down. */
  unanswered: number;
  /** Gifts already in the proxy's journal before the test (newest first). */
  journal: GiftRecord[];
  /** The enteredBy each POST carried. */
  enteredBy: Array<string | undefined>;
  /** The donorName (a contact chosen from iMIS) each POST carried. */
  donorNames: Array<string | undefined>;
  /** Batches kept at the proxy (review mode): seed one to play another browser's open batch, or inspect them. */
  batches: Map<string, Batch>;
  /** The `known` map of every POST /api/gifts/watch the widget sent. */
  watches: Array<Record<string, GiftRecord['status']>>;
  /**
   * The upstream's verdict arrives for a gift in the journal (a posted batch row, or a gift
   * answered 202): its record changes and every pending watch that follows it answers.
   * Without a verdict: the one held back for polling (respond-async), else 'accepted'.
   */
  settle(transactionId: string, verdict?: Exclude<Verdict, 'network' | { error: number }>): GiftRecord;
  /** iMIS sign-in (off unless a test turns it on): grants, expiry, refused roles, the calls and their sessions. */
  sessions: FakeSessions;
  restore(): void;
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

export function fakeProxy(): FakeProxy {
  const original = window.fetch;
  const records = new Map<string, GiftRecord>();
  const sessions = fakeSessions();
  const fake: FakeProxy = {
    posts: [],
    headers: [],
    next: [],
    pollAnswers: [],
    lookupsFail: false,
    down: false,
    unanswered: 0,
    journal: [],
    enteredBy: [],
    donorNames: [],
    batches: new Map(),
    watches: [],
    sessions,
    settle: (transactionId, verdict) => {
      const stored = records.get(transactionId);
      if (!stored) throw new Error(`the fake proxy holds no gift ${transactionId}`);
      const held = pending.get(transactionId);
      pending.delete(transactionId);
      const next: GiftRecord =
        verdict === undefined
          ? (held ?? { ...stored, status: 'accepted' })
          : typeof verdict === 'string'
            ? { ...stored, status: verdict, message: undefined, field: undefined }
            : { ...stored, status: 'rejected', message: verdict.message, field: verdict.field, upstreamMessage: 'upstream words' };
      records.set(transactionId, z.parse(giftRecordSchema, { ...next, gift: stored.gift, updatedAt: new Date().toISOString() }));
      for (const check of [...backend.watchers]) check();
      return records.get(transactionId)!;
    },
    restore: () => {
      window.fetch = original;
    },
  };
  const pending = new Map<string, GiftRecord>();
  const record = (gift: GiftSubmission, status: GiftRecord['status'], extra: Partial<GiftRecord> = {}, donorName?: string): GiftRecord =>
    z.parse(giftRecordSchema, {
      transactionId: gift.transactionId,
      status,
      amount: gift.amount,
      donor: donorName && gift.imisId ? `${donorName} (iMIS ID ${gift.imisId})` : donorDisplayName(gift),
      distribution: gift.distribution ?? '',
      attempts: 1,
      createdAt: new Date().toISOString(),
      updatedAt: new Date().toISOString(),
      ...extra,
    });

  const backend: BatchBackend = { records, record, batches: fake.batches, watches: fake.watches, watchers: new Set() };

  window.fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), location.href);
    if (fake.down) {
      fake.unanswered++;
      throw new TypeError('Failed to fetch');
    }
    fake.headers.push(new Headers(init.headers));
    const gate = sessions.check(url, init);
    if (gate) return gate;
    /** The proxy's next word on a followed gift: a scripted status, else its pending verdict. */
    const advance = (stored: GiftRecord): GiftRecord => {
      const status = fake.pollAnswers.shift();
      const verdict = pending.get(stored.transactionId);
      // A scripted status comes first; the verdict waits behind it.
      if (status) records.set(stored.transactionId, { ...stored, status });
      else if (verdict) {
        records.set(stored.transactionId, { ...verdict, gift: stored.gift });
        pending.delete(stored.transactionId);
      }
      // Like the proxy: a single gift's answer carries no gift fields, only the journal does.
      const { gift: _fields, ...record } = records.get(stored.transactionId)!;
      return record;
    };
    if (url.pathname === '/api/gifts/watch' && init.method === 'POST') {
      const { known } = z.parse(watchRequestSchema, JSON.parse(String(init.body)));
      const changed: GiftRecord[] = [];
      for (const [id, status] of Object.entries(known)) {
        const stored = records.get(id);
        if (!stored) continue;
        const now = advance(stored);
        if (now.status !== status) changed.push(now);
      }
      if (changed.length > 0) return json(z.parse(watchResponseSchema, { gifts: changed }));
      // Scripted words still to come: a short hold, then "nothing yet", so the widget asks again soon.
      const scripted = fake.pollAnswers.length > 0 || Object.keys(known).some((id) => pending.has(id));
      if (scripted) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        return json(z.parse(watchResponseSchema, { gifts: [] }));
      }
      // Otherwise the long-poll proper: answered when a test settles a gift (fake-batches.ts).
    }
    const batchAnswer = serveBatches(backend, url, init);
    if (batchAnswer) return batchAnswer;
    if (url.pathname === '/api/lookups') {
      if (fake.lookupsFail)
        return json(
          z.parse(proxyErrorSchema, {
            message: 'Funds, appeals and campaigns could not be loaded: could not reach the gift service. Try again in a moment.',
          }),
          502,
        );
      return json(LOOKUPS);
    }
    if (url.pathname === '/api/gifts' && init.method !== 'POST') {
      const gifts = [...[...records.values()].reverse(), ...fake.journal];
      return json(z.parse(journalSchema, { gifts }));
    }
    if (url.pathname === '/api/gifts' && init.method === 'POST') {
      const { enteredBy, donorName, ...gift } = JSON.parse(String(init.body)) as GiftSubmission & {
        enteredBy?: string;
        donorName?: string;
      };
      fake.posts.push(gift);
      fake.enteredBy.push(enteredBy);
      fake.donorNames.push(donorName);
      const known = records.get(gift.transactionId);
      if (known && known.status !== 'rejected') {
        // Like the proxy: the same gift again is answered with its record; another gift under its ID is a conflict.
        if (JSON.stringify(known.gift) !== JSON.stringify(gift)) {
          return json(
            z.parse(proxyErrorSchema, {
              message: `Transaction ID ${gift.transactionId} already belongs to a different gift. Start a new gift to get a new ID.`,
              field: 'transactionId',
            }),
            409,
          );
        }
        const { gift: _sent, ...again } = known;
        return json(again, isFinal(again.status) ? 200 : 202);
      }
      const verdict = fake.next.shift() ?? 'accepted';
      if (verdict === 'network') throw new TypeError('Failed to fetch');
      if (typeof verdict === 'object' && 'error' in verdict)
        return json(z.parse(proxyErrorSchema, { message: verdict.message, field: verdict.field }), verdict.error);
      const answer =
        typeof verdict === 'string'
          ? record(gift, verdict, {}, donorName)
          : record(gift, 'rejected', { message: verdict.message, field: verdict.field, upstreamMessage: 'upstream words' }, donorName);
      const respondAsync = new Headers(init.headers).get(RESPOND_ASYNC.header) === RESPOND_ASYNC.value;
      // Like the proxy with Prefer: respond-async: 202 once stored; the verdict comes by polling.
      const now =
        respondAsync && answer.status !== 'held'
          ? { ...answer, status: 'queued' as const, message: undefined, field: undefined, upstreamMessage: undefined }
          : answer;
      if (now !== answer) pending.set(gift.transactionId, answer);
      records.set(gift.transactionId, { ...now, gift: { ...gift } as Record<string, string | number> });
      return json(now, isFinal(now.status) ? 200 : 202);
    }
    const retried = /^\/api\/gifts\/(.+)\/retry$/.exec(url.pathname);
    if (retried && init.method === 'POST') {
      const stored = records.get(decodeURIComponent(retried[1]!));
      if (!stored) return json({ message: 'No gift' }, 404);
      records.set(stored.transactionId, { ...stored, status: 'queued', message: undefined });
      const { gift: _sent, ...again } = records.get(stored.transactionId)!;
      return json(again, 202);
    }
    const polled = /^\/api\/gifts\/(.+)$/.exec(url.pathname);
    if (polled) {
      const stored = records.get(decodeURIComponent(polled[1]!));
      if (!stored) return json({ message: 'No gift' }, 404);
      return json(advance(stored));
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
