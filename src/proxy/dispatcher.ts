/**
 * Sends queued gifts upstream strictly one at a time, in arrival order, spaced
 * out, retrying the same transactionId until the upstream gives a verdict. A gift
 * whose attempt fails backs off on its own while the gifts behind it go (see
 * Outbox.head), and is set
 * aside as stuck when the failure is its own (a refusal, a hang, a repeated 500). When
 * every gift fails alike (an outage, see failure-run.ts) none is blamed: the queue
 * pauses as a whole with back-off and resumes by itself. Only a 401 holds the whole
 * queue; it re-checks the credentials rarely, with a lookup call rather than a gift,
 * so a wrong token never hammers the client's server.
 */
import {
  distributionListSchema,
  HELD_MESSAGE,
  isWaiting,
  RECONCILIATION_FIELDS,
  type GiftImportRequest,
  type GiftRecord,
} from '../contract/index.ts';
import type { ProxyConfig } from './config.ts';
import { maskValues, type Log } from './logger.ts';
import type { GiftChanges } from './gift-changes.ts';
import type { Outbox } from './outbox.ts';
import type { UpstreamClient } from './upstream-client.ts';
import { FailureRun } from './failure-run.ts';
import { OUTAGE_PUT_BACK_MESSAGE, refusedBeforeSending, retryDelay, verdictFor } from './gift-verdict.ts';

export type UpstreamState = { state: 'ok' | 'retrying' | 'held'; message?: string };

type Timing = Pick<
  ProxyConfig,
  'upstreamSpacingMs' | 'retryBaseMs' | 'retryMaxMs' | 'holdRecheckMs' | 'stuckAfterAttempts' | 'stuckAfterMs'
>;

/** Upstream words with the donor's own values masked: an upstream may echo what it was sent. */
function loggable(text: string | undefined, request: GiftImportRequest): string | undefined {
  if (text === undefined) return undefined;
  const values = Object.entries(request)
    .filter(([field, value]) => !RECONCILIATION_FIELDS.has(field) && typeof value === 'string')
    .map(([, value]) => value as string);
  return maskValues(text, values);
}

export class Dispatcher {
  private running = false;
  private loop: Promise<void> | undefined;
  private stopSignal = new AbortController();
  private wakeCurrent: (() => void) | undefined;
  private readonly waiters = new Map<string, Set<(record: GiftRecord) => void>>();
  upstream: UpstreamState = { state: 'ok' };
  /** The run of attempts without a verdict, which tells one bad gift from an outage. */
  private readonly failures = new FailureRun();
  /** Every gift is failing alike: no gift is sent before `pausedUntil` (ms). */
  private outage = false;
  private pausedUntil = 0;

  constructor(
    private readonly outbox: Outbox,
    private readonly client: UpstreamClient,
    private readonly timing: Timing,
    private readonly log: Log,
    /** Told of every status this dispatcher writes (long-polls of /api/gifts/watch). */
    private readonly changes?: GiftChanges,
  ) {}

  get held(): boolean {
    return this.upstream.state === 'held';
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.stopSignal = new AbortController();
    this.loop = this.run();
  }

  /** Finishes the call in flight (its outcome is recorded), then stops. */
  async stop(): Promise<void> {
    this.running = false;
    this.stopSignal.abort();
    this.wakeCurrent?.();
    await this.loop;
  }

  /** A new gift is waiting: stop idling. */
  wake(): void {
    this.wakeCurrent?.();
  }

  /** Resolves with the gift's record once it no longer moves on its own (final, held, stuck), or as it stands after `ms`. */
  waitForVerdict(transactionId: string, ms: number): Promise<GiftRecord | undefined> {
    const current = this.outbox.get(transactionId)?.record;
    if (!current || !isWaiting(current.status) || ms <= 0 || !this.running) return Promise.resolve(current);
    return new Promise((resolve) => {
      const set = this.waiters.get(transactionId) ?? new Set();
      this.waiters.set(transactionId, set);
      const done = (record: GiftRecord) => {
        clearTimeout(timer);
        set.delete(done);
        if (set.size === 0) this.waiters.delete(transactionId);
        resolve(record);
      };
      const timer = setTimeout(() => done(this.outbox.get(transactionId)!.record), ms);
      set.add(done);
    });
  }

  private notify(record: GiftRecord): void {
    if (isWaiting(record.status)) return;
    for (const done of [...(this.waiters.get(record.transactionId) ?? [])]) done(record);
  }

  /** Shutting down: every caller still waiting hears the gift's status as it stands now. */
  releaseWaiters(): void {
    for (const [transactionId, set] of [...this.waiters]) {
      const record = this.outbox.get(transactionId)?.record;
      if (record) for (const done of [...set]) done(record);
    }
  }

