/** Plain constants of our proxy API: no zod, so the widget bundle pays nothing for them. */
export const PROXY_PATHS = {
  lookups: '/api/lookups',
  gifts: '/api/gifts',
  gift: (transactionId: string) => `/api/gifts/${encodeURIComponent(transactionId)}`,
  health: '/healthz',
  widget: '/gift-entry.js',
} as const;

/** The caller key header: a revocable key for a staff-only page, never the upstream token. */
export const CALLER_KEY_HEADER = 'X-Gift-Entry-Key';

export const GIFT_STATUSES = ['queued', 'sending', 'accepted', 'rejected', 'held'] as const;
export type GiftStatus = (typeof GIFT_STATUSES)[number];

/** Accepted and rejected are final; the others will still change. */
export function isFinal(status: GiftStatus): boolean {
  return status === 'accepted' || status === 'rejected';
}

