/**
 * The gift being typed: its values, what a fresh gift looks like (the baseline: the
 * batch's defaults, never the previous gift), its transactionId and the moment it was
 * first sent, the donor chosen from iMIS, and the interaction state in lion's terms:
 * dirty (changed), touched (focused and left) and submitted. It is the one source of
 * truth the form renders from, and it survives a reload through sessionStorage.
 *
 * Server verdicts are kept apart from the client's own checks: a rejection stays on
 * its field until staff edit that field, whatever else they focus or leave.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { GiftSubmission } from '../contract/gift-schema.ts';
import type { GiftField } from '../contract/gift-fields.ts';
import { newTransactionId } from '../contract/transaction-id.ts';
import { BATCH_DEFAULT_FIELDS } from '../contract/batch-model.ts';
import { DRAFT_FIELDS, TYPED_DONOR_FIELDS, type DraftField } from './form-layout.ts';
import { emptyDraft, validate, type Draft, type FieldErrors } from './gift-draft.ts';
import { forget, load, save } from './saved-state.ts';

/** A contact chosen from iMIS, as the form shows it (and names it in the journal). */
export interface ChosenContact {
  id: string;
  name: string;
  email: string;
  city: string;
}

export interface DraftState {
  draft: Draft;
  baseline: Draft;
  transactionId: string;
  /** ISO time of the first send: fixes the received date's time for every resend. */
  sentAt: string | undefined;
  donor: ChosenContact | undefined;
  softCredit: ChosenContact | undefined;
  serverErrors: FieldErrors;
  submitted: boolean;
}

export interface FreshGift {
  /** The batch's defaults, as the form shows them. */
  defaults: Partial<Draft>;
  prefix: string;
}

/** What "Correct it now" keeps of the gift being typed, to bring it back afterwards. */
export type StashedGift = DraftState;