  private sleep(ms: number, wakeable: boolean): Promise<void> {
    return new Promise((resolve) => {
      if (this.stopSignal.signal.aborted) return resolve();
      const finish = () => {
        clearTimeout(timer);
        this.stopSignal.signal.removeEventListener('abort', finish);
        if (this.wakeCurrent === finish) this.wakeCurrent = undefined;
        resolve();
      };
      const timer = setTimeout(finish, ms);
      this.stopSignal.signal.addEventListener('abort', finish);
      if (wakeable) this.wakeCurrent = finish;
    });
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        if (this.held) await this.recheckCredentials();
        else await this.sendNext();
      } catch (error) {
        // A broken disk or a bug must not kill the loop silently: say so and try again later.
        this.log('error', 'dispatcher_error', { reason: error instanceof Error ? error.message : String(error) });
        await this.sleep(this.timing.retryBaseMs, false);
      }
    }
  }

  private async sendNext(): Promise<void> {
    const paused = this.pausedUntil - Date.now();
    if (paused > 0) {
      // An outage: the queue backs off as one; a new gift does not cut the pause short.
      await this.sleep(paused, false);
      return;
    }
    const gift = this.outbox.head();
    if (!gift) {
      if (this.upstream.state === 'retrying') this.upstream = { state: 'ok' };
      await this.sleep(60_000, true);
      return;
    }
    const wait = gift.nextAttemptAt - Date.now();
    if (wait > 0) {
      // Only gifts backing off are left: a new gift may go meanwhile.
      await this.sleep(wait, true);
      return;
    }
    const id = gift.record.transactionId;
    // A gift stored before today's rules (an older release) is refused here, never sent;
    // unless an earlier attempt may have landed, when only the upstream can say.
    const refused = gift.uncertain ? undefined : refusedBeforeSending(gift.request);
    if (refused) {
      this.notify(this.outbox.settle(id, refused).record);
      this.changes?.changed(id);
      this.log('warn', 'gift_refused_before_sending', { transactionId: id, field: refused.field });
      return;
    }
    this.outbox.markSending(id);
    this.changes?.changed(id);
    const sending = this.outbox.get(id)!;
    const started = Date.now();
    const outcome = await this.client.importGift(sending.request);
    const run = outcome.kind === 'retry' ? this.failures.failed(id, outcome.failure) : undefined;
    if (outcome.kind !== 'retry') this.failures.clear();
    const outageDelay = run?.outage ? retryDelay(run.attempts - 1, this.timing) : undefined;
    // Whether an EARLIER attempt may have landed is what the gift knew before this one.
    const verdict = verdictFor({ ...sending, uncertain: gift.uncertain }, outcome, Date.now(), this.timing, outageDelay);
    const settled = this.outbox.settle(id, verdict);
    this.changes?.changed(id);
    this.log(verdict.status === 'queued' || verdict.status === 'stuck' ? 'warn' : 'info', 'gift_import', {
      transactionId: id,
      attempt: settled.record.attempts,
      outcome: outcome.kind,
      failure: outcome.kind === 'retry' ? outcome.failure : undefined,
      status: settled.record.status,
      durationMs: Date.now() - started,
      reason: outcome.kind === 'retry' ? loggable(outcome.reason, sending.request) : undefined,
      upstreamMessage: outcome.kind === 'rejected' ? loggable(outcome.upstreamMessage, sending.request) : undefined,
    });
    if (outcome.kind === 'unauthorized') {
      this.outage = false;
      this.pausedUntil = 0;
      this.outbox.moveWaiting('queued', 'held', HELD_MESSAGE);
      this.changes?.changedMany();
      this.upstream = { state: 'held', message: HELD_MESSAGE };
      this.log('error', 'upstream_credentials_rejected', { heldGifts: this.outbox.depth() });
      for (const waiting of [...this.waiters.keys()]) {
        const record = this.outbox.get(waiting)?.record;
        if (record) this.notify(record);
      }
      return;
    }
    if (settled.record.status === 'stuck') this.failures.setAside(id, settled.failures);
    if (run?.outage && outcome.kind === 'retry') this.waitOutOutage(outcome.reason, run.putBack, outageDelay!);
    else {
      if (this.outage) this.log('info', 'upstream_recovered', { transactionId: id });
      this.outage = false;
      this.pausedUntil = 0;
      this.upstream = outcome.kind === 'retry' ? { state: 'retrying', message: outcome.reason } : { state: 'ok' };
    }
    this.notify(settled.record);
    await this.sleep(this.timing.upstreamSpacingMs, false);
  }

  /** Every gift fails alike: pause the whole queue, and put back what was blamed before that was clear. */
  private waitOutOutage(reason: string, putBack: readonly string[], delayMs: number): void {
    if (!this.outage) this.log('warn', 'upstream_outage', { reason });
    this.outage = true;
    this.pausedUntil = Date.now() + delayMs;
    this.upstream = {
      state: 'retrying',
      message: `The gift service is failing every gift (${reason}). No gift is set aside meanwhile; the queue waits and resumes by itself when it recovers.`,
    };
    if (putBack.length === 0) return;
    const requeued = this.outbox.putBack(putBack, OUTAGE_PUT_BACK_MESSAGE);
    this.log('info', 'gifts_put_back_after_outage', { putBackGifts: requeued });
  }

  private async recheckCredentials(): Promise<void> {
    await this.sleep(this.timing.holdRecheckMs, false);
    if (!this.running) return;
    const probe = await this.client.lookup('distributions', distributionListSchema);
    if (probe.kind === 'unauthorized') {
      this.log('warn', 'upstream_still_unauthorized', { heldGifts: this.outbox.depth() });
      return;
    }
    const released = this.outbox.moveWaiting('held', 'queued', null);
    this.changes?.changedMany();
    this.upstream = { state: 'ok' };
    this.log('info', 'upstream_credentials_accepted', { releasedGifts: released });
  }
}
