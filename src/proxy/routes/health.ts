/** GET /healthz: liveness, how many gifts are waiting, and whether the upstream is taking them. */
import { Hono } from 'hono';
import type { Health } from '../../contract/index.ts';
import type { Dispatcher } from '../dispatcher.ts';
import type { Outbox } from '../outbox.ts';

export function healthRoutes(outbox: Outbox, dispatcher: Dispatcher, simulated: boolean): Hono {
  const app = new Hono();
  app.get('/', (c) => {
    const health: Health = {
      ok: true,
      queueDepth: outbox.depth(),
      upstream: { ...dispatcher.upstream, simulated },
    };
    c.header('Cache-Control', 'no-store');
    return c.json(health);
  });
  return app;
}
