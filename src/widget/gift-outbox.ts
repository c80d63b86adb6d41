/**
 * The browser's outbox: a gift that passed every check but could not be handed to the proxy
 * (down, restarting, a 502/503/504 from the reverse proxy, a timeout) waits in IndexedDB, with
 * its transactionId, exactly as it would have been sent, and goes by itself when the proxy
 * answers again — on the next successful call, the `online` event, a back-off timer, or a page
 * opened later on the same site. Resending is safe because the proxy answers a transactionId it
 * already holds with that gift's status instead of storing it twice.
 *
 * Two tabs never send the same gift at once: sending holds a Web Lock per proxy and staff member,
 * re-reads what still waits after taking it, and deletes each gift only once the proxy has it.
 * A chunk of its own, loaded once the form is ready (while the proxy is reachable, so it is in
 * the browser's cache when the proxy is not).
 */
import type { GiftSubmission } from '../contract/gift-schema.ts';
import type { GiftRecord } from '../contract/proxy-api.ts';

export type Verdict = Pick<GiftRecord, 'status' | 'message' | 'field'>;
import type { BatchEntry } from './batch.ts';
import { ProxyClient, type Answer } from './proxy-client.ts';
import { storedSession } from './session-store.ts';

/** One waiting gift: only what sending it and showing its row need. */
export interface WaitingGift {
  /** `${proxy} ${transactionId}`: one outbox serves every proxy a site's pages talk to. */
  key: string;
  proxy: string;
  /**
   * The staff member who typed it — the party iMIS sign-in verified, else the page's signed-in
   * iMIS party, else '' — and only pages of that same person send it: a gift waiting while a
   * session expired goes after that person signs in again, never under someone else's session.
   */
  owner: string;
  /** Review mode: the open batch at the proxy the gift belongs to. */
  batchId?: string | undefined;
  submission: GiftSubmission;
  metadata: { enteredBy?: string | undefined; donorName?: string | undefined };
  entry: BatchEntry;
  storedAt: string;
}

export interface OutboxHost {
  /** The proxy's base URL: the outbox's scope. */
  proxy: string;
  owner(): string;
  client(): ProxyClient;
  /**
   * The proxy has it now, or refused it on arrival (a field, a posted batch: then the verdict is
   * 'rejected' and the gift leaves the outbox for "Needs correcting"). No verdict: kept in its batch.
   */
  arrived(entry: BatchEntry, verdict: Verdict | undefined, batchId: string | undefined): void;
  /** Still waiting, and why (shown on the row when the proxy answered but would not take it yet, e.g. a sign-in). */
  stillWaiting(count: number, reason: string | undefined): void;
}

const LOST: Verdict = {
  status: 'rejected',
  message:
    'This gift no longer waits in this browser and the gift proxy does not have it (withdrawn in another tab, or the browser’s data was cleared). Correct and resend it if it is a gift.',
  field: undefined,
};

const DB_NAME = 'gift-entry';
const STORE = 'outbox';
// After a failed round: soon at first (a restart takes a second or two), then no more than once a minute.
const BACKOFF_MS = [1_000, 2_000, 5_000, 10_000, 30_000, 60_000];

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

let opened: Promise<IDBDatabase> | undefined;
function database(): Promise<IDBDatabase> {
  opened ??= new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open(DB_NAME, 1);
    open.onupgradeneeded = () => open.result.createObjectStore(STORE, { keyPath: 'key' });
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error ?? new Error('IndexedDB could not be opened'));
  }).catch((error: unknown) => {
    opened = undefined;
    throw error;
  });
  return opened;
}

async function store(mode: IDBTransactionMode): Promise<IDBObjectStore> {
  return (await database()).transaction(STORE, mode).objectStore(STORE);
}

/** A refusal that is about the gift (or its batch), not about reaching or being let into the proxy. */
const refusesTheGift = (answer: Extract<Answer<unknown>, { ok: false }>) =>
  !answer.network && answer.status !== 401 && answer.status !== 403 && answer.status !== 429;

export class BrowserOutbox {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private failures = 0;
  private sending = false;
  private readonly channel = 'BroadcastChannel' in globalThis ? new BroadcastChannel('gift-entry-outbox') : undefined;
  private readonly kick = () => void this.send();

  constructor(private readonly host: OutboxHost) {
    addEventListener('online', this.kick);
    ProxyClient.onAnswer = () => {
      if (this.failures > 0) this.kick();
    };
    // Another tab sent one of this tab's waiting gifts: the row here takes the proxy's answer too.
    this.channel?.addEventListener('message', (event: MessageEvent<{ gift: WaitingGift; record?: GiftRecord }>) => {
      const { gift, record } = event.data;
      if (gift.proxy === this.host.proxy) this.host.arrived(gift.entry, record, gift.batchId);
    });
  }

  private owner(): string {
    return storedSession(this.host.proxy)?.grant.party.id ?? this.host.owner();
  }

  stop(): void {
    clearTimeout(this.timer);
    removeEventListener('online', this.kick);
    ProxyClient.onAnswer = undefined;
    this.channel?.close();
  }

