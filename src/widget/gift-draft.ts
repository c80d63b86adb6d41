/**
 * The gift being typed, as the strings in its inputs, and its conversion to the
 * contract's submission. Validation is the contract's schema, nothing else.
 */
import * as z from 'zod/mini';
import { AMOUNT_TEXT_MESSAGE, parseAmount } from '../contract/amount-text.ts';
import { DATE_TEXT_MESSAGE, formatDateText, parseDateText } from '../contract/date-text.ts';
import type { GiftField } from '../contract/gift-fields.ts';
import { giftSubmissionSchema, type GiftSubmission } from '../contract/gift-schema.ts';
import { formatUsd } from '../contract/gift-summary.ts';
import { localDateTime } from '../contract/import-request.ts';
import { DRAFT_FIELDS, type DraftField } from './form-layout.ts';

export { DRAFT_FIELDS, type DraftField } from './form-layout.ts';
export type Draft = Record<DraftField, string>;
export type FieldErrors = Partial<Record<GiftField, string>>;

export function todayIso(now = new Date()): string {
  return localDateTime(now).slice(0, 10);
}

export function emptyDraft(now = new Date()): Draft {
  const draft = Object.fromEntries(DRAFT_FIELDS.map((field) => [field, ''])) as Draft;
  draft.receivedDate = formatDateText(todayIso(now));
  return draft;
}

/**
 * The amount as staff expect to read it back: 1234.5 → "1,234.50". Text that is not
 * an unambiguous amount stays as typed, so its message can speak.
 */
export function formatAmountInput(text: string): string {
  const amount = parseAmount(text);
  return Number.isFinite(amount) ? formatUsd(amount).slice(1) : text;
}

/**
 * `enteredAt` fixes the time of day sent with the chosen received date, once per
 * gift: a resend after a reload must be the very same JSON, or the proxy would see
 * a different gift under the same transactionId.
 */
export function toSubmission(draft: Draft, transactionId: string, enteredAt: Date): Record<string, unknown> {
  const submission: Record<string, unknown> = { transactionId, amount: parseAmount(draft.amount) };
  for (const field of DRAFT_FIELDS) {
    if (field === 'amount' || field === 'receivedDate') continue;
    const value = draft[field].trim();
    if (value !== '') submission[field] = value;
  }
  const [year, month, day] = (parseDateText(draft.receivedDate) ?? '').split('-').map(Number);
  if (year && month && day) {
    const at = enteredAt;
    submission.receivedDate = localDateTime(new Date(year, month - 1, day, at.getHours(), at.getMinutes(), at.getSeconds()));
  }
  return submission;
}

export function validate(draft: Draft, transactionId: string, enteredAt: Date): { submission?: GiftSubmission; errors: FieldErrors } {
  const result = z.safeParse(giftSubmissionSchema, toSubmission(draft, transactionId, enteredAt));
  const errors: FieldErrors = {};
  // Text that is not an unambiguous amount is never rescaled into one: say what form is expected.
  if (draft.amount.trim() !== '' && Number.isNaN(parseAmount(draft.amount))) errors.amount = AMOUNT_TEXT_MESSAGE;
  if (draft.receivedDate.trim() !== '' && !parseDateText(draft.receivedDate)) errors.receivedDate = DATE_TEXT_MESSAGE;
  if (result.success && !errors.amount && !errors.receivedDate) return { submission: result.data, errors };
  for (const issue of result.success ? [] : result.error.issues) {
    const field = issue.path[0] as GiftField | undefined;
    if (field && errors[field] === undefined) errors[field] = issue.message;
  }
  return { errors };
}
