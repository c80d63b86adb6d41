/**
 * Keeps the batch: the gifts entered in this tab, saved across reloads, and
 * followed by polling until the gift service decides each one. A Lit reactive
 * controller, so the element re-renders when a status changes.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { GiftRecord } from '../contract/proxy-api.ts';
import type { BatchEntry } from './batch.ts';
import type { ProxyClient } from './proxy-client.ts';
import { load, save } from './saved-state.ts';

// Polite back-off: a queued gift usually settles in seconds, a held one may take hours.
const POLL_DELAYS_MS = [1000, 2000, 3000, 5000, 10_000, 30_000];

const settled = (status: GiftRecord['status']) => status === 'accepted' || status === 'rejected';

export class BatchController implements ReactiveController {
  entries: BatchEntry[] = [];
  private readonly polls = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly storageKey: () => string,
    private readonly client: () => ProxyClient,
    /** Told when polling sees a gift accepted or rejected. */
    private readonly onSettled: (entry: BatchEntry) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.entries = load<BatchEntry[]>(this.storageKey()) ?? [];
    for (const entry of this.entries) if (!settled(entry.status)) this.follow(entry.transactionId);
  }

  hostDisconnected(): void {
    for (const timer of this.polls.values()) clearTimeout(timer);
    this.polls.clear();
  }

  /** Adds a gift, or replaces it when the same transactionId comes back (a corrected resend). */
  upsert(entry: BatchEntry): void {
    this.entries = [entry, ...this.entries.filter((e) => e.transactionId !== entry.transactionId)];
    save(this.storageKey(), this.entries);
    this.host.requestUpdate();
  }

  follow(transactionId: string, attempt = 0): void {
    clearTimeout(this.polls.get(transactionId));
    const delay = POLL_DELAYS_MS[Math.min(attempt, POLL_DELAYS_MS.length - 1)]!;
    this.polls.set(
      transactionId,
      setTimeout(async () => {
        const answer = await this.client().status(transactionId);
        const entry = this.entries.find((e) => e.transactionId === transactionId);
        if (!entry || !this.polls.has(transactionId)) return;
        if (answer.ok && answer.value.status !== entry.status) {
          const next = { ...entry, status: answer.value.status, message: answer.value.message, field: answer.value.field };
          this.upsert(next);
          if (settled(next.status)) this.onSettled(next);
        }
        if (answer.ok && settled(answer.value.status)) this.polls.delete(transactionId);
        else this.follow(transactionId, attempt + 1);
      }, delay),
    );
  }
}
