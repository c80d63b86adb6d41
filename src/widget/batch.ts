/**
 * The batch as the widget keeps it: its header (mode, defaults, the stack's expected
 * count and total) and one row per gift with everything finance checks — donor,
 * amount, fund, campaign, appeal, received date, status. The rules (what differs
 * from the batch, when it matches, totals by fund) are the contract's batch model.
 */
import { parseAmountCents } from '../contract/amount-text.ts';
import { parseDateText } from '../contract/date-text.ts';
import {
  NO_DEFAULTS,
  differences,
  reconcile,
  type BatchDefaultField,
  type BatchDefaults,
  type BatchExpected,
  type BatchMode,
  type Reconciliation,
} from '../contract/batch-model.ts';
import type { GiftField } from '../contract/gift-fields.ts';
import type { GiftStatus } from '../contract/proxy-routes.ts';
import type { DraftState } from './draft-controller.ts';
import { todayIso, type Draft } from './gift-draft.ts';

export interface BatchEntry {
  transactionId: string;
  amount: number;
  donor: string;
  distribution: string;
  campaignCode: string;
  appealCode: string;
  /** YYYY-MM-DD. */
  receivedDate: string;
  /** Undefined while the gift is kept in an open batch and not sent. */
  status: GiftStatus | undefined;
  /**
   * The proxy could not be reached: the gift waits in this browser's outbox (IndexedDB) and goes
   * by itself when the proxy answers again. Counted with the stack, but the batch is not done.
   */
  waiting?: boolean | undefined;
  /** A refused gift staff chose not to send (not a gift after all): listed, never counted. */
  withdrawn?: boolean | undefined;
  message?: string | undefined;
  field?: GiftField | undefined;
  at: string;
  /** What was sent, so a refused gift can be reopened and corrected exactly as it was. */
  sent: Pick<DraftState, 'draft' | 'transactionId' | 'sentAt' | 'donor' | 'softCredit'>;
}

/** The stack's figures as staff typed them: kept as text so a half-typed total is not lost. */
export interface Expected {
  count: string;
  total: string;
}

export interface BatchHeader {
  mode: BatchMode;
  /** The proxy's id of an open batch (review mode). */
  id?: string | undefined;
  name: string;
  defaults: BatchDefaults;
  expected: Expected;
  /** Review mode: posted to the queue. */
  posted: boolean;
}

export function emptyHeader(mode: BatchMode, defaults: Partial<BatchDefaults> = {}): BatchHeader {
  return { mode, name: '', defaults: { ...NO_DEFAULTS, ...defaults }, expected: { count: '', total: '' }, posted: false };
}

/** The expected figures as numbers, or "invalid" when one is not a count or an amount. */
export function parseExpected(expected: Expected): BatchExpected | 'invalid' {
  const countText = expected.count.trim();
  const totalText = expected.total.trim();
  const count = countText === '' ? undefined : /^\d{1,5}$/.test(countText) ? Number(countText) : Number.NaN;
  const totalCents = totalText === '' ? undefined : (parseAmountCents(totalText) ?? Number.NaN);
  return Number.isNaN(count) || Number.isNaN(totalCents) ? 'invalid' : { count, totalCents };
}

/** Rows that take part in the batch: a withdrawn gift is shown but not counted. */
export const countedRows = (entries: readonly BatchEntry[]): BatchEntry[] => entries.filter((entry) => !entry.withdrawn);

export function batchReconciliation(entries: readonly BatchEntry[], expected: Expected): Reconciliation | { kind: 'invalid' } {
  const parsed = parseExpected(expected);
  // A gift still in this browser has not reached the proxy: like one set aside, it leaves the batch not done.
  const rows = countedRows(entries).map((entry) => (entry.waiting ? { ...entry, status: 'stuck' as const } : entry));
  return parsed === 'invalid' ? { kind: 'invalid' } : reconcile(rows, parsed);
}

/** The defaults a gift is compared with: a batch without a date means the day of entry. */
export function effectiveDefaults(defaults: BatchDefaults, now = new Date()): BatchDefaults {
  return { ...defaults, receivedDate: defaults.receivedDate || todayIso(now) };
}

/** The batch's defaults as the form's fields hold them (dates as typed text). */
export function draftDefaults(defaults: BatchDefaults, format: (iso: string) => string): Partial<Draft> {
  return { ...defaults, receivedDate: defaults.receivedDate ? format(defaults.receivedDate) : '' };
}

/** The default fields on which a gift being typed differs from its batch. */
export function draftDifferences(draft: Draft, defaults: BatchDefaults): BatchDefaultField[] {
  return differences({ ...draft, receivedDate: parseDateText(draft.receivedDate) ?? draft.receivedDate }, effectiveDefaults(defaults));
}

/** Waiting in this browser's outbox for the proxy. */
export const waitingRows = (entries: readonly BatchEntry[]): BatchEntry[] => countedRows(entries).filter((entry) => entry.waiting);

/** Refused and not yet corrected or withdrawn: the "Needs correcting" list. */
export const needsCorrecting = (entries: readonly BatchEntry[]): BatchEntry[] =>
  entries.filter((entry) => entry.status === 'rejected' && !entry.withdrawn);
