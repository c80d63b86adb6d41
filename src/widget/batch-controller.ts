/**
 * Keeps the batch: the gifts entered in this tab and the expected count and total of
 * the stack in hand, saved across reloads, each gift followed by polling until the
 * gift service decides it. A Lit reactive controller, so the element re-renders when
 * a status changes.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { GiftRecord } from '../contract/proxy-api.ts';
import { isFinal } from '../contract/proxy-routes.ts';
import type { BatchEntry, Expected } from './batch.ts';
import type { ProxyClient } from './proxy-client.ts';
import { load, save } from './saved-state.ts';

// Polite back-off: a queued gift usually settles in seconds, a held or stuck one may take hours.
const POLL_DELAYS_MS = [1000, 2000, 3000, 5000, 10_000, 30_000];

interface SavedBatch {
  entries: BatchEntry[];
  expected: Expected;
}

export class BatchController implements ReactiveController {
  entries: BatchEntry[] = [];
  expected: Expected = { count: '', total: '' };
  private readonly polls = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly storageKey: () => string,
    private readonly client: () => ProxyClient,
    /** Told whenever polling sees a gift's status change. */
    private readonly onChange: (entry: BatchEntry, record: GiftRecord) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    const saved = load<SavedBatch | BatchEntry[]>(this.storageKey());
    // The release before kept a bare list of entries, each with its typed draft alone: carried over, not dropped.
    const entries = Array.isArray(saved) ? saved : (saved?.entries ?? []);
    this.entries = entries.map((entry: BatchEntry & { draft?: BatchEntry['sent']['draft'] }) =>
      entry.sent || !entry.draft
        ? entry
        : {
            ...entry,
            sent: { draft: entry.draft, transactionId: entry.transactionId, sentAt: entry.at, donor: undefined, softCredit: undefined },
          },
    );
    this.expected = (!Array.isArray(saved) && saved?.expected) || { count: '', total: '' };
    for (const entry of this.entries) if (!isFinal(entry.status)) this.follow(entry.transactionId);
  }

  hostDisconnected(): void {
    for (const timer of this.polls.values()) clearTimeout(timer);
    this.polls.clear();
  }

  private persist(): void {
    save(this.storageKey(), { entries: this.entries, expected: this.expected } satisfies SavedBatch);
    this.host.requestUpdate();
  }

  setExpected(which: keyof Expected, value: string): void {
    this.expected = { ...this.expected, [which]: value };
    this.persist();
  }

  find(transactionId: string): BatchEntry | undefined {
    return this.entries.find((entry) => entry.transactionId === transactionId);
  }

  /** Adds a gift, or replaces it when the same transactionId comes back (a corrected resend). */
  upsert(entry: BatchEntry): void {
    this.entries = [entry, ...this.entries.filter((e) => e.transactionId !== entry.transactionId)];
    this.persist();
    if (!isFinal(entry.status)) this.follow(entry.transactionId);
  }

  private follow(transactionId: string, attempt = 0): void {
    clearTimeout(this.polls.get(transactionId));
    const delay = POLL_DELAYS_MS[Math.min(attempt, POLL_DELAYS_MS.length - 1)]!;
    this.polls.set(
      transactionId,
      setTimeout(async () => {
        const answer = await this.client().status(transactionId);
        const entry = this.find(transactionId);
        if (!entry || !this.polls.has(transactionId)) return;
        if (answer.ok && (answer.value.status !== entry.status || answer.value.message !== entry.message)) {
          const next = { ...entry, status: answer.value.status, message: answer.value.message, field: answer.value.field };
          this.entries = this.entries.map((e) => (e.transactionId === transactionId ? next : e));
          this.persist();
          this.onChange(next, answer.value);
        }
        if (answer.ok && isFinal(answer.value.status)) this.polls.delete(transactionId);
        else this.follow(transactionId, attempt + 1);
      }, delay),
    );
  }
}
