/**
 * Talks to our proxy (never to the upstream). Every failure becomes a sentence
 * staff can act on; nothing here throws past its caller.
 */
import type { GiftRecord, Journal, LookupsResponse, ProxyError } from '../contract/proxy-api.ts';
import { CALLER_KEY_HEADER, PROXY_PATHS, RESPOND_ASYNC, type GiftStatus } from '../contract/proxy-routes.ts';
import type { GiftSubmission } from '../contract/gift-schema.ts';
import type { Batch, BatchSettings, BatchSettingsPatch, BatchSummary, PostBatch, WatchResponse } from '../contract/batch-api.ts';
import type { BatchState } from '../contract/batch-model.ts';
import { load } from './saved-state.ts';

type EntryMetadata = { enteredBy?: string | undefined; donorName?: string | undefined };

// Captured at load: the widget talks to the server that served it unless told otherwise.
export const SCRIPT_ORIGIN = new URL(import.meta.url).origin;

/** Where this tab keeps its iMIS sign-in with one proxy (sessionStorage: it ends with the tab). */
export const sessionKey = (endpoint: string) => `gift-entry:session:${endpoint}`;

// Sign-in (the prompt, the popup's message, renewal) is a chunk of its own: only a proxy with
// sign-in on needs it, and it is fetched once that proxy asks for a session or this tab holds one.
const signIn = () => import('./sign-in.ts');

/**
 * `headers`: the answer's headers, when it came from the proxy (the release check reads them).
 * `network`: the proxy could not be reached or could not answer for itself (no answer, a
 * timeout, a 5xx): the gift may wait in the browser's outbox and go again with its own ID.
 * `status`: the HTTP status of a refusal (0 when nothing answered).
 */
export type Answer<T> = { ok: true; value: T; headers?: Headers } | { ok: false; error: ProxyError; network: boolean; status?: number };

// A proxy that takes the connection and never answers (a hung upstream hop) is as unreachable as one that is down.
const TIMEOUT_MS = 20_000;

const STOPPED = 'Stopped before the gift service answered.';
const UNREACHABLE = 'Could not reach the gift service. Check your connection and try again; nothing you typed is lost.';

export class ProxyClient {
  /** Told of every answer the proxy gave successfully: the outbox sends what waits as soon as the proxy is back. */
  static onAnswer: (() => void) | undefined;

  /**
   * Waits for a sign-in and asks again under whoever signs in. The outbox's client is not: a gift
   * typed by one person must never be sent again under another person's session.
   */
  patient = true;

  constructor(
    readonly endpoint: string,
    private readonly key: string,
    /** The element that shows the sign-in prompt when this proxy asks for one. */
    readonly host?: HTMLElement,
  ) {}

  /**
   * Answers needing a sign-in wait for it (the prompt says so) and are then asked again, so a
   * gift being recorded when the session expired is sent once the person signs in again.
   */
  async call<T>(path: string, init: RequestInit = {}, extra: Record<string, string> = {}): Promise<Answer<T>> {
    const headers: Record<string, string> = { Accept: 'application/json', ...extra };
    if (this.key) headers[CALLER_KEY_HEADER] = this.key;
    if (load(sessionKey(this.endpoint))) Object.assign(headers, (await signIn()).headers(this));
    if (init.body) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(`${this.endpoint}${path}`, {
        signal: AbortSignal.timeout(TIMEOUT_MS),
        ...init,
        headers,
        credentials: 'omit',
      });
    } catch {
      // Stopped by the caller (a watch no longer wanted): not the network's fault.
      if (init.signal?.aborted) return { ok: false, error: { message: STOPPED }, network: false };
      return { ok: false, error: { message: UNREACHABLE }, network: true };
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    if (response.ok && body !== undefined) {
      ProxyClient.onAnswer?.();
      return { ok: true, value: body as T, headers: response.headers };
    }
    const need = (body as ProxyError | undefined)?.signIn;
    if (need && this.patient && (await (await signIn()).signedIn(this, need, headers))) return this.call(path, init, extra);
    const error = (body as ProxyError | undefined)?.message
      ? (body as ProxyError)
      : {
          message: `The gift proxy at ${this.endpoint} answered ${response.status}. Check the widget’s endpoint, or try again; nothing you typed is lost.`,
        };
    return { ok: false, error, network: response.status >= 500, status: response.status };
  }

