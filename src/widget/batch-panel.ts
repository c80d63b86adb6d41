/**
 * The batch: the gifts that need correcting, then every gift as a row (donor,
 * amount, fund, campaign, appeal, received date, status) with the fields that
 * differ from the batch's defaults marked, totals by fund, the control totals
 * against the stack in hand and, for a batch kept for review, posting it.
 * Rendered from plain data.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { BatchForms } from './batch-header.ts';
import { BATCH_DEFAULT_FIELDS, batchTotals, differences, totalsByFund, type BatchDefaultField } from '../contract/batch-model.ts';
import { formatDateText } from '../contract/date-text.ts';
import { FIELD_LABEL } from '../contract/gift-fields.ts';
import { formatUsd } from '../contract/gift-summary.ts';
import {
  batchReconciliation,
  countedRows,
  effectiveDefaults,
  needsCorrecting,
  waitingRows,
  type BatchEntry,
  type BatchHeader,
  type Expected,
} from './batch.ts';

export const STATUS_WORDS: Record<NonNullable<BatchEntry['status']>, string> = {
  queued: 'Queued',
  sending: 'Sending',
  accepted: 'Recorded',
  rejected: 'Needs correcting',
  held: 'Held',
  stuck: 'Needs attention',
};

const statusWords = (entry: BatchEntry) =>
  entry.withdrawn
    ? 'Withdrawn (not sent)'
    : entry.waiting
      ? WAITING
      : entry.status
        ? STATUS_WORDS[entry.status]
        : 'In the batch (not sent yet)';

const WAITING = 'Waiting for the gift proxy';

const plural = (n: number) => `${n} gift${Math.abs(n) === 1 ? '' : 's'}`;
const usd = (cents: number) => formatUsd(cents / 100);

export interface BatchPanelView {
  uid: string;
  header: BatchHeader;
  entries: readonly BatchEntry[];
  /** How a fund, campaign or appeal code is named to staff. */
  name: (field: 'distribution' | 'campaignCode' | 'appealCode', code: string) => string;
  /** Review mode: the post step is open (the batch did not match), with the reason typed so far. */
  posting: { reason: string; error: string | undefined } | undefined;
  busy: boolean;
  onExpected: (which: keyof Expected, value: string) => void;
  onCorrect: (entry: BatchEntry) => void;
  onWithdraw: (entry: BatchEntry) => void;
  onEdit: (entry: BatchEntry) => void;
  onRemove: (entry: BatchEntry) => void;
  onRetry: (entry: BatchEntry) => void;
  onPost: () => void;
  onReason: (reason: string) => void;
  onPostAnyway: () => void;
  onNewBatch: () => void;
  /** Review mode's post step lives in the batch forms' chunk. */
  forms: BatchForms | undefined;
}

function reconciliation(view: BatchPanelView): TemplateResult | typeof nothing {
  const verdict = batchReconciliation(view.entries, view.header.expected);
  switch (verdict.kind) {
    case 'none':
      return nothing;
    case 'invalid':
      return html`<p class="Important">Enter the expected count as a whole number and the total as an amount, like 1,234.50.</p>`;
    case 'match':
      return html`<p class="AsiSuccess batch-difference">Matches the stack in hand.</p>`;
    case 'unresolved':
      return html`<p class="AsiWarning batch-difference">
        Count and total agree, but the batch is not done:
        ${
          verdict.refused
            ? `${plural(verdict.refused)} to correct and resend or withdraw`
            : waitingRows(view.entries).length
              ? `${plural(waitingRows(view.entries).length)} waiting for the gift proxy`
              : 'a gift is held or needs attention'
        }.
      </p>`;
    case 'differs': {
      const parts: string[] = [];
      if (verdict.count)
        parts.push(verdict.count > 0 ? `${plural(verdict.count)} still to enter` : `${plural(-verdict.count)} more than expected`);
      if (verdict.totalCents)
        parts.push(verdict.totalCents > 0 ? `${usd(verdict.totalCents)} still to enter` : `${usd(-verdict.totalCents)} more than expected`);
      return html`<p class="AsiWarning batch-difference">Difference: ${parts.join(', ')}.</p>`;
    }
  }
}

function expectedField(view: BatchPanelView, which: keyof Expected, label: string): TemplateResult {
  const id = `${view.uid}-expected-${which}`;
  return html`<div class="PanelField">
    <label for=${id}>${label}</label>
    <div class="PanelFieldValue">
      <input
        id=${id}
        class="InputSmall"
        inputmode=${which === 'count' ? 'numeric' : 'decimal'}
        autocomplete="off"
        name="expected-${which}"
        ?disabled=${view.header.posted}
        @input=${(e: Event) => view.onExpected(which, (e.target as HTMLInputElement).value)}
      />
    </div>
  </div>`;
}

function button(label: string, accessible: string, onClick: () => void): TemplateResult {
  return html`<button type="button" class="TextButton" aria-label=${accessible} @click=${onClick}>${label}</button>`;
}

