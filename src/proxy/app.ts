/** The proxy's HTTP surface, composed from small route modules. */
import { Hono } from 'hono';
import { PROXY_PATHS } from '../contract/index.ts';
import { callerChecks } from './caller-checks.ts';
import type { ProxyConfig } from './config.ts';
import type { Dispatcher } from './dispatcher.ts';
import { problem } from './http-problem.ts';
import type { Log } from './logger.ts';
import type { LookupsCache } from './lookups-cache.ts';
import type { Outbox } from './outbox.ts';
import { giftRoutes } from './routes/gifts.ts';
import { healthRoutes } from './routes/health.ts';
import { lookupRoutes } from './routes/lookups.ts';
import { staticRoutes } from './routes/static-files.ts';

export interface AppDeps {
  config: ProxyConfig;
  outbox: Outbox;
  dispatcher: Dispatcher;
  lookups: LookupsCache;
  log: Log;
  simulated: boolean;
}

export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  app.use('/api/*', callerChecks(deps.config));
  app.route(PROXY_PATHS.lookups, lookupRoutes(deps.lookups));
  app.route(PROXY_PATHS.gifts, giftRoutes(deps));
  app.route(PROXY_PATHS.health, healthRoutes(deps.outbox, deps.dispatcher, deps.simulated));
  app.route('/', staticRoutes());

  app.notFound((c) => problem(c, 404, `Nothing at ${c.req.method} ${new URL(c.req.url).pathname}.`));
  app.onError((error, c) => {
    deps.log('error', 'request_failed', { path: new URL(c.req.url).pathname, reason: error.message });
    return problem(c, 500, 'The proxy hit an unexpected problem. Anything it acknowledged is kept; try again.');
  });
  return app;
}
