/**
 * Funds, appeals and campaigns change rarely: fetch the three lists together,
 * keep them for a TTL, share one fetch among callers who ask at once, and serve
 * the last good copy when the upstream is briefly away.
 */
import { createHash } from 'node:crypto';
import { codeDescriptionListSchema, distributionListSchema, type LookupsResponse } from '../contract/index.ts';
import type { UpstreamClient } from './upstream-client.ts';

export interface CachedLookups {
  body: string;
  etag: string;
  fetchedAtMs: number;
  stale: boolean;
}

export type LookupsResult = { kind: 'ok'; lookups: CachedLookups } | { kind: 'unauthorized' } | { kind: 'failed'; reason: string };

export class LookupsCache {
  private cached: Omit<CachedLookups, 'stale'> | undefined;
  private inFlight: Promise<LookupsResult> | undefined;

  constructor(
    private readonly client: UpstreamClient,
    private readonly ttlMs: number,
    private readonly transactionIdPrefix: string,
  ) {}

  async get(): Promise<LookupsResult> {
    if (this.cached && Date.now() - this.cached.fetchedAtMs < this.ttlMs) return { kind: 'ok', lookups: { ...this.cached, stale: false } };
    this.inFlight ??= this.refresh().finally(() => {
      this.inFlight = undefined;
    });
    const result = await this.inFlight;
    if (result.kind === 'failed' && this.cached) return { kind: 'ok', lookups: { ...this.cached, stale: true } };
    return result;
  }

  private async refresh(): Promise<LookupsResult> {
    const [distributions, appeals, campaigns] = await Promise.all([
      this.client.lookup('distributions', distributionListSchema),
      this.client.lookup('appeals', codeDescriptionListSchema),
      this.client.lookup('campaigns', codeDescriptionListSchema),
    ]);
    if (distributions.kind !== 'ok') return distributions;
    if (appeals.kind !== 'ok') return appeals;
    if (campaigns.kind !== 'ok') return campaigns;
    const now = Date.now();
    const response: LookupsResponse = {
      distributions: distributions.data,
      appeals: appeals.data,
      campaigns: campaigns.data,
      transactionIdPrefix: this.transactionIdPrefix,
      fetchedAt: new Date(now).toISOString(),
    };
    // The ETag covers the lists only, so an unchanged refresh still answers 304.
    const etag = `"${createHash('sha256')
      .update(JSON.stringify([response.distributions, response.appeals, response.campaigns, response.transactionIdPrefix]))
      .digest('base64url')
      .slice(0, 27)}"`;
    this.cached = { body: JSON.stringify(response), etag, fetchedAtMs: now };
    return { kind: 'ok', lookups: { ...this.cached, stale: false } };
  }
}
