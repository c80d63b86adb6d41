/**
 * What the proxy is doing, as Prometheus metrics. Nothing here changes how a gift
 * travels: import latency and outcomes come from a decorator around the upstream
 * client, and everything about the queue is read from the journal at scrape time,
 * so the figures are the journal's own and survive restarts.
 */
import type { Registry } from 'prom-client';
import { GIFT_STATUSES } from '../contract/index.ts';
import type { BackupRecord } from './backup-record.ts';
import type { BuildInfo } from './build-info.ts';
import type { UpstreamState } from './dispatcher.ts';
import type { Outbox } from './outbox.ts';
import type { ImportOutcome, UpstreamClient, UpstreamFailure } from './upstream-client.ts';

const UPSTREAM_STATES = ['ok', 'retrying', 'held'] as const;
const OUTCOMES: ReadonlyArray<ImportOutcome['kind']> = ['accepted', 'rejected', 'unauthorized', 'retry'];

/** What on-call tells apart: a verdict, or which kind of failure (each calls for a different fix). */
export const OUTCOME_CLASSES = [
  'accepted',
  'rejected',
  'unauthorized',
  'server_error',
  'unavailable',
  'timeout',
  'network',
  'redirect',
  'odd_2xx',
  'other',
] as const;
export type OutcomeClass = (typeof OUTCOME_CLASSES)[number];

/** Each kind of failure the upstream client names (upstream-client.ts), as a metric class. */
const FAILURE_CLASS: Record<UpstreamFailure, OutcomeClass> = {
  timeout: 'timeout',
  network: 'network',
  misrouted: 'redirect',
  'odd-answer': 'odd_2xx',
  unavailable: 'unavailable',
  'server-error': 'server_error',
  refused: 'other',
};

/** The class of one import call's outcome: the verdicts, and each kind of failure. */
export function outcomeClass(outcome: ImportOutcome): OutcomeClass {
  switch (outcome.kind) {
    case 'accepted':
    case 'rejected':
    case 'unauthorized':
      return outcome.kind;
    case 'retry':
      return FAILURE_CLASS[outcome.failure];
    default:
      return 'other';
  }
}

export interface MetricsSources {
  outbox: Pick<Outbox, 'depth' | 'countByStatus' | 'oldestWaitingSince'>;
  /** Read at scrape time (the dispatcher is made after the client this module instruments). */
  upstreamState(): UpstreamState['state'];
  /** Whether a gift could be stored right now (as /healthz's `ready`). */
  ready(): boolean;
  lastBackup(): BackupRecord | undefined;
  build: BuildInfo;
  /** Wrong guesses since start, by what was guessed (caller_key, admin_token, sign_in_token). */
  refusedGuesses?(): Record<string, number>;
  /** Live sign-in sessions; undefined when sign-in is off. */
  liveSessions?(): number | undefined;
}

export interface ProxyMetrics {
  registry: Registry;
  /** The same client, timed and counted. */
  instrument(client: UpstreamClient): UpstreamClient;
}

/**
 * prom-client and its registry cost the proxy a few MB, so they are loaded only when
 * someone can scrape them (GIFT_ADMIN_TOKEN is set): the import is dynamic on purpose.
 */
