/**
 * The External Gift API's own error texts, exactly as its reference prints them.
 * The simulator speaks them; the proxy reads them to tell staff which field is wrong.
 */
import * as z from 'zod/mini';
import type { GiftField } from './gift-fields.ts';
import { MESSAGES } from './gift-schema.ts';

export const upstreamErrorSchema = z.object({ Message: z.string() });
export type UpstreamError = z.infer<typeof upstreamErrorSchema>;

const DESERIALIZE_PREFIX = 'Invalid request body (unable to deserialize model). Newtonsoft.Json.JsonReaderException: ';

export const UPSTREAM_MESSAGE = {
  transactionIdMissing: "Required field 'transactionId' is missing or negative.",
  duplicate: (transactionId: string) =>
    `Transaction ID ${transactionId} has already been imported. This request is a duplicate and will not be processed.`,
  amountNotPositive: 'Amount must be greater than 0.',
  notConvertible: (type: 'decimal' | 'DateTime', value: string, path: string, line: number, position: number) =>
    `${DESERIALIZE_PREFIX}Could not convert string to ${type}: ${value}. Path '${path}', line ${line}, position ${position}.`,
  fundRequired: 'Either a distribution code, or a (mapped) campaign code are required.',
  financialAccountMissing: 'Financial Account ID is missing. Contact CSI if you are not sure what this value should be.',
  contactRequired: 'First and last name, or Company name, or iMIS ID is required.',
  unauthorized: 'Authorization has been denied for this request.',
  methodNotAllowed: (verb: string) => `The requested resource does not support http method '${verb}'.`,
  /** ASP.NET Web API's body for an unhandled error, e.g. a value too long for its column. */
  internalError: 'An error has occurred.',
} as const;

export type UpstreamRejection =
  { kind: 'duplicate'; field: 'transactionId'; message: string } | { kind: 'invalid'; field?: GiftField | undefined; message: string };

const DUPLICATE_PATTERN = /^Transaction ID (.+) has already been imported\./;

/**
 * Turns an upstream 400 into words for staff and the field they concern. Unknown
 * texts pass through unchanged: the upstream's words beat a guess.
 */
export function explainUpstreamRejection(upstreamMessage: string): UpstreamRejection {
  if (DUPLICATE_PATTERN.test(upstreamMessage)) {
    return {
      kind: 'duplicate',
      field: 'transactionId',
      message: 'This gift was already recorded in iMIS (its transaction ID has been imported before)',
    };
  }
  const known: Array<[string | RegExp, GiftField, string]> = [
    [UPSTREAM_MESSAGE.transactionIdMissing, 'transactionId', 'The gift service did not accept the transaction ID'],
    [UPSTREAM_MESSAGE.amountNotPositive, 'amount', MESSAGES.amountPositive],
    [/Path 'amount'/, 'amount', 'The gift service could not read the amount as a number'],
    [/Path 'receivedDate'/, 'receivedDate', 'The gift service could not read the received date'],
    [UPSTREAM_MESSAGE.fundRequired, 'distribution', 'Choose a fund: the campaign given is not mapped to a fund in iMIS'],
    [
      UPSTREAM_MESSAGE.financialAccountMissing,
      'financialAccountId',
      'The gift service rejected the financial account ID configured on the proxy; ask your administrator',
    ],
    [UPSTREAM_MESSAGE.contactRequired, 'imisId', MESSAGES.contactRequired],
  ];
  for (const [pattern, field, message] of known) {
    const hit = typeof pattern === 'string' ? upstreamMessage === pattern : pattern.test(upstreamMessage);
    if (hit) return { kind: 'invalid', field, message };
  }
  return { kind: 'invalid', message: `The gift service rejected this gift: ${upstreamMessage}` };
}
