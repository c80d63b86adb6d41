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
 *
 * @fires gift-accepted - the gift service recorded a gift; detail {transactionId, amount, donor}
 * @fires gift-rejected - the gift service refused a gift; detail {transactionId, amount, donor}
 * @fires gift-queued - a gift is safely queued and will be sent; detail {transactionId, amount, donor}
 *
 * @cssprop --gift-entry-gap, --gift-entry-error-color, --gift-entry-success-color,
 *   --gift-entry-warning-color, --gift-entry-border-color, --gift-entry-focus-color
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { LightElement } from './light-element.ts';
import { donorDisplayName, formatUsd } from '../contract/gift-summary.ts';
import type { GiftSubmission } from '../contract/gift-schema.ts';
import type { GiftRecord, LookupsResponse } from '../contract/proxy-api.ts';
import { newTransactionId } from '../contract/transaction-id.ts';
import type { PartySummary } from '../contract/imis-party.ts';
import './contact-picker.ts';
import { BatchController } from './batch-controller.ts';
import { batchPanel } from './batch-panel.ts';
import type { BatchEntry } from './batch.ts';
import { errorSummary } from './field-markup.ts';
import { findLikelyDuplicate } from './duplicate-check.ts';
import { readImisPage } from './imis-page.ts';
import { CARRIED_FIELDS, DRAFT_FIELDS, emptyDraft, formatAmountInput, todayIso, validate, type Draft, type DraftField, type FieldErrors } from './gift-draft.ts';
import { giftFieldsets, problemLinks } from './gift-form.ts';
import { ProxyClient, SCRIPT_ORIGIN } from './proxy-client.ts';
import { forget, load, save } from './saved-state.ts';
import type { GiftField } from '../contract/gift-fields.ts';

let instances = 0;

type Phase = 'idle' | 'sending';
interface SavedDraft {
  draft: Draft;
  transactionId: string;
  carried: DraftField[];
}
type GiftEventName = 'gift-accepted' | 'gift-rejected' | 'gift-queued';
export interface GiftEventDetail {
  transactionId: string;
  amount: number;
  donor: string;
}

export class GiftEntry extends LightElement {
  static override properties = {
    endpoint: { type: String },
    key: { type: String },
    fund: { type: String },
    appeal: { type: String },
    campaign: { type: String },
    transactionPrefix: { type: String, attribute: 'prefix' },
    prefillDonor: { type: Boolean, attribute: 'prefill-donor' },
    draft: { state: true },
    errors: { state: true },
    phase: { state: true },
    notice: { state: true },
    lookups: { state: true },
    lookupsError: { state: true },
    expectedCount: { state: true },
    expectedTotal: { state: true },
    announcement: { state: true },
    showSummary: { state: true },
  };

  declare endpoint: string;
  declare key: string;
  declare fund: string;
  declare appeal: string;
  declare campaign: string;
  declare transactionPrefix: string | undefined;
  declare prefillDonor: boolean;
  declare draft: Draft;
  declare errors: FieldErrors;
  declare phase: Phase;
  /** The one message box above the form: receipt, failure, restore notice. */
  declare notice: { kind: 'AsiSuccess' | 'AsiError' | 'AsiWarning'; text: string; action?: 'Try again' | 'Record anyway' } | undefined;
  declare lookups: LookupsResponse | undefined;
  declare lookupsError: string | undefined;
  declare expectedCount: string;
  declare expectedTotal: string;
  declare announcement: string;
  declare showSummary: boolean;

  private readonly uid = `gift-entry-${++instances}`;
  private transactionId = '';
  private page = readImisPage();
  /** The draft as a fresh gift starts: what "untouched" means. */
  private baseline: Draft = emptyDraft();
  private carried = new Set<DraftField>();
  /** Fields staff typed in, and those they have since left. */
  private touched = new Set<DraftField>();
  private blurred = new Set<DraftField>();
  private readonly batch = new BatchController(
    this,
    () => this.storageKey('batch'),
    () => this.client,
    (entry) => {
      this.emit(entry.status === 'accepted' ? 'gift-accepted' : 'gift-rejected', entry);
      this.announce(`${entry.status === 'accepted' ? 'Recorded' : 'Needs correcting'}: ${formatUsd(entry.amount)} from ${entry.donor}.`);
    },
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
    this.draft = emptyDraft();
    this.errors = {};
    this.phase = 'idle';
    this.notice = undefined;
    this.lookups = undefined;
    this.lookupsError = undefined;
    this.expectedCount = '';
    this.expectedTotal = '';
    this.announcement = '';
    this.showSummary = false;
  }


