/**
 * The day's journal as CSV for finance: the External Gift API's own field names
 * (so it lines up with CSiDonate's import log), then status and timestamps.
 * RFC 4180 quoting, and cells that a spreadsheet would run as a formula are
 * prefixed with ' (CSV injection: donor-typed notes reach finance's Excel).
 */
import { GIFT_FIELDS } from '../contract/gift-fields.ts';
import type { GiftRecord } from '../contract/proxy-api.ts';

export const CSV_COLUMNS = [...GIFT_FIELDS, 'status', 'message', 'enteredBy', 'createdAt', 'updatedAt'] as const;

function cell(value: unknown): string {
  let text = value === undefined || value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text) && typeof value !== 'number') text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function journalCsv(records: readonly GiftRecord[]): string {
  const rows = records.map((record) => {
    // Upstream fields as sent win over the journal's summary (e.g. distribution vs. a mapped campaign).
    const values: Record<string, unknown> = { ...record, ...record.gift };
    return CSV_COLUMNS.map((column) => cell(values[column])).join(',');
  });
  return `${[CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}

export interface FundTotal {
  fund: string;
  count: number;
  total: number;
}

/** Totals by fund code and overall, summed in cents so they match to the penny. */
export function totalsByFund(records: readonly GiftRecord[]): { funds: FundTotal[]; overall: FundTotal } {
  const byFund = new Map<string, { count: number; cents: number }>();
  for (const record of records) {
    const fund = byFund.get(record.distribution) ?? { count: 0, cents: 0 };
    fund.count++;
    fund.cents += Math.round(record.amount * 100);
    byFund.set(record.distribution, fund);
  }
  const funds = [...byFund]
    .map(([fund, { count, cents }]) => ({ fund, count, total: cents / 100 }))
    .sort((a, b) => a.fund.localeCompare(b.fund));
  const overall = funds.reduce(
    (sum, f) => ({ fund: 'All funds', count: sum.count + f.count, total: Math.round((sum.total + f.total) * 100) / 100 }),
    { fund: 'All funds', count: 0, total: 0 },
  );
  return { funds, overall };
}
