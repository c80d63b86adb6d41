/**
 * A possible duplicate: the same donor, the same amount and the same received date
 * as a gift already entered. Staff are asked to confirm, never blocked: two equal
 * checks from one donor on one day do happen.
 */
import { donorDisplayName } from '../contract/gift-summary.ts';
import type { GiftSubmission } from '../contract/gift-schema.ts';
import type { GiftRecord } from '../contract/proxy-api.ts';

const day = (value: unknown) => (typeof value === 'string' ? value.slice(0, 10) : '');

export function findLikelyDuplicate(gift: GiftSubmission, journal: readonly GiftRecord[]): GiftRecord | undefined {
  const donor = donorDisplayName(gift).toLowerCase();
  return journal.find((entry) => {
    const earlier = entry.gift;
    if (!earlier || entry.transactionId === gift.transactionId || entry.status === 'rejected') return false;
    const sameDonor = gift.imisId ? earlier.imisId === gift.imisId : entry.donor.toLowerCase() === donor;
    return sameDonor && entry.amount === gift.amount && day(earlier.receivedDate) === day(gift.receivedDate);
  });
}
