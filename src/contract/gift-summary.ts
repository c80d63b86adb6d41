/** How a gift is named to people: in receipts, events and the journal. */
import { filled } from './gift-schema.ts';

type Named = {
  imisId?: string | undefined;
  firstName?: string | undefined;
  lastName?: string | undefined;
  company?: string | undefined;
};

export function donorDisplayName(gift: Named): string {
  const person = [gift.firstName, gift.lastName].filter(filled).map((part) => part!.trim()).join(' ');
  if (person) return person;
  if (filled(gift.company)) return gift.company!.trim();
  if (filled(gift.imisId)) return `iMIS ID ${gift.imisId!.trim()}`;
  return 'Unnamed donor';
}

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
export function formatUsd(amount: number): string {
  return usd.format(amount);
}
