/**
 * What the proxy is doing, as Prometheus metrics. Nothing here changes how a gift
 * travels: import latency and outcomes come from a decorator around the upstream
 * client, and everything about the queue is read from the journal at scrape time,
 * so the figures are the journal's own and survive restarts.
 */
import type { Registry } from 'prom-client';
import { GIFT_STATUSES } from '../contract/index.ts';
import type { UpstreamState } from './dispatcher.ts';
import type { Outbox } from './outbox.ts';
import type { ImportOutcome, UpstreamClient } from './upstream-client.ts';

const UPSTREAM_STATES = ['ok', 'retrying', 'held'] as const;
const OUTCOMES: ReadonlyArray<ImportOutcome['kind']> = ['accepted', 'rejected', 'unauthorized', 'retry'];

export interface MetricsSources {
  outbox: Pick<Outbox, 'depth' | 'countByStatus'>;
  /** Read at scrape time (the dispatcher is made after the client this module instruments). */
  upstreamState(): UpstreamState['state'];
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
  for (const outcome of OUTCOMES) {
    imports.inc({ outcome }, 0);
    latency.zero({ outcome });
  }

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
          if (outcome.kind === 'retry') retries.inc();
          return outcome;
        },
      };
    },
  };
}
