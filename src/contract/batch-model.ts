/**
 * A batch of gifts as staff think of it: one stack of checks, with defaults that
 * belong to the batch (never to the previous gift), an expected count and total
 * from the stack in hand, and a rule for when the gifts entered "match". Plain code,
 * no zod: the widget, the proxy's post gate and the tests share these rules, and the
 * widget's bundle pays a few bytes for them.
 */
import type { GiftStatus } from './proxy-routes.ts';

const ON_ITS_WAY: ReadonlySet<GiftStatus> = new Set(['queued', 'sending', 'accepted']);

/** The fields a batch sets once for every gift; a gift may differ on any of them, visibly. */
export const BATCH_DEFAULT_FIELDS = ['distribution', 'campaignCode', 'appealCode', 'receivedDate'] as const;
export type BatchDefaultField = (typeof BATCH_DEFAULT_FIELDS)[number];

/** Codes as the upstream knows them ("" for none); receivedDate as YYYY-MM-DD ("" for the day of entry). */
export type BatchDefaults = Record<BatchDefaultField, string>;

export const NO_DEFAULTS: BatchDefaults = { distribution: '', campaignCode: '', appealCode: '', receivedDate: '' };

/** What the stack in hand says: how many checks, and their total in cents. Either may be unknown. */
export interface BatchExpected {
  count?: number | undefined;
  totalCents?: number | undefined;
}

/**
 * review: gifts are kept at the proxy, not sent, until the batch is posted.
 * immediate: each gift goes to the queue as soon as it is recorded.
 */
export const BATCH_MODES = ['review', 'immediate'] as const;
export type BatchMode = (typeof BATCH_MODES)[number];

/** open: gifts can be added, edited and removed. posted: every gift went to the queue. */
export const BATCH_STATES = ['open', 'posted'] as const;
export type BatchState = (typeof BATCH_STATES)[number];

/** The part of a gift a batch reasons about. */
export interface BatchRowFacts {
  amount: number;
  distribution?: string | undefined;
  campaignCode?: string | undefined;
  appealCode?: string | undefined;
  /** A date or a date-time; only its date counts. */
  receivedDate?: string | undefined;
  /** Undefined while the gift is only in an open batch (not sent yet). */
  status?: GiftStatus | undefined;
}

const dateOf = (value: string | undefined) => (value ?? '').slice(0, 10);

/** The default fields on which this gift differs from its batch: each is shown as differing. */
export function differences(row: Omit<BatchRowFacts, 'amount' | 'status'>, defaults: BatchDefaults): BatchDefaultField[] {
  return BATCH_DEFAULT_FIELDS.filter((field) => {
    if (field === 'receivedDate') return defaults.receivedDate !== '' && dateOf(row.receivedDate) !== defaults.receivedDate;
    return (row[field] ?? '').trim() !== defaults[field].trim();
  });
}

/** A refused gift is not part of the stack as entered: it is counted apart until corrected. */
export const counts = (row: BatchRowFacts): boolean => row.status !== 'rejected';

export interface BatchTotals {
  count: number;
  totalCents: number;
  /** Refused and not yet corrected. */
  refused: number;
  /** Recorded by iMIS, or on its way there (or kept in the open batch): never refused, held or stuck. */
  settledOrOnItsWay: boolean;
}

export function batchTotals(rows: readonly BatchRowFacts[]): BatchTotals {
  const counted = rows.filter(counts);
  return {
    count: counted.length,
    // Integer cents: 0.1 + 0.2 must not leave a control total off by a hair.
    totalCents: counted.reduce((sum, row) => sum + Math.round(row.amount * 100), 0),
    refused: rows.length - counted.length,
    settledOrOnItsWay: rows.every((row) => row.status === undefined || ON_ITS_WAY.has(row.status)),
  };
}

export type Reconciliation =
  | { kind: 'none' }
  | { kind: 'match' }
  /** Count and total agree, but a gift is refused, held or stuck: not done. */
  | { kind: 'unresolved'; refused: number }
  | { kind: 'differs'; count: number | undefined; totalCents: number | undefined };

/**
 * Against the stack in hand: what is still to enter (positive) or entered too much
 * (negative). A refused gift is still one of the checks in hand, so it counts here;
 * "match" only when count and total (those known) agree and every gift is recorded or
 * on its way — a refused, held or stuck gift leaves the batch "unresolved", never done.
 * A gift withdrawn deliberately is left out by the caller.
 */
export function reconcile(rows: readonly BatchRowFacts[], expected: BatchExpected): Reconciliation {
  if (expected.count === undefined && expected.totalCents === undefined) return { kind: 'none' };
  const entered = batchTotals(rows.map((row) => ({ ...row, status: row.status === 'rejected' ? undefined : row.status })));
  const count = expected.count === undefined ? undefined : expected.count - entered.count;
  const totalCents = expected.totalCents === undefined ? undefined : expected.totalCents - entered.totalCents;
  if ((count ?? 0) !== 0 || (totalCents ?? 0) !== 0) return { kind: 'differs', count, totalCents };
  const actual = batchTotals(rows);
  return actual.refused > 0 || !actual.settledOrOnItsWay ? { kind: 'unresolved', refused: actual.refused } : { kind: 'match' };
}

export interface FundTotal {
  /** The fund code, or the campaign code when a mapped campaign stands for the fund. */
  fund: string;
  count: number;
  totalCents: number;
}

/** Totals by fund, in the order funds first appear: what finance reconciles a deposit against. */
export function totalsByFund(rows: readonly BatchRowFacts[]): FundTotal[] {
  const byFund = new Map<string, FundTotal>();
  for (const row of rows.filter(counts)) {
    const fund = (row.distribution || row.campaignCode || '').trim();
    const sum = byFund.get(fund) ?? { fund, count: 0, totalCents: 0 };
    sum.count += 1;
    sum.totalCents += Math.round(row.amount * 100);
    byFund.set(fund, sum);
  }
  return [...byFund.values()];
}