export async function createMetrics(sources: MetricsSources): Promise<ProxyMetrics> {
  const { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } = await import('prom-client');
  // One registry per proxy: tests run several proxies in one process.
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  new Gauge({
    name: 'gift_proxy_queue_depth',
    help: 'Gifts waiting to go upstream (queued, sending or held).',
    registers: [registry],
    collect() {
      this.set(sources.outbox.depth());
    },
  });
  new Gauge({
    name: 'gift_proxy_gifts',
    help: 'Gifts in the journal by status; stuck gifts need someone to look at them.',
    labelNames: ['status'],
    registers: [registry],
    collect() {
      const counts = new Map(sources.outbox.countByStatus().map(({ status, count }) => [status, count]));
      for (const status of GIFT_STATUSES) this.set({ status }, counts.get(status) ?? 0);
    },
  });
  new Gauge({
    name: 'gift_proxy_upstream_state',
    help: 'The upstream as the dispatcher sees it: 1 for the current state (held means the credentials were refused).',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const current = sources.upstreamState();
      for (const state of UPSTREAM_STATES) this.set({ state }, current === state ? 1 : 0);
    },
  });

  new Gauge({
    name: 'gift_proxy_oldest_waiting_seconds',
    help: 'Age of the oldest gift still waiting to go upstream (0 when none waits): a queue that does not drain.',
    registers: [registry],
    collect() {
      const since = sources.outbox.oldestWaitingSince();
      this.set(since === undefined ? 0 : Math.max(0, (Date.now() - Date.parse(since)) / 1000));
    },
  });
  new Gauge({
    name: 'gift_proxy_ready',
    help: 'Whether the proxy can store gifts right now (1) or refuses them with 503 (0: disk full, read-only, stopping).',
    registers: [registry],
    collect() {
      this.set(sources.ready() ? 1 : 0);
    },
  });
  new Gauge({
    name: 'gift_proxy_last_backup_timestamp_seconds',
    help: 'When the last backup through POST /admin/backup was taken (0: none yet from this DATA_DIR).',
    registers: [registry],
    collect() {
      this.set((sources.lastBackup()?.at ?? 0) / 1000);
    },
  });
  new Gauge({
    name: 'gift_proxy_last_backup_bytes',
    help: 'Size of the last backup taken (0: none yet).',
    registers: [registry],
    collect() {
      this.set(sources.lastBackup()?.bytes ?? 0);
    },
  });
  new Gauge({
    name: 'gift_proxy_build_info',
    help: 'The running release: always 1, with its version, commit, Node.js version and journal schema as labels.',
    labelNames: ['version', 'commit', 'node', 'schema_version'],
    registers: [registry],
  }).set(
    {
      version: sources.build.version,
      commit: sources.build.commit,
      node: sources.build.node,
      schema_version: String(sources.build.schemaVersion),
    },
    1,
  );

  new Counter({
    name: 'gift_proxy_refused_guesses_total',
    help: 'Wrong caller keys, admin tokens and refresh tokens since start: a steep rise is someone guessing (each is answered ever more slowly).',
    labelNames: ['kind'],
    registers: [registry],
    collect() {
      this.reset();
      for (const [kind, count] of Object.entries(sources.refusedGuesses?.() ?? {})) this.inc({ kind }, count);
    },
  });
  new Gauge({
    name: 'gift_proxy_sessions',
    help: 'Live sign-in sessions (0 when sign-in is off).',
    registers: [registry],
    collect() {
      this.set(sources.liveSessions?.() ?? 0);
    },
  });

  const imports = new Counter({
    name: 'gift_proxy_upstream_imports_total',
    help: 'Upstream import calls by outcome (retry: no verdict, the same gift will be sent again).',
    labelNames: ['outcome'],
    registers: [registry],
  });
  const retries = new Counter({
    name: 'gift_proxy_upstream_retries_total',
    help: 'Import calls that ended without a verdict (5xx, timeout, network), so the gift is retried.',
    registers: [registry],
  });
  // The real service takes 2–5 s per gift; the buckets reach past the default 30 s timeout.
  const latency = new Histogram({
    name: 'gift_proxy_upstream_import_duration_seconds',
    help: 'Time one upstream import call took, by outcome.',
    labelNames: ['outcome'],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 8, 13, 21, 34, 60],
    registers: [registry],
  });
  const classes = new Counter({
    name: 'gift_proxy_upstream_outcomes_total',
    help: 'Upstream import calls by class: the verdicts, and each kind of failure (5xx, unavailable, timeout, network, redirect, odd 2xx).',
    labelNames: ['class'],
    registers: [registry],
  });
  for (const outcome of OUTCOMES) {
    imports.inc({ outcome }, 0);
    latency.zero({ outcome });
  }
  for (const name of OUTCOME_CLASSES) classes.inc({ class: name }, 0);

  return {
    registry,
    instrument(client) {
      return {
        lookup: (name, schema) => client.lookup(name, schema),
        async importGift(request) {
          const stop = latency.startTimer();
          const outcome = await client.importGift(request);
          stop({ outcome: outcome.kind });
          imports.inc({ outcome: outcome.kind });
          classes.inc({ class: outcomeClass(outcome) });
          if (outcome.kind === 'retry') retries.inc();
          return outcome;
        },
      };
    },
  };
}
