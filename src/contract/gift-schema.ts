/**
 * The rules a gift must satisfy before it may travel upstream. The widget checks
 * them while staff type, the proxy checks them again on arrival: one schema, so
 * one message per mistake wherever it is caught. Written with zod/mini so the
 * browser bundle carries only the checks it uses.
 */
import * as z from 'zod/mini';
import { FIELD_LABEL, MAX_LENGTH, tooLongMessage, type TextField } from './gift-fields.ts';
import { formatUsd } from './gift-summary.ts';
import { TRANSACTION_ID_MESSAGE, TRANSACTION_ID_PATTERN } from './transaction-id.ts';

/** A decimal(18,2)-safe ceiling; well above any real gift, well below float trouble. */
export const MAX_AMOUNT = 99_999_999.99;

export const MESSAGES = {
  amountType: 'Enter the amount as a number, like 25.00',
  amountPositive: 'Amount must be more than $0.00',
  amountCents: 'Amount can have at most 2 decimal places (cents)',
  // A getter: gift-summary.ts imports this module, so formatUsd may not be ready while it loads.
  get amountTooLarge(): string {
    return `Amount must be ${formatUsd(MAX_AMOUNT)} or less`;
  },
  financialAccount: 'Financial account ID must be a whole number greater than 0',
  contactRequired: 'Enter the donor’s iMIS ID, or first and last name, or a company name',
  lastNameWithFirst: 'Enter a last name as well as the first name, or an iMIS ID or company',
  firstNameWithLast: 'Enter a first name as well as the last name, or an iMIS ID or company',
  fundRequired: 'Choose a fund, or a campaign that is mapped to a fund',
  emailRequired: 'Enter the donor’s email address',
  emailFormat: 'Enter an email address in the form name@example.org',
  phoneCharacters: 'Phone can only contain digits, spaces and + ( ) -',
  imisIdCharacters: (field: 'imisId' | 'softCreditId') => `${FIELD_LABEL[field]} can only contain letters and digits`,
  receivedDate: 'Received date must be a real date and time, like 2026-11-23T09:30:00',
  receivedDateRange: 'Received date must be from January 1, 2000 to one year from today',
  transactionIdRequired: 'Transaction ID is missing',
  transactionId: TRANSACTION_ID_MESSAGE,
  unsendableCharacter: (field: TextField) =>
    `${FIELD_LABEL[field]} contains a character that cannot be sent: a control character, a text-direction override or half of an emoji`,
  unknownFields: (keys: readonly string[]) =>
    `Unknown field${keys.length > 1 ? 's' : ''}: ${keys.join(', ')} (field names are case-sensitive)`,
} as const;

export const PHONE_PATTERN = /^[0-9 +()-]*$/;
const IMIS_ID_PATTERN = /^[A-Za-z0-9]*$/;

/**
 * Characters the upstream must never receive: C0 and C1 controls and DEL (newline and
 * tab only where a field is multi-line), bidi embeddings, overrides and isolates (they
 * reorder what staff and finance read later), and lone surrogates (no valid UTF-8 or
 * SQL Server nvarchar value carries them).
 */
const UNSENDABLE =
  // eslint-disable-next-line no-control-regex -- finding control characters is this pattern's whole job
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LINE_BREAKS = /[\n\r\t]/;

export function hasUnsendableCharacter(value: string, multiLine = false): boolean {
  return UNSENDABLE.test(value) || (!multiLine && LINE_BREAKS.test(value));
}

/**
 * The rules every text value obeys: trimmed, at most `max` UTF-16 code units (what
 * .NET's string length and SQL Server's nvarchar count; zod's maxLength counts code
 * points, so an emoji would pass at half its real size), and only sendable characters.
 */
export function textChecks(max: number, tooLong: string, badCharacter: string, multiLine = false): z.core.$ZodCheck<string>[] {
  return [
    z.trim(),
    z.refine((value: string) => value.length <= max, tooLong),
    z.refine((value: string) => !hasUnsendableCharacter(value, multiLine), badCharacter),
  ];
}

function text(field: TextField, ...checks: z.core.$ZodCheck<string>[]) {
  return z.optional(
    z
      .string(`${FIELD_LABEL[field]} must be text`)
      .check(...textChecks(MAX_LENGTH[field], tooLongMessage(field), MESSAGES.unsendableCharacter(field), field === 'notes'), ...checks),
  );
}

function imisId(field: 'imisId' | 'softCreditId') {
  return text(field, z.regex(IMIS_ID_PATTERN, MESSAGES.imisIdCharacters(field)));
}

// ISO 8601 date-time, zone optional (the reference's example has none). A pattern and a
// calendar check instead of z.iso.datetime: the same rule for a third of the bytes.
const DATE_TIME_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,7})?)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)?$/;

