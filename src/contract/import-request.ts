/** Building the exact JSON the upstream receives from a validated submission. */
import { GIFT_FIELDS } from './gift-fields.ts';
import { PLAIN_AMOUNT_PATTERN, type GiftSubmission } from './gift-schema.ts';
import type { GiftImportRequest } from './import-request-schema.ts';

/**
 * Local date-time without a zone, like the reference's example
 * ("2018-12-01T08:45:32.847"): iMIS reads it as its own local time.
 */
export function localDateTime(at: Date): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}.${pad(at.getMilliseconds(), 3)}`;
}

/**
 * Every one of the reference's properties, in its order, with "" for what staff
 * left blank (as the reference's example does) and the deployment's account.
 */
export function toImportRequest(gift: GiftSubmission, financialAccountId: number, receivedAt: Date): GiftImportRequest {
  const source: Record<string, unknown> = {
    ...gift,
    financialAccountId,
    receivedDate: gift.receivedDate ?? localDateTime(receivedAt),
  };
  const request: Record<string, unknown> = {};
  for (const field of GIFT_FIELDS) request[field] = source[field] ?? '';
  return request as GiftImportRequest;
}

/**
 * The exact body sent upstream. JSON.stringify writes a number as String does, and the
 * contract only lets through amounts whose String is plain digits with at most two
 * decimals; this refuses anything else (an exponent such as 4.9e-9) rather than send it.
 */
export function importRequestBody(request: GiftImportRequest): string {
  if (!PLAIN_AMOUNT_PATTERN.test(String(request.amount))) {
    throw new RangeError(`amount ${String(request.amount)} is not a plain decimal with at most two places`);
  }
  return JSON.stringify(request);
}
