/**
 * POST /api/gifts/watch: a long-poll, so a verdict reaches the widget within moments of
 * the upstream's answer instead of after a back-off poll. The caller says which status
 * it knows for each gift it follows; the answer lists the gifts whose status differs, at
 * once if any does, else as soon as one changes, else `{ gifts: [] }` after waitMs. Gifts
 * the journal does not hold are ignored. Closing the connection frees the waiter;
 * stopping the proxy answers every waiter at once.
 */
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { WATCH_MAX_GIFTS, WATCH_MAX_WAIT_MS, watchRequestSchema, type GiftRecord, type GiftStatus } from '../../contract/index.ts';
import { callerOf, scopeOf, sees, type Scope } from '../caller.ts';
import type { GiftChanges } from '../gift-changes.ts';
import { BodyProblem, giftJsonBody, readJsonObject } from '../gift-intake.ts';
import { problem } from '../http-problem.ts';
import type { Outbox } from '../outbox.ts';

interface Deps {
  outbox: Outbox;
  changes: GiftChanges;
}

/** Under the longest request a browser or proxy in between keeps open without complaint. */
const DEFAULT_WAIT_MS = 25_000;

export function giftWatchRoutes({ outbox, changes }: Deps): Hono {
  const app = new Hono();
  // Gifts another caller entered are ignored, as gifts the journal does not hold are.
  const differing = (known: Record<string, GiftStatus>, scope: Scope): GiftRecord[] =>
    Object.entries(known).flatMap(([id, status]) => {
      const stored = outbox.get(id);
      return stored && sees(scope, stored.owner) && stored.record.status !== status ? [stored.record] : [];
    });

  app.post('/', giftJsonBody({ a: 'A watch request', the: 'the watch request' }), async (c) => {
    const body = await readJsonObject(c, 'the watch request');
    if (body instanceof BodyProblem) return body.answer(c);
    const parsed = z.safeParse(watchRequestSchema, body);
    if (!parsed.success) {
      return problem(
        c,
        400,
        `Send { known: { transactionId: status, … }, waitMs? } with waitMs a whole number of milliseconds up to ${WATCH_MAX_WAIT_MS}.`,
      );
    }
    const { known, waitMs = DEFAULT_WAIT_MS } = parsed.data;
    const ids = Object.keys(known);
    if (ids.length > WATCH_MAX_GIFTS) {
      return problem(c, 400, `Watch at most ${WATCH_MAX_GIFTS} gifts at once (this request names ${ids.length}).`);
    }
    const scope = scopeOf(callerOf(c));
    const now = differing(known, scope);
    if (now.length > 0 || waitMs === 0) return c.json({ gifts: now });

    const watched = new Set(ids);
    const signal = c.req.raw.signal;
    const gifts = await new Promise<GiftRecord[]>((resolve) => {
      let stop = () => {};
      const finish = (gifts: GiftRecord[]) => {
        clearTimeout(timer);
        signal.removeEventListener('abort', gone);
        stop();
        resolve(gifts);
      };
      const gone = () => finish([]);
      const timer = setTimeout(() => finish([]), waitMs);
      signal.addEventListener('abort', gone);
      stop = changes.listen(
        (id) => {
          if (id !== undefined && !watched.has(id)) return;
          const changed = differing(known, scope);
          if (changed.length > 0) finish(changed);
        },
        () => finish(differing(known, scope)),
      );
      if (signal.aborted) gone();
    });
    return c.json({ gifts });
  });

  return app;
}
