/**
 * Pure rules: what an upstream answer means for one gift. Kept apart from the
 * dispatcher's timers and I/O so each rule is a plain function to test.
 */
import { explainUpstreamRejection, HELD_MESSAGE } from '../contract/index.ts';
import type { Outcome, StoredGift } from './outbox.ts';
import type { ImportOutcome } from './upstream-client.ts';

export interface RetryPolicy {
  retryBaseMs: number;
  retryMaxMs: number;
}

/** Exponential backoff: 1×, 2×, 4×… the base, capped; the gift waits, never drops. */
export function retryDelay(attempts: number, policy: RetryPolicy): number {
  return Math.min(policy.retryMaxMs, policy.retryBaseMs * 2 ** Math.max(0, attempts - 1));
}

export function verdictFor(gift: StoredGift, outcome: ImportOutcome, now: number, policy: RetryPolicy): Outcome {
  switch (outcome.kind) {
    case 'accepted':
      return { status: 'accepted' };
    case 'unauthorized':
      return { status: 'held', message: HELD_MESSAGE };
    case 'rejected': {
      const explained = explainUpstreamRejection(outcome.upstreamMessage);
      // Our own earlier attempt got no verdict, so a "duplicate" is that attempt having landed.
      if (explained.kind === 'duplicate' && gift.uncertain) {
        return {
          status: 'accepted',
          message: 'Recorded: the gift service already had this gift from an earlier attempt',
          upstreamMessage: outcome.upstreamMessage,
        };
      }
      return {
        status: 'rejected',
        message: explained.message,
        field: explained.field,
        upstreamMessage: outcome.upstreamMessage,
      };
    }
    case 'retry': {
      const delay = retryDelay(gift.record.attempts, policy);
      return {
        status: 'queued',
        message: `Not recorded yet: ${outcome.reason}. Trying again in ${Math.max(1, Math.round(delay / 1000))} s; the gift is kept.`,
        uncertain: true,
        nextAttemptAt: now + delay,
      };
    }
  }
}
