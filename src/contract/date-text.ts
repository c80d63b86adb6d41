/**
 * How a received date typed by staff is read. The form uses one text field rather than
 * a date input: Chromium's date input is four Tab stops (month, day, year, picker), and
 * a processor tabbing through a stack should pass a date in one. US order, as on the
 * checks and in iMIS's US screens: 12/2/2026 or 12/02/2026; ISO 2026-12-02 also reads.
 * Plain code, no zod, so the widget's bundle pays a few bytes for it.
 */

export const DATE_TEXT_MESSAGE = 'Enter the received date as month/day/year, like 12/02/2026';

const pad = (n: number) => String(n).padStart(2, '0');

/** YYYY-MM-DD for a real calendar date typed as M/D/YYYY or YYYY-MM-DD; undefined otherwise. */
export function parseDateText(text: string): string | undefined {
  const value = text.trim();
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const [year, month, day] = us ? [us[3], us[1], us[2]] : iso ? [iso[1], iso[2], iso[3]] : [];
  if (!year || !month || !day) return undefined;
  const at = new Date(Number(year), Number(month) - 1, Number(day));
  // Date rolls 2/30 over to 3/2: a date that does not round-trip is not a real date.
  if (at.getFullYear() !== Number(year) || at.getMonth() !== Number(month) - 1 || at.getDate() !== Number(day)) return undefined;
  return `${year}-${pad(Number(month))}-${pad(Number(day))}`;
}

/** 2026-12-02 → 12/02/2026: how a date is shown and put back in the field. */
export function formatDateText(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  return match ? `${match[2]}/${match[3]}/${match[1]}` : isoDate;
}
