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
import type { Batch } from '../contract/batch-api.ts';
import type { BatchDefaults, BatchMode } from '../contract/batch-model.ts';
import { formatUsd } from '../contract/gift-summary.ts';
import type { GiftRecord } from '../contract/proxy-api.ts';
import { isFinal, type GiftStatus } from '../contract/proxy-routes.ts';
import { emptyHeader, parseExpected, type BatchEntry, type BatchHeader, type Expected } from './batch.ts';
import type { Answer, ProxyClient } from './proxy-client.ts';
import { load, save } from './saved-state.ts';

const WATCH_WAIT_MS = 20_000;
// After a failed watch: soon at first (a proxy restart takes a second or two), then politely.
const RETRY_DELAYS_MS = [500, 1000, 2000, 5000, 10_000];

type RowField = 'distribution' | 'campaignCode' | 'appealCode' | 'receivedDate';
interface SavedBatch {
  header?: BatchHeader;
  /** Rows saved by the release before batches lack the fields a row now has of its own. */
  entries: Array<Omit<BatchEntry, RowField> & Partial<Pick<BatchEntry, RowField>>>;
  /** The release before kept the expected figures beside the entries. */
  expected?: Expected;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

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
    /** How a batch kept at the proxy becomes rows (review mode's code, in the batch forms' chunk). */
    private readonly rowsOf: () => Promise<(batch: Batch) => BatchEntry[]>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    const saved = load<SavedBatch>(this.storageKey());
    // The release before kept the expected figures beside rows without fund, campaign or appeal of
    // their own (those were in what was sent): carried over, not dropped, as an immediate-mode batch.
    this.entries = (saved?.entries ?? []).map((entry) => {
      const { distribution = '', campaignCode = '', appealCode = '' } = entry.sent.draft;
      return { distribution, campaignCode, appealCode, receivedDate: '', ...entry };
    });
    this.header =
      saved?.header ??
      (saved?.entries.length || saved?.expected
        ? { ...emptyHeader('immediate'), expected: saved.expected ?? { count: '', total: '' } }
        : undefined);
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
    await this.adopt(answer.value);
    return answer;
  }

  async adopt(batch: Batch): Promise<void> {
    const rows = (await this.rowsOf())(batch);
    const withdrawn = new Set(this.entries.filter((e) => e.withdrawn).map((e) => e.transactionId));
    const same = this.header?.id === batch.id;
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
    // Gifts still waiting in this browser for the proxy are not in its rows yet: they keep their place on top.
    const waiting = this.entries.filter((e) => same && e.waiting && !rows.some((row) => row.transactionId === e.transactionId));
    this.entries = [...waiting, ...rows.map((row) => ({ ...row, withdrawn: withdrawn.has(row.transactionId) || undefined })).reverse()];
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

  /** A refused or waiting gift staff decided not to send: it leaves "Needs correcting", the outbox and the counts, visibly. */
  withdraw(transactionId: string): void {
    this.entries = this.entries.map((e) => (e.transactionId === transactionId ? { ...e, withdrawn: true, waiting: undefined } : e));
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
