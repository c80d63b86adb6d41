/**
 * `<gift-entry>`: staff record gifts from an iMIS page, a batch at a time.
 *
 * Renders into light DOM with iMIS's own classes (PanelField, TextButton,
 * PrimaryButton, CommandBar, Important, AsiValidationSummary, AsiError,
 * AsiSuccess, AsiWarning, InputLarge/InputMedium/InputSmall), so the page's
 * theme styles it.
 *
 * @attr endpoint - base URL of the gift proxy; defaults to the origin this script was loaded from
 * @attr key - caller key sent as X-Gift-Entry-Key (issued by whoever runs the proxy)
 * @attr mode - "review" (default): gifts are kept at the proxy until the batch is posted; "immediate": each gift goes to iMIS when recorded
 * @attr fund - default distribution (fund) code offered when a batch starts
 * @attr appeal - default appeal code offered when a batch starts
 * @attr campaign - default campaign code offered when a batch starts
 * @attr prefix - transaction-ID prefix (overrides the proxy's GIFT_TRANSACTION_PREFIX)
 * @attr prefill-donor - inside iMIS, start each gift with the page's selected contact as the donor
 * @attr confirm-above - amounts at or above this many dollars need an explicit confirmation (default 10000)
 * @attr autofocus - put focus where work starts when the form loads: the batch form, or the donor search
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
import type { BatchDefaults, BatchMode } from '../contract/batch-model.ts';
import { formatDateText, parseDateText } from '../contract/date-text.ts';
import { formatUsd } from '../contract/gift-summary.ts';
import type { GiftRecord, LookupsResponse } from '../contract/proxy-api.ts';
import type { PartySummary } from '../contract/imis-party.ts';
import type { ContactChosenEvent, ContactPicker } from './contact-picker.ts';
import type { BrowserOutbox, Verdict } from './gift-outbox.ts';
import { BatchController } from './batch-controller.ts';
import { BatchSession } from './batch-session.ts';
import { batchHeader, codeName, describeBatch, type SetupField } from './batch-header.ts';
import { draftDefaults, draftDifferences, type BatchEntry } from './batch.ts';
import { DraftController, type ChosenContact, type StashedGift } from './draft-controller.ts';
import { errorSummary } from './field-markup.ts';
import { type DraftField } from './form-layout.ts';
import { GIFT_EVENTS, type GiftEventDetail, type GiftEventName } from './gift-events.ts';
import { formatAmountInput } from './gift-draft.ts';
import { giftForm, problemLinks } from './gift-form.ts';
import { readImisPage } from './imis-page.ts';
import { releaseNotice } from './release-check.ts';
import { ProxyClient, SCRIPT_ORIGIN } from './proxy-client.ts';
import { load, save, forget } from './saved-state.ts';
import { shortcutFor, shortcutHelp } from './shortcuts.ts';
import { SubmitFlow, entryFor, verdictErrors, type Outcome, type Question } from './submit-flow.ts';
import { syncControls } from './control-sync.ts';

let instances = 0;

type NoticeAction = { id: 'retry' | Question | 'correct' | 'back'; label: string; entry?: string };
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
    mode: { type: String },
    fund: { type: String },
    appeal: { type: String },
    campaign: { type: String },
    transactionPrefix: { type: String, attribute: 'prefix' },
    prefillDonor: { type: Boolean, attribute: 'prefill-donor' },
    confirmAbove: { type: Number, attribute: 'confirm-above' },
    notice: { state: true },
    lookups: { state: true },
    lookupsError: { state: true },
    releaseWarning: { state: true },
    announcement: { state: true },
  };

  declare endpoint: string;
  declare key: string;
  declare mode: string;
  declare fund: string;
  declare appeal: string;
  declare campaign: string;
  declare transactionPrefix: string | undefined;
  declare prefillDonor: boolean;
  declare confirmAbove: number;
  /** The one message box above the form: receipt, failure, question, restore notice. */
  declare notice: Notice | undefined;
  declare lookups: LookupsResponse | undefined;
  declare lookupsError: string | undefined;
  /** The proxy runs another release than this widget (upgraded while the page stayed open). */
  declare releaseWarning: string | undefined;
  declare announcement: string;

  private readonly uid = `gift-entry-${++instances}`;
  private page = readImisPage();
  /**
   * The batch's rows and totals: a chunk beside the bundle (the form is usable before it
   * arrives, and the bundle's budget pays for the outbox instead). `updateComplete` waits for it.
   */
  private panel: typeof import('./batch-panel.ts') | undefined;
  private readonly panelLoaded = import('./batch-panel.ts').then((panel) => {
    this.panel = panel;
    this.requestUpdate();
  });
  /** Gifts the proxy could not take wait here (a chunk, loaded once the form is ready). */
  private outbox: BrowserOutbox | undefined;
  private readonly form = new DraftController(this, () => this.storageKey('draft'));
  private readonly batch = new BatchController(
    this,
    () => this.storageKey('batch'),
    () => this.client,
    (entry) => this.settled(entry),
    () => import('./batch-forms.ts').then((forms) => forms.batchRows),
  );
  private readonly flow = new SubmitFlow(this, {
    form: this.form,
    batch: this.batch,
    client: () => this.client,
    enteredBy: () => this.page.loggedInPartyId,
    confirmAbove: () => this.confirmAbove,
    outbox: () => this.outbox,
  });
  private readonly session = new BatchSession(
    this,
    this.batch,
    () => this.client,
    () => this.page.loggedInPartyId,
  );

  constructor() {
    super();
    this.endpoint = '';
    this.key = '';
    this.mode = 'review';
    this.fund = '';
    this.appeal = '';
    this.campaign = '';
    this.transactionPrefix = undefined;
    this.prefillDonor = false;
    this.confirmAbove = 10_000;
    this.notice = undefined;
    this.lookups = undefined;
    this.lookupsError = undefined;
    this.releaseWarning = undefined;
    this.announcement = '';
    this.addEventListener('keydown', (event) => this.shortcut(event));
  }

  private get client(): ProxyClient {
    return new ProxyClient((this.endpoint || SCRIPT_ORIGIN).replace(/\/+$/, ''), this.key, this);
  }

  private storageKey(what: 'draft' | 'batch' | 'stash'): string {
    return `gift-entry:${what}:${this.endpoint || SCRIPT_ORIGIN}`;
  }

  private get batchMode(): BatchMode {
    return this.mode === 'immediate' ? 'immediate' : 'review';
  }

  /** The placement's attributes: what a new batch offers before staff choose. */
  private get attributeDefaults(): Partial<BatchDefaults> {
    return { distribution: this.fund, appealCode: this.appeal, campaignCode: this.campaign };
  }

  private get idPrefix(): string {
    return this.transactionPrefix ?? this.lookups?.transactionIdPrefix ?? '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.page = readImisPage();
    // The iMIS contact search is a chunk of its own: only a page inside iMIS can use it.
    if (this.page.verificationToken) void import('./contact-picker.ts');
    if (!this.batch.header || this.batch.header.mode !== this.batchMode) this.noBatchYet();
    const restored = this.form.restore();
    if (restored) void this.afterReload();
    else this.newGift();
    void this.loadLookups();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Attributes set after the element connected (an iPart applies its settings so) take effect while nothing is entered.
    const placement = ['mode', 'fund', 'appeal', 'campaign'].some((name) => changed.has(name as keyof GiftEntry));
    if (!placement || !this.hasUpdated || this.batch.entries.length > 0 || this.form.isDirty()) return;
    const header = this.batch.header;
    if (!header || header.mode !== this.batchMode || (header.mode === 'immediate' && !header.id)) {
      this.noBatchYet();
      this.newGift();
    }
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    await this.panelLoaded;
    return super.getUpdateComplete();
  }

  protected override firstUpdated(): void {
    if (this.hasAttribute('autofocus')) void this.focusStart();
    void this.openOutbox();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.outbox?.stop();
    this.outbox = undefined;
  }

  /** Loaded while the proxy answers, so it is at hand when it does not; then sends what waits from earlier. */
  private async openOutbox(): Promise<void> {
    const { BrowserOutbox } = await import('./gift-outbox.ts');
    const outbox = new BrowserOutbox({
      proxy: this.client.endpoint,
      owner: () => this.page.loggedInPartyId ?? '',
      client: () => this.client,
      arrived: (entry, verdict, batchId) => this.arrived(entry, verdict, batchId),
      stillWaiting: (count, reason) =>
        reason && this.say({ kind: 'AsiWarning', text: `${count} gift${count > 1 ? 's wait' : ' waits'} in this browser: ${reason}` }),
    });
    this.outbox = outbox;
    // Typed in a tab since closed (or before a crash): shown where they belong, then sent.
    for (const gift of await outbox.waiting())
      if (this.belongs(gift.batchId)) this.batch.upsert(this.batch.find(gift.entry.transactionId) ?? gift.entry);
    await outbox.send();
    await outbox.settleOrphans(this.batch.entries, this.batch.header?.id);
  }

  /** Whether a gift of that batch (none: sent one by one) has a row in the batch this tab shows. */
  private belongs(batchId: string | undefined): boolean {
    return batchId ? this.batch.header?.id === batchId : this.batch.mode !== 'review';
  }

  /** A gift that waited in the browser reached the proxy (or was refused on arrival). */
  private arrived(entry: BatchEntry, record: Verdict | undefined, batchId: string | undefined): void {
    const row = this.batch.find(entry.transactionId);
    if (!row && !this.belongs(batchId)) {
      this.announce(`A gift typed earlier in this browser reached the gift proxy: ${formatUsd(entry.amount)} from ${entry.donor}.`);
      return;
    }
    const next: BatchEntry = {
      ...(row ?? entry),
      waiting: undefined,
      status: record?.status,
      message: record?.message,
      field: record?.field,
    };
    this.batch.upsert(next);
    if (record) this.settled(next);
  }

  protected override updated(): void {
    const expected = this.batch.header?.expected ?? { count: '', total: '' };
    const setup = Object.fromEntries(Object.entries(this.session.setup).map(([field, value]) => [`batch-${field}`, value]));
    syncControls(this, { ...this.form.draft, ...setup, 'expected-count': expected.count, 'expected-total': expected.total });
  }

  private noBatchYet(): void {
    this.session.noBatchYet(this.batchMode, this.attributeDefaults);
  }

  /** A new gift: a new transactionId and the batch's defaults, never the previous gift's values. */
  private newGift(): void {
    const defaults = this.batch.header ? draftDefaults(this.batch.header.defaults, formatDateText) : this.attributeDefaults;
    const prefill = this.prefillDonor ? this.page.selectedPartyId : undefined;
    try {
      this.form.start({ defaults, prefix: this.idPrefix }, prefill);
    } catch (error) {
      this.notice = { kind: 'AsiError', text: `prefix attribute: ${(error as Error).message}` };
      this.form.start({ defaults, prefix: '' }, prefill);
    }
    // Each gift starts with empty donor searches: a name typed for the last one must not prefix the next search.
    // A picker still waiting for its chunk is empty anyway.
    for (const picker of this.querySelectorAll<ContactPicker>('gift-contact-picker')) picker.reset?.();
    if (prefill && this.page.verificationToken) void this.lookUpPrefilled(prefill, this.page.verificationToken);
  }

  /** Names the prefilled donor and fills the email iMIS knows, as a choice from the search would. */
  private async lookUpPrefilled(id: string, token: string): Promise<void> {
    const { searchContacts } = await import('./imis-search.ts');
    const found = await searchContacts(id, 0, token, new AbortController().signal).catch(() => undefined);
    const contact = found?.kind === 'found' ? found.contacts.find((c) => c.Id === id) : undefined;
    // Only while the gift is still as it started: never over what staff typed meanwhile.
    if (contact && this.form.draft.imisId === id && !this.form.isDirty()) this.form.prefill(toContact(contact));
  }

  private async afterReload(): Promise<void> {
    const restored = 'Restored the gift you were typing before the page reloaded. Check it, then record it.';
    const result = await this.flow.afterReload();
    if (result === 'typed') this.say({ kind: 'AsiWarning', text: restored });
    else if (result === 'unsure')
      this.say({ kind: 'AsiWarning', text: `${restored} Recording it again is safe: it keeps its transaction ID.` });
    else if ('refused' in result) this.say({ kind: 'AsiWarning', text: `${restored} The gift service refused it: ${result.refused}` });
    else {
      this.newGift();
      this.say({
        kind: 'AsiSuccess',
        text: `The gift of ${formatUsd(result.arrived.amount)} from ${result.arrived.donor} reached the proxy before the reload; its status is in the batch.`,
      });
    }
  }

  private async loadLookups(): Promise<void> {
    this.lookupsError = undefined;
    const answer = await this.client.lookups();
    if (answer.ok) {
      this.lookups = answer.value;
      this.releaseWarning = answer.headers ? releaseNotice(answer.headers) : undefined;
      // The batch's pickers were disabled until now: autofocus lands once they can take it.
      if (this.hasAttribute('autofocus') && !this.contains(document.activeElement)) void this.updateComplete.then(() => this.focusStart());
      // The proxy's prefix applies to a gift not yet touched, unless the page set its own.
      const prefix = answer.value.transactionIdPrefix;
      if (
        this.transactionPrefix === undefined &&
        !this.form.isDirty() &&
        !this.form.state.sentAt &&
        prefix &&
        !this.form.transactionId.startsWith(prefix)
      ) {
        this.newGift();
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
    if (field === 'receivedDate') {
      const iso = parseDateText(this.form.draft.receivedDate);
      if (iso && formatDateText(iso) !== this.form.draft.receivedDate) this.form.set('receivedDate', formatDateText(iso));
    }
    this.form.leave(field);
  }

  private announce(text: string): void {
    // Clearing first makes a repeated message be spoken again.
    this.announcement = '';
    requestAnimationFrame(() => (this.announcement = text));
  }

  /** Shows a notice and speaks it once. */
  private say(notice: Notice): void {
    this.notice = notice;
    this.announce(notice.text);
  }

  private emit(name: GiftEventName, entry: Pick<BatchEntry, 'transactionId' | 'amount' | 'donor'>): void {
    const detail: GiftEventDetail = { transactionId: entry.transactionId, amount: entry.amount, donor: entry.donor };
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  private shortcut(event: KeyboardEvent): void {
    if (event.defaultPrevented) return;
    const jump = shortcutFor(event);
    if (jump) {
      event.preventDefault();
      this.jumpTo(jump);
      return;
    }
    if (event.key !== 'Enter') return;
    const target = event.target as HTMLElement;
    // Enter records from any field of the gift: a select has no implicit submission, and notes take Ctrl+Enter.
    const select = target.tagName === 'SELECT';
    const notes = target.tagName === 'TEXTAREA' && (event.ctrlKey || event.metaKey);
    if ((select || notes) && target.closest('form.gift-form')) {
      event.preventDefault();
      void this.submit();
    }
  }

  private jumpTo(where: NonNullable<ReturnType<typeof shortcutFor>>): void {
    const target: Record<typeof where, string> = {
      donor: `gift-contact-picker[data-field="imisId"] input, #${this.uid}-imisId-card button, #${this.uid}-imisId`,
      softCredit: `gift-contact-picker[data-field="softCreditId"] input, #${this.uid}-softCreditId-card button, #${this.uid}-softCreditId`,
      notes: `#${this.uid}-notes`,
      batch: `#${this.uid}-expected-count`,
    };
    const element = this.querySelector<HTMLElement>(target[where]);
    element?.scrollIntoView({ block: 'nearest' });
    element?.focus({ preventScroll: true });
  }

  private async submit(confirmed: readonly Question[] = []): Promise<void> {
    if (this.session.editing) {
      this.say({ kind: 'AsiWarning', text: 'Start the batch before recording gifts.' });
      this.focusAfterRender(`#${this.uid}-batch-distribution`);
      return;
    }
    const outcome = await this.flow.submit(confirmed);
    if (outcome) this.present(outcome);
  }

  /** What staff see and hear after Record, and where focus goes. */
  private present(outcome: Outcome): void {
    switch (outcome.kind) {
      case 'invalid':
        this.notice = undefined;
        this.focusAfterRender('.error-summary');
        return;
      case 'ask':
        this.say({ kind: 'AsiWarning', text: outcome.text, action: { id: outcome.question, label: outcome.label } });
        this.focusAfterRender('.notice');
        return;
      case 'closed':
        this.say({ kind: 'AsiWarning', text: 'This batch was posted: start a new batch (below) for more gifts.' });
        this.focusAfterRender('.notice');
        return;
      case 'failed':
        this.say({ kind: 'AsiError', text: outcome.message, action: { id: 'retry', label: 'Try again' } });
        return;
      case 'collided':
        void this.collided();
        return;
      case 'refused':
        if (outcome.entry) this.emit(GIFT_EVENTS.rejected, outcome.entry);
        if (!Object.keys(outcome.errors).length) this.notice = { kind: 'AsiError', text: outcome.message };
        this.announce(`Not recorded: ${outcome.message}`);
        this.focusAfterRender('.error-summary, .notice');
        return;
      case 'saved':
        return this.saved(outcome.entry, outcome.record);
      case 'waiting':
        return this.saved(outcome.entry, undefined);
    }
  }

  private saved(entry: BatchEntry, record: GiftRecord | undefined): void {
    const summary = `${formatUsd(entry.amount)} from ${entry.donor} to ${codeName(this.lookups, 'distribution', entry.distribution) || entry.campaignCode}`;
    const position = `gift ${this.batch.entries.filter((e) => !e.withdrawn).length} of this batch`;
    const text = entry.waiting
      ? `The gift proxy did not answer, so ${summary} (${position}) waits in this browser and goes by itself when the proxy is back. Go on with the next gift.`
      : !record
        ? `Kept ${summary} (${position}); it goes to iMIS when the batch is posted.`
        : record.status === 'accepted'
          ? `Recorded ${summary} (${position}). Transaction ID ${record.transactionId}.`
          : `Saved ${summary} (${position}); it is on its way to iMIS (status in the batch below).`;
    if (record) this.emit(record.status === 'accepted' ? GIFT_EVENTS.accepted : GIFT_EVENTS.queued, entry);
    const stashed = load<StashedGift>(this.storageKey('stash'));
    if (stashed) {
      this.form.adopt(stashed);
      forget(this.storageKey('stash'));
      this.say({ kind: 'AsiSuccess', text: `${text} Back to the gift you were typing.` });
    } else {
      this.newGift();
      this.say({ kind: 'AsiSuccess', text });
    }
    void this.updateComplete.then(() => void this.focusStart());
  }

  /**
   * The proxy already holds another gift under this ID (sent before a reload whose
   * answer never arrived, then edited). That gift is shown in the batch; this one
   * gets a new ID and waits for staff to check it is not the same gift.
   */
  private async collided(): Promise<void> {
    const state = this.form.state;
    const submission = this.form.submission();
    const answer = await this.client.status(state.transactionId);
    if (answer.ok && submission) this.batch.upsert(entryFor(state, submission, answer.value));
    const draft = { ...state.draft };
    this.newGift();
    for (const [field, value] of Object.entries(draft)) this.form.set(field as DraftField, value);
    this.say({
      kind: 'AsiWarning',
      text: 'The proxy already had a gift under this transaction ID from before the reload (see the batch). This form now has a new ID: record it only if it is another gift.',
    });
    this.focusAfterRender('.notice');
  }

  /** A followed gift changed: say what needs a person, and never disturb the gift being typed. */
  private settled(entry: BatchEntry): void {
    const what = `${formatUsd(entry.amount)} from ${entry.donor}`;
    if (entry.status === 'accepted') {
      // Not spoken: the gift was announced when saved, and the table shows it recorded.
      this.emit(GIFT_EVENTS.accepted, entry);
    } else if (entry.status === 'rejected') {
      this.emit(GIFT_EVENTS.rejected, entry);
      const text = `Needs correcting: ${what}. ${entry.message ?? ''}`;
      // A question waiting for an answer (large amount, possible duplicate) keeps its place; the refusal stays listed in the batch.
      const asking = this.notice?.action && this.notice.action.id !== 'correct' && this.notice.action.id !== 'retry';
      if (asking) this.announce(`${text} It is listed under Needs correcting.`);
      else this.say({ kind: 'AsiError', text, action: { id: 'correct', label: 'Correct it now', entry: entry.transactionId } });
    } else if (entry.status === 'stuck' || entry.status === 'held') {
      this.announce(`Not yet in iMIS: ${what}. ${entry.message ?? ''}`);
    }
  }

  /**
   * Opens a gift of the batch in the form (to correct a refusal, or to edit a kept
   * gift). A gift being typed is set aside and comes back once this one is saved.
   */
  private reopen(entry: BatchEntry): void {
    if (this.form.isDirty() && this.form.transactionId !== entry.transactionId) {
      save(this.storageKey('stash'), this.form.state);
    }
    const { errors, message } = entry.status === 'rejected' ? verdictErrors(entry) : { errors: {}, message: '' };
    this.form.reopen(entry.sent, errors);
    const stashed = load<StashedGift>(this.storageKey('stash'));
    const why =
      entry.status === 'rejected'
        ? `Correcting ${formatUsd(entry.amount)} from ${entry.donor}: ${message}`
        : `Editing ${formatUsd(entry.amount)} from ${entry.donor}.`;
    this.say({
      kind: entry.status === 'rejected' ? 'AsiError' : 'AsiWarning',
      text: stashed ? `${why} The gift you were typing is kept and comes back after this one.` : why,
      ...(stashed ? { action: { id: 'back' as const, label: 'Back to the gift I was typing' } } : {}),
    });
    this.focusAfterRender('.error-summary, .notice');
  }

  /** Leaves a correction or an edit unsaved and brings back the gift set aside. */
  private back(): void {
    const stashed = load<StashedGift>(this.storageKey('stash'));
    forget(this.storageKey('stash'));
    if (stashed) this.form.adopt(stashed);
    else this.newGift();
    this.notice = undefined;
    void this.updateComplete.then(() => void this.focusStart());
  }

  private async retry(entry: BatchEntry): Promise<void> {
    const answer = await this.client.retry(entry.transactionId);
    if (answer.ok) this.batch.upsert({ ...entry, status: answer.value.status, message: answer.value.message });
    else this.say({ kind: 'AsiError', text: answer.error.message });
  }

  private async withdraw(entry: BatchEntry): Promise<void> {
    if (entry.waiting && (await this.outbox?.withdraw(entry.transactionId)) === 'gone') {
      return this.say({
        kind: 'AsiWarning',
        text: `${formatUsd(entry.amount)} from ${entry.donor} had already reached the gift proxy; its status is in the batch.`,
      });
    }
    this.batch.withdraw(entry.transactionId);
    this.say({
      kind: 'AsiWarning',
      text: `Withdrawn: ${formatUsd(entry.amount)} from ${entry.donor} will not be sent and no longer counts.`,
    });
  }

  private async removeRow(entry: BatchEntry): Promise<void> {
    const id = this.batch.header?.id;
    if (!id) return;
    const answer = await this.client.removeBatchGift(id, entry.transactionId);
    if (!answer.ok) return this.say({ kind: 'AsiError', text: answer.error.message });
    this.batch.remove(entry.transactionId);
    if (this.form.transactionId === entry.transactionId) this.newGift();
    this.say({ kind: 'AsiSuccess', text: `Removed ${formatUsd(entry.amount)} from ${entry.donor} from the batch.` });
  }

  private act(action: NoticeAction): void {
    if (action.id === 'correct') {
      const entry = action.entry ? this.batch.find(action.entry) : undefined;
      if (entry) this.reopen(entry);
      return;
    }
    if (action.id === 'back') return this.back();
    void this.submit(action.id === 'retry' ? [] : [action.id, ...(action.id === 'record-anyway' ? ['confirm-amount' as const] : [])]);
  }

  // ——— the batch header and posting (state and rules in BatchSession) ———

  private changeBatch(): void {
    this.session.edit(this.attributeDefaults);
    this.focusAfterRender(`#${this.uid}-batch-distribution`);
  }

  private cancelBatchChange(): void {
    this.session.cancel();
    this.focusAfterRender(`#${this.uid}-batch-change`);
  }

  private async saveBatch(): Promise<void> {
    const saved = await this.session.save(this.batchMode);
    if (!saved) return;
    // The gift being typed keeps what staff changed; a fresh one takes the new defaults.
    if (!this.form.isDirty()) this.newGift();
    // The batch's line says it on screen; a notice would say it twice and push the form down.
    this.notice = undefined;
    this.announce(`${saved.starting ? 'Batch started' : 'Batch defaults changed'}: ${describeBatch(saved.header, this.lookups)}.`);
    void this.updateComplete.then(() => void this.focusStart());
  }

  private async reopenBatch(id: string): Promise<void> {
    const answer = await this.session.forms?.reopen(this.session, id);
    if (!answer?.ok) return;
    this.newGift();
    this.say({
      kind: 'AsiSuccess',
      text: `Continuing the batch: ${describeBatch(this.batch.header!, this.lookups)}; ${answer.value.gifts.length} gifts so far.`,
    });
    void this.updateComplete.then(() => void this.focusStart());
  }

  private async post(reason?: string): Promise<void> {
    const outcome = await this.session.forms?.post(this.session, reason);
    if (outcome?.kind === 'ask') this.focusAfterRender('.post-anyway');
    else if (outcome?.kind === 'refused' && this.session.posting?.error) this.focusAfterRender(`#${this.uid}-post-reason`);
    else if (outcome?.kind === 'posted') {
      const count = outcome.batch.gifts.length;
      this.say({
        kind: 'AsiSuccess',
        text: `Posted: ${count} gift${count === 1 ? ' is' : 's are'} on ${count === 1 ? 'its' : 'their'} way to iMIS. Their status is in the batch below.`,
      });
    }
  }

  private newBatch(): void {
    forget(this.storageKey('stash'));
    this.noBatchYet();
    this.newGift();
    this.notice = undefined;
    this.focusAfterRender(`#${this.uid}-batch-distribution`);
  }

  private focusAfterRender(selector: string): void {
    void this.updateComplete.then(() => {
      const element = this.querySelector<HTMLElement>(selector);
      // GOV.UK's way: bring it into view, then focus without a second jump.
      element?.scrollIntoView({ block: 'nearest' });
      element?.focus({ preventScroll: true });
    });
  }

  /** Where each gift starts: the donor search inside iMIS, else the first field. */
  private async focusStart(): Promise<void> {
    if (this.session.editing) return void this.querySelector<HTMLElement>(`#${this.uid}-batch-distribution`)?.focus();
    // Inside iMIS the donor search comes in its own chunk: wait for it, so focus lands in the search.
    if (this.querySelector('gift-contact-picker')) await customElements.whenDefined('gift-contact-picker');
    await this.querySelector<ContactPicker>('gift-contact-picker')?.updateComplete;
    this.querySelector<HTMLElement>('form.gift-form input, form.gift-form select')?.focus();
  }

  private clear(): void {
    forget(this.storageKey('stash'));
    this.newGift();
    this.notice = undefined;
    void this.updateComplete.then(() => void this.focusStart());
  }

  /** The control an error summary link jumps to: the field, the picker or the chosen contact's card. */
  private targetFor(field: DraftField): string {
    const picker = this.querySelector<HTMLElement & { inputId: string }>(`gift-contact-picker[data-field="${field}"]`);
    return picker?.inputId ?? `${this.uid}-${field}`;
  }

  private contactPicker(field: 'imisId' | 'softCreditId', errors: Partial<Record<string, string>>): TemplateResult {
    return html`<gift-contact-picker
      data-field=${field}
      label=${field === 'imisId' ? 'Find the donor in iMIS' : 'Find the soft-credit contact in iMIS'}
      chosen-label=${field === 'imisId' ? 'Donor chosen' : 'Soft credit chosen'}
      .token=${this.page.verificationToken ?? ''}
      .error=${errors[field] ?? ''}
      @contact-chosen=${(e: ContactChosenEvent) => {
        this.chosen(field, toContact(e.detail));
        // Focus moves on to the amount: say who was chosen, so two Sam Smiths are told apart by ear too.
        this.announce(e.announcement);
      }}
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

  private noticeBox(): TemplateResult | typeof nothing {
    const notice = this.notice;
    if (!notice) return nothing;
    return html`<div class="${notice.kind} notice" tabindex="-1">
      <p>${notice.text}</p>
      ${
        notice.action
          ? html`<button type="button" class="TextButton PrimaryButton" data-action=${notice.action.id} @click=${() => this.act(notice.action!)}>
              ${notice.action.label}
            </button>`
          : nothing
      }
    </div>`;
  }

  override render(): TemplateResult {
    if (this.session.editing || !this.batch.header || this.batch.header.mode === 'review') this.session.needForms();
    const errors = this.form.visibleErrors();
    const problems = problemLinks(this.uid, errors, (field) => this.targetFor(field));
    const state = this.form.state;
    const header = this.batch.header;
    const sending = this.flow.sending;
    return html`
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      ${batchHeader({
        uid: this.uid,
        header,
        editing: this.session.editing || !header,
        setup: this.session.setup,
        error: this.session.error,
        lookups: this.lookups,
        review: this.batchMode === 'review',
        openBatches: this.session.openBatches,
        busy: this.session.busy,
        onSetup: (field: SetupField, value: string) => this.session.input(field, value),
        onSave: () => void this.saveBatch(),
        onCancel: () => this.cancelBatchChange(),
        onChange: () => this.changeBatch(),
        onReopen: (id) => void this.reopenBatch(id),
        forms: this.session.forms,
      })}
      ${state.submitted && problems.length ? errorSummary(`${this.uid}-summary`, problems, (t) => document.getElementById(t)?.focus()) : nothing}
      ${this.releaseWarning ? html`<p class="AsiWarning release-notice" role="status">${this.releaseWarning}</p>` : nothing}
      ${this.noticeBox()}
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
      <form class="gift-form" novalidate @submit=${(e: Event) => (e.preventDefault(), void this.submit())} aria-busy=${sending ? 'true' : 'false'}>
        ${giftForm({
          uid: this.uid,
          draft: state.draft,
          errors,
          differs: header ? draftDifferences(state.draft, header.defaults) : [],
          lookups: this.lookups,
          donor: state.donor,
          softCredit: state.softCredit,
          onInput: (field, value) => this.input(field, value),
          onLeave: (field) => this.leave(field),
          picker: this.page.verificationToken ? (field) => this.contactPicker(field, errors) : undefined,
          onChange: (field) => this.chosen(field, undefined),
        })}
        <div class="CommandBar">
          <button id="${this.uid}-submit" type="submit" class="TextButton PrimaryButton" aria-disabled=${sending ? 'true' : 'false'}>
            ${sending ? 'Saving…' : this.batch.reviewing ? 'Add gift to batch' : 'Record gift'}
          </button>
          <button type="button" class="TextButton" @click=${() => this.clear()}>Clear form</button>
          ${sending ? html`<progress aria-label="Saving the gift"></progress>` : nothing}
        </div>
        ${shortcutHelp()}
      </form>
      ${
        header && this.panel
          ? this.panel.batchPanel({
              uid: this.uid,
              header,
              entries: this.batch.entries,
              name: (field, code) => codeName(this.lookups, field, code),
              posting: this.session.posting,
              busy: this.session.busy,
              onExpected: (which, value) => this.batch.setExpected(which, value),
              onCorrect: (entry) => this.reopen(entry),
              onWithdraw: (entry) => void this.withdraw(entry),
              onEdit: (entry) => this.reopen(entry),
              onRemove: (entry) => void this.removeRow(entry),
              onRetry: (entry) => void this.retry(entry),
              onPost: () => void this.post(),
              onReason: (reason) => {
                this.session.posting = { reason, error: undefined };
                this.requestUpdate();
              },
              onPostAnyway: () => void this.post(this.session.posting?.reason ?? ''),
              onNewBatch: () => this.newBatch(),
              forms: this.session.forms,
            })
          : nothing
      }
    `;
  }
}

if (!customElements.get('gift-entry')) customElements.define('gift-entry', GiftEntry);

declare global {
  interface HTMLElementTagNameMap {
    'gift-entry': GiftEntry;
  }
}
