/**
 * Keeps the batch: its header (mode, defaults, the stack's expected figures), one row
 * per gift, and each sent gift followed until the gift service decides it. Verdicts
 * come by long-poll (POST /api/gifts/watch), so a refusal reaches staff within a
 * second of the upstream's answer instead of after a back-off. In review mode the
 * batch lives at the proxy (it survives a closed tab, another browser, a reboot);
 * this tab keeps only which batch it has open. A Lit reactive controller, so the
 * element re-renders when anything here changes.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Batch, BatchGift } from '../contract/batch-api.ts';
import type { BatchDefaults, BatchMode } from '../contract/batch-model.ts';
import { formatDateText } from '../contract/date-text.ts';
import { donorDisplayName, donorWithName, formatUsd } from '../contract/gift-summary.ts';
import type { GiftRecord } from '../contract/proxy-api.ts';
import { isFinal, type GiftStatus } from '../contract/proxy-routes.ts';
import { emptyHeader, parseExpected, type BatchEntry, type BatchHeader, type Expected } from './batch.ts';
import { emptyDraft, type Draft } from './gift-draft.ts';
import type { Answer, ProxyClient } from './proxy-client.ts';
import { load, save } from './saved-state.ts';

const WATCH_WAIT_MS = 20_000;
// After a failed watch: soon at first (a proxy restart takes a second or two), then politely.
const RETRY_DELAYS_MS = [500, 1000, 2000, 5000, 10_000];

interface SavedBatch {
  header?: BatchHeader;
  entries: BatchEntry[];
  /** The release before kept the expected figures beside the entries. */
  expected?: Expected;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

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

