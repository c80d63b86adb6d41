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
import type { ImportOutcome, UpstreamFailure } from './upstream-client.ts';

export interface RetryPolicy {
  retryBaseMs: number;
  retryMaxMs: number;
  /** Attempts failing in a way that may be the gift's (a 500, an odd 2xx) after which it is set aside as stuck. */
  stuckAfterAttempts: number;
  /** How long a gift may keep failing in such a way before it is set aside as stuck. */
  stuckAfterMs: number;
}

/** Exponential backoff: 1×, 2×, 4×… the base, capped; the gift waits, never drops. */
export function retryDelay(attempts: number, policy: Pick<RetryPolicy, 'retryBaseMs' | 'retryMaxMs'>): number {
  return Math.min(policy.retryMaxMs, policy.retryBaseMs * 2 ** Math.max(0, attempts - 1));
}

export const REQUEUED_MESSAGE = 'Put back in the queue by staff; it will be sent again shortly';
export const OUTAGE_PUT_BACK_MESSAGE =
  'Put back in the queue by itself: the gift service was failing every gift, not just this one; it will be sent again when it recovers';

/** What staff read on a gift the upstream answered "already imported": it is in iMIS. */
export const ALREADY_IN_IMIS_MESSAGE =
  'Recorded: this gift was already in iMIS (sent before, by an earlier attempt or before a restore), so it was not imported twice';

/**
 * `gift` is the gift as it stood before this attempt. A "duplicate" answer always means
 * the upstream HAS this gift: our transaction IDs are random, and the proxy refuses a
 * different gift under an ID it knows (409), so the gift under this ID is this one —
 * whether our earlier attempt landed, a crash hid its 202, or a restored journal resends
 * gifts the upstream took after the backup. Calling it rejected would invite staff to
 * enter it again: a double record. `outageDelayMs` is set while every gift fails alike
 * (see failure-run.ts): then no failure is the gift's fault.
 */
export function verdictFor(gift: StoredGift, outcome: ImportOutcome, now: number, policy: RetryPolicy, outageDelayMs?: number): Outcome {
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
    case 'retry':
      return outageDelayMs === undefined ? failedAttempt(gift, outcome, now, policy) : waitOutOutage(gift, outcome, now, outageDelayMs);
  }
}

/**
 * How many failed attempts of one kind set a gift aside while other gifts get answers;
 * undefined for failures about the service, which never make a gift stuck.
 */
export function setAsideAfter(failure: UpstreamFailure, policy: Pick<RetryPolicy, 'stuckAfterAttempts'>): number | undefined {
  switch (failure) {
    case 'refused':
      // The same request gets the same refusal; resending only repeats it.
      return 1;
    case 'timeout':
      // Each attempt costs every gift behind it one upstream timeout.
      return TIMEOUTS_BEFORE_SET_ASIDE;
    case 'server-error':
    case 'odd-answer':
      return policy.stuckAfterAttempts;
    case 'network':
    case 'unavailable':
    case 'misrouted':
      return undefined;
  }
}

/** A hanging gift is set aside after this many timeouts: the others wait at most this many. */
export const TIMEOUTS_BEFORE_SET_ASIDE = 2;

type Retry = Extract<ImportOutcome, { kind: 'retry' }>;

/** No verdict, and other gifts get answers: the gift backs off on its own, and is set aside when it is the cause. */
function failedAttempt(gift: StoredGift, outcome: Retry, now: number, policy: RetryPolicy): Outcome {
  const bound = setAsideAfter(outcome.failure, policy);
  const failures = gift.failures + (bound === undefined ? 0 : 1);
  const failingSince = gift.failingSince ?? now;
  if (bound !== undefined && (failures >= bound || now - failingSince >= policy.stuckAfterMs)) {
    const attempts = `${gift.record.attempts} attempt${gift.record.attempts === 1 ? '' : 's'}`;
    const what =
      outcome.failure === 'refused'
        ? `${outcome.reason}, so it was not recorded. It was set aside so the gifts behind it can go; ask whoever runs the gift service (or the firewall in front of it) why, then put it back in the queue.`
        : `the gift service has not taken this gift after ${attempts} (last answer: ${outcome.reason}). It was set aside so the gifts behind it can go; once the cause is fixed, put it back in the queue.`;
    return { status: 'stuck', message: `Needs attention: ${what}`, uncertain: true, failures, failingSince };
  }
  const delay = retryDelay(gift.record.attempts, policy);
  return {
    status: 'queued',
    message: `Not recorded yet: ${outcome.reason}. Trying again in ${seconds(delay)}; the gift is kept.`,
    uncertain: true,
    nextAttemptAt: now + delay,
    failures,
    failingSince,
  };
}

/**
 * Every gift fails alike: nothing is the gift's fault, so nothing counts towards setting it
 * aside. It waits one step past the queue's pause, so the next probe is another gift and
 * one gift that also fails on its own cannot hide the service's recovery.
 */
function waitOutOutage(gift: StoredGift, outcome: Retry, now: number, delayMs: number): Outcome {
  return {
    status: 'queued',
    message: `Not recorded yet: ${outcome.reason}. The gift service is failing every gift, so the queue waits and resumes by itself (next try in ${seconds(delayMs)}); the gift is kept.`,
    uncertain: true,
    nextAttemptAt: now + delayMs + 1,
    failures: gift.failures,
  };
}

function seconds(ms: number): string {
  return `${Math.max(1, Math.round(ms / 1000))} s`;
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
