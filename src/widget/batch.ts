/** The gifts entered since the page opened, and the control totals staff check them against. */
import type { GiftStatus } from '../contract/proxy-routes.ts';
import type { Draft } from './gift-draft.ts';

export interface BatchEntry {
  transactionId: string;
  amount: number;
  donor: string;
  fund: string;
  status: GiftStatus;
  message?: string | undefined;
  field?: string | undefined;
  at: string;
  /** What was sent, so a rejected gift can be reopened and corrected. */
  draft: Draft;
}

export interface BatchTotals {
  count: number;
  total: number;
  rejected: number;
}

export function totals(entries: readonly BatchEntry[]): BatchTotals {
  return {
    count: entries.length,
    // Cents as integers: adding 0.1 + 0.2 must not leave the control total off by a hair.
    total: entries.reduce((sum, entry) => sum + Math.round(entry.amount * 100), 0) / 100,
    rejected: entries.filter((entry) => entry.status === 'rejected').length,
  };
}

/** What is still to enter (positive) or entered too much (negative), against the stack in hand. */
export function difference(actual: BatchTotals, expectedCount: number | undefined, expectedTotal: number | undefined) {
  return {
    count: expectedCount === undefined ? undefined : expectedCount - actual.count,
    total: expectedTotal === undefined ? undefined : Math.round(expectedTotal * 100 - actual.total * 100) / 100,
  };
}