export class DraftController implements ReactiveController {
  state: DraftState;
  private readonly dirty = new Set<DraftField>();
  private readonly touched = new Set<DraftField>();
  /** Client errors already on screen: while typing, a message may go away but never appears. */
  private shown: FieldErrors = {};

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly storageKey: () => string,
  ) {
    host.addController(this);
    this.state = fresh(emptyDraft(), '');
  }

  hostConnected(): void {}

  get draft(): Draft {
    return this.state.draft;
  }

  get transactionId(): string {
    return this.state.transactionId;
  }

  /** Staff changed something since this gift started. */
  isDirty(): boolean {
    return DRAFT_FIELDS.some((field) => this.state.draft[field].trim() !== this.state.baseline[field].trim());
  }

  /** A new gift: a new transactionId, every field empty but the batch's defaults; nothing of the previous gift. */
  start({ defaults, prefix }: FreshGift, prefillDonor?: string): void {
    const draft = emptyDraft();
    for (const field of BATCH_DEFAULT_FIELDS) if (defaults[field]) draft[field] = defaults[field];
    if (prefillDonor) draft.imisId = prefillDonor;
    this.state = fresh(draft, newTransactionId(prefix));
    this.dirty.clear();
    this.touched.clear();
    this.shown = {};
    forget(this.storageKey());
    this.host.requestUpdate();
  }

  /** Brings back a gift typed before a reload; undefined when there is none worth restoring. */
  restore(): DraftState | undefined {
    const saved = load<DraftState>(this.storageKey());
    if (!saved?.draft || !saved.transactionId) return undefined;
    const draft = { ...emptyDraft(), ...saved.draft };
    const worthIt = DRAFT_FIELDS.some((field) => !(BATCH_DEFAULT_FIELDS as readonly string[]).includes(field) && draft[field].trim());
    if (!worthIt) return undefined;
    this.adopt({
      ...fresh(draft, saved.transactionId),
      ...saved,
      draft,
      baseline: { ...emptyDraft(), ...saved.baseline },
    });
    return this.state;
  }

  /** Takes back a gift set aside (a restored draft, or the one typed before "Correct it now"). */
  adopt(state: DraftState): void {
    this.state = { ...state, draft: { ...emptyDraft(), ...state.draft }, baseline: { ...emptyDraft(), ...state.baseline } };
    this.dirty.clear();
    this.touched.clear();
    this.shown = {};
    for (const field of DRAFT_FIELDS) if (this.state.draft[field] !== this.state.baseline[field]) this.dirty.add(field);
    this.persist();
  }

  /** Reopens a gift from the batch to correct it, with the verdict that sent it back. */
  reopen(state: Pick<DraftState, 'draft' | 'transactionId' | 'sentAt' | 'donor' | 'softCredit'>, serverErrors: FieldErrors): void {
    // Stored drafts may come from an older release: every field present, whatever it kept.
    const draft = { ...emptyDraft(), ...state.draft };
    this.state = { ...fresh(draft, state.transactionId), ...state, draft, serverErrors, submitted: true };
    this.dirty.clear();
    this.touched.clear();
    this.shown = {};
    this.persist();
  }

  /** Staff typed or chose a value. Editing a field ends the server's verdict on it. */
  set(field: DraftField, value: string, related: Partial<Draft> = {}): void {
    if (this.state.draft[field] === value && Object.keys(related).length === 0) return;
    const draft = { ...this.state.draft, ...related, [field]: value };
    const serverErrors = { ...this.state.serverErrors };
    const changed = [field, ...(Object.keys(related) as DraftField[])];
    for (const each of changed) {
      delete serverErrors[each];
      this.dirty.add(each);
    }
    this.state = { ...this.state, draft, serverErrors };
    this.persist();
  }

  /** A contact chosen from iMIS replaces any donor typed by hand: nothing unseen travels with the gift. */
  chooseDonor(contact: ChosenContact | undefined): void {
    const cleared = Object.fromEntries(TYPED_DONOR_FIELDS.map((field) => [field, ''])) as Partial<Draft>;
    if (contact) cleared.emailAddress = contact.email;
    else cleared.emailAddress = '';
    this.set('imisId', contact?.id ?? '', cleared);
    this.state = { ...this.state, donor: contact };
    this.persist();
  }

  /** The contact the page is about, found after the gift started: part of the fresh gift, not an edit. */
  prefill(contact: ChosenContact): void {
    const draft = { ...this.state.draft, imisId: contact.id, emailAddress: contact.email };
    this.state = { ...this.state, draft, baseline: { ...draft }, donor: contact };
    this.host.requestUpdate();
  }

  chooseSoftCredit(contact: ChosenContact | undefined): void {
    this.set('softCreditId', contact?.id ?? '');
    this.state = { ...this.state, softCredit: contact };
    this.persist();
  }

  leave(field: DraftField): void {
    this.touched.add(field);
    this.host.requestUpdate();
  }

  /** Fixes the moment of the first send and marks the gift submitted; saved before the request leaves. */
  markSubmitted(): void {
    this.state = { ...this.state, submitted: true, sentAt: this.state.sentAt ?? new Date().toISOString() };
    this.persist();
  }

  setServerErrors(errors: FieldErrors): void {
    this.state = { ...this.state, serverErrors: errors, submitted: true };
    this.persist();
  }

  validate(): ReturnType<typeof validate> {
    return validate(this.state.draft, this.state.transactionId, new Date(this.state.sentAt ?? Date.now()));
  }

  /**
   * What the form shows: the client's message for a field once it was submitted, or
   * changed and left, or already showing; the server's verdict wherever it stands.
   */
  visibleErrors(): FieldErrors {
    const { errors } = this.validate();
    const visible: FieldErrors = {};
    for (const [field, message] of Object.entries(errors) as Array<[GiftField, string]>) {
      const own = field as DraftField;
      const earned = this.dirty.has(own) && this.touched.has(own);
      if (this.state.submitted || earned || this.shown[field]) visible[field] = message;
    }
    this.shown = visible;
    return { ...visible, ...this.state.serverErrors };
  }

  persist(): void {
    save(this.storageKey(), this.state);
    this.host.requestUpdate();
  }

  /** The submission as it will be sent, for the duplicate check and the confirmation. */
  submission(): GiftSubmission | undefined {
    return this.validate().submission;
  }
}

function fresh(draft: Draft, transactionId: string): DraftState {
  return {
    draft,
    baseline: { ...draft },
    transactionId,
    sentAt: undefined,
    donor: undefined,
    softCredit: undefined,
    serverErrors: {},
    submitted: false,
  };
}
