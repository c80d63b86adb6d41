/** How a gift is named to people: in receipts, events and the journal. */
import { filled } from './gift-schema.ts';

type Named = {
  imisId?: string | undefined;
  firstName?: string | undefined;
  lastName?: string | undefined;
  company?: string | undefined;
};

export function donorDisplayName(gift: Named): string {
  const person = [gift.firstName, gift.lastName]
    .filter(filled)
    .map((part) => part!.trim())
    .join(' ');
  if (person) return person;
  if (filled(gift.company)) return gift.company!.trim();
  if (filled(gift.imisId)) return `iMIS ID ${gift.imisId!.trim()}`;
  return 'Unnamed donor';
}

/** "Ada Lovelace (iMIS ID 101)": the name staff know beside the ID iMIS files the gift under. */
export function donorWithName(donorName: string, imisId: string): string {
  return `${donorName} (iMIS ID ${imisId})`;
}

// Built on first use: creating it loads ICU's currency data (about 5 MB of the proxy's
// memory) in a process that may never format an amount.
let usd: Intl.NumberFormat | undefined;
export function formatUsd(amount: number): string {
  usd ??= new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
  return usd.format(amount);
}
