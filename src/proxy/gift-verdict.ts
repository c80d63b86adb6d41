/**
 * Pure rules: what an upstream answer means for one gift. Kept apart from the
 * dispatcher's timers and I/O so each rule is a plain function to test.
 */
import * as z from 'zod/mini';
import {
  explainUpstreamRejection,
  GIFT_FIELDS,
  giftImportRequestSchema,
  HELD_MESSAGE,
  type GiftField,
  type GiftImportRequest,
} from '../contract/index.ts';
import type { Outcome, StoredGift } from './outbox.ts';
import type { ImportOutcome } from './upstream-client.ts';

export interface RetryPolicy {
  retryBaseMs: number;
  retryMaxMs: number;
  /** Answered attempts without a verdict after which a gift is set aside as stuck. */
  stuckAfterAttempts: number;
  /** How long a gift may keep failing (answered or not) before it is set aside as stuck. */
  stuckAfterMs: number;
}

/** Exponential backoff: 1×, 2×, 4×… the base, capped; the gift waits, never drops. */
export function retryDelay(attempts: number, policy: Pick<RetryPolicy, 'retryBaseMs' | 'retryMaxMs'>): number {
  return Math.min(policy.retryMaxMs, policy.retryBaseMs * 2 ** Math.max(0, attempts - 1));
}

export const REQUEUED_MESSAGE = 'Put back in the queue by staff; it will be sent again shortly';

/** What staff read on a gift the upstream answered "already imported": it is in iMIS. */
export const ALREADY_IN_IMIS_MESSAGE =
  'Recorded: this gift was already in iMIS (sent before, by an earlier attempt or before a restore), so it was not imported twice';

/**
 * `gift` is the gift as it stood before this attempt. A "duplicate" answer always means
 * the upstream HAS this gift: our transaction IDs are random, and the proxy refuses a
 * different gift under an ID it knows (409), so the gift under this ID is this one —
 * whether our earlier attempt landed, a crash hid its 202, or a restored journal resends
 * gifts the upstream took after the backup. Calling it rejected would invite staff to
 * enter it again: a double record.
 */
export function verdictFor(gift: StoredGift, outcome: ImportOutcome, now: number, policy: RetryPolicy): Outcome {
  switch (outcome.kind) {
    case 'accepted':
      return { status: 'accepted', uncertain: false, failures: 0, failingSince: null };
    case 'unauthorized':
      // A 401 is answered before the gift is looked at: this attempt recorded nothing.
      return { status: 'held', message: HELD_MESSAGE, uncertain: gift.uncertain };
    case 'rejected': {
      const explained = explainUpstreamRejection(outcome.upstreamMessage);
      if (explained.kind === 'duplicate') {
        return {
          status: 'accepted',
          message: ALREADY_IN_IMIS_MESSAGE,
          upstreamMessage: outcome.upstreamMessage,
          uncertain: false,
          failures: 0,
          failingSince: null,
        };
      }
      return {
        status: 'rejected',
        message: explained.message,
        field: explained.field,
        upstreamMessage: outcome.upstreamMessage,
        uncertain: gift.uncertain,
        failures: 0,
        failingSince: null,
      };
    }
    case 'retry': {
      // Only answers count as attempts: when the upstream is unreachable every gift would
      // fail alike, so a gift is not blamed for an outage before the age bound.
      const failures = gift.failures + (outcome.giftFault ? 1 : 0);
      const failingSince = gift.failingSince ?? now;
      if (failures >= policy.stuckAfterAttempts || now - failingSince >= policy.stuckAfterMs) {
        return {
          status: 'stuck',
          message: `Needs attention: the gift service has not taken this gift after ${gift.record.attempts} attempt${gift.record.attempts === 1 ? '' : 's'} (last answer: ${outcome.reason}). It was set aside so the gifts behind it can go; once the cause is fixed, put it back in the queue.`,
          uncertain: true,
          failures,
          failingSince,
        };
      }
      const delay = retryDelay(gift.record.attempts, policy);
      return {
        status: 'queued',
        message: `Not recorded yet: ${outcome.reason}. Trying again in ${Math.max(1, Math.round(delay / 1000))} s; the gift is kept.`,
        uncertain: true,
        nextAttemptAt: now + delay,
        failures,
        failingSince,
      };
    }
  }
}

/**
 * A gift that does not pass today's contract (stored by an older release, before a rule
 * was tightened) is rejected on its field without being sent: it would only fail upstream.
 */
export function refusedBeforeSending(request: GiftImportRequest): Outcome | undefined {
  const parsed = z.safeParse(giftImportRequestSchema, request);
  if (parsed.success) return undefined;
  const issue = parsed.error.issues[0]!;
  const field = (GIFT_FIELDS as readonly PropertyKey[]).includes(issue.path[0] as PropertyKey) ? (issue.path[0] as GiftField) : undefined;
  return { status: 'rejected', message: issue.message, field, uncertain: false, failures: 0, failingSince: null };
}
