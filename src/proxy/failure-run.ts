/**
 * Tells one bad gift from an outage. Attempts that end without a verdict form a run
 * until any gift gets one. When the run's failures are alike and span two different
 * gifts, the upstream is failing every gift: an outage, in which no gift is to blame,
 * so none is set aside and the queue backs off as a whole; a gift set aside earlier in
 * the same run, on failures that all fell within it, was blamed for the outage and is put
 * back. A gift that also failed while other gifts got answers is its own cause: it is no
 * evidence of an outage, so two bad gifts side by side are not mistaken for one.
 * Pure bookkeeping: the dispatcher owns the timers and the journal.
 */
import type { UpstreamFailure } from './upstream-client.ts';

/** Failures an outage mixes: a load balancer's 502, the service's 500 and a reset are one event. */
function alike(failure: UpstreamFailure): string {
  return failure === 'network' || failure === 'unavailable' || failure === 'server-error' ? 'down' : failure;
}

export interface RunState {
  /** Every gift fails alike: blame none, back off as one. */
  outage: boolean;
  /** Attempts in the run so far (for the back-off). */
  attempts: number;
  /** When the outage has just become clear: the gifts set aside for it before it was, to put back. */
  putBack: string[];
}

export class FailureRun {
  private kind: string | undefined;
  /** Gifts that failed in this run, with how many of their failures fell in it. */
  private readonly gifts = new Map<string, number>();
  private setAsideInRun: string[] = [];
  private attempts = 0;

  get outage(): boolean {
    return this.gifts.size >= 2;
  }

  /** An attempt on `transactionId` ended without a verdict. */
  failed(transactionId: string, failure: UpstreamFailure): RunState {
    const kind = alike(failure);
    if (kind !== this.kind) this.clear();
    this.kind = kind;
    const wasOutage = this.outage;
    this.gifts.set(transactionId, (this.gifts.get(transactionId) ?? 0) + 1);
    this.attempts++;
    const putBack = this.outage && !wasOutage ? this.setAsideInRun : [];
    if (this.outage) this.setAsideInRun = [];
    return { outage: this.outage, attempts: this.attempts, putBack };
  }

  /** The gift of the last failure was set aside, with `failures` counted against it in all. */
  setAside(transactionId: string, failures: number): void {
    if (failures > (this.gifts.get(transactionId) ?? 0)) this.gifts.delete(transactionId);
    else this.setAsideInRun.push(transactionId);
  }

  /** A gift got a verdict (or the credentials were refused): the upstream answers again. */
  clear(): void {
    this.kind = undefined;
    this.gifts.clear();
    this.setAsideInRun = [];
    this.attempts = 0;
  }
}