export function isDateTime(value: string): boolean {
  const match = DATE_TIME_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * The window a received date must fall in (its calendar date, whatever its zone): from
 * 2000-01-01, before which no gift recorded today was received, to one year after today,
 * which leaves room for a post-dated check but not for a mistyped year (0001, 9999) that
 * would file a gift in the wrong fiscal year for good.
 */
export const RECEIVED_DATE_EARLIEST = '2000-01-01';
export function isReceivedDateInWindow(value: string, today: Date = new Date()): boolean {
  if (!isDateTime(value)) return true; // the date-time rule speaks for it
  const latest = new Date(Date.UTC(today.getUTCFullYear() + 1, today.getUTCMonth(), today.getUTCDate())).toISOString().slice(0, 10);
  const date = value.slice(0, 10);
  return date >= RECEIVED_DATE_EARLIEST && date <= latest;
}

/**
 * Exact, on the decimal text the upstream will receive (JSON.stringify writes a number
 * as String does): digits with at most two decimals. No float tolerance, and no exponent
 * form (4.9e-9) can pass, so what is checked is what is sent.
 */
export const PLAIN_AMOUNT_PATTERN = /^\d+(\.\d{1,2})?$/;
export function hasAtMostCents(value: number): boolean {
  return PLAIN_AMOUNT_PATTERN.test(String(value));
}

/** Staff-typed part of a gift: everything but the deployment's financial account. */
export const giftShape = {
  imisId: imisId('imisId'),
  amount: z
    .number(MESSAGES.amountType)
    .check(
      z.gt(0, MESSAGES.amountPositive),
      z.lte(MAX_AMOUNT, { error: () => MESSAGES.amountTooLarge }),
      z.refine(hasAtMostCents, MESSAGES.amountCents),
    ),
  nameTitle: text('nameTitle'),
  firstName: text('firstName'),
  middleName: text('middleName'),
  maidenName: text('maidenName'),
  lastName: text('lastName'),
  nameSuffix: text('nameSuffix'),
  company: text('company'),
  address: text('address'),
  city: text('city'),
  state: text('state'),
  zipCode: text('zipCode'),
  // The model table marks email required though the error table never mentions it: we require it.
  emailAddress: z
    .string(MESSAGES.emailRequired)
    .check(
      ...textChecks(MAX_LENGTH.emailAddress, tooLongMessage('emailAddress'), MESSAGES.unsendableCharacter('emailAddress')),
      z.minLength(1, MESSAGES.emailRequired),
      z.regex(z.regexes.email, MESSAGES.emailFormat),
    ),
  phone: text('phone', z.regex(PHONE_PATTERN, MESSAGES.phoneCharacters)),
  notes: text('notes'),
  distribution: text('distribution'),
  campaignCode: text('campaignCode'),
  appealCode: text('appealCode'),
  softCreditId: imisId('softCreditId'),
  receivedDate: z.optional(
    z.string(MESSAGES.receivedDate).check(
      z.refine(isDateTime, MESSAGES.receivedDate),
      z.refine((value) => isReceivedDateInWindow(value), MESSAGES.receivedDateRange),
    ),
  ),
  transactionId: z.string(MESSAGES.transactionIdRequired).check(z.trim(), z.regex(TRANSACTION_ID_PATTERN, MESSAGES.transactionId)),
};

export function filled(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '';
}

type ContactFields = { imisId?: unknown; firstName?: unknown; lastName?: unknown; company?: unknown };
type FundFields = { distribution?: unknown; campaignCode?: unknown };

/** Which contact rule a gift breaks, if any, and the field to point staff at. */
export function contactProblem(gift: ContactFields): { field: 'imisId' | 'firstName' | 'lastName'; message: string } | undefined {
  if (filled(gift.imisId) || filled(gift.company)) return undefined;
  const first = filled(gift.firstName);
  const last = filled(gift.lastName);
  if (first && last) return undefined;
  if (first) return { field: 'lastName', message: MESSAGES.lastNameWithFirst };
  if (last) return { field: 'firstName', message: MESSAGES.firstNameWithLast };
  return { field: 'imisId', message: MESSAGES.contactRequired };
}

export function hasFund(gift: FundFields): boolean {
  return filled(gift.distribution) || filled(gift.campaignCode);
}

// `when` lets the cross-field rules speak even while single fields are wrong, so staff
// see every problem after one submit instead of discovering them one by one.
const always = { when: () => true } as const;

export function withGiftRules<T extends z.ZodMiniType<ContactFields & FundFields>>(schema: T): T {
  return schema.check(
    z.superRefine((gift: ContactFields & FundFields, ctx) => {
      const problem = contactProblem(gift);
      if (problem) ctx.issues.push({ code: 'custom', message: problem.message, path: [problem.field], input: gift });
    }, always),
    z.refine((gift: FundFields) => hasFund(gift), { message: MESSAGES.fundRequired, path: ['distribution'], ...always }),
  ) as T;
}

export const strict = {
  error: (issue: z.core.$ZodRawIssue) => (issue.code === 'unrecognized_keys' ? MESSAGES.unknownFields(issue.keys as string[]) : undefined),
};

/** What the widget sends and the proxy accepts: a gift without the financial account. */
export const giftSubmissionSchema = withGiftRules(z.strictObject(giftShape, strict));
export type GiftSubmission = z.infer<typeof giftSubmissionSchema>;
