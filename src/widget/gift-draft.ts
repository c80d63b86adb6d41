/**
 * The gift being typed, as the strings in its inputs, and its conversion to the
 * contract's submission. Validation is the contract's schema, nothing else.
 */
import * as z from 'zod/mini';
import type { GiftField } from '../contract/gift-fields.ts';
import { giftSubmissionSchema, type GiftSubmission } from '../contract/gift-schema.ts';
import { formatUsd } from '../contract/gift-summary.ts';
import { localDateTime } from '../contract/import-request.ts';

export const DRAFT_FIELDS = [
  'amount', 'receivedDate', 'distribution', 'campaignCode', 'appealCode',
  'imisId', 'firstName', 'lastName', 'company',
  'nameTitle', 'middleName', 'maidenName', 'nameSuffix',
  'emailAddress', 'phone', 'address', 'city', 'state', 'zipCode',
  'softCreditId', 'notes',
] as const satisfies readonly GiftField[];
export type DraftField = (typeof DRAFT_FIELDS)[number];
export type Draft = Record<DraftField, string>;
export type FieldErrors = Partial<Record<GiftField, string>>;

/** What the next gift in a stack of checks usually shares with the last one. */
export const CARRIED_FIELDS = ['receivedDate', 'distribution', 'campaignCode', 'appealCode'] as const satisfies readonly DraftField[];

export function todayIso(now = new Date()): string {
  return localDateTime(now).slice(0, 10);
}

export function emptyDraft(now = new Date()): Draft {
  const draft = Object.fromEntries(DRAFT_FIELDS.map((field) => [field, ''])) as Draft;
  draft.receivedDate = todayIso(now);
  return draft;
}

/** "$1,234.50", "1234.5", " 25 " → a number; anything else → NaN, which the schema words for staff. */
export function parseAmount(text: string): number {
  const cleaned = text.replace(/[$,\s]/g, '');
  return /^\d*\.?\d+$|^\d+\.$/.test(cleaned) ? Number(cleaned) : Number.NaN;
}

/**
 * The amount as staff expect to read it back: 1234.5 → "1,234.50". Anything that
 * would change by formatting (10.005) stays as typed, so the rule can speak.
 */
export function formatAmountInput(text: string): string {
  const amount = parseAmount(text);
  if (!Number.isFinite(amount) || Math.round(amount * 100) !== amount * 100) return text;
  return formatUsd(amount).slice(1);
}

export function toSubmission(draft: Draft, transactionId: string, now = new Date()): Record<string, unknown> {
  const submission: Record<string, unknown> = { transactionId, amount: parseAmount(draft.amount) };
  for (const field of DRAFT_FIELDS) {
    if (field === 'amount' || field === 'receivedDate') continue;
    const value = draft[field].trim();
    if (value !== '') submission[field] = value;
  }
  const [year, month, day] = draft.receivedDate.split('-').map(Number);
  if (year && month && day) {
    // The chosen day at the moment of entry, in local time like the reference's example.
    submission.receivedDate = localDateTime(new Date(year, month - 1, day, now.getHours(), now.getMinutes(), now.getSeconds()));
  }
  return submission;
}

export function validate(draft: Draft, transactionId: string, now = new Date()): { submission?: GiftSubmission; errors: FieldErrors } {
  const result = z.safeParse(giftSubmissionSchema, toSubmission(draft, transactionId, now));
  if (result.success) return { submission: result.data, errors: {} };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0] as GiftField | undefined;
    if (field && errors[field] === undefined) errors[field] = issue.message;
  }
  return { errors };
}