  /** Keeps a gift the proxy could not take; false when the browser will not store it either (then nothing changes). */
  async park(gift: Omit<WaitingGift, 'key' | 'proxy' | 'owner' | 'storedAt'>): Promise<boolean> {
    const waiting: WaitingGift = {
      ...gift,
      key: `${this.host.proxy} ${gift.entry.transactionId}`,
      proxy: this.host.proxy,
      owner: this.owner(),
      storedAt: new Date().toISOString(),
    };
    try {
      await request((await store('readwrite')).put(waiting));
    } catch {
      return false;
    }
    this.failures = Math.max(this.failures, 1);
    this.schedule();
    return true;
  }

  /** What waits for this proxy and staff member, oldest first. */
  async waiting(): Promise<WaitingGift[]> {
    const all = (await request((await store('readonly')).getAll())) as WaitingGift[];
    return all
      .filter((gift) => gift.proxy === this.host.proxy && gift.owner === this.owner())
      .sort((a, b) => a.storedAt.localeCompare(b.storedAt));
  }

  /**
   * Staff decided a waiting gift will not go. Taken under the sending lock, so it is never
   * withdrawn while it is on its way: 'gone' means it had already reached the proxy.
   */
  async withdraw(transactionId: string): Promise<'withdrawn' | 'gone'> {
    const key = `${this.host.proxy} ${transactionId}`;
    return this.locked(async () => {
      const found = (await request((await store('readonly')).get(key))) as WaitingGift | undefined;
      if (!found) return 'gone' as const;
      await request((await store('readwrite')).delete(key));
      return 'withdrawn' as const;
    }, false) as Promise<'withdrawn' | 'gone'>;
  }

  /**
   * Rows this tab shows as waiting that are no longer in the outbox: another tab sent them (or
   * they were withdrawn there) while this one was closed. The proxy says which: they take its
   * answer, or are said to be neither here nor there — never left "waiting" for ever.
   */
  async settleOrphans(rows: readonly BatchEntry[], batchId: string | undefined): Promise<void> {
    const kept = new Set((await this.waiting()).map((gift) => gift.entry.transactionId));
    const orphans = rows.filter((row) => row.waiting && !row.withdrawn && !kept.has(row.transactionId));
    if (orphans.length === 0) return;
    const client = this.host.client();
    if (batchId) {
      const batch = await client.getBatch(batchId);
      if (!batch.ok) return; // asked again at the next page load
      for (const row of orphans) {
        const there = batch.value.gifts.some((gift) => gift.transactionId === row.transactionId);
        this.host.arrived(row, there ? undefined : LOST, batchId);
      }
      return;
    }
    for (const row of orphans) {
      const answer = await client.status(row.transactionId);
      if (answer.ok) this.host.arrived(row, answer.value, undefined);
      else if (answer.status === 404) this.host.arrived(row, LOST, undefined);
    }
  }

  /** Sends every waiting gift in order, until one cannot be delivered; then tries again later. */
  async send(): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    clearTimeout(this.timer);
    try {
      const done = await this.locked(() => this.sendAll(), true);
      // Another tab holds the lock and is sending: look again later in case it stops.
      if (done === undefined) this.schedule();
    } catch {
      this.schedule();
    } finally {
      this.sending = false;
    }
  }

  private async sendAll(): Promise<true> {
    const gifts = await this.waiting();
    for (const [index, gift] of gifts.entries()) {
      // Signed out, or someone else signed in, meanwhile: their pages send the rest.
      if (gift.owner !== this.owner()) break;
      const client = this.host.client();
      client.patient = false;
      const answer = gift.batchId
        ? await client.saveBatchGift(gift.batchId, gift.submission, gift.metadata)
        : await client.submit(gift.submission, gift.metadata);
      if (answer.ok) {
        await request((await store('readwrite')).delete(gift.key));
        const record = gift.batchId ? undefined : (answer.value as GiftRecord);
        this.host.arrived(gift.entry, record, gift.batchId);
        this.channel?.postMessage({ gift, record });
      } else if (refusesTheGift(answer)) {
        await request((await store('readwrite')).delete(gift.key));
        const { message, field } = answer.error;
        this.host.arrived(gift.entry, { status: 'rejected', message, field }, gift.batchId);
      } else {
        // A sign-in is needed: a call that waits for it brings up the prompt; once signed in, that
        // call's answer sends what waits (the gifts of whoever signed in, and only theirs).
        if (answer.error.signIn) void this.host.client().lookups();
        this.failures++;
        this.host.stillWaiting(gifts.length - index, answer.network ? undefined : answer.error.message);
        this.schedule();
        return true;
      }
    }
    this.failures = 0;
    return true;
  }

  /** Runs `work` holding the lock for this proxy and staff member; undefined when `ifAvailable` and another tab has it. */
  private async locked<T>(work: () => Promise<T>, ifAvailable: boolean): Promise<T | undefined> {
    const name = `gift-entry-outbox ${this.host.proxy} ${this.owner()}`;
    // Without Web Locks (no browser iMIS supports lacks them) one tab sends alone.
    if (!navigator.locks) return work();
    return navigator.locks.request(name, { ifAvailable }, (lock) => (lock ? work() : undefined));
  }

  private schedule(): void {
    clearTimeout(this.timer);
    const delay = BACKOFF_MS[Math.min(Math.max(this.failures - 1, 0), BACKOFF_MS.length - 1)]!;
    this.timer = setTimeout(this.kick, delay);
  }
}
