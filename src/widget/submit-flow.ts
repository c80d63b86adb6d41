/**
 * The path of one gift from the Record button to the batch: validate with the
 * contract, ask before a large amount or a likely duplicate, then hand the gift to
 * the proxy — to the queue (immediate mode, or a correction after posting) or into
 * the open batch kept at the proxy (review mode). Each attempt ends in one Outcome
 * the element turns into a notice, an announcement and a focus move; this file
 * never touches the DOM.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { GiftSubmission } from '../contract/gift-schema.ts';
import { donorDisplayName, donorWithName, formatUsd } from '../contract/gift-summary.ts';
import type { GiftRecord } from '../contract/proxy-api.ts';
import type { BatchController } from './batch-controller.ts';
import type { BatchEntry } from './batch.ts';
import type { DraftController, DraftState } from './draft-controller.ts';
import { findLikelyDuplicate } from './duplicate-check.ts';
import { DRAFT_FIELDS, type DraftField } from './form-layout.ts';
import { todayIso, type FieldErrors } from './gift-draft.ts';
import type { BrowserOutbox } from './gift-outbox.ts';
import type { Answer, ProxyClient } from './proxy-client.ts';

export type Question = 'confirm-amount' | 'record-anyway';

export type Outcome =
  /** The form has problems; the error summary shows them. */
  | { kind: 'invalid' }
  /** Staff must confirm before it goes. */
  | { kind: 'ask'; question: Question; text: string; label: string }
  /** Stored at the proxy: on its way to iMIS, already decided, or kept in the open batch. */
  | { kind: 'saved'; entry: BatchEntry; record: GiftRecord | undefined }
  /** The proxy or the upstream refused it at once; the verdict stands on its field or in `message`. */
  | { kind: 'refused'; entry: BatchEntry | undefined; errors: FieldErrors; message: string }
  /** The proxy could not be reached: the gift waits in this browser and goes by itself; the form is free for the next. */
  | { kind: 'waiting'; entry: BatchEntry }
  /** Not stored (unreachable proxy, storage trouble): nothing typed is lost, Try again is safe. */
  | { kind: 'failed'; message: string }
  /** The proxy already holds another gift under this ID (sent before a reload): this one needs a new ID. */
  | { kind: 'collided' }
  /** Review mode after posting: the batch takes no new gifts. */
  | { kind: 'closed' };

export interface SubmitContext {
  form: DraftController;
  batch: BatchController;
  client: () => ProxyClient;
  enteredBy: () => string | undefined;
  confirmAbove: () => number;
  /** The browser's outbox, once its chunk has loaded. */
  outbox: () => BrowserOutbox | undefined;
}

/** The verdict of a refused gift on its field, or as a sentence when it names no field of the form. */
export function verdictErrors(record: Pick<GiftRecord, 'field' | 'message'>): { errors: FieldErrors; message: string } {
  const message = record.message ?? 'The gift service refused this gift.';
  const field = record.field && DRAFT_FIELDS.includes(record.field as DraftField) ? record.field : undefined;
  return { errors: field ? { [field]: message } : {}, message };
}

/** The batch row for a gift, from what was typed and what the proxy answered. */
export function entryFor(state: DraftState, submission: GiftSubmission, record: GiftRecord | undefined): BatchEntry {
  const { draft, transactionId, sentAt, donor, softCredit } = state;
  const named = donor?.name && submission.imisId ? donorWithName(donor.name, submission.imisId) : donorDisplayName(submission);
  return {
    transactionId,
    amount: submission.amount,
    donor: record?.donor ?? named,
    distribution: submission.distribution ?? '',
    campaignCode: submission.campaignCode ?? '',
    appealCode: submission.appealCode ?? '',
    receivedDate: (submission.receivedDate ?? '').slice(0, 10),
    status: record?.status,
    message: record?.message,
    field: record?.field,
    at: record?.createdAt ?? new Date().toISOString(),
    sent: { draft, transactionId, sentAt, donor, softCredit },
  };
}

export class SubmitFlow implements ReactiveController {
  /** A gift is on its way to the proxy: the button refuses a second press. */
  sending = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly ctx: SubmitContext,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  private busy(sending: boolean): void {
    this.sending = sending;
    this.host.requestUpdate();
  }

  async submit(confirmed: readonly Question[] = []): Promise<Outcome | undefined> {
    if (this.sending) return undefined;
    const { form, batch } = this.ctx;
    form.markSubmitted();
    const { submission } = form.validate();
    if (!submission) return { kind: 'invalid' };
    const known = batch.find(submission.transactionId);
    if (batch.mode === 'review' && batch.header?.posted && !known) return { kind: 'closed' };
    if (submission.amount >= this.ctx.confirmAbove() && !confirmed.includes('confirm-amount')) {
      const amount = formatUsd(submission.amount);
      return {
        kind: 'ask',
        question: 'confirm-amount',
        text: `${amount} is a large gift. Check the amount against the check, then confirm it.`,
        label: `Yes, record ${amount}`,
      };
    }
    // Busy from the first keypress: the duplicate check must not let a second one through.
    this.busy(true);
    try {
      if (!known && !confirmed.includes('record-anyway')) {
        const duplicate = await this.duplicateOf(submission);
        if (duplicate) return duplicate;
      }
      return batch.reviewing ? await this.keep(submission) : await this.send(submission);
    } finally {
      this.busy(false);
    }
  }