  lookups(): Promise<Answer<LookupsResponse>> {
    return this.call(PROXY_PATHS.lookups);
  }

  /**
   * Answered as soon as the proxy has the gift on disk (never waiting on iMIS's 2–5 s);
   * the verdict comes by polling. `enteredBy` (the page-reported staff party ID) and
   * `donorName` (a contact chosen from iMIS) are journal metadata, never sent upstream.
   */
  submit(gift: GiftSubmission, metadata: EntryMetadata): Promise<Answer<GiftRecord>> {
    return this.call(
      PROXY_PATHS.gifts,
      { method: 'POST', body: JSON.stringify({ ...gift, ...metadata }) },
      { [RESPOND_ASYNC.header]: RESPOND_ASYNC.value },
    );
  }

  /** Puts a gift that needs attention back in the queue. */
  retry(transactionId: string): Promise<Answer<GiftRecord>> {
    return this.call(PROXY_PATHS.retry(transactionId), { method: 'POST' });
  }

  journal(since: Date): Promise<Answer<Journal>> {
    return this.call(`${PROXY_PATHS.gifts}?since=${encodeURIComponent(since.toISOString())}&limit=5000`);
  }

  status(transactionId: string): Promise<Answer<GiftRecord>> {
    return this.call(PROXY_PATHS.gift(transactionId));
  }

  /** Batches kept at the proxy (review mode), newest first: open ones to reopen, or posted ones. */
  listBatches(state: BatchState = 'open'): Promise<Answer<{ batches: BatchSummary[] }>> {
    return this.call(`${PROXY_PATHS.batches}?state=${state}`);
  }

  openBatch(settings: BatchSettings): Promise<Answer<Batch>> {
    return this.call(PROXY_PATHS.batches, { method: 'POST', body: JSON.stringify(settings) });
  }

  getBatch(id: string): Promise<Answer<Batch>> {
    return this.call(PROXY_PATHS.batch(id));
  }

  /** New defaults, expected figures or name: one explicit action, journaled with `by`. */
  updateBatch(id: string, settings: BatchSettingsPatch): Promise<Answer<Batch>> {
    return this.call(PROXY_PATHS.batch(id), { method: 'PATCH', body: JSON.stringify(settings) });
  }

  /** Adds the row, or replaces it in its place: kept at the proxy, not sent until the batch is posted. */
  saveBatchGift(id: string, gift: GiftSubmission, metadata: EntryMetadata): Promise<Answer<Batch>> {
    return this.call(PROXY_PATHS.batchGift(id, gift.transactionId), { method: 'PUT', body: JSON.stringify({ gift, ...metadata }) });
  }

  removeBatchGift(id: string, transactionId: string): Promise<Answer<Batch>> {
    return this.call(PROXY_PATHS.batchGift(id, transactionId), { method: 'DELETE' });
  }

  /** Sends every row to the queue, in order; refused (409, in words) unless the batch matches or a reason is given. */
  postBatch(id: string, post: PostBatch): Promise<Answer<Batch>> {
    return this.call(PROXY_PATHS.postBatch(id), { method: 'POST', body: JSON.stringify(post) });
  }

  /**
   * Long-poll: answers with the gifts whose status differs from `known`, as soon as one
   * does, or `{ gifts: [] }` after `waitMs`. Abort `signal` to stop watching.
   */
  watch(known: Record<string, GiftStatus>, waitMs?: number, signal?: AbortSignal): Promise<Answer<WatchResponse>> {
    const init: RequestInit = { method: 'POST', body: JSON.stringify({ known, waitMs }) };
    if (signal) init.signal = signal;
    return this.call(PROXY_PATHS.watch, init);
  }
}
