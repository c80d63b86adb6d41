/**
 * Batches kept open at the proxy (review mode): opened with their defaults and the
 * stack's expected count and total, filled row by row (stored, never sent), edited,
 * listed and reopened by whoever may use the proxy, then posted with one action. Posting
 * queues every row in the order it was added, in one transaction with the batch's
 * state, only when the batch matches the stack or staff say why they post it anyway.
 * Logs name batches and transactionIds only, never donor details.
 */
import { Hono, type Context } from 'hono';
import * as z from 'zod/mini';
import {
  BATCH_STATES,
  batchSettingsPatchSchema,
  batchSettingsSchema,
  HELD_MESSAGE,
  postBatchSchema,
  postRefusal,
  reconcile,
  toImportRequest,
  type Batch,
} from '../../contract/index.ts';
import type { BatchStore } from '../batch-store.ts';
import { callerOf, scopeOf, sees, stamped } from '../caller.ts';
import type { ProxyConfig } from '../config.ts';
import type { Dispatcher } from '../dispatcher.ts';
import type { GiftChanges } from '../gift-changes.ts';
import { BodyProblem, giftJsonBody, readGiftEntry, readJsonObject } from '../gift-intake.ts';
import { problem } from '../http-problem.ts';
import type { Log } from '../logger.ts';
import { storageFailure, type Outbox } from '../outbox.ts';

interface Deps {
  config: Pick<ProxyConfig, 'financialAccountId' | 'transactionIdPrefix'>;
  outbox: Outbox;
  batches: BatchStore;
  dispatcher: Dispatcher;
  changes: GiftChanges;
  log: Log;
}

/** A transactionId taken between saving a row and posting its batch: the post is undone. */
class TransactionIdTaken extends Error {
  constructor(readonly transactionId: string) {
    super(`Transaction ID ${transactionId} is already in the gift journal`);
  }
}

const notFound = (c: Context, id: string) => problem(c, 404, `No batch ${id} is kept at this proxy; it may have been opened elsewhere.`);

const postedAlready = (c: Context, batch: Batch) =>
  problem(
    c,
    409,
    `This batch was posted on ${batch.postedAt?.slice(0, 10) ?? 'an earlier day'} by ${batch.postedBy ?? 'someone who did not give a party ID'}; it can no longer be changed.`,
  );

const cannotStore = (c: Context, error: unknown) =>
  problem(
    c,
    503,
    `The proxy cannot store batches right now: ${storageFailure(error)}. Nothing was changed; try again once an administrator has fixed the proxy's storage.`,
  );

const SETTINGS_BODY = giftJsonBody({ a: 'Batch settings', the: 'the batch settings' });
const ROW_BODY = giftJsonBody({ a: 'A batch row', the: 'the batch row' });

/** The body parsed with `schema`, or the first problem as a 400. */
async function readBody<S extends z.ZodMiniType>(c: Context, schema: S, what: string): Promise<z.infer<S> | Response> {
  const body = await readJsonObject(c, what);
  if (body instanceof BodyProblem) return body.answer(c);
  const parsed = z.safeParse(schema, body);
  if (!parsed.success) return problem(c, 400, parsed.error.issues[0]?.message ?? `Send ${what} as the API describes.`);
  return parsed.data;
}