  private get client(): ProxyClient {
    return new ProxyClient((this.endpoint || SCRIPT_ORIGIN).replace(/\/+$/, ''), this.key);
  }

  private storageKey(what: 'draft' | 'batch'): string {
    return `gift-entry:${what}:${this.endpoint || SCRIPT_ORIGIN}`;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.page = readImisPage();
    const saved = load<SavedDraft>(this.storageKey('draft'));
    if (saved && DRAFT_FIELDS.some((field) => !CARRIED_FIELDS.includes(field as never) && saved.draft[field]?.trim())) {
      this.draft = { ...emptyDraft(), ...saved.draft };
      this.transactionId = saved.transactionId;
      this.carried = new Set(saved.carried);
      this.notice = { kind: 'AsiWarning', text: 'Restored the gift you were typing before the page reloaded. Check it, then record it.' };
    } else {
      this.startGift(false);
    }
    void this.loadLookups();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Attribute defaults apply to a fresh gift only, never over what staff typed.
    if ((changed.has('fund') || changed.has('appeal') || changed.has('campaign')) && !this.dirty()) {
      this.draft = {
        ...this.draft,
        distribution: this.draft.distribution || this.fund,
        appealCode: this.draft.appealCode || this.appeal,
        campaignCode: this.draft.campaignCode || this.campaign,
      };
    }
  }

  private dirty(): boolean {
    return DRAFT_FIELDS.some((field) => this.draft[field].trim() !== this.baseline[field].trim());
  }

  /** A new gift: a new transactionId, carried-over values kept and marked. */
  private startGift(carry: boolean): void {
    const previous = this.draft;
    const fresh = emptyDraft();
    this.carried = new Set();
    if (carry) {
      for (const field of CARRIED_FIELDS) {
        fresh[field] = previous[field];
        if (previous[field]) this.carried.add(field);
      }
    } else {
      fresh.distribution = this.fund;
      fresh.appealCode = this.appeal;
      fresh.campaignCode = this.campaign;
    }
    if (this.prefillDonor && this.page.selectedPartyId) fresh.imisId = this.page.selectedPartyId;
    this.draft = this.baseline = fresh;
    this.transactionId = this.newId();
    this.touched = new Set();
    this.blurred = new Set();
    this.errors = {};
    this.showSummary = false;
    forget(this.storageKey('draft'));
  }

  /** A page's bad prefix attribute must not break the form: say so, and use none. */
  private newId(): string {
    try {
      return newTransactionId(this.transactionPrefix ?? this.lookups?.transactionIdPrefix ?? '');
    } catch (error) {
      this.notice = { kind: 'AsiError', text: `prefix attribute: ${(error as Error).message}` };
      return newTransactionId();
    }
  }

  private async loadLookups(): Promise<void> {
    this.lookupsError = undefined;
    const answer = await this.client.lookups();
    if (answer.ok) {
      this.lookups = answer.value;
      // The proxy's prefix applies to a gift not yet touched, unless the page set its own.
      if (this.transactionPrefix === undefined && !this.dirty() && answer.value.transactionIdPrefix && !this.transactionId.startsWith(answer.value.transactionIdPrefix)) {
        this.transactionId = newTransactionId(answer.value.transactionIdPrefix);
      }
    } else {
      this.lookupsError = answer.error.message;
    }
  }

  private persistDraft(): void {
    save(this.storageKey('draft'), { draft: this.draft, transactionId: this.transactionId, carried: [...this.carried] } satisfies SavedDraft);
  }

  private setField(field: DraftField, value: string): void {
    const draft = { ...this.draft, [field]: value };
    if (field === 'distribution') {
      // A fund may carry default appeal and campaign codes: prefill them.
      const fund = this.lookups?.distributions.find((d) => d.Code === value);
      if (fund?.AppealCode) draft.appealCode = fund.AppealCode;
      if (fund?.CampaignCode) draft.campaignCode = fund.CampaignCode;
    }
    this.carried.delete(field);
    this.draft = draft;
    this.touched.add(field);
    this.recheck();
    this.persistDraft();
  }

  private recheck(): void {
    const { errors } = validate(this.draft, this.transactionId);
    const shown: FieldErrors = {};
    for (const [field, message] of Object.entries(errors) as [GiftField, string][]) {
      // While typing, a message only goes away; it appears on leaving the field or on submit.
      if (this.showSummary || this.blurred.has(field as DraftField) || this.errors[field]) shown[field] = message;
    }
    this.errors = shown;
  }

