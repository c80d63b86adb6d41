/**
 * POST a gift, read its status, list the journal, re-queue a stuck gift. A gift is
 * validated with the contract, stored durably, queued, and answered with the
 * upstream's verdict when it comes quickly — otherwise (or when the caller says
 * `Prefer: respond-async`) 202 and the caller polls. A transactionId already in the
 * journal never causes a second import. Nothing is acknowledged that is not on disk.
 */
import { Hono } from 'hono';
import {
  GIFT_FIELDS,
  HELD_MESSAGE,
  isFinal,
  PROXY_PATHS,
  RESPOND_ASYNC,
  toImportRequest,
  type GiftImportRequest,
  type GiftRecord,
  type RetryStuckAnswer,
} from '../../contract/index.ts';
import type { BatchStore } from '../batch-store.ts';
import { callerOf, scopeOf, sees, stamped, type Caller } from '../caller.ts';
import type { ProxyConfig } from '../config.ts';
import type { Dispatcher } from '../dispatcher.ts';
import type { GiftChanges } from '../gift-changes.ts';
import { BodyProblem, giftJsonBody, readGiftEntry, readJsonObject } from '../gift-intake.ts';
import { problem } from '../http-problem.ts';
import { REQUEUED_MESSAGE } from '../gift-verdict.ts';
import type { Log } from '../logger.ts';
import { storageFailure, type Outbox } from '../outbox.ts';

interface Deps {
  config: Pick<ProxyConfig, 'financialAccountId' | 'transactionIdPrefix' | 'answerWaitMs'>;
  outbox: Outbox;
  dispatcher: Dispatcher;
  batches: BatchStore;
  changes: GiftChanges;
  log: Log;
}

/** The same gift sent again (a retry), as opposed to a different gift reusing an ID. */
function sameGift(stored: GiftImportRequest, incoming: GiftImportRequest, incomingHadDate: boolean): boolean {
  return GIFT_FIELDS.every((field) => (field === 'receivedDate' && !incomingHadDate) || stored[field] === incoming[field]);
}

function answer(record: GiftRecord): [GiftRecord, 200 | 202] {
  return [record, isFinal(record.status) ? 200 : 202];
}

function prefersAsync(prefer: string | undefined): boolean {
  return (prefer ?? '').split(',').some((token) => token.trim().toLowerCase() === RESPOND_ASYNC.value);
}

const notStored = (reason: string) =>
  `The proxy cannot store gifts right now: ${reason}. This gift was NOT recorded and nothing was sent; try again once an administrator has fixed the proxy's storage.`;

