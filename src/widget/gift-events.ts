/** The events `<gift-entry>` fires (bubbling, composed), named once for the element, `<gift-today>` and docs. */
export const GIFT_EVENTS = {
  accepted: 'gift-accepted',
  rejected: 'gift-rejected',
  queued: 'gift-queued',
} as const;
export type GiftEventName = (typeof GIFT_EVENTS)[keyof typeof GIFT_EVENTS];

export interface GiftEventDetail {
  transactionId: string;
  amount: number;
  donor: string;
}

declare global {
  interface HTMLElementEventMap {
    'gift-accepted': CustomEvent<GiftEventDetail>;
    'gift-rejected': CustomEvent<GiftEventDetail>;
    'gift-queued': CustomEvent<GiftEventDetail>;
  }
}
