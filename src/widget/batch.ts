/** The gifts entered since the page opened, and the control totals staff check them against. */
import { parseAmountCents } from '../contract/amount-text.ts';
import type { GiftField } from '../contract/gift-fields.ts';
import type { GiftStatus } from '../contract/proxy-routes.ts';
import type { DraftState } from './draft-controller.ts';

export interface BatchEntry {
  transactionId: string;
  amount: number;
  donor: string;
  fund: string;
  status: GiftStatus;
  message?: string | undefined;
  field?: GiftField | undefined;
  at: string;
  /** What was sent, so a rejected gift can be reopened and corrected exactly as it was. */
  sent: Pick<DraftState, 'draft' | 'transactionId' | 'sentAt' | 'donor' | 'softCredit'>;
}

export interface BatchTotals {
  /** Gifts on their way or recorded: what should match the stack in hand. */
  count: number;
  total: number;
  /** Refused gifts: listed apart, never counted as matching. */
  rejected: number;
}

export function totals(entries: readonly BatchEntry[]): BatchTotals {
  const counted = entries.filter((entry) => entry.status !== 'rejected');
  return {
    count: counted.length,
    // Cents as integers: adding 0.1 + 0.2 must not leave the control total off by a hair.
    total: counted.reduce((sum, entry) => sum + Math.round(entry.amount * 100), 0) / 100,
    rejected: entries.length - counted.length,
  };
}

export interface Expected {
  count: string;
  total: string;
}

export type Reconciliation =
  { kind: 'none' } | { kind: 'invalid' } | { kind: 'match' } | { kind: 'differs'; count: number | undefined; total: number | undefined };

/** What is still to enter (positive) or entered too much (negative), against the stack in hand. */
export function reconcile(actual: BatchTotals, expected: Expected): Reconciliation {
  const countText = expected.count.trim();
  const totalText = expected.total.trim();
  if (countText === '' && totalText === '') return { kind: 'none' };
  const count = countText === '' ? undefined : /^\d+$/.test(countText) ? Number(countText) : Number.NaN;
  const cents = totalText === '' ? undefined : (parseAmountCents(totalText) ?? Number.NaN);
  if (Number.isNaN(count) || Number.isNaN(cents)) return { kind: 'invalid' };
  const diffCount = count === undefined ? undefined : count - actual.count;
  const diffTotal = cents === undefined ? undefined : (cents - Math.round(actual.total * 100)) / 100;
  return (diffCount ?? 0) === 0 && (diffTotal ?? 0) === 0 ? { kind: 'match' } : { kind: 'differs', count: diffCount, total: diffTotal };
}
