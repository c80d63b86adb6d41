/**
 * The batch's header: a processor starts a batch by setting its defaults (fund,
 * campaign, appeal, received date) and the stack's expected count and total, and
 * sees them afterwards as one line above the form with a Change button. Changing
 * them is one explicit action. Rendered from plain data, like the batch panel.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { BatchSummary } from '../contract/batch-api.ts';
import type { BatchDefaults } from '../contract/batch-model.ts';
import { formatDateText } from '../contract/date-text.ts';
import { FIELD_LABEL } from '../contract/gift-fields.ts';
import { formatUsd } from '../contract/gift-summary.ts';
import type { LookupsResponse } from '../contract/proxy-api.ts';
import { parseExpected, type BatchHeader } from './batch.ts';
import { panelField } from './field-markup.ts';

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
}

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

function choices(view: BatchHeaderView, field: 'distribution' | 'campaignCode' | 'appealCode'): Array<[string, string]> {
  const lookups = view.lookups;
  if (field === 'distribution') return (lookups?.distributions ?? []).map((d) => [d.Code, `${d.Title} (${d.Code})`]);
  const list = field === 'campaignCode' ? lookups?.campaigns : lookups?.appeals;
  return (list ?? []).map((item) => [item.Code, item.Description]);
}

function setupField(view: BatchHeaderView, field: SetupField, label: string, hint?: string): TemplateResult {
  const id = `${view.uid}-batch-${field}`;
  const onInput = (e: Event) => view.onSetup(field, (e.target as HTMLInputElement).value);
  const control =
    field === 'distribution' || field === 'campaignCode' || field === 'appealCode'
      ? html`<select id=${id} name="batch-${field}" class="InputLarge" ?disabled=${!view.lookups} @change=${onInput}>
          <option value="">${view.lookups ? '(none)' : 'Loading…'}</option>
          ${choices(view, field).map(([code, text]) => html`<option value=${code}>${text}</option>`)}
        </select>`
      : html`<input
          id=${id}
          name="batch-${field}"
          class="InputSmall"
          autocomplete="off"
          inputmode=${field === 'count' ? 'numeric' : field === 'total' ? 'decimal' : nothing}
          aria-describedby=${hint ? `${id}-hint` : nothing}
          @input=${onInput}
        />`;
  return panelField({ id, label, ...(hint ? { hint } : {}) }, control);
}

function setupForm(view: BatchHeaderView): TemplateResult {
  const starting = !view.header;
  return html`<form
    class="batch-setup"
    novalidate
    aria-labelledby="${view.uid}-batch-setup-title"
    @submit=${(e: Event) => (e.preventDefault(), view.onSave())}
  >
    <h2 id="${view.uid}-batch-setup-title">${starting ? 'Start a batch' : 'Change the batch’s defaults'}</h2>
    <p class="hint">
      Every gift of the batch starts with these; a gift that needs another fund, campaign, appeal or date can change it for that gift
      alone.${view.review ? ' Gifts are kept for review at the gift proxy and sent to iMIS only when you post the batch.' : ' Each gift is sent to iMIS as soon as it is recorded.'}
    </p>
    ${view.error ? html`<p class="Important batch-setup-error" role="alert">${view.error}</p>` : nothing}
    <div class="fields">
      ${setupField(view, 'distribution', FIELD_LABEL.distribution)} ${setupField(view, 'campaignCode', FIELD_LABEL.campaignCode)}
      ${setupField(view, 'appealCode', FIELD_LABEL.appealCode)}
      ${setupField(view, 'receivedDate', FIELD_LABEL.receivedDate, 'Month/day/year; blank for the day each gift is entered')}
      ${setupField(view, 'count', 'Expected number of gifts', 'From the stack in hand')}
      ${setupField(view, 'total', 'Expected total ($)', 'The adding-machine total of the checks')}
    </div>
    <div class="CommandBar">
      <button type="submit" class="TextButton PrimaryButton" aria-disabled=${view.busy ? 'true' : 'false'}>
        ${starting ? 'Start batch' : 'Save batch defaults'}
      </button>
      ${starting ? nothing : html`<button type="button" class="TextButton" @click=${view.onCancel}>Cancel</button>`}
    </div>
    ${starting && view.openBatches?.length ? openBatchList(view) : nothing}
  </form>`;
}

function openBatchList(view: BatchHeaderView): TemplateResult {
  return html`<section class="open-batches" aria-labelledby="${view.uid}-open-batches">
    <h3 id="${view.uid}-open-batches">Or continue a batch kept open at the gift proxy</h3>
    <ul>
      ${view.openBatches!.map(
        (batch) =>
          html`<li>
            <span
              >${batch.name || `Opened ${new Date(batch.openedAt).toLocaleString([], { dateStyle: 'short', timeStyle: 'short' })}`}${
                batch.openedBy ? ` by ${batch.openedBy}` : ''
              }: ${plural(batch.count)}, ${formatUsd(batch.totalCents / 100)}</span
            >
            <button type="button" class="TextButton" @click=${() => view.onReopen(batch.id)}>Continue this batch</button>
          </li>`,
      )}
    </ul>
  </section>`;
}

export function batchHeader(view: BatchHeaderView): TemplateResult {
  if (view.editing || !view.header) return setupForm(view);
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
