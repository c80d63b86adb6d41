/**
 * The batch's header: a processor starts a batch by setting its defaults (fund,
 * campaign, appeal, received date) and the stack's expected count and total, and
 * sees them afterwards as one line above the form with a Change button. Changing
 * them is one explicit action. Rendered from plain data, like the batch panel.
 */
import { html, type TemplateResult } from 'lit';
import type { BatchSummary } from '../contract/batch-api.ts';
import type { BatchDefaults } from '../contract/batch-model.ts';
import { formatDateText } from '../contract/date-text.ts';
import { formatUsd } from '../contract/gift-summary.ts';
import type { LookupsResponse } from '../contract/proxy-api.ts';
import { parseExpected, type BatchHeader } from './batch.ts';

/** The values of the start/change form, as typed. */
export interface BatchSetup {
  distribution: string;
  campaignCode: string;
  appealCode: string;
  /** As typed: month/day/year, or blank for the day each gift is entered. */
  receivedDate: string;
  count: string;
  total: string;
}
export type SetupField = keyof BatchSetup;

export interface BatchHeaderView {
  uid: string;
  header: BatchHeader | undefined;
  /** The form is shown: no batch yet, or Change was pressed. */
  editing: boolean;
  setup: BatchSetup;
  error: string | undefined;
  lookups: LookupsResponse | undefined;
  review: boolean;
  /** Review mode, no batch yet: batches kept open at the proxy, to reopen. */
  openBatches: readonly BatchSummary[] | undefined;
  busy: boolean;
  onSetup(field: SetupField, value: string): void;
  onSave(): void;
  onCancel(): void;
  onChange(): void;
  onReopen(id: string): void;
  /** The start/change form's code (a chunk, loaded when a form is first needed). */
  forms: BatchForms | undefined;
}

export type BatchForms = typeof import('./batch-forms.ts');

const plural = (n: number) => `${n} gift${n === 1 ? '' : 's'}`;

export function setupFrom(header: BatchHeader | undefined, fallback: Partial<BatchDefaults>): BatchSetup {
  const defaults = { distribution: '', campaignCode: '', appealCode: '', receivedDate: '', ...fallback, ...header?.defaults };
  return {
    distribution: defaults.distribution,
    campaignCode: defaults.campaignCode,
    appealCode: defaults.appealCode,
    receivedDate: defaults.receivedDate ? formatDateText(defaults.receivedDate) : '',
    count: header?.expected.count ?? '',
    total: header?.expected.total ?? '',
  };
}

/** How a code is named to staff: the fund's title, the campaign's or appeal's description. */
export function codeName(
  lookups: LookupsResponse | undefined,
  field: 'distribution' | 'campaignCode' | 'appealCode',
  code: string,
): string {
  if (!code) return '';
  if (field === 'distribution') return lookups?.distributions.find((d) => d.Code === code)?.Title ?? code;
  const list = field === 'campaignCode' ? lookups?.campaigns : lookups?.appeals;
  return list?.find((item) => item.Code === code)?.Description ?? code;
}

/** "General Fund · no campaign · no appeal · 12/02/2026 · 12 gifts, $13,070.00 expected". */
export function describeBatch(header: BatchHeader, lookups: LookupsResponse | undefined): string {
  const { defaults } = header;
  const parts = [
    codeName(lookups, 'distribution', defaults.distribution) || 'no fund',
    codeName(lookups, 'campaignCode', defaults.campaignCode) || 'no campaign',
    codeName(lookups, 'appealCode', defaults.appealCode) || 'no appeal',
    defaults.receivedDate ? formatDateText(defaults.receivedDate) : 'dated the day each gift is entered',
  ];
  const expected = parseExpected(header.expected);
  if (expected !== 'invalid' && (expected.count !== undefined || expected.totalCents !== undefined)) {
    const figures = [
      expected.count === undefined ? '' : plural(expected.count),
      expected.totalCents === undefined ? '' : formatUsd(expected.totalCents / 100),
    ].filter(Boolean);
    parts.push(`${figures.join(', ')} expected`);
  }
  return parts.join(' · ');
}

export function batchHeader(view: BatchHeaderView): TemplateResult {
  if (view.editing || !view.header) {
    return view.forms ? view.forms.setupForm(view) : html`<p class="lookups-loading">Loading the batch form…</p>`;
  }
  return html`<div class="batch-line">
    <p>
      <strong>Batch${view.header.mode === 'review' ? (view.header.posted ? ' (posted)' : ' (kept for review)') : ''}:</strong>
      <span class="batch-defaults">${describeBatch(view.header, view.lookups)}</span>
    </p>
    <button
      type="button"
      class="TextButton"
      id="${view.uid}-batch-change"
      ?hidden=${view.header.posted}
      aria-label="Change the batch’s defaults"
      @click=${view.onChange}
    >
      Change
    </button>
  </div>`;
}