export class BatchController implements ReactiveController {
  header: BatchHeader | undefined;
  entries: BatchEntry[] = [];
  private watching: AbortController | undefined;
  private expectedSync: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly storageKey: () => string,
    private readonly client: () => ProxyClient,
    /** Told whenever a followed gift's status changes. */
    private readonly onChange: (entry: BatchEntry, record: GiftRecord) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    const saved = load<SavedBatch | BatchEntry[]>(this.storageKey());
    // Older releases kept a bare list of entries, or the expected figures apart: carried over, not dropped.
    const entries = Array.isArray(saved) ? saved : (saved?.entries ?? []);
    type Saved = Partial<BatchEntry> & { transactionId: string; at: string; draft?: BatchEntry['sent']['draft'] };
    this.entries = entries.map(({ draft, ...entry }: Saved) => ({
      ...entry,
      sent: entry.sent ?? { draft: draft!, transactionId: entry.transactionId, sentAt: entry.at, donor: undefined, softCredit: undefined },
      distribution: entry.distribution ?? (entry.sent?.draft ?? draft)?.distribution ?? '',
      campaignCode: entry.campaignCode ?? (entry.sent?.draft ?? draft)?.campaignCode ?? '',
      appealCode: entry.appealCode ?? (entry.sent?.draft ?? draft)?.appealCode ?? '',
      receivedDate: entry.receivedDate ?? '',
    })) as BatchEntry[];
    this.header = Array.isArray(saved) ? undefined : saved?.header;
    // Batches before this release were always sent gift by gift: immediate mode, no defaults.
    if (!this.header && (this.entries.length > 0 || (!Array.isArray(saved) && saved?.expected))) {
      this.header = { ...emptyHeader('immediate'), expected: (!Array.isArray(saved) && saved?.expected) || { count: '', total: '' } };
    }
    if (this.header?.mode === 'review' && this.header.id) void this.reload(this.header.id);
    this.follow();
  }

  hostDisconnected(): void {
    this.watching?.abort();
    this.watching = undefined;
    clearTimeout(this.expectedSync);
  }

  private persist(): void {
    save(this.storageKey(), { header: this.header, entries: this.entries } satisfies SavedBatch);
    this.host.requestUpdate();
  }

  get mode(): BatchMode | undefined {
    return this.header?.mode;
  }

  /** Open at the proxy and not yet posted: gifts are kept, not sent. */
  get reviewing(): boolean {
    return this.header?.mode === 'review' && !this.header.posted;
  }

  /** Starts a batch: kept here (immediate) or opened at the proxy (review). */
  async start(header: BatchHeader, by: string | undefined): Promise<Answer<BatchHeader>> {
    if (header.mode === 'review') {
      const expected = parseExpected(header.expected);
      const opened = await this.client().openBatch({
        name: header.name || undefined,
        defaults: header.defaults,
        expected: expected === 'invalid' ? {} : expected,
        by,
      });
      if (!opened.ok) return opened;
      header = { ...header, id: opened.value.id };
    }
    this.header = header;
    this.entries = [];
    this.persist();
    return { ok: true, value: header };
  }

  /** Changes the batch's defaults or expected figures: one explicit action. */
  async change(defaults: BatchDefaults, expected: Expected, by: string | undefined): Promise<Answer<BatchHeader>> {
    const header = this.header;
    if (!header) return { ok: false, error: { message: 'Start a batch first.' }, network: false };
    if (header.mode === 'review' && header.id && !header.posted) {
      const parsed = parseExpected(expected);
      const changed = await this.client().updateBatch(header.id, {
        name: header.name || undefined,
        defaults,
        expected: parsed === 'invalid' ? {} : parsed,
        by,
      });
      if (!changed.ok) return changed;
    }
    this.header = { ...header, defaults, expected };
    this.persist();
    return { ok: true, value: this.header };
  }

  /** The control totals typed in the batch panel; sent to an open batch at the proxy once typing pauses. */
  setExpected(which: keyof Expected, value: string): void {
    if (!this.header) return;
    this.header = { ...this.header, expected: { ...this.header.expected, [which]: value } };
    this.persist();
    const { id, posted, defaults, expected, name } = this.header;
    if (this.header.mode !== 'review' || !id || posted) return;
    clearTimeout(this.expectedSync);
    this.expectedSync = setTimeout(() => {
      const parsed = parseExpected(expected);
      if (parsed !== 'invalid') void this.client().updateBatch(id, { name: name || undefined, defaults, expected: parsed });
    }, 400);
  }

  /** Leaves this batch (posted and settled, or to be reopened later from the list). */
  finish(): void {
    this.watching?.abort();
    this.header = undefined;
    this.entries = [];
    this.persist();
  }

  /** Opens a batch kept at the proxy (after a reload, from another browser, or from the list). */
  async reload(id: string): Promise<Answer<Batch>> {
    const answer = await this.client().getBatch(id);
    if (!answer.ok) return answer;
    this.adopt(answer.value);
    return answer;
  }

  adopt(batch: Batch): void {
    const withdrawn = new Set(this.entries.filter((e) => e.withdrawn).map((e) => e.transactionId));
    this.header = {
      mode: 'review',
      id: batch.id,
      name: batch.name,
      defaults: batch.defaults,
      expected: {
        count: batch.expected.count === undefined ? '' : String(batch.expected.count),
        total: batch.expected.totalCents === undefined ? '' : formatUsd(batch.expected.totalCents / 100).slice(1),
      },
      posted: batch.state === 'posted',
    };
    this.entries = batch.gifts
      .map((row) => ({ ...entryFromBatchGift(row), withdrawn: withdrawn.has(row.transactionId) || undefined }))
      .reverse();
    this.persist();
    this.follow();
  }

  find(transactionId: string): BatchEntry | undefined {
    return this.entries.find((entry) => entry.transactionId === transactionId);
  }

  /** Adds a gift, or replaces it when the same transactionId comes back (a corrected resend or an edit). */
  upsert(entry: BatchEntry): void {
    const at = this.entries.findIndex((e) => e.transactionId === entry.transactionId);
    // An edited row keeps its place: the table is the stack in the order it was entered.
    this.entries = at === -1 ? [entry, ...this.entries] : this.entries.map((e, i) => (i === at ? entry : e));
    this.persist();
    if (entry.status && !isFinal(entry.status)) this.follow();
  }

  remove(transactionId: string): void {
    this.entries = this.entries.filter((e) => e.transactionId !== transactionId);
    this.persist();
  }

  /** A refused gift staff decided not to send: it leaves "Needs correcting" and the counts, visibly. */
  withdraw(transactionId: string): void {
    this.entries = this.entries.map((e) => (e.transactionId === transactionId ? { ...e, withdrawn: true } : e));
    this.persist();
  }

  /** The statuses this tab knows for every gift that may still change. */
  private pending(): Record<string, GiftStatus> {
    const known: Record<string, GiftStatus> = {};
    for (const entry of this.entries) if (entry.status && !isFinal(entry.status)) known[entry.transactionId] = entry.status;
    return known;
  }

  /** (Re)starts the one long-poll that follows every gift still on its way. */
  follow(): void {
    this.watching?.abort();
    if (Object.keys(this.pending()).length === 0) return;
    const watch = new AbortController();
    this.watching = watch;
    void this.watchLoop(watch.signal);
  }

  private async watchLoop(signal: AbortSignal): Promise<void> {
    let failures = 0;
    while (!signal.aborted) {
      const known = this.pending();
      if (Object.keys(known).length === 0) return;
      const answer = await this.client().watch(known, WATCH_WAIT_MS, signal);
      if (signal.aborted) return;
      if (!answer.ok) {
        await sleep(RETRY_DELAYS_MS[Math.min(failures++, RETRY_DELAYS_MS.length - 1)]!, signal);
        continue;
      }
      failures = 0;
      for (const record of answer.value.gifts) this.apply(record);
    }
  }

  private apply(record: GiftRecord): void {
    const entry = this.find(record.transactionId);
    if (!entry || (entry.status === record.status && entry.message === record.message)) return;
    const next: BatchEntry = { ...entry, status: record.status, message: record.message, field: record.field };
    this.entries = this.entries.map((e) => (e.transactionId === record.transactionId ? next : e));
    this.persist();
    this.onChange(next, record);
  }
}
