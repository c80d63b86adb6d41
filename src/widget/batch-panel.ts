/** The batch table and the control totals, rendered from plain data. */
import { html, nothing, type TemplateResult } from 'lit';
import { formatUsd } from '../contract/gift-summary.ts';
import { difference, totals, type BatchEntry } from './batch.ts';
import { parseAmount } from './gift-draft.ts';

export const STATUS_WORDS: Record<BatchEntry['status'], string> = {
  queued: 'Queued',
  sending: 'Sending',
  accepted: 'Recorded',
  rejected: 'Needs correcting',
  held: 'Held',
  stuck: 'Needs attention',
};

const plural = (n: number) => `${n} gift${Math.abs(n) === 1 ? '' : 's'}`;

export interface BatchPanelView {
  uid: string;
  entries: readonly BatchEntry[];
  expectedCount: string;
  expectedTotal: string;
  onExpected: (which: 'count' | 'total', value: string) => void;
  onReopen: (entry: BatchEntry) => void;
}

function reconciliation(view: BatchPanelView): TemplateResult | typeof nothing {
  const sums = totals(view.entries);
  const count = view.expectedCount.trim() === '' ? undefined : Number(view.expectedCount);
  const total = view.expectedTotal.trim() === '' ? undefined : parseAmount(view.expectedTotal);
  if (count === undefined && total === undefined) return nothing;
  if ((count !== undefined && !Number.isInteger(count)) || (total !== undefined && !Number.isFinite(total))) {
    return html`<p class="Important">Enter the expected count as a whole number and the total as an amount.</p>`;
  }
  const diff = difference(sums, count, total);
  if ((diff.count ?? 0) === 0 && (diff.total ?? 0) === 0) {
    return html`<p class="AsiSuccess batch-difference">Matches the stack in hand.</p>`;
  }
  const parts: string[] = [];
  if (diff.count) parts.push(diff.count > 0 ? `${plural(diff.count)} still to enter` : `${plural(-diff.count)} more than expected`);
  if (diff.total) parts.push(diff.total > 0 ? `${formatUsd(diff.total)} still to enter` : `${formatUsd(-diff.total)} more than expected`);
  return html`<p class="AsiWarning batch-difference">Difference: ${parts.join(', ')}.</p>`;
}

export function batchPanel(view: BatchPanelView): TemplateResult {
  const sums = totals(view.entries);
  const id = (name: string) => `${view.uid}-${name}`;
  return html`<section class="batch" aria-labelledby=${id('batch-title')}>
    <h2 id=${id('batch-title')}>This batch</h2>
    <p class="batch-totals">
      Entered: <strong>${plural(sums.count)}</strong>, <strong>${formatUsd(sums.total)}</strong>${sums.rejected
        ? html`, <span class="Important">${sums.rejected} need${sums.rejected === 1 ? 's' : ''} correcting</span>`
        : nothing}.
    </p>
    <div class="batch-expected">
      <div class="PanelField">
        <label for=${id('expected-count')}>Expected number of gifts</label>
        <div class="PanelFieldValue">
          <input id=${id('expected-count')} class="InputSmall" inputmode="numeric" autocomplete="off" .value=${view.expectedCount}
            @input=${(e: Event) => view.onExpected('count', (e.target as HTMLInputElement).value)} />
        </div>
      </div>
      <div class="PanelField">
        <label for=${id('expected-total')}>Expected total ($)</label>
        <div class="PanelFieldValue">
          <input id=${id('expected-total')} class="InputSmall" inputmode="decimal" autocomplete="off" .value=${view.expectedTotal}
            @input=${(e: Event) => view.onExpected('total', (e.target as HTMLInputElement).value)} />
        </div>
      </div>
    </div>
    ${reconciliation(view)}
    ${view.entries.length === 0
      ? html`<p class="batch-empty">No gifts entered yet.</p>`
      : html`<table class="batch-table">
          <caption class="visually-hidden">Gifts entered since this page opened, newest first</caption>
          <thead><tr><th scope="col">Time</th><th scope="col">Donor</th><th scope="col">Amount</th><th scope="col">Fund</th><th scope="col">Status</th><th scope="col">Transaction ID</th></tr></thead>
          <tbody>
            ${view.entries.map(
              (entry) => html`<tr class="status-${entry.status}">
                <td>${new Date(entry.at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}</td>
                <td>${entry.donor}</td>
                <td class="amount">${formatUsd(entry.amount)}</td>
                <td>${entry.fund}</td>
                <td>
                  <span class="status">${STATUS_WORDS[entry.status]}</span>
                  ${entry.message && entry.status !== 'accepted' ? html`<div class="status-message">${entry.message}</div>` : nothing}
                  ${entry.status === 'rejected'
                    ? html`<button type="button" class="TextButton" @click=${() => view.onReopen(entry)}
                        aria-label="Correct and resend the gift from ${entry.donor}">Correct and resend</button>`
                    : nothing}
                </td>
                <td><code>${entry.transactionId}</code></td>
              </tr>`,
            )}
          </tbody>
        </table>`}
  </section>`;
}
