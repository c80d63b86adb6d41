/**
 * GET /healthz: liveness, readiness (can gifts be stored right now?), how many gifts
 * are waiting or stuck, and whether the upstream is taking them. Readiness is false
 * while the journal refuses writes (disk full, read-only) or the proxy is stopping,
 * so a load balancer stops sending gifts that could not be stored.
 */
import { Hono } from 'hono';
import type { Health } from '../../contract/index.ts';
import type { Dispatcher } from '../dispatcher.ts';
import type { Outbox } from '../outbox.ts';

export function healthRoutes(outbox: Outbox, dispatcher: Dispatcher, simulated: boolean, stopping: () => boolean = () => false): Hono {
  const app = new Hono();
  app.get('/', (c) => {
    const journal = outbox.checkWritable();
    const health: Health = {
      ok: true,
      ready: journal.writable && !stopping(),
      queueDepth: outbox.depth(),
      stuck: outbox.stuckCount(),
      upstream: { ...dispatcher.upstream, simulated },
    };
    if (!journal.writable) health.message = `Gifts cannot be stored: ${journal.reason}. New gifts are refused (503) until this is fixed.`;
    else if (stopping()) health.message = 'The proxy is shutting down.';
    c.header('Cache-Control', 'no-store');
    return c.json(health, health.ready ? 200 : 503);
  });
  return app;
}
