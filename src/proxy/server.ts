/**
 * Starts the whole proxy: configuration, the durable outbox, the dispatcher and
 * HTTP. With no upstream configured it starts the simulator in-process, so a
 * fresh checkout works with no iMIS at all.
 */
import { serve, type ServerType } from '@hono/node-server';
import type { Hono } from 'hono';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.ts';
import { readBackupRecord } from './backup-record.ts';
import { BatchStore } from './batch-store.ts';
import { buildInfo } from './build-info.ts';
import { readConfig, type Env, type ProxyConfig } from './config.ts';
import { Dispatcher, type UpstreamState } from './dispatcher.ts';
import { GiftChanges } from './gift-changes.ts';
import { journalStartFailure } from './journal-file.ts';
import { KeyFailures } from './key-failures.ts';
import { SessionStore } from './sessions.ts';
import { SignInService } from './sign-in-service.ts';
import { DEMO_SIGN_IN } from '../contract/session-api.ts';
import { createLogger, secretsOf, type Log } from './logger.ts';
import { LookupsCache } from './lookups-cache.ts';
import { createMetrics, type ProxyMetrics } from './metrics.ts';
import { Outbox } from './outbox.ts';
import { createUpstreamClient } from './upstream-client.ts';

const RETENTION_SWEEP_MS = 3600_000;

/** Removes donor details from settled gifts past the retention period: at start, then hourly. */
function scheduleRetention(
  outbox: Outbox,
  batches: BatchStore,
  days: number | undefined,
  log: Log,
): ReturnType<typeof setInterval> | undefined {
  if (days === undefined) return undefined;
  const sweep = () => {
    const cutoff = new Date(Date.now() - days * 86_400_000).toISOString();
    const redacted = outbox.redactSettledBefore(cutoff);
    const rows = batches.redactPostedBefore(cutoff);
    if (redacted > 0 || rows > 0)
      log('info', 'journal_retention', { redactedGifts: redacted, redactedBatchRows: rows, retentionDays: days });
  };
  sweep();
  const timer = setInterval(sweep, RETENTION_SWEEP_MS);
  timer.unref();
  return timer;
}

export interface ProxyHandle {
  url: string;
  config: ProxyConfig;
  /** The embedded simulator's base URL, when there is one. */
  simulatorUrl: string | undefined;
  /** The gift journal (tests reach its storage through it to play a full disk). */
  outbox: Outbox;
  /** Status changes and the long-polls waiting on them (tests check that a closed connection frees its waiter). */
  changes: GiftChanges;
  /**
   * Stops accepting, answers callers still waiting for a verdict with the gift's
   * status as it stands, lets the upstream call in flight finish within its
   * timeout (its outcome is recorded), then closes the journal. Logged as
   * proxy_stopping (with `reason`, e.g. the signal) and proxy_stopped.
   */
  close(reason?: string): Promise<void>;
}

export interface StartOptions {
  /** Where log lines go (default stdout). */
  log?: (line: string) => void;
  /** The demo's routes, asked for (and mounted) only when the proxy runs its own simulator; undefined: none. */
  demo?: () => Promise<Hono | undefined>;
  /** The widget bundle to serve (default dist/gift-entry.js); tests serve one they built. */
  widgetBundle?: string;
}

/** How long open connections get to receive their last answers once the proxy stops. */
const SHUTDOWN_GRACE_MS = 2_000;

function listen(
  fetch: (request: Request) => Response | Promise<Response>,
  host: string,
  port: number,
  requestTimeoutMs: number,
): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    // Node's defaults hold a slow request for 300 s; a gift is a few KB.
    const serverOptions = {
      requestTimeout: requestTimeoutMs,
      headersTimeout: requestTimeoutMs,
      connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(requestTimeoutMs / 4))),
    };
    const server = serve({ fetch, hostname: host, port, serverOptions }, () => resolve(server));
    server.once('error', reject);
  });
}

/** Resolves once every connection has ended, cutting whatever is still open after the grace period. */
function closeServer(server: ServerType): Promise<void> {
  return new Promise<void>((resolve) => {
    const idle = 'closeIdleConnections' in server ? () => server.closeIdleConnections() : () => {};
    const sweep = setInterval(idle, 50);
    const cut = setTimeout(() => {
      if ('closeAllConnections' in server) server.closeAllConnections();
    }, SHUTDOWN_GRACE_MS);
    server.close(() => {
      clearInterval(sweep);
      clearTimeout(cut);
      resolve();
    });
    idle();
  });
}