function actions(view: BatchPanelView, entry: BatchEntry): TemplateResult | typeof nothing {
  const gift = `the gift of ${formatUsd(entry.amount)} from ${entry.donor}`;
  if (entry.withdrawn) return nothing;
  if (entry.waiting) return button('Withdraw', `Withdraw ${gift}: it will not be sent`, () => view.onWithdraw(entry));
  if (entry.status === undefined && !view.header.posted) {
    return html`${button('Edit', `Edit ${gift}`, () => view.onEdit(entry))} ${button('Remove', `Remove ${gift} from the batch`, () => view.onRemove(entry))}`;
  }
  if (entry.status === 'rejected') {
    return html`${button('Correct and resend', `Correct and resend ${gift}`, () => view.onCorrect(entry))}
    ${button('Withdraw', `Withdraw ${gift}: it will not be sent`, () => view.onWithdraw(entry))}`;
  }
  if (entry.status === 'stuck') return button('Send again', `Send again ${gift}`, () => view.onRetry(entry));
  return nothing;
}

function cell(view: BatchPanelView, entry: BatchEntry, field: BatchDefaultField, differs: readonly BatchDefaultField[]): TemplateResult {
  const value = field === 'receivedDate' ? formatDateText(entry.receivedDate) : view.name(field, entry[field]);
  return html`<td data-label=${FIELD_LABEL[field]} class=${differs.includes(field) ? 'differs' : ''}>
    ${value || '—'}${differs.includes(field) ? html` <span class="differs-tag">(not the batch’s)</span>` : nothing}
  </td>`;
}

function corrections(view: BatchPanelView): TemplateResult | typeof nothing {
  const open = needsCorrecting(view.entries);
  if (open.length === 0) return nothing;
  return html`<section class="needs-correcting AsiError" aria-labelledby=${`${view.uid}-corrections`}>
    <h3 id=${`${view.uid}-corrections`}>Needs correcting: ${plural(open.length)}</h3>
    <ul>
      ${open.map(
        (entry) =>
          html`<li>
            <span>${formatUsd(entry.amount)} from ${entry.donor}: ${entry.message ?? 'refused by the gift service'}</span>
            ${actions(view, entry)}
          </li>`,
      )}
    </ul>
  </section>`;
}

function fundTotals(view: BatchPanelView): TemplateResult | typeof nothing {
  const funds = totalsByFund(countedRows(view.entries));
  if (funds.length < 1) return nothing;
  return html`<ul class="fund-totals" aria-label="Totals by fund">
    ${funds.map(
      (fund) =>
        html`<li>${view.name('distribution', fund.fund) || view.name('campaignCode', fund.fund) || 'No fund'}: ${plural(fund.count)},
          ${usd(fund.totalCents)}</li>`,
    )}
  </ul>`;
}

export function batchPanel(view: BatchPanelView): TemplateResult {
  const sums = batchTotals(countedRows(view.entries));
  const waiting = waitingRows(view.entries).length;
  const id = (name: string) => `${view.uid}-${name}`;
  const defaults = effectiveDefaults(view.header.defaults);
  return html`<section class="batch" aria-labelledby=${id('batch-title')}>
    <h2 id=${id('batch-title')}>This batch</h2>
    ${corrections(view)}
    <p class="batch-totals">
      Entered: <strong>${plural(sums.count)}</strong>, <strong>${usd(sums.totalCents)}</strong>${
        sums.refused ? html`; <span class="Important">not counted: ${plural(sums.refused)} refused, to correct and resend</span>` : nothing
      }${waiting ? html`; <span class="AsiWarning">${plural(waiting)} waiting for the gift proxy (kept in this browser)</span>` : nothing}.
    </p>
    ${fundTotals(view)}
    <div class="batch-expected">
      ${expectedField(view, 'count', 'Expected number of gifts')} ${expectedField(view, 'total', 'Expected total ($)')}
    </div>
    ${reconciliation(view)} ${view.header.mode === 'review' ? view.forms?.postStep(view) : nothing}
    ${
      view.entries.length === 0
        ? html`<p class="batch-empty">No gifts entered yet.</p>`
        : html`<table class="batch-table stacking">
            <caption class="visually-hidden">
              Gifts of this batch, newest first; fields marked “not the batch’s” differ from the batch’s defaults
            </caption>
            <thead>
              <tr>
                <th scope="col">Donor</th>
                <th scope="col">Amount</th>
                ${BATCH_DEFAULT_FIELDS.map((field) => html`<th scope="col">${FIELD_LABEL[field]}</th>`)}
                <th scope="col">Status</th>
                <th scope="col">Transaction ID</th>
              </tr>
            </thead>
            <tbody>
              ${view.entries.map((entry) => {
                const differs = differences(entry, defaults);
                return html`<tr class="status-${entry.waiting ? 'waiting' : (entry.status ?? 'kept')} ${differs.length ? 'differs-row' : ''}" data-id=${entry.transactionId}>
                  <td data-label="Donor">${entry.donor}</td>
                  <td data-label="Amount" class="amount">${formatUsd(entry.amount)}</td>
                  ${BATCH_DEFAULT_FIELDS.map((field) => cell(view, entry, field, differs))}
                  <td data-label="Status">
                    <span class="status">${statusWords(entry)}</span>
                    ${entry.message && entry.status !== 'accepted' ? html`<div class="status-message">${entry.message}</div>` : nothing}
                    ${actions(view, entry)}
                  </td>
                  <td data-label="Transaction ID"><code>${entry.transactionId}</code></td>
                </tr>`;
              })}
            </tbody>
          </table>`
    }
  </section>`;
}