export function giftRoutes({ config, outbox, dispatcher, batches, changes, log }: Deps): Hono {
  const app = new Hono();
  /** The gift, if the caller may see it: another caller's gift answers as if it did not exist. */
  const visible = (id: string, caller: Caller) => {
    const stored = outbox.get(id);
    return stored && sees(scopeOf(caller), stored.owner) ? stored : undefined;
  };

  app.post('/', giftJsonBody(), async (c) => {
    const body = await readJsonObject(c);
    if (body instanceof BodyProblem) return body.answer(c);
    // Who entered the gift and the donor's name are journal metadata, not part of the gift the upstream receives.
    const { enteredBy, donorName, ...giftBody } = body;
    const intake = readGiftEntry(giftBody, enteredBy, donorName, config);
    if (!intake.ok) {
      const { message, ...extra } = intake.error;
      return problem(c, 400, message, extra);
    }
    const { gift } = intake;
    const caller = callerOf(c);
    const metadata = stamped(caller, intake.metadata);
    const holder = batches.holderOf(gift.transactionId);
    if (holder?.state === 'open') {
      // Another caller's batch is not named: its name is theirs.
      const owner = batches.ownerOf(holder.id);
      const named = owner && sees(scopeOf(caller), owner) ? `the open batch "${holder.name}"` : 'an open batch';
      const message = `Transaction ID ${gift.transactionId} belongs to a gift kept in ${named}; it is sent when that batch is posted. Start a new gift to get a new ID.`;
      return problem(c, 409, message, { field: 'transactionId' });
    }

    const request = toImportRequest(gift, config.financialAccountId, new Date());
    const existing = outbox.get(gift.transactionId);
    // Another caller's gift is not this caller's to see, nor to learn it exists (IDs carry 64 random bits).
    const mine = existing === undefined || sees(scopeOf(caller), existing.owner);
    if (existing && !mine)
      return problem(c, 409, `Transaction ID ${gift.transactionId} is taken. Start a new gift to get a new ID.`, {
        field: 'transactionId',
      });
    if (existing && existing.record.status !== 'rejected') {
      if (!sameGift(existing.request, request, gift.receivedDate !== undefined)) {
        return problem(
          c,
          409,
          `Transaction ID ${gift.transactionId} already belongs to a different gift. Start a new gift to get a new ID.`,
          {
            field: 'transactionId',
          },
        );
      }
      log('info', 'gift_repeated', { transactionId: gift.transactionId, status: existing.record.status });
      return c.json(...answer(existing.record));
    }

    const held = dispatcher.held;
    let stored: GiftRecord;
    try {
      stored = outbox.enqueue(request, held ? 'held' : 'queued', held ? HELD_MESSAGE : undefined, metadata).record;
    } catch (error) {
      const reason = storageFailure(error);
      log('error', 'journal_write_failed', { transactionId: gift.transactionId, reason });
      return problem(c, 503, notStored(reason));
    }
    log('info', existing ? 'gift_resubmitted' : 'gift_received', {
      transactionId: gift.transactionId,
      held,
      by: metadata.partyId,
      callerLabel: metadata.callerKey,
    });
    changes.changed(gift.transactionId);
    dispatcher.wake();
    if (prefersAsync(c.req.header(RESPOND_ASYNC.header))) {
      c.header('Preference-Applied', RESPOND_ASYNC.value);
      return c.json(stored, 202);
    }
    const record = (await dispatcher.waitForVerdict(gift.transactionId, config.answerWaitMs))!;
    return c.json(...answer(record));
  });

  // Registered before '/:transactionId…' so the path is never read as a transaction ID.
  app.post(PROXY_PATHS.retryStuck.slice(PROXY_PATHS.gifts.length), (c) => {
    const caller = callerOf(c);
    let requeued: number;
    try {
      requeued = outbox.requeueAllStuck(REQUEUED_MESSAGE, scopeOf(caller), caller.party?.id);
    } catch (error) {
      return problem(
        c,
        503,
        `The gifts could not be put back in the queue: ${storageFailure(error)}. Try again once an administrator has fixed the proxy's storage.`,
      );
    }
    log('info', 'gifts_requeued', { requeuedGifts: requeued, by: caller.party?.id, callerLabel: caller.keyLabel });
    dispatcher.wake();
    const answer: RetryStuckAnswer = { requeued };
    return c.json(answer);
  });

  app.post('/:transactionId/retry', (c) => {
    const id = c.req.param('transactionId');
    const caller = callerOf(c);
    const stored = visible(id, caller);
    if (!stored) return problem(c, 404, `No gift with transaction ID ${id} has reached this proxy.`, { field: 'transactionId' });
    if (stored.record.status !== 'stuck') {
      return problem(c, 409, `Only a gift that needs attention can be put back in the queue; this one is ${stored.record.status}.`, {
        field: 'transactionId',
      });
    }
    let requeued: GiftRecord | undefined;
    try {
      requeued = outbox.requeue(id, REQUEUED_MESSAGE, caller.party?.id)?.record;
    } catch (error) {
      return problem(
        c,
        503,
        `The gift could not be put back in the queue: ${storageFailure(error)}. Try again once an administrator has fixed the proxy's storage.`,
      );
    }
    if (!requeued) return problem(c, 409, 'The gift changed meanwhile; look at its status again.', { field: 'transactionId' });
    log('info', 'gift_requeued', { transactionId: id, by: caller.party?.id, callerLabel: caller.keyLabel });
    changes.changed(id);
    dispatcher.wake();
    return c.json(requeued, 202);
  });

  app.get('/:transactionId', (c) => {
    const id = c.req.param('transactionId');
    const stored = visible(id, callerOf(c));
    if (!stored) return problem(c, 404, `No gift with transaction ID ${id} has reached this proxy.`, { field: 'transactionId' });
    return c.json(stored.record);
  });

  app.get('/', (c) => {
    const sinceParam = c.req.query('since');
    const since = sinceParam === undefined ? new Date(Date.now() - 24 * 3600_000) : new Date(sinceParam);
    if (Number.isNaN(since.getTime())) {
      return problem(c, 400, `"since" must be a date or date-time, like 2026-11-23 or 2026-11-23T09:00:00Z (got "${sinceParam}").`);
    }
    const limitParam = c.req.query('limit') ?? '500';
    const limit = Number(limitParam);
    if (!/^\d+$/.test(limitParam) || limit < 1 || limit > 5000) {
      return problem(c, 400, `"limit" must be a whole number from 1 to 5000 (got "${limitParam}").`);
    }
    return c.json({ gifts: outbox.journal(since.toISOString(), limit, scopeOf(callerOf(c))) });
  });

  return app;
}