export async function startProxy(env: Env, options: StartOptions = {}): Promise<ProxyHandle> {
  const config = readConfig(env);
  const log: Log = createLogger(secretsOf(config), options.log);

  let upstreamBaseUrl: string = config.upstreamBaseUrl ?? '';
  let closeSimulator: (() => Promise<void>) | undefined;
  if (config.upstreamBaseUrl === undefined) {
    const { startSimulator } = await import('../simulator/server.ts');
    const simulator = await startSimulator({ token: config.upstreamToken, processingDelayMs: config.simulatorDelay });
    upstreamBaseUrl = simulator.url;
    closeSimulator = () => simulator.close();
    log('warn', 'simulator_in_use', {
      upstream: simulator.url,
      note: 'GIFT_API_BASE_URL is not set: gifts go to the built-in simulator, NOT to iMIS',
    });
  }

  let demo: Hono | undefined;
  let outbox: Outbox | undefined;
  let batches: BatchStore;
  let resumed: number;
  try {
    if (closeSimulator && options.demo) demo = await options.demo();
    outbox = new Outbox(config.dataDir, { log });
    batches = new BatchStore(outbox);
    // The first write of this run: on a full disk it fails here, and is said as such.
    resumed = outbox.recover();
  } catch (error) {
    outbox?.close();
    await closeSimulator?.();
    throw journalStartFailure(config.dataDir, error);
  }
  let stopping = false;
  const metrics: ProxyMetrics | undefined =
    config.adminTokens.length === 0
      ? undefined
      : await createMetrics({
          outbox,
          upstreamState: (): UpstreamState['state'] => dispatcher.upstream.state,
          ready: () => !stopping && outbox.checkWritable().writable,
          lastBackup: () => readBackupRecord(config.dataDir),
          build: buildInfo(),
          refusedGuesses: () => ({
            caller_key: keyGuesses.refusedTotal,
            admin_token: adminGuesses.refusedTotal,
            sign_in_token: signInGuesses.refusedTotal,
          }),
          liveSessions: () => signIn?.store.live(),
        });
  const upstream = createUpstreamClient(upstreamBaseUrl, config.upstreamToken, config.upstreamTimeoutMs, secretsOf(config));
  const client = metrics?.instrument(upstream) ?? upstream;
  const changes = new GiftChanges();
  const dispatcher = new Dispatcher(outbox, client, config, log, changes);
  const lookups = new LookupsCache(client, config.lookupsTtlMs, config.transactionIdPrefix);
  // The demo's iMIS stand-in lives on this proxy, whose address is known once it listens.
  let ownUrl = '';
  const signIn =
    config.signIn &&
    new SignInService(
      config.signIn,
      new SessionStore(outbox.database, config.signIn.sessionMinutes),
      {
        baseUrl: () => config.signIn?.imisBaseUrl ?? `${ownUrl}${DEMO_SIGN_IN.imisPath}`,
        clientId: config.signIn.clientId,
        clientSecret: config.signIn.clientSecret,
        timeoutMs: Math.min(config.upstreamTimeoutMs, 15_000),
      },
      log,
    );
  const keyGuesses = new KeyFailures('caller_key_refused', log);
  const adminGuesses = new KeyFailures('admin_token_refused', log);
  const signInGuesses = new KeyFailures('sign_in_token_refused', log);
  const app = createApp({
    signIn,
    keyGuesses,
    adminGuesses,
    signInGuesses,
    config,
    outbox,
    dispatcher,
    batches,
    changes,
    lookups,
    log,
    simulated: closeSimulator !== undefined,
    stopping: () => stopping,
    metrics,
    demo,
    widgetBundle: options.widgetBundle,
  });

  let server: ServerType;
  try {
    server = await listen(app.fetch, config.host, config.port, config.requestTimeoutMs);
  } catch (error) {
    outbox.close();
    await closeSimulator?.();
    const code = error && typeof error === 'object' && 'code' in error ? String(error.code) : '';
    throw new Error(
      code === 'EADDRINUSE'
        ? `Port ${config.port} on ${config.host} is already in use: stop the other process or set PORT.`
        : `The proxy could not listen on ${config.host}:${config.port} (${code || 'unknown error'}).`,
      { cause: error },
    );
  }
  dispatcher.start();
  const retention = scheduleRetention(outbox, batches, config.retentionDays, log);

  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  ownUrl = url;
  const build = buildInfo();
  log('info', 'proxy_started', {
    url,
    version: build.version,
    commit: build.commit,
    node: build.node,
    schemaVersion: build.schemaVersion,
    pid: process.pid,
    dataDir: config.dataDir,
    resumedGifts: resumed,
    queueDepth: outbox.depth(),
    allowedOrigins: config.allowedOrigins.join(',') || '(none)',
    callerChecks: config.callerChecksOff
      ? 'OFF (loopback host, no GIFT_ENTRY_KEYS): local development only; only requests addressed to a loopback Host (localhost, 127.0.0.1, [::1]) are answered'
      : 'on',
    signIn: config.signIn
      ? `on: every API call needs an iMIS sign-in (${config.signIn.imisBaseUrl ?? 'the demo iMIS stand-in'}; entry roles ${config.signIn.entryRoles.join(',')}; supervisor roles ${config.signIn.supervisorRoles.join(',') || '(none)'}; sessions ${config.signIn.sessionMinutes} min)`
      : 'off: caller keys alone, each reading only what it entered',
  });

  let closing: Promise<void> | undefined;
  return {
    url,
    config,
    simulatorUrl: closeSimulator ? upstreamBaseUrl : undefined,
    outbox,
    changes,
    close(reason = 'close') {
      closing ??= (async () => {
        const began = Date.now();
        log('info', 'proxy_stopping', { reason, queueDepth: outbox.depth() });
        stopping = true;
        const closed = closeServer(server);
        clearInterval(retention);
        const stopped = dispatcher.stop();
        dispatcher.releaseWaiters();
        changes.close();
        keyGuesses.flush();
        adminGuesses.flush();
        signInGuesses.flush();
        await stopped;
        await closed;
        const queueDepth = outbox.depth();
        const stuck = outbox.stuckCount();
        outbox.close();
        await closeSimulator?.();
        log('info', 'proxy_stopped', { reason, queueDepth, stuck, durationMs: Date.now() - began });
      })();
      return closing;
    },
  };
}
