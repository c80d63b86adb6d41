/** The batch table and the control totals, rendered from plain data. */
import { html, nothing, type TemplateResult } from 'lit';
import { formatUsd } from '../contract/gift-summary.ts';
import { reconcile, totals, type BatchEntry, type Expected } from './batch.ts';

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
  expected: Expected;
  onExpected: (which: keyof Expected, value: string) => void;
  onReopen: (entry: BatchEntry) => void;
  onRetry: (entry: BatchEntry) => void;
}

function reconciliation(view: BatchPanelView): TemplateResult | typeof nothing {
  const verdict = reconcile(totals(view.entries), view.expected);
  switch (verdict.kind) {
    case 'none':
      return nothing;
    case 'invalid':
      return html`<p class="Important">Enter the expected count as a whole number and the total as an amount, like 1,234.50.</p>`;
    case 'match':
      return html`<p class="AsiSuccess batch-difference">Matches the stack in hand.</p>`;
    case 'differs': {
      const parts: string[] = [];
      if (verdict.count)
        parts.push(verdict.count > 0 ? `${plural(verdict.count)} still to enter` : `${plural(-verdict.count)} more than expected`);
      if (verdict.total)
        parts.push(verdict.total > 0 ? `${formatUsd(verdict.total)} still to enter` : `${formatUsd(-verdict.total)} more than expected`);
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
        .value=${view.expected[which]}
        @input=${(e: Event) => view.onExpected(which, (e.target as HTMLInputElement).value)}
      />
    </div>
  </div>`;
}

function actions(view: BatchPanelView, entry: BatchEntry): TemplateResult | typeof nothing {
  if (entry.status === 'rejected') {
    return html`<button
      type="button"
      class="TextButton"
      @click=${() => view.onReopen(entry)}
      aria-label="Correct and resend the gift of ${formatUsd(entry.amount)} from ${entry.donor}"
    >
      Correct and resend
    </button>`;
  }
  if (entry.status === 'stuck') {
    return html`<button
      type="button"
      class="TextButton"
      @click=${() => view.onRetry(entry)}
      aria-label="Send again the gift of ${formatUsd(entry.amount)} from ${entry.donor}"
    >
      Send again
    </button>`;
  }
  return nothing;
}

export function batchPanel(view: BatchPanelView): TemplateResult {
  const sums = totals(view.entries);
  const id = (name: string) => `${view.uid}-${name}`;
  return html`<section class="batch" aria-labelledby=${id('batch-title')}>
    <h2 id=${id('batch-title')}>This batch</h2>
    <p class="batch-totals">
      Entered: <strong>${plural(sums.count)}</strong>, <strong>${formatUsd(sums.total)}</strong>${
        sums.rejected
          ? html`; <span class="Important">not counted: ${plural(sums.rejected)} refused, to correct and resend</span>`
          : nothing
      }.
    </p>
    <div class="batch-expected">
      ${expectedField(view, 'count', 'Expected number of gifts')} ${expectedField(view, 'total', 'Expected total ($)')}
    </div>
    ${reconciliation(view)}
    ${
      view.entries.length === 0
        ? html`<p class="batch-empty">No gifts entered yet.</p>`
        : html`<table class="batch-table stacking">
            <caption class="visually-hidden">
              Gifts entered since this page opened, newest first
            </caption>
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Donor</th>
                <th scope="col">Amount</th>
                <th scope="col">Fund</th>
                <th scope="col">Status</th>
                <th scope="col">Transaction ID</th>
              </tr>
            </thead>
            <tbody>
              ${view.entries.map(
                (entry) =>
                  html`<tr class="status-${entry.status}">
                    <td data-label="Time">${new Date(entry.at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}</td>
                    <td data-label="Donor">${entry.donor}</td>
                    <td data-label="Amount" class="amount">${formatUsd(entry.amount)}</td>
                    <td data-label="Fund">${entry.fund}</td>
                    <td data-label="Status">
                      <span class="status">${STATUS_WORDS[entry.status]}</span>
                      ${entry.message && entry.status !== 'accepted' ? html`<div class="status-message">${entry.message}</div>` : nothing}
                      ${actions(view, entry)}
                    </td>
                    <td data-label="Transaction ID"><code>${entry.transactionId}</code></td>
                  </tr>`,
              )}
            </tbody>
          </table>`
    }
  </section>`;
}
