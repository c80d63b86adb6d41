/**
 * `<gift-today>`: today's journal at the proxy, for staff and finance to reconcile
 * the day: every gift with its status, filter by status, totals by fund and
 * overall, and a CSV with the upstream field names. Refreshes itself when a
 * `<gift-entry>` on the page records, queues or has a gift rejected.
 *
 * @attr endpoint - base URL of the gift proxy; defaults to the origin this script was loaded from
 * @attr key - caller key sent as X-Gift-Entry-Key
 */
import { html, nothing, type TemplateResult } from 'lit';
import { LightElement } from './light-element.ts';
import { formatUsd } from '../contract/gift-summary.ts';
import type { GiftRecord } from '../contract/proxy-api.ts';
import { GIFT_STATUSES, type GiftStatus } from '../contract/proxy-routes.ts';
import { STATUS_WORDS } from './batch-panel.ts';
import { GIFT_EVENTS } from './gift-events.ts';
import { journalCsv, totalsByFund } from './journal-csv.ts';
import { ProxyClient, SCRIPT_ORIGIN } from './proxy-client.ts';

const REFRESH_ON = Object.values(GIFT_EVENTS);

export class GiftToday extends LightElement {
  static override properties = {
    endpoint: { type: String },
    key: { type: String },
    gifts: { state: true },
    error: { state: true },
    status: { state: true },
  };

  declare endpoint: string;
  declare key: string;
  declare gifts: GiftRecord[] | undefined;
  declare error: string | undefined;
  /** The status filter: one status, or '' for all. */
  declare status: GiftStatus | '';

  private readonly refresh = () => void this.load();

  constructor() {
    super();
    this.endpoint = '';
    this.key = '';
    this.gifts = undefined;
    this.error = undefined;
    this.status = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    for (const name of REFRESH_ON) document.addEventListener(name, this.refresh);
    void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const name of REFRESH_ON) document.removeEventListener(name, this.refresh);
  }

  private async load(): Promise<void> {
    const midnight = new Date();
    midnight.setHours(0, 0, 0, 0);
    const answer = await new ProxyClient((this.endpoint || SCRIPT_ORIGIN).replace(/\/+$/, ''), this.key, this).journal(midnight);
    if (answer.ok) {
      this.gifts = answer.value.gifts;
      this.error = undefined;
    } else {
      this.error = answer.error.message;
    }
  }

  private download(shown: readonly GiftRecord[]): void {
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([journalCsv(shown)], { type: 'text/csv;charset=utf-8' }));
    link.download = `gifts-${new Date().toISOString().slice(0, 10)}${this.status ? `-${this.status}` : ''}.csv`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  }

  override render(): TemplateResult {
    const shown = (this.gifts ?? []).filter((gift) => !this.status || gift.status === this.status);
    const { funds, overall } = totalsByFund(shown);
    const id = 'gift-today-status';
    return html`<section class="today" aria-labelledby="gift-today-title">
      <h2 id="gift-today-title">Today’s gifts</h2>
      ${this.error ? html`<div class="AsiError"><p>${this.error}</p></div>` : nothing}
      <div class="CommandBar">
        <div class="PanelField">
          <label for=${id}>Show</label>
          <div class="PanelFieldValue">
            <select
              id=${id}
              class="InputMedium"
              @change=${(e: Event) => (this.status = (e.target as HTMLSelectElement).value as GiftStatus | '')}
            >
              <option value="">All gifts</option>
              ${GIFT_STATUSES.map((status) => html`<option value=${status} ?selected=${status === this.status}>${STATUS_WORDS[status]}</option>`)}
            </select>
          </div>
        </div>
        <button type="button" class="TextButton" @click=${this.refresh}>Refresh</button>
        <button type="button" class="TextButton PrimaryButton" ?disabled=${shown.length === 0} @click=${() => this.download(shown)}>
          Download CSV
        </button>
      </div>
      <!-- Not a live region: it changes with every gift recorded elsewhere on the page, which <gift-entry> already spoke once. -->
      <p class="today-count">${this.gifts ? `${overall.count} gift${overall.count === 1 ? '' : 's'}, ${formatUsd(overall.total)}` : 'Loading today’s gifts…'}</p>
      ${
        funds.length
          ? html`<table class="today-totals">
                <caption>
                  Totals by fund
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Fund</th>
                    <th scope="col">Gifts</th>
                    <th scope="col">Total</th>
                  </tr>
                </thead>
                <tbody>
                  ${funds.map(
                    (f) =>
                      html`<tr>
                        <th scope="row">${f.fund}</th>
                        <td>${f.count}</td>
                        <td class="amount">${formatUsd(f.total)}</td>
                      </tr>`,
                  )}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">All funds</th>
                    <td>${overall.count}</td>
                    <td class="amount">${formatUsd(overall.total)}</td>
                  </tr>
                </tfoot>
              </table>
              <table class="today-gifts stacking">
                <caption>
                  Gifts, newest first
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Time</th>
                    <th scope="col">Donor</th>
                    <th scope="col">Amount</th>
                    <th scope="col">Fund</th>
                    <th scope="col">Transaction ID</th>
                    <th scope="col">Status</th>
                    <th scope="col">Entered by</th>
                  </tr>
                </thead>
                <tbody>
                  ${shown.map(
                    (gift) =>
                      html`<tr class="status-${gift.status}">
                        <td data-label="Time">
                          ${new Date(gift.createdAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}
                        </td>
                        <td data-label="Donor">${gift.donor}</td>
                        <td data-label="Amount" class="amount">${formatUsd(gift.amount)}</td>
                        <td data-label="Fund">${gift.distribution}</td>
                        <td data-label="Transaction ID"><code>${gift.transactionId}</code></td>
                        <td data-label="Status">
                          <span class="status">${STATUS_WORDS[gift.status]}</span
                          >${gift.message && gift.status !== 'accepted' ? html`<div>${gift.message}</div>` : nothing}
                        </td>
                        <td data-label="Entered by">${gift.enteredBy ?? ''}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>`
          : this.gifts
            ? html`<p>No gifts${this.status ? ` with status “${STATUS_WORDS[this.status]}”` : ''} today.</p>`
            : nothing
      }
    </section>`;
  }
}

if (!customElements.get('gift-today')) customElements.define('gift-today', GiftToday);

declare global {
  interface HTMLElementTagNameMap {
    'gift-today': GiftToday;
  }
}
