/**
 * `<gift-entry>`: staff record gifts from an iMIS page.
 *
 * Renders into light DOM with iMIS's own classes (PanelField, TextButton,
 * PrimaryButton, CommandBar, Important, AsiValidationSummary, AsiError,
 * AsiSuccess, AsiWarning, InputLarge/InputMedium/InputSmall), so the page's
 * theme styles it.
 *
 * @attr endpoint - base URL of the gift proxy; defaults to the origin this script was loaded from
 * @attr key - caller key sent as X-Gift-Entry-Key (issued by whoever runs the proxy)
 * @attr fund - default distribution (fund) code
 * @attr appeal - default appeal code
 * @attr campaign - default campaign code
 * @attr prefix - transaction-ID prefix (overrides the proxy's GIFT_TRANSACTION_PREFIX)
 * @attr prefill-donor - inside iMIS, start each gift with the page's selected contact as the donor
 * @attr confirm-above - amounts at or above this many dollars need an explicit confirmation (default 10000)
 * @attr autofocus - put focus in the donor search when the form loads
 *
 * @fires gift-accepted - the gift service recorded a gift; detail {transactionId, amount, donor}
 * @fires gift-rejected - the gift service refused a gift; detail {transactionId, amount, donor}
 * @fires gift-queued - a gift is safely stored at the proxy and will be sent; detail {transactionId, amount, donor}
 *
 * @cssprop --gift-entry-gap - space between fields and sections (default 0.75rem)
 * @cssprop --gift-entry-error-color - error text and the border of fields in error (default #b3261e)
 * @cssprop --gift-entry-success-color - border of the receipt after a recorded gift (default #1e7e34)
 * @cssprop --gift-entry-warning-color - border of warnings such as a possible duplicate (default #8a5300)
 * @cssprop --gift-entry-border-color - border of fields and panels (default #767676)
 * @cssprop --gift-entry-focus-color - focus outline and the highlighted search result (default #1a5fb4)
 * @cssprop --gift-entry-input-background - background of text fields (default the system Field colour)
 * @cssprop --gift-entry-input-color - text colour of text fields (default the system FieldText colour)
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { LightElement } from './light-element.ts';
import { formatUsd } from '../contract/gift-summary.ts';
import type { GiftSubmission } from '../contract/gift-schema.ts';
import type { GiftRecord, LookupsResponse } from '../contract/proxy-api.ts';
import type { PartySummary } from '../contract/imis-party.ts';
import './contact-picker.ts';
import { BatchController } from './batch-controller.ts';
import { batchPanel } from './batch-panel.ts';
import type { BatchEntry } from './batch.ts';
import { DraftController, type ChosenContact } from './draft-controller.ts';
import { errorSummary } from './field-markup.ts';
import { findLikelyDuplicate } from './duplicate-check.ts';
import { DRAFT_FIELDS, type DraftField } from './form-layout.ts';
import { GIFT_EVENTS, type GiftEventDetail, type GiftEventName } from './gift-events.ts';
import { formatAmountInput, todayIso, type FieldErrors } from './gift-draft.ts';
import { giftForm, problemLinks } from './gift-form.ts';
import { readImisPage } from './imis-page.ts';
import { searchContacts } from './imis-search.ts';
import { ProxyClient, SCRIPT_ORIGIN } from './proxy-client.ts';
import { shortcutHelp } from './shortcuts.ts';
import { syncControls } from './control-sync.ts';

let instances = 0;

type NoticeAction = { id: 'retry' | 'record-anyway' | 'confirm-amount' | 'correct'; label: string; entry?: string };
interface Notice {
  kind: 'AsiSuccess' | 'AsiError' | 'AsiWarning';
  text: string;
  action?: NoticeAction;
}

const toContact = (c: PartySummary): ChosenContact => ({ id: c.Id, name: c.Name ?? '', email: c.Email ?? '', city: c.CityName ?? '' });

export class GiftEntry extends LightElement {
  static override properties = {
    endpoint: { type: String },
    key: { type: String },
    fund: { type: String },
    appeal: { type: String },
    campaign: { type: String },
    transactionPrefix: { type: String, attribute: 'prefix' },
    prefillDonor: { type: Boolean, attribute: 'prefill-donor' },
    confirmAbove: { type: Number, attribute: 'confirm-above' },
    sending: { state: true },
    notice: { state: true },
    lookups: { state: true },
    lookupsError: { state: true },
    announcement: { state: true },
  };

  declare endpoint: string;
  declare key: string;
  declare fund: string;
  declare appeal: string;
  declare campaign: string;
  declare transactionPrefix: string | undefined;
  declare prefillDonor: boolean;
  declare confirmAbove: number;
  declare sending: boolean;
  /** The one message box above the form: receipt, failure, question, restore notice. */
  declare notice: Notice | undefined;
  declare lookups: LookupsResponse | undefined;
  declare lookupsError: string | undefined;
  declare announcement: string;

  private readonly uid = `gift-entry-${++instances}`;
  private page = readImisPage();
  private readonly form = new DraftController(this, () => this.storageKey('draft'));
  private readonly batch = new BatchController(
    this,
    () => this.storageKey('batch'),
    () => this.client,
    (entry) => this.settled(entry),
  );

  constructor() {
    super();
    this.endpoint = '';
    this.key = '';
    this.fund = '';
    this.appeal = '';
    this.campaign = '';
    this.transactionPrefix = undefined;
    this.prefillDonor = false;
    this.confirmAbove = 10_000;
    this.sending = false;
    this.notice = undefined;
    this.lookups = undefined;
    this.lookupsError = undefined;
    this.announcement = '';
    this.addEventListener('keydown', (event) => this.shortcut(event));
  }

  private get client(): ProxyClient {
    return new ProxyClient((this.endpoint || SCRIPT_ORIGIN).replace(/\/+$/, ''), this.key);
  }

  private storageKey(what: 'draft' | 'batch'): string {
    return `gift-entry:${what}:${this.endpoint || SCRIPT_ORIGIN}`;
  }

  private get idPrefix(): string {
    return this.transactionPrefix ?? this.lookups?.transactionIdPrefix ?? '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.page = readImisPage();
    const restored = this.form.restore();
    if (restored) void this.reconcile();
    else this.newGift(false);
    void this.loadLookups();
  }

  protected override firstUpdated(): void {
    if (this.hasAttribute('autofocus')) void this.focusStart();
  }

  protected override updated(): void {
    const { count, total } = this.batch.expected;
    syncControls(this, { ...this.form.draft, 'expected-count': count, 'expected-total': total });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Attribute defaults apply to a fresh gift only, never over what staff typed.
    if ((changed.has('fund') || changed.has('appeal') || changed.has('campaign')) && !this.form.isDirty() && !this.form.state.sentAt) {
      const draft = this.form.draft;
      if (!draft.distribution && this.fund) this.form.set('distribution', this.fund);
      if (!draft.appealCode && this.appeal) this.form.set('appealCode', this.appeal);
      if (!draft.campaignCode && this.campaign) this.form.set('campaignCode', this.campaign);
      this.form.state = { ...this.form.state, baseline: { ...this.form.draft } };
    }
  }

  /** A new gift: a new transactionId (a bad prefix attribute is said, not fatal). */
  private newGift(carry: boolean): void {
    const defaults = { distribution: this.fund, appealCode: this.appeal, campaignCode: this.campaign };
    const prefill = this.prefillDonor ? this.page.selectedPartyId : undefined;
    try {
      this.form.start({ carry, defaults, prefix: this.idPrefix }, prefill);
    } catch (error) {
      this.notice = { kind: 'AsiError', text: `prefix attribute: ${(error as Error).message}` };
      this.form.start({ carry, defaults, prefix: '' }, prefill);
    }
    if (prefill && this.page.verificationToken) void this.lookUpPrefilled(prefill, this.page.verificationToken);
  }

  /** Names the prefilled donor and fills the email iMIS knows, as a choice from the search would. */
  private async lookUpPrefilled(id: string, token: string): Promise<void> {
    const found = await searchContacts(id, 0, token, new AbortController().signal).catch(() => undefined);
    const contact = found?.kind === 'found' ? found.contacts.find((c) => c.Id === id) : undefined;
    // Only while the gift is still as it started: never over what staff typed meanwhile.
    if (contact && this.form.draft.imisId === id && !this.form.isDirty()) this.form.prefill(toContact(contact));
  }

  /**
   * After a reload: a gift that was on its way may already be at the proxy. Ask, and
   * show it where it belongs, so a restored draft never collides with its own ID.
   */
  private async reconcile(): Promise<void> {
    const state = this.form.state;
    const restoredNotice: Notice = {
      kind: 'AsiWarning',
      text: 'Restored the gift you were typing before the page reloaded. Check it, then record it.',
    };
    if (!state.sentAt) {
      this.notice = restoredNotice;
      return;
    }
    const answer = await this.client.status(state.transactionId);
    if (!answer.ok) {
      this.notice =
        answer.network || answer.error.field !== 'transactionId'
          ? { ...restoredNotice, text: `${restoredNotice.text} Recording it again is safe: it keeps its transaction ID.` }
          : restoredNotice;
      return;
    }
    const record = answer.value;
    if (record.status === 'rejected') {
      this.form.setServerErrors(this.verdictErrors(record));
      this.notice = restoredNotice;
      return;
    }
    this.batch.upsert(this.entryFor(record, state));
    this.newGift(true);
    this.notice = {
      kind: 'AsiSuccess',
      text: `The gift of ${formatUsd(record.amount)} from ${record.donor} reached the gift proxy before the reload; its status is in the batch below.`,
    };
  }

  private async loadLookups(): Promise<void> {
    this.lookupsError = undefined;
    const answer = await this.client.lookups();
    if (answer.ok) {
      this.lookups = answer.value;
      // The proxy's prefix applies to a gift not yet touched, unless the page set its own.
      const prefix = answer.value.transactionIdPrefix;
      if (
        this.transactionPrefix === undefined &&
        !this.form.isDirty() &&
        !this.form.state.sentAt &&
        prefix &&
        !this.form.transactionId.startsWith(prefix)
      ) {
        this.newGift(false);
      }
    } else {
      this.lookupsError = answer.error.message;
    }
  }

  private input(field: DraftField, value: string): void {
    const related: Record<string, string> = {};
    if (field === 'distribution') {
      // A fund may carry default appeal and campaign codes: prefill them, visibly.
      const fund = this.lookups?.distributions.find((d) => d.Code === value);
      if (fund?.AppealCode) related.appealCode = fund.AppealCode;
      if (fund?.CampaignCode) related.campaignCode = fund.CampaignCode;
    }
    this.form.set(field, value, related);
    if (field === 'amount' && this.notice?.action?.id === 'confirm-amount') this.notice = undefined;
  }

  private leave(field: DraftField): void {
    if (field === 'amount') {
      const formatted = formatAmountInput(this.form.draft.amount);
      if (formatted !== this.form.draft.amount) this.form.set('amount', formatted);
    }
    this.form.leave(field);
  }

  private announce(text: string): void {
    // Clearing first makes a repeated message be spoken again.
    this.announcement = '';
    requestAnimationFrame(() => (this.announcement = text));
  }

  private emit(name: GiftEventName, entry: Pick<BatchEntry, 'transactionId' | 'amount' | 'donor'>): void {
    const detail: GiftEventDetail = { transactionId: entry.transactionId, amount: entry.amount, donor: entry.donor };
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  private shortcut(event: KeyboardEvent): void {
    if (event.defaultPrevented || (event.key !== 'Enter' && !(event.altKey && event.code === 'KeyB'))) return;
    const target = event.target as HTMLElement;
    if (event.altKey) {
      event.preventDefault();
      this.querySelector<HTMLElement>(`#${this.uid}-expected-count`)?.focus();
      return;
    }
    // Enter records from any field: a select has no implicit submission, and notes take Ctrl+Enter.
    const select = target.tagName === 'SELECT';
    const notes = target.tagName === 'TEXTAREA' && (event.ctrlKey || event.metaKey);
    if ((select || notes) && target.closest('form')) {
      event.preventDefault();
      void this.submit();
    }
  }

  private async submit(confirmed: ReadonlyArray<NoticeAction['id']> = []): Promise<void> {
    if (this.sending) return;
    this.form.markSubmitted();
    const { submission } = this.form.validate();
    if (!submission) {
      this.notice = undefined;
      this.focusAfterRender('.error-summary');
      return;
    }
    if (submission.amount >= this.confirmAbove && !confirmed.includes('confirm-amount')) {
      const amount = formatUsd(submission.amount);
      this.ask(`${amount} is a large gift. Check the amount against the check, then confirm it.`, {
        id: 'confirm-amount',
        label: `Yes, record ${amount}`,
      });
      return;
    }
    // Busy from the first keypress: the duplicate check must not let a second one through.
    this.sending = true;
    if (!confirmed.includes('record-anyway') && (await this.warnIfDuplicate(submission))) {
      this.sending = false;
      return;
    }
    await this.send(submission);
  }

  private ask(text: string, action: NoticeAction): void {
    this.notice = { kind: 'AsiWarning', text, action };
    this.announce(text);
    this.focusAfterRender('.notice');
  }

  /** Asks before recording what looks like a gift already in the journal; never blocks. */
  private async warnIfDuplicate(submission: GiftSubmission): Promise<boolean> {
    // Gifts for that received date entered up to two days earlier (a weekend's mail).
    const since = new Date(`${submission.receivedDate?.slice(0, 10) ?? todayIso()}T00:00:00`);
    since.setDate(since.getDate() - 2);
    const journal = await this.client.journal(since);
    const earlier = journal.ok ? findLikelyDuplicate(submission, journal.value.gifts) : undefined;
    if (!earlier) return false;
    const at = new Date(earlier.createdAt).toLocaleString([], { dateStyle: 'short', timeStyle: 'short' });
    this.ask(
      `Possible duplicate: ${formatUsd(earlier.amount)} from ${earlier.donor} for the same date was already entered at ${at} (transaction ID ${earlier.transactionId}, ${earlier.status}). Record this one as well?`,
      { id: 'record-anyway', label: 'Record anyway' },
    );
    return true;
  }

  private async send(submission: GiftSubmission): Promise<void> {
    const state = this.form.state;
    this.sending = true;
    this.notice = undefined;
    const answer = await this.client.submit(submission, {
      enteredBy: this.page.loggedInPartyId,
      donorName: state.donor?.name || undefined,
    });
    this.sending = false;
    if (!answer.ok) {
      const error = answer.error;
      const problems = error.problems ?? (error.field ? [{ field: error.field, message: error.message }] : []);
      if (!answer.network && error.field === 'transactionId' && /different gift/.test(error.message)) return this.collided();
      if (!answer.network && problems.some((p) => p.field && DRAFT_FIELDS.includes(p.field as DraftField))) {
        this.form.setServerErrors(Object.fromEntries(problems.filter((p) => p.field).map((p) => [p.field, p.message])));
        this.focusAfterRender('.error-summary');
        return;
      }
      this.notice = { kind: 'AsiError', text: error.message, action: { id: 'retry', label: 'Try again' } };
      this.announce(error.message);
      return;
    }
    const record = answer.value;
    const entry = this.entryFor(record, state);
    this.batch.upsert(entry);
    if (record.status === 'rejected') {
      this.form.setServerErrors(this.verdictErrors(record));
      this.emit(GIFT_EVENTS.rejected, entry);
      this.announce(`Not recorded: ${record.message ?? ''}`);
      this.focusAfterRender('.error-summary, .notice');
      return;
    }
    const accepted = record.status === 'accepted';
    const summary = `${formatUsd(entry.amount)} from ${entry.donor} to ${entry.fund}`;
    this.notice = accepted
      ? { kind: 'AsiSuccess', text: `Recorded ${summary}. Transaction ID ${record.transactionId}.` }
      : { kind: 'AsiSuccess', text: `Saved ${summary}; it is on its way to iMIS (status in the batch below).` };
    this.emit(accepted ? GIFT_EVENTS.accepted : GIFT_EVENTS.queued, entry);
    this.announce(this.notice.text);
    this.newGift(true);
    void this.updateComplete.then(() => void this.focusStart());
  }

  /**
   * The proxy already holds another gift under this ID (sent before a reload whose
   * answer never arrived, then edited). That gift is shown in the batch; this one
   * gets a new ID and waits for staff to check it is not the same gift.
   */
  private async collided(): Promise<void> {
    const state = this.form.state;
    const answer = await this.client.status(state.transactionId);
    if (answer.ok) this.batch.upsert(this.entryFor(answer.value, state));
    const draft = { ...state.draft };
    this.newGift(false);
    for (const field of DRAFT_FIELDS) this.form.set(field, draft[field]);
    this.notice = {
      kind: 'AsiWarning',
      text: 'The gift proxy already had a gift under this transaction ID from before the page reloaded (see the batch). This form now has a new ID: record it only if it is a different gift.',
    };
    this.announce(this.notice.text);
    this.focusAfterRender('.notice');
  }

  private verdictErrors(record: Pick<GiftRecord, 'field' | 'message'>): FieldErrors {
    const field = record.field && DRAFT_FIELDS.includes(record.field as DraftField) ? record.field : undefined;
    if (!field) this.notice = { kind: 'AsiError', text: record.message ?? 'The gift service refused this gift.' };
    return field ? { [field]: record.message ?? '' } : {};
  }

  private entryFor(record: GiftRecord, state: DraftController['state']): BatchEntry {
    const fundCode = state.draft.distribution || state.draft.campaignCode;
    const fund = this.lookups?.distributions.find((d) => d.Code === state.draft.distribution)?.Title ?? fundCode;
    const { draft, transactionId, sentAt, donor, softCredit } = state;
    return {
      transactionId: record.transactionId,
      amount: record.amount,
      donor: record.donor,
      fund,
      status: record.status,
      message: record.message,
      field: record.field,
      at: record.createdAt,
      sent: { draft, transactionId, sentAt, donor, softCredit },
    };
  }

  /** Polling saw a gift change: say so, and never disturb the gift being typed. */
  private settled(entry: BatchEntry): void {
    const what = `${formatUsd(entry.amount)} from ${entry.donor}`;
    if (entry.status === 'accepted') {
      this.emit(GIFT_EVENTS.accepted, entry);
      this.announce(`Recorded in iMIS: ${what}.`);
    } else if (entry.status === 'rejected') {
      this.emit(GIFT_EVENTS.rejected, entry);
      this.notice = {
        kind: 'AsiError',
        text: `Needs correcting: ${what}. ${entry.message ?? ''}`,
        action: { id: 'correct', label: 'Correct it now', entry: entry.transactionId },
      };
      this.announce(this.notice.text);
    } else if (entry.status === 'stuck' || entry.status === 'held') {
      this.announce(`Not yet in iMIS: ${what}. ${entry.message ?? ''}`);
    }
  }

  private reopen(entry: BatchEntry): void {
    if (this.form.isDirty()) {
      this.notice = { kind: 'AsiWarning', text: 'Record or clear the gift you are typing before correcting another one.' };
      this.focusAfterRender('.notice');
      return;
    }
    this.notice = undefined;
    this.form.reopen(entry.sent, this.verdictErrors(entry));
    this.focusAfterRender('.error-summary, .notice');
  }

  private async retry(entry: BatchEntry): Promise<void> {
    const answer = await this.client.retry(entry.transactionId);
    if (answer.ok) this.batch.upsert({ ...entry, status: answer.value.status, message: answer.value.message });
    else this.notice = { kind: 'AsiError', text: answer.error.message };
  }

  private act(action: NoticeAction): void {
    if (action.id === 'correct') {
      const entry = action.entry ? this.batch.find(action.entry) : undefined;
      if (entry) this.reopen(entry);
      return;
    }
    void this.submit(action.id === 'retry' ? [] : [action.id, ...(action.id === 'record-anyway' ? ['confirm-amount' as const] : [])]);
  }

  private focusAfterRender(selector: string): void {
    void this.updateComplete.then(() => this.querySelector<HTMLElement>(selector)?.focus());
  }

  /** Where each gift starts: the donor search inside iMIS, else the first field. */
  private async focusStart(): Promise<void> {
    await this.querySelector('gift-contact-picker')?.updateComplete;
    this.querySelector<HTMLElement>('form input, form select')?.focus();
  }

  private clear(): void {
    this.newGift(false);
    this.notice = undefined;
    void this.updateComplete.then(() => void this.focusStart());
  }

  /** The control an error summary link jumps to: the field, the picker or the chosen contact's card. */
  private targetFor(field: DraftField): string {
    const picker = this.querySelector<HTMLElement & { inputId: string }>(`gift-contact-picker[data-field="${field}"]`);
    return picker?.inputId ?? `${this.uid}-${field}`;
  }

  private contactPicker(field: 'imisId' | 'softCreditId', errors: FieldErrors): TemplateResult {
    return html`<gift-contact-picker
      data-field=${field}
      label=${field === 'imisId' ? 'Find the donor in iMIS' : 'Find the soft-credit contact in iMIS'}
      .token=${this.page.verificationToken ?? ''}
      .error=${errors[field] ?? ''}
      @contact-chosen=${(e: CustomEvent<PartySummary>) => this.chosen(field, toContact(e.detail))}
    ></gift-contact-picker>`;
  }

  private chosen(field: 'imisId' | 'softCreditId', contact: ChosenContact | undefined): void {
    if (field === 'imisId') this.form.chooseDonor(contact);
    else this.form.chooseSoftCredit(contact);
    // After a choice, on to the next thing to fill; after "Change", back to the search.
    const next = contact
      ? field === 'imisId'
        ? `#${this.uid}-amount`
        : `#${this.uid}-submit`
      : `gift-contact-picker[data-field="${field}"] input`;
    void this.updateComplete.then(() => requestAnimationFrame(() => this.querySelector<HTMLElement>(next)?.focus()));
  }

  override render(): TemplateResult {
    const errors = this.form.visibleErrors();
    const problems = problemLinks(this.uid, errors, (field) => this.targetFor(field));
    const state = this.form.state;
    return html`
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      ${
        state.submitted && problems.length
          ? errorSummary(`${this.uid}-summary`, problems, (t) => document.getElementById(t)?.focus())
          : nothing
      }
      ${
        this.notice
          ? html`<div class="${this.notice.kind} notice" tabindex="-1">
              <p>${this.notice.text}</p>
              ${
                this.notice.action
                  ? html`<button
                      type="button"
                      class="TextButton PrimaryButton"
                      data-action=${this.notice.action.id}
                      @click=${() => this.act(this.notice!.action!)}
                    >
                      ${this.notice.action.label}
                    </button>`
                  : nothing
              }
            </div>`
          : nothing
      }
      ${
        this.lookupsError
          ? html`<div class="AsiError lookups-error">
              <p>${this.lookupsError}</p>
              <button type="button" class="TextButton" @click=${() => this.loadLookups()}>Retry loading funds</button>
            </div>`
          : !this.lookups
            ? html`<p class="lookups-loading">Loading funds, appeals and campaigns…</p>`
            : nothing
      }
      <form novalidate @submit=${(e: Event) => (e.preventDefault(), void this.submit())} aria-busy=${this.sending ? 'true' : 'false'}>
        ${giftForm({
          uid: this.uid,
          draft: state.draft,
          errors,
          carried: state.carried,
          lookups: this.lookups,
          donor: state.donor,
          softCredit: state.softCredit,
          onInput: (field, value) => this.input(field, value),
          onLeave: (field) => this.leave(field),
          picker: this.page.verificationToken ? (field) => this.contactPicker(field, errors) : undefined,
          onChange: (field) => this.chosen(field, undefined),
        })}
        <div class="CommandBar">
          <button id="${this.uid}-submit" type="submit" class="TextButton PrimaryButton" aria-disabled=${this.sending ? 'true' : 'false'}>
            ${this.sending ? 'Saving…' : 'Record gift'}
          </button>
          <button type="button" class="TextButton" @click=${() => this.clear()}>Clear form</button>
          ${this.sending ? html`<progress aria-label="Saving the gift"></progress>` : nothing}
        </div>
        ${shortcutHelp()}
      </form>
      ${batchPanel({
        uid: this.uid,
        entries: this.batch.entries,
        expected: this.batch.expected,
        onExpected: (which, value) => this.batch.setExpected(which, value),
        onReopen: (entry) => this.reopen(entry),
        onRetry: (entry) => void this.retry(entry),
      })}
    `;
  }
}

if (!customElements.get('gift-entry')) customElements.define('gift-entry', GiftEntry);

declare global {
  interface HTMLElementTagNameMap {
    'gift-entry': GiftEntry;
  }
}
