/** The proxy's HTTP surface, composed from small route modules. */
import { Hono } from 'hono';
import { PROXY_PATHS } from '../contract/index.ts';
import type { BatchStore } from './batch-store.ts';
import { callerChecks, loopbackHostOnly } from './caller-checks.ts';
import type { ProxyConfig } from './config.ts';
import type { Dispatcher } from './dispatcher.ts';
import type { GiftChanges } from './gift-changes.ts';
import { closeAfterEarlyAnswer, refuseWhileStopping, securityHeaders } from './http-hygiene.ts';
import { problem } from './http-problem.ts';
import { KeyFailures } from './key-failures.ts';
import type { Log } from './logger.ts';
import type { LookupsCache } from './lookups-cache.ts';
import type { ProxyMetrics } from './metrics.ts';
import type { Outbox } from './outbox.ts';
import { adminRoutes } from './routes/admin.ts';
import { batchRoutes } from './routes/batches.ts';
import { giftWatchRoutes } from './routes/gift-watch.ts';
import { giftRoutes } from './routes/gifts.ts';
import { healthRoutes } from './routes/health.ts';
import { lookupRoutes } from './routes/lookups.ts';
import { sessionRoutes } from './routes/session.ts';
import { signInRoutes } from './routes/sign-in.ts';
import { staticRoutes } from './routes/static-files.ts';
import { sessionChecks } from './session-checks.ts';
import type { SignInService } from './sign-in-service.ts';
import { releaseHeader, widgetReleaseReader } from './widget-release.ts';

/**
 * Known paths and their verbs, read from the routes the app registered (its one
 * table), so a wrong verb is told apart from a wrong path.
 */
function allowedMethods(app: Hono): Array<[RegExp, string]> {
  const byPattern = new Map<string, Set<string>>();
  for (const { method, path } of app.routes) {
    if (method === 'ALL' || path.includes('*')) continue;
    const source = `^${path.replace(/\/+$/, '').replace(/:[^/{]+(\{[^}]*\})?/g, '[^/]+')}/?$`;
    const verbs = byPattern.get(source) ?? new Set<string>();
    verbs.add(method);
    byPattern.set(source, verbs);
  }
  return [...byPattern].map(([source, verbs]) => [new RegExp(source), [...verbs].sort().join(', ')]);
}

export interface AppDeps {
  config: ProxyConfig;
  outbox: Outbox;
  dispatcher: Dispatcher;
  /** Open batches, kept in the journal's database. */
  batches: BatchStore;
  /** Told of every status change; answers the long-polls of /api/gifts/watch. */
  changes: GiftChanges;
  lookups: LookupsCache;
  log: Log;
  simulated: boolean;
  /** True once the proxy has begun to shut down. */
  stopping?: () => boolean;
  /** Served at GET /metrics behind the admin token. */
  metrics?: ProxyMetrics;
  /** The demo and the iMIS stand-in (src/demo/routes.ts), mounted only when `simulated`: main.ts passes them. */
  demo?: Hono;
  /** The widget bundle served at /gift-entry.js (default dist/gift-entry.js). */
  widgetBundle?: string;
  /** Wrong caller keys and wrong admin tokens, counted across requests (server.ts flushes their log summaries at stop). */
  keyGuesses?: KeyFailures;
  adminGuesses?: KeyFailures;
  signInGuesses?: KeyFailures;
  /** Sign-in through iMIS, when configured: every /api/ call then needs a session. */
  signIn?: SignInService;
}

export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  const stopping = deps.stopping ?? (() => false);
  app.use('*', securityHeaders(), closeAfterEarlyAnswer());
  // Before anything answers, the demo pages included: in local mode DNS rebinding must get nothing at all.
  if (deps.config.callerChecksOff) app.use('*', loopbackHostOnly());
  app.use('/api/*', refuseWhileStopping(stopping));
  const readRelease = widgetReleaseReader(deps.widgetBundle);
  app.use('/api/*', releaseHeader(readRelease));
  // Demo only: pages playing iMIS, whose REST API it stands in for. Registered before the
  // caller checks: the widget calls iMIS with iMIS's credentials, not ours.
  if (deps.simulated && deps.demo) app.route('/', deps.demo);
  app.use('/api/*', callerChecks(deps.config, deps.log, deps.keyGuesses ?? new KeyFailures('caller_key_refused', deps.log)));
  if (deps.signIn) {
    app.use('/api/*', sessionChecks(deps.signIn));
    app.route('/', sessionRoutes(deps.signIn));
    app.route('/', signInRoutes({ config: deps.config, signIn: deps.signIn, failures: deps.signInGuesses }));
  }
  app.route(PROXY_PATHS.lookups, lookupRoutes(deps.lookups));
  // Before the gift routes: "watch" must never be read as a transactionId.
  app.route(PROXY_PATHS.watch, giftWatchRoutes(deps));
  app.route(PROXY_PATHS.gifts, giftRoutes(deps));
  app.route(PROXY_PATHS.batches, batchRoutes(deps));
  app.route(PROXY_PATHS.health, healthRoutes(deps.outbox, deps.dispatcher, deps.simulated, stopping));
  app.route('/', adminRoutes(deps));
  app.route('/', staticRoutes(readRelease));

  let known: Array<[RegExp, string]> | undefined;
  app.notFound((c) => {
    const path = new URL(c.req.url).pathname;
    known ??= allowedMethods(app);
    const allowed = known.find(([pattern]) => pattern.test(path))?.[1];
    if (allowed) {
      c.header('Allow', allowed);
      return problem(c, 405, `${path} does not take ${c.req.method}; use ${allowed}.`);
    }
    return problem(c, 404, `Nothing at ${c.req.method} ${path}.`);
  });
  app.onError((error, c) => {
    deps.log('error', 'request_failed', { path: new URL(c.req.url).pathname, reason: error.message });
    return problem(c, 500, 'The proxy hit an unexpected problem. Anything it acknowledged is kept; try again.');
  });
  return app;
}