  /** Leaving a field checks it, once staff have typed in it: tabbing past an empty field is not a mistake. */
  private leave(field: DraftField): void {
    if (!this.touched.has(field)) return;
    if (field === 'amount') this.draft = { ...this.draft, amount: formatAmountInput(this.draft.amount) };
    this.blurred.add(field);
    this.recheck();
  }

  private focusField(target: string): void {
    // focus() also scrolls the field into view.
    document.getElementById(target)?.focus();
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

  private async submit(event?: Event, duplicateConfirmed = false): Promise<void> {
    event?.preventDefault();
    if (this.phase === 'sending') return;
    this.showSummary = true;
    const { submission, errors } = validate(this.draft, this.transactionId);
    this.errors = errors;
    if (!submission) {
      this.notice = undefined;
      this.focusAfterRender('.error-summary');
      return;
    }
    // Busy from the first click: the duplicate check must not let a second click through.
    this.phase = 'sending';
    if (!duplicateConfirmed && (await this.warnIfDuplicate(submission))) {
      this.phase = 'idle';
      return;
    }
    await this.send(submission);
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
    this.notice = {
      kind: 'AsiWarning',
      text: `Possible duplicate: ${formatUsd(earlier.amount)} from ${earlier.donor} for the same date was already entered at ${at} (transaction ID ${earlier.transactionId}, ${earlier.status}). Record this one as well?`,
      action: 'Record anyway',
    };
    this.announce(this.notice.text);
    this.focusAfterRender('.notice');
    return true;
  }

  private async send(submission: GiftSubmission): Promise<void> {
    const donor = donorDisplayName(submission);
    this.phase = 'sending';
    this.notice = undefined;
    this.announce(`Sending ${formatUsd(submission.amount)} from ${donor}…`);
    const draft = this.draft;
    const answer = await this.client.submit(submission, this.page.loggedInPartyId);
    this.phase = 'idle';
    if (!answer.ok) {
      const fieldProblems = answer.error.problems ?? (answer.error.field ? [{ field: answer.error.field, message: answer.error.message }] : []);
      if (!answer.network && fieldProblems.some((p) => p.field && DRAFT_FIELDS.includes(p.field as DraftField))) {
        this.errors = Object.fromEntries(fieldProblems.filter((p) => p.field).map((p) => [p.field, p.message]));
        this.focusAfterRender('.error-summary');
        return;
      }
      this.notice = { kind: 'AsiError', text: answer.error.message, action: 'Try again' };
      this.announce(answer.error.message);
      return;
    }
    this.record(answer.value, submission, draft);
  }

  /** Takes the proxy's answer for a gift just sent. */
  private record(record: GiftRecord, submission: GiftSubmission, draft: Draft): void {
    const fund = this.lookups?.distributions.find((d) => d.Code === submission.distribution)?.Title ?? submission.distribution ?? submission.campaignCode ?? '';
    const entry: BatchEntry = {
      transactionId: record.transactionId,
      amount: record.amount,
      donor: record.donor,
      fund,
      status: record.status,
      message: record.message,
      field: record.field,
      at: record.createdAt,
      draft,
    };
    this.batch.upsert(entry);
    const summary = `${formatUsd(entry.amount)} from ${entry.donor} to ${fund}`;
    if (record.status === 'rejected') {
      this.showRejection(entry);
      this.emit('gift-rejected', entry);
      this.announce(`Not recorded: ${record.message ?? ''}`);
      return;
    }
    const accepted = record.status === 'accepted';
    this.notice = accepted
      ? { kind: 'AsiSuccess', text: `Recorded ${summary}. Transaction ID ${record.transactionId}.` }
      : { kind: 'AsiWarning', text: `Queued ${summary} (transaction ID ${record.transactionId}). ${record.status === 'held' ? record.message ?? '' : 'It will be recorded shortly; see the batch below.'}` };
    this.emit(accepted ? 'gift-accepted' : 'gift-queued', entry);
    this.announce(this.notice.text);
    if (!accepted) this.batch.follow(record.transactionId);
    this.startGift(true);
    void this.updateComplete.then(() => this.focusField(`${this.uid}-amount`));
  }

  private reopen(entry: BatchEntry): void {
    if (this.dirty()) {
      this.notice = { kind: 'AsiWarning', text: 'Record or clear the gift you are typing before correcting another one.' };
      return;
    }
    this.draft = { ...entry.draft };
    this.transactionId = entry.transactionId;
    this.carried = new Set();
    this.showSummary = true;
    this.showRejection(entry);
    this.persistDraft();
  }

  /** The upstream's refusal on the field it concerns (or above the form), focused for the reader. */
  private showRejection(entry: Pick<BatchEntry, 'field' | 'message'>): void {
    const field = entry.field && DRAFT_FIELDS.includes(entry.field as DraftField) ? entry.field : undefined;
    this.errors = field ? { [field]: entry.message ?? '' } : {};
    this.notice = field ? undefined : { kind: 'AsiError', text: entry.message ?? 'The gift service rejected this gift.' };
    this.focusAfterRender('.error-summary, .AsiError');
  }

  private focusAfterRender(selector: string): void {
    void this.updateComplete.then(() => this.querySelector<HTMLElement>(selector)?.focus());
  }

  private clear(): void {
    this.startGift(false);
    this.notice = undefined;
    void this.updateComplete.then(() => this.focusField(`${this.uid}-amount`));
  }

  private contactPicker(field: 'imisId' | 'softCreditId'): TemplateResult {
    return html`<gift-contact-picker label=${field === 'imisId' ? 'Find the donor in iMIS' : 'Find the soft-credit contact in iMIS'}
      .token=${this.page.verificationToken ?? ''} .value=${this.draft[field]}
      @contact-chosen=${(e: CustomEvent<PartySummary | undefined>) => this.setField(field, e.detail?.Id ?? '')}></gift-contact-picker>`;
  }

  override render(): TemplateResult {
    const problems = problemLinks(this.uid, this.errors);
    const sending = this.phase === 'sending';
    return html`
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      ${this.showSummary && problems.length ? errorSummary(`${this.uid}-summary`, problems, (t) => this.focusField(t)) : nothing}
      ${this.notice
        ? html`<div class="${this.notice.kind} notice" tabindex="-1">
            <p>${this.notice.text}</p>
            ${this.notice.action
              ? html`<button type="button" class="TextButton PrimaryButton" @click=${() => this.submit(undefined, this.notice?.action === 'Record anyway')}>${this.notice.action}</button>`
              : nothing}
          </div>`
        : nothing}
      ${this.lookupsError
        ? html`<div class="AsiError lookups-error"><p>${this.lookupsError}</p>
            <button type="button" class="TextButton" @click=${() => this.loadLookups()}>Retry loading funds</button></div>`
        : !this.lookups ? html`<p class="lookups-loading">Loading funds, appeals and campaigns…</p>` : nothing}
      <form novalidate @submit=${(e: Event) => this.submit(e)} aria-busy=${sending ? 'true' : 'false'}>
        ${giftFieldsets({
          uid: this.uid,
          draft: this.draft,
          errors: this.errors,
          carried: this.carried,
          lookups: this.lookups,
          onInput: (field, value) => this.setField(field, value),
          onLeave: (field) => this.leave(field),
          picker: this.page.verificationToken ? (field) => this.contactPicker(field) : undefined,
        })}
        <div class="CommandBar">
          <button id="${this.uid}-submit" type="submit" class="TextButton PrimaryButton" ?disabled=${sending}>
            ${sending ? 'Recording…' : 'Record gift'}
          </button>
          <button type="button" class="TextButton" ?disabled=${sending} @click=${() => this.clear()}>Clear form</button>
          ${sending ? html`<progress aria-label="Recording the gift"></progress><span>The gift service usually takes 2–5 seconds.</span>` : nothing}
        </div>
      </form>
      ${batchPanel({
        uid: this.uid,
        entries: this.batch.entries,
        expectedCount: this.expectedCount,
        expectedTotal: this.expectedTotal,
        onExpected: (which, value) => (which === 'count' ? (this.expectedCount = value) : (this.expectedTotal = value)),
        onReopen: (entry) => this.reopen(entry),
      })}
    `;
  }
}

if (!customElements.get('gift-entry')) customElements.define('gift-entry', GiftEntry);

declare global {
  interface HTMLElementTagNameMap {
    'gift-entry': GiftEntry;
  }
  interface HTMLElementEventMap {
    'gift-accepted': CustomEvent<GiftEventDetail>;
    'gift-rejected': CustomEvent<GiftEventDetail>;
    'gift-queued': CustomEvent<GiftEventDetail>;
  }
}
