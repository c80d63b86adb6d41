/**
 * How an amount typed by staff is read. The API takes a number; what staff type is
 * text from a check, and a misread there is a money error nobody notices afterwards
 * ("12,50" silently becoming $1,250.00). So only unambiguous US-dollar text is read:
 * digits, an optional leading $, commas only between groups of three digits, and at
 * most two decimals after a point. Anything else is refused with the expected form,
 * never rescaled. Plain code, no zod: the widget's bundle pays a few bytes for it.
 */

export const AMOUNT_TEXT_MESSAGE =
  'Enter the amount in US dollars, like 1,234.50: commas only between thousands, a point before the cents, at most 2 decimals';

// Whole dollars: plain digits, or 1–3 digits then groups of exactly three after each comma.
const AMOUNT_TEXT = /^\$?(\d+|\d{1,3}(,\d{3})+)?(\.\d{1,2})?$/;

/** Integer cents for unambiguous text; undefined for blank or ambiguous text. */
export function parseAmountCents(text: string): number | undefined {
  const compact = text.trim().replace(/^\$\s+/, '$');
  const match = AMOUNT_TEXT.exec(compact);
  if (!match || (match[1] === undefined && match[3] === undefined)) return undefined;
  const dollars = (match[1] ?? '0').replace(/,/g, '');
  const cents = (match[3] ?? '.').slice(1).padEnd(2, '0');
  const value = Number(dollars) * 100 + Number(cents);
  return Number.isSafeInteger(value) ? value : undefined;
}

/** The amount as a JSON number with at most two decimals, or NaN for text that is not an amount. */
export function parseAmount(text: string): number {
  const cents = parseAmountCents(text);
  return cents === undefined ? Number.NaN : cents / 100;
}