  /** Asks before recording what looks like a gift already in the journal or the open batch; never blocks. */
  private async duplicateOf(submission: GiftSubmission): Promise<Outcome | undefined> {
    // Gifts for that received date entered up to two days earlier (a weekend's mail).
    const since = new Date(`${submission.receivedDate?.slice(0, 10) ?? todayIso()}T00:00:00`);
    since.setDate(since.getDate() - 2);
    const journal = await this.ctx.client().journal(since);
    const kept: GiftRecord[] = this.ctx.batch.entries
      .filter((entry) => entry.status === undefined)
      .map((entry) => ({
        transactionId: entry.transactionId,
        status: 'queued',
        amount: entry.amount,
        donor: entry.donor,
        distribution: entry.distribution,
        attempts: 0,
        createdAt: entry.at,
        updatedAt: entry.at,
        gift: { imisId: entry.sent.draft.imisId, receivedDate: entry.receivedDate },
      }));
    const earlier = findLikelyDuplicate(submission, [...kept, ...(journal.ok ? journal.value.gifts : [])]);
    if (!earlier) return undefined;
    const at = new Date(earlier.createdAt).toLocaleString([], { dateStyle: 'short', timeStyle: 'short' });
    const where = kept.includes(earlier) ? 'is already in this batch' : `was already entered at ${at} (${earlier.status})`;
    return {
      kind: 'ask',
      question: 'record-anyway',
      text: `Possible duplicate: ${formatUsd(earlier.amount)} from ${earlier.donor} for the same date ${where} (transaction ID ${earlier.transactionId}). Record this one as well?`,
      label: 'Record anyway',
    };
  }

  private metadata(state: DraftState) {
    return { enteredBy: this.ctx.enteredBy(), donorName: state.donor?.name || undefined };
  }

  /** Review mode: the gift is kept in the open batch at the proxy, not sent. */
  private async keep(submission: GiftSubmission): Promise<Outcome> {
    const { form, batch } = this.ctx;
    const state = form.state;
    const batchId = batch.header!.id!;
    const answer = await this.ctx.client().saveBatchGift(batchId, submission, this.metadata(state));
    if (!answer.ok) return this.failure(answer, state, submission, batchId);
    const entry = entryFor(state, submission, undefined);
    batch.upsert(entry);
    return { kind: 'saved', entry, record: undefined };
  }

  /** Immediate mode (and corrections after posting): to the queue, answered as soon as it is on disk. */
  private async send(submission: GiftSubmission): Promise<Outcome> {
    const { form, batch } = this.ctx;
    const state = form.state;
    const answer = await this.ctx.client().submit(submission, this.metadata(state));
    if (!answer.ok) return this.failure(answer, state, submission);
    const record = answer.value;
    const entry = entryFor(state, submission, record);
    batch.upsert(entry);
    if (record.status === 'rejected') {
      const verdict = verdictErrors(record);
      form.setServerErrors(verdict.errors);
      return { kind: 'refused', entry, ...verdict };
    }
    return { kind: 'saved', entry, record };
  }

  private async failure(
    { error, network }: Extract<Answer<unknown>, { ok: false }>,
    state: DraftState,
    submission: GiftSubmission,
    batchId?: string,
  ): Promise<Outcome> {
    const outbox = this.ctx.outbox();
    if (network && outbox) {
      const entry = { ...entryFor(state, submission, undefined), waiting: true };
      if (await outbox.park({ batchId, submission, metadata: this.metadata(state), entry })) {
        this.ctx.batch.upsert(entry);
        return { kind: 'waiting', entry };
      }
    }
    const problems = error.problems ?? (error.field ? [{ field: error.field, message: error.message }] : []);
    if (!network && error.field === 'transactionId' && /different gift/.test(error.message)) return { kind: 'collided' };
    if (!network && problems.some((p) => p.field && DRAFT_FIELDS.includes(p.field as DraftField))) {
      const errors = Object.fromEntries(problems.filter((p) => p.field).map((p) => [p.field, p.message])) as FieldErrors;
      this.ctx.form.setServerErrors(errors);
      return { kind: 'refused', entry: undefined, errors, message: error.message };
    }
    return { kind: 'failed', message: error.message };
  }

  /**
   * After a reload: a gift that was on its way may already be at the proxy. Ask, and
   * show it where it belongs, so a restored draft never collides with its own ID.
   */
  async afterReload(): Promise<'typed' | 'unsure' | { refused: string } | { arrived: BatchEntry }> {
    const { form, batch } = this.ctx;
    const state = form.state;
    if (!state.sentAt) return 'typed';
    if (batch.find(state.transactionId)?.status === undefined && batch.reviewing) return 'typed';
    const answer = await this.ctx.client().status(state.transactionId);
    if (!answer.ok) return answer.network || answer.error.field !== 'transactionId' ? 'unsure' : 'typed';
    const record = answer.value;
    if (record.status === 'rejected') {
      const verdict = verdictErrors(record);
      form.setServerErrors(verdict.errors);
      return { refused: verdict.message };
    }
    const submission = form.submission();
    const entry = submission ? entryFor(state, submission, record) : undefined;
    if (!entry) return 'typed';
    batch.upsert(entry);
    return { arrived: entry };
  }
}
