/** Plain constants of our proxy API: no zod, so the widget bundle pays nothing for them. */
export const PROXY_PATHS = {
  lookups: '/api/lookups',
  gifts: '/api/gifts',
  gift: (transactionId: string) => `/api/gifts/${encodeURIComponent(transactionId)}`,
  /** POST: puts a gift that needs attention (`stuck`) back in the queue once the cause is fixed. */
  retry: (transactionId: string) => `/api/gifts/${encodeURIComponent(transactionId)}/retry`,
  /** POST: puts every gift that needs attention (`stuck`) back in the queue at once; answers `{ requeued: n }`. */
  retryStuck: '/api/gifts/retry-stuck',
  /** POST: long-poll for status changes of the gifts the caller follows. */
  watch: '/api/gifts/watch',
  batches: '/api/batches',
  batch: (id: string) => `/api/batches/${encodeURIComponent(id)}`,
  batchGift: (id: string, transactionId: string) => `/api/batches/${encodeURIComponent(id)}/gifts/${encodeURIComponent(transactionId)}`,
  postBatch: (id: string) => `/api/batches/${encodeURIComponent(id)}/post`,
  health: '/healthz',
  widget: '/gift-entry.js',
} as const;

/** The caller key header: a revocable key for a staff-only page, never the upstream token. */
export const CALLER_KEY_HEADER = 'X-Gift-Entry-Key';

/**
 * queued/sending: on its way. accepted/rejected: the upstream's verdict. held: the
 * upstream refused the proxy's credentials; the whole queue waits for an administrator.
 * stuck: this one gift failed in a way of its own (a refusal, a hang, repeated 500s; the
 * reason is in `message`) and was set aside so the gifts behind it can go; it is sent again
 * when someone re-queues it, or by itself if an outage turns out to have been the cause.
 */
export const GIFT_STATUSES = ['queued', 'sending', 'accepted', 'rejected', 'held', 'stuck'] as const;
export type GiftStatus = (typeof GIFT_STATUSES)[number];

/** Accepted and rejected are final; the others may still change. */
export function isFinal(status: GiftStatus): boolean {
  return status === 'accepted' || status === 'rejected';
}

/** Queued and sending change on their own, so polling them makes sense; held and stuck wait for a person. */
export function isWaiting(status: GiftStatus): boolean {
  return status === 'queued' || status === 'sending';
}

/** The header asking POST /api/gifts to answer 202 as soon as the gift is on disk, without waiting for the verdict. */
export const RESPOND_ASYNC = { header: 'Prefer', value: 'respond-async' } as const;