export function batchRoutes({ config, outbox, batches, dispatcher, changes, log }: Deps): Hono {
  const app = new Hono();
  /**
   * The batch, if the caller may see it (what its key or its person opened; a supervisor sees all):
   * another caller's batch answers as if it did not exist.
   */
  const visible = (c: Context, id: string): Batch | undefined => {
    const owner = batches.ownerOf(id);
    return owner && sees(scopeOf(callerOf(c)), owner) ? batches.get(id) : undefined;
  };
  /** Who acts, for the journal: the verified party when signed in, else the party ID the page reported. */
  const actor = (c: Context, reported: string | undefined) => callerOf(c).party?.id ?? reported;

  app.post('/', SETTINGS_BODY, async (c) => {
    const settings = await readBody(c, batchSettingsSchema, 'the batch settings');
    if (settings instanceof Response) return settings;
    const caller = callerOf(c);
    const by = actor(c, settings.by);
    let batch: Batch;
    try {
      batch = batches.open({ ...settings, by }, stamped(caller, {}));
    } catch (error) {
      return cannotStore(c, error);
    }
    log('info', 'batch_opened', { batchId: batch.id, by, callerLabel: caller.keyLabel, expectedCount: settings.expected.count });
    return c.json(batch, 201);
  });

  app.get('/', (c) => {
    const state = c.req.query('state') ?? 'open';
    if (!(BATCH_STATES as readonly string[]).includes(state)) {
      return problem(c, 400, `"state" must be ${BATCH_STATES.join(' or ')} (got "${state}").`);
    }
    return c.json({ batches: batches.list(state as Batch['state'], scopeOf(callerOf(c))) });
  });

  app.get('/:id', (c) => {
    const batch = visible(c, c.req.param('id'));
    return batch ? c.json(batch) : notFound(c, c.req.param('id'));
  });

  app.patch('/:id', SETTINGS_BODY, async (c) => {
    const id = c.req.param('id');
    const settings = await readBody(c, batchSettingsPatchSchema, 'the batch settings');
    if (settings instanceof Response) return settings;
    const before = visible(c, id);
    if (!before) return notFound(c, id);
    if (before.state !== 'open') return postedAlready(c, before);
    let batch: Batch;
    try {
      batch = batches.update(id, settings)!;
    } catch (error) {
      return cannotStore(c, error);
    }
    const changed = (['name', 'defaults', 'expected'] as const).filter((key) => settings[key] !== undefined).join(',');
    log('info', 'batch_defaults_changed', { batchId: id, by: actor(c, settings.by), changed: changed || 'nothing' });
    return c.json(batch);
  });

  app.put('/:id/gifts/:transactionId', ROW_BODY, async (c) => {
    const id = c.req.param('id');
    const transactionId = c.req.param('transactionId');
    const body = await readJsonObject(c, 'one batch row', ['gift', 'amount']);
    if (body instanceof BodyProblem) return body.answer(c);
    const batch = visible(c, id);
    if (!batch) return notFound(c, id);
    if (batch.state !== 'open') return postedAlready(c, batch);
    const { gift: giftBody, enteredBy, donorName, ...unknown } = body;
    const extra = Object.keys(unknown);
    if (extra.length > 0) return problem(c, 400, `Unknown field${extra.length > 1 ? 's' : ''} in a batch row: ${extra.join(', ')}.`);
    if (typeof giftBody !== 'object' || giftBody === null || Array.isArray(giftBody)) {
      return problem(c, 400, 'Send the row as { gift, enteredBy?, donorName? } with the gift as a JSON object.');
    }
    const intake = readGiftEntry(giftBody as Record<string, unknown>, enteredBy, donorName, config);
    if (!intake.ok) {
      const { message, ...fields } = intake.error;
      return problem(c, 400, message, fields);
    }
    const { gift } = intake;
    const metadata = stamped(callerOf(c), intake.metadata);
    if (gift.transactionId !== transactionId) {
      return problem(
        c,
        400,
        `The address names transaction ID ${transactionId} but the gift carries ${gift.transactionId}; they must be the same.`,
        {
          field: 'transactionId',
        },
      );
    }
    if (outbox.get(transactionId)) {
      return problem(
        c,
        409,
        `Transaction ID ${transactionId} is already in the gift journal (sent or on its way); start a new gift to get a new ID.`,
        {
          field: 'transactionId',
        },
      );
    }
    const holder = batches.holderOf(transactionId);
    if (holder && holder.id !== id) {
      return problem(
        c,
        409,
        `Transaction ID ${transactionId} already belongs to a gift in another batch${visible(c, holder.id) ? ` ("${holder.name}")` : ''}; start a new gift to get a new ID.`,
        {
          field: 'transactionId',
        },
      );
    }
    let replaced: boolean;
    try {
      ({ replaced } = batches.saveGift(id, gift, metadata));
    } catch (error) {
      return cannotStore(c, error);
    }
    const saved = batches.get(id)!;
    log('info', 'batch_gift_saved', { batchId: id, transactionId, replaced, count: saved.gifts.length });
    return c.json(saved);
  });

  app.delete('/:id/gifts/:transactionId', (c) => {
    const id = c.req.param('id');
    const transactionId = c.req.param('transactionId');
    const batch = visible(c, id);
    if (!batch) return notFound(c, id);
    if (batch.state !== 'open') return postedAlready(c, batch);
    let removed: boolean;
    try {
      removed = batches.removeGift(id, transactionId);
    } catch (error) {
      return cannotStore(c, error);
    }
    if (!removed) return problem(c, 404, `This batch holds no gift with transaction ID ${transactionId}.`, { field: 'transactionId' });
    const left = batches.get(id)!;
    log('info', 'batch_gift_removed', { batchId: id, transactionId, count: left.gifts.length });
    return c.json(left);
  });

  app.post('/:id/post', SETTINGS_BODY, async (c) => {
    const id = c.req.param('id');
    const post = await readBody(c, postBatchSchema, 'who posts the batch');
    if (post instanceof Response) return post;
    // From here to the answer nothing awaits: the gate and the post see the same rows.
    const batch = visible(c, id);
    const by = actor(c, post.by);
    if (!batch) return notFound(c, id);
    if (batch.state === 'posted') return c.json(batch);
    const refusal = postRefusal(
      reconcile(
        batch.gifts.map((row) => row.gift),
        batch.expected,
      ),
    );
    if (refusal && post.reason === undefined) return problem(c, 409, refusal);

    const held = dispatcher.held;
    try {
      batches.post(id, by, refusal ? post.reason : undefined, (entry) => {
        if (outbox.get(entry.transactionId)) throw new TransactionIdTaken(entry.transactionId);
        // A gift with no received date was received the day it was entered in the batch, not the day it is posted.
        const request = toImportRequest(entry.gift, config.financialAccountId, new Date(entry.addedAt));
        outbox.enqueue(request, held ? 'held' : 'queued', held ? HELD_MESSAGE : undefined, entry.metadata);
      });
    } catch (error) {
      if (error instanceof TransactionIdTaken) {
        return problem(
          c,
          409,
          `Transaction ID ${error.transactionId} reached the gift journal outside this batch, so the batch was not posted and nothing was queued; remove that row and post again.`,
          { field: 'transactionId' },
        );
      }
      log('error', 'journal_write_failed', { batchId: id, reason: storageFailure(error) });
      return problem(
        c,
        503,
        `The batch could not be posted: ${storageFailure(error)}. Nothing was queued and the batch is still open; try again once an administrator has fixed the proxy's storage.`,
      );
    }
    const posted = batches.get(id)!;
    const totalCents = posted.gifts.reduce((sum, row) => sum + Math.round(row.gift.amount * 100), 0);
    log('info', 'batch_posted', { batchId: id, by, gifts: posted.gifts.length, totalCents, anyway: refusal !== undefined, held });
    changes.changedMany();
    dispatcher.wake();
    return c.json(posted);
  });

  return app;
}
