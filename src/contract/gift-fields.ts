/**
 * The Gift Import Request's fields as the External Gift API reference lists them.
 * Names are case-sensitive upstream, so every other module takes them from here.
 */

/** Max lengths from the reference's model table (transactionId is narrowed in transaction-id.ts). */
export const MAX_LENGTH = {
  imisId: 10,
  nameTitle: 25,
  firstName: 20,
  middleName: 20,
  maidenName: 30,
  lastName: 30,
  nameSuffix: 10,
  company: 80,
  address: 40,
  city: 40,
  state: 15,
  zipCode: 10,
  emailAddress: 100,
  phone: 25,
  notes: 255,
  distribution: 30,
  campaignCode: 10,
  appealCode: 40,
  softCreditId: 10,
  transactionId: 255,
} as const;

export type TextField = keyof typeof MAX_LENGTH;

/** Every field of the upstream request, in the order of the reference's example. */
export const GIFT_FIELDS = [
  'imisId',
  'amount',
  'financialAccountId',
  'nameTitle',
  'firstName',
  'middleName',
  'maidenName',
  'lastName',
  'nameSuffix',
  'company',
  'address',
  'city',
  'state',
  'zipCode',
  'emailAddress',
  'phone',
  'notes',
  'distribution',
  'campaignCode',
  'appealCode',
  'softCreditId',
  'receivedDate',
  'transactionId',
] as const;

export type GiftField = (typeof GIFT_FIELDS)[number];

/**
 * What finance reconciles with: codes, amounts, dates and the transactionId. Every other
 * field describes the donor (names, contact details, notes, iMIS IDs): it never goes into a
 * log line, and the journal blanks it after the retention period. A field added later is a
 * donor detail unless it is listed here, which is the safe default.
 */
export const RECONCILIATION_FIELDS: ReadonlySet<string> = new Set<GiftField>([
  'transactionId',
  'amount',
  'financialAccountId',
  'distribution',
  'campaignCode',
  'appealCode',
  'receivedDate',
]);

/** Words staff see for each field, in messages from the widget and the proxy alike. */
export const FIELD_LABEL: Record<GiftField, string> = {
  imisId: 'iMIS ID',
  amount: 'Amount',
  financialAccountId: 'Financial account ID',
  nameTitle: 'Title',
  firstName: 'First name',
  middleName: 'Middle name',
  maidenName: 'Maiden name',
  lastName: 'Last name',
  nameSuffix: 'Suffix',
  company: 'Company',
  address: 'Address',
  city: 'City',
  state: 'State',
  zipCode: 'ZIP code',
  emailAddress: 'Email',
  phone: 'Phone',
  notes: 'Notes',
  distribution: 'Fund',
  campaignCode: 'Campaign',
  appealCode: 'Appeal',
  softCreditId: 'Soft credit iMIS ID',
  receivedDate: 'Received date',
  transactionId: 'Transaction ID',
};

export function tooLongMessage(field: TextField, max: number = MAX_LENGTH[field]): string {
  return `${FIELD_LABEL[field]} must be ${max} characters or fewer`;
}
