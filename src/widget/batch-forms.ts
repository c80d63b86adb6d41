/**
 * The batch's forms, a chunk of the widget loaded when one is first needed: the form that
 * starts a batch or changes its defaults (with the batches kept open at the proxy), and
 * review mode's post step (post, or post anyway with a reason) and its rows as the proxy
 * keeps them. A placement in immediate
 * mode that never changes its batch never loads them.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { FIELD_LABEL } from '../contract/gift-fields.ts';
import type { BatchHeaderView, SetupField } from './batch-header.ts';
import type { BatchPanelView } from './batch-panel.ts';
import type { Batch, BatchGift } from '../contract/batch-api.ts';
import { formatDateText } from '../contract/date-text.ts';
import { donorDisplayName, donorWithName, formatUsd } from '../contract/gift-summary.ts';
import { batchReconciliation, countedRows, waitingRows, type BatchEntry } from './batch.ts';
import type { BatchSession } from './batch-session.ts';
import type { Answer } from './proxy-client.ts';
import { emptyDraft, type Draft } from './gift-draft.ts';
import { panelField } from './field-markup.ts';

const plural = (n: number) => `${n} gift${n === 1 ? '' : 's'}`;

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

export function setupForm(view: BatchHeaderView): TemplateResult {
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

export function postStep(view: BatchPanelView): TemplateResult | typeof nothing {
  const { header } = view;
  const counted = countedRows(view.entries);
  if (header.posted) {
    const done = counted.length > 0 && counted.every((entry) => entry.status === 'accepted');
    return html`<div class="CommandBar batch-post">
      <p>${done ? 'Every gift of this batch is recorded in iMIS.' : 'Posted: the gifts are on their way to iMIS.'}</p>
      <button type="button" class="TextButton" @click=${view.onNewBatch}>Start a new batch</button>
    </div>`;
  }
  const waiting = waitingRows(view.entries).length;
  return html`<div class="batch-post">
    ${
      waiting
        ? html`<p class="AsiWarning">
            ${plural(waiting)} still ${waiting === 1 ? 'waits' : 'wait'} in this browser for the gift proxy: post the batch once
            ${waiting === 1 ? 'it has' : 'they have'} reached it (${waiting === 1 ? 'it goes' : 'they go'} by
            ${waiting === 1 ? 'itself' : 'themselves'}).
          </p>`
        : nothing
    }
    <div class="CommandBar">
      <button
        type="button"
        class="TextButton PrimaryButton"
        id="${view.uid}-post"
        aria-disabled=${view.busy || counted.length === 0 || waiting ? 'true' : 'false'}
        @click=${view.onPost}
      >
        Post batch to iMIS (${plural(counted.length)})
      </button>
    </div>
    ${
      view.posting
        ? html`<div class="AsiWarning post-anyway" tabindex="-1">
            <p>
              This batch does not match the stack in hand. Enter the missing gifts, correct the expected figures, or post it anyway
              and say why (the reason is kept in the journal).
            </p>
            <div class="PanelField">
              <label for="${view.uid}-post-reason" class="Required">Why post anyway</label>
              <div class="PanelFieldValue">
                ${view.posting.error ? html`<div id="${view.uid}-post-reason-error" class="Important">${view.posting.error}</div>` : nothing}
                <textarea
                  id="${view.uid}-post-reason"
                  name="post-reason"
                  class="InputLarge"
                  rows="2"
                  maxlength="255"
                  aria-describedby=${view.posting.error ? `${view.uid}-post-reason-error` : nothing}
                  @input=${(e: Event) => view.onReason((e.target as HTMLTextAreaElement).value)}
                ></textarea>
              </div>
            </div>
            <button type="button" class="TextButton" @click=${view.onPostAnyway}>Post anyway</button>
          </div>`
        : nothing
    }
  </div>`;
}

/** A row of a batch kept at the proxy, as this widget shows it. */
function entryFromBatchGift(row: BatchGift): BatchEntry {
  const { gift } = row;
  const draft: Draft = { ...emptyDraft() };
  for (const [field, value] of Object.entries(gift)) if (field in draft) draft[field as keyof Draft] = String(value);
  draft.amount = formatUsd(gift.amount).slice(1);
  draft.receivedDate = formatDateText(gift.receivedDate ?? '');
  const donor = row.record?.donor ?? (row.donorName && gift.imisId ? donorWithName(row.donorName, gift.imisId) : donorDisplayName(gift));
  return {
    transactionId: gift.transactionId,
    amount: gift.amount,
    donor,
    distribution: gift.distribution ?? '',
    campaignCode: gift.campaignCode ?? '',
    appealCode: gift.appealCode ?? '',
    receivedDate: (gift.receivedDate ?? '').slice(0, 10),
    status: row.record?.status,
    message: row.record?.message,
    field: row.record?.field,
    at: row.addedAt,
    sent: {
      draft,
      transactionId: gift.transactionId,
      sentAt: gift.receivedDate ? new Date(gift.receivedDate).toISOString() : row.addedAt,
      donor: row.donorName && gift.imisId ? { id: gift.imisId, name: row.donorName, email: gift.emailAddress, city: '' } : undefined,
      softCredit: undefined,
    },
  };
}

/** Every row of a batch kept at the proxy, in the order entered. */
export function batchRows(batch: Batch): BatchEntry[] {
  return batch.gifts.map(entryFromBatchGift);
}

const REASON_MESSAGE = 'Say why the batch is posted although it does not match the stack.';

export type PostOutcome =
  /** The batch does not match: the post step asks why (focus there). */
  | { kind: 'ask' }
  /** The reason is missing, or the proxy refused: said in the post step. */
  | { kind: 'refused' }
  | { kind: 'posted'; batch: Batch };

/** Continues a batch kept open at the proxy. */
export async function reopen(session: BatchSession, id: string): Promise<Answer<Batch>> {
  const answer = await session.batch.reload(id);
  if (answer.ok) session.editing = false;
  else session.error = answer.error.message;
  session.changed();
  return answer;
}

/** Posts the batch when it matches the stack, or with a reason (journaled at the proxy). */
export async function post(session: BatchSession, reason?: string): Promise<PostOutcome | undefined> {
  const header = session.batch.header;
  if (!header?.id || session.busy) return undefined;
  // Posting now would leave them out: they would reach a batch already sent to iMIS (postStep says so).
  if (waitingRows(session.batch.entries).length) return { kind: 'refused' };
  const matches = batchReconciliation(session.batch.entries, header.expected).kind === 'match';
  if (!matches && reason === undefined) {
    session.posting = { reason: session.posting?.reason ?? '', error: undefined };
    session.changed();
    return { kind: 'ask' };
  }
  if (reason !== undefined && reason.trim() === '') {
    session.posting = { reason, error: REASON_MESSAGE };
    session.changed();
    return { kind: 'refused' };
  }
  session.busy = true;
  const answer = await session.client().postBatch(header.id, { by: session.by(), reason: reason?.trim() || undefined });
  session.busy = false;
  if (!answer.ok) {
    session.posting = { reason: reason ?? '', error: answer.error.message };
    session.changed();
    return { kind: 'refused' };
  }
  session.posting = undefined;
  await session.batch.adopt(answer.value);
  session.changed();
  return { kind: 'posted', batch: answer.value };
}
