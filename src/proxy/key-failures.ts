/**
 * Makes guessing a caller key or the admin token expensive. Every wrong guess is counted
 * the moment it arrives (synchronously, so a thousand parallel requests cannot race past
 * the count) and gets an answer time from two schedules:
 *
 * - per client address: a few honest mistakes are answered at once, then each further wrong
 *   guess from that address waits twice as long as the one before (up to a cap) AFTER the
 *   previous one's answer, so parallel guesses queue behind each other;
 * - overall: wrong guesses from all addresses together are answered at most
 *   `overallPerSecond` a second, so many addresses gain nothing either.
 *
 * Only wrong guesses are scheduled: a right key or token is never slowed, whoever floods the
 * proxy, so staff are never locked out by an attacker (an attacker only makes other wrong
 * guesses — a stale key, a typo — wait in line). A right guess does not reset the count of
 * its address: an attacker holding one key cannot use it to wipe the slowdown of its guesses.
 *
 * Refusals are logged as at most two lines per interval: the first wrong guess at once (an
 * operator sees a stale key straight away), then one summary (how many, from how many
 * addresses, the busiest) when the interval ends — never one line per guess, so a flood
 * cannot flood the log.
 */
import type { Log } from './logger.ts';

export interface GuessPolicy {
  /** Wrong guesses per address answered without an address delay: a typo or a rotation is not an attack. */
  freeFailures: number;
  firstDelayMs: number;
  maxDelayMs: number;
  /** With no wrong guess for this long, an address starts afresh. */
  forgetAfterMs: number;
  /** Wrong guesses answered from all addresses together, at most, per second. */
  overallPerSecond: number;
  /**
   * Wrong guesses one address may have waiting at once; beyond that its requests are refused
   * before any key is compared (so the refusal says nothing about the key), bounding memory.
   */
  maxWaitingPerAddress: number;
  /** One summary log line per this many ms while guesses keep coming. */
  summaryEveryMs: number;
}

export const DEFAULT_GUESS_POLICY: GuessPolicy = {
  freeFailures: 3,
  firstDelayMs: 250,
  maxDelayMs: 5_000,
  forgetAfterMs: 15 * 60_000,
  overallPerSecond: 20,
  maxWaitingPerAddress: 1_000,
  summaryEveryMs: 60_000,
};

/** Beyond this many addresses the oldest are forgotten, so a spray of addresses cannot grow memory without bound. */
const MAX_TRACKED = 10_000;

interface AddressState {
  count: number;
  lastAt: number;
  /** When this address's next wrong guess may be answered at the earliest. */
  nextAt: number;
  waiting: number;
}

interface Summary {
  startedAt: number;
  refused: number;
  byClient: Map<string, number>;
  byReason: Map<string, number>;
  timer: ReturnType<typeof setTimeout>;
}

export class KeyFailures {
  private readonly byAddress = new Map<string, AddressState>();
  private overallNextAt = 0;
  private summary: Summary | undefined;
  private refused = 0;

  /** Wrong guesses since start (for /metrics). */
  get refusedTotal(): number {
    return this.refused;
  }

  /** `event` names the log line: caller_key_refused, admin_token_refused. */
  constructor(
    private readonly event: string,
    private readonly log: Log = () => {},
    private readonly policy: GuessPolicy = DEFAULT_GUESS_POLICY,
  ) {}

  /** True when `address` already has as many wrong guesses waiting as it may: refuse before comparing anything. */
  busy(address: string): boolean {
    return (this.byAddress.get(address)?.waiting ?? 0) >= this.policy.maxWaitingPerAddress;
  }

  /**
   * Counts a wrong guess from `address` now and returns how long to wait before answering it.
   * Call `answered(address)` once the answer is sent (it frees the waiting slot).
   */
  fail(address: string, reason: string, now = Date.now()): { delayMs: number; count: number } {
    const { policy } = this;
    const previous = this.byAddress.get(address);
    const fresh = !previous || (now - previous.lastAt >= policy.forgetAfterMs && previous.nextAt <= now);
    const state: AddressState = fresh ? { count: 0, lastAt: now, nextAt: now, waiting: previous?.waiting ?? 0 } : previous;
    state.count += 1;
    state.lastAt = now;
    state.waiting += 1;
    const over = state.count - policy.freeFailures;
    const gap = over <= 0 ? 0 : Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** (over - 1));
    // Each wrong answer takes its own overall slot, so answers by any time T number at most T × rate + 1.
    const overallAt = Math.max(now, this.overallNextAt);
    this.overallNextAt = overallAt + 1000 / policy.overallPerSecond;
    // The address's gap runs from its previous answer as actually sent (which the overall queue may have delayed).
    const answerAt = Math.max(Math.max(now, state.nextAt) + gap, overallAt);
    state.nextAt = answerAt;
    this.byAddress.delete(address);
    this.byAddress.set(address, state);
    if (this.byAddress.size > MAX_TRACKED) this.byAddress.delete(this.byAddress.keys().next().value!);
    this.refused += 1;
    this.note(address, reason, now);
    return { delayMs: answerAt - now, count: state.count };
  }

  /** Waits out the delay `fail` gave, then frees the slot. */
  async wait(address: string, delayMs: number): Promise<void> {
    try {
      // Unref'd: a queue of guesses never keeps a stopping process alive (the server keeps a running one).
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs).unref());
    } finally {
      const state = this.byAddress.get(address);
      if (state) state.waiting = Math.max(0, state.waiting - 1);
    }
  }

  /** Writes the pending summary at once (the proxy is stopping). */
  flush(): void {
    const summary = this.summary;
    if (!summary) return;
    clearTimeout(summary.timer);
    this.summary = undefined;
    const busiest = [...summary.byClient].sort((a, b) => b[1] - a[1]).slice(0, 5);
    this.log('warn', this.event, {
      refused: summary.refused,
      clients: summary.byClient.size,
      byClient: busiest.map(([client, n]) => `${client}:${n}`).join(','),
      reasons: [...summary.byReason].map(([why, n]) => `${why}:${n}`).join(','),
      since: new Date(summary.startedAt).toISOString(),
      note: 'wrong guesses are answered ever more slowly per address and overall; a right one is never slowed',
    });
  }

  private note(address: string, reason: string, now: number): void {
    if (!this.summary) {
      this.log('warn', this.event, {
        client: address,
        reason,
        note: `further wrong guesses in the next ${Math.round(this.policy.summaryEveryMs / 1000)} s are summarised in one line`,
      });
      const timer = setTimeout(() => this.flush(), this.policy.summaryEveryMs);
      timer.unref();
      this.summary = { startedAt: now, refused: 0, byClient: new Map(), byReason: new Map(), timer };
    }
    const summary = this.summary;
    summary.refused += 1;
    summary.byReason.set(reason, (summary.byReason.get(reason) ?? 0) + 1);
    if (summary.byClient.has(address) || summary.byClient.size < MAX_TRACKED) {
      summary.byClient.set(address, (summary.byClient.get(address) ?? 0) + 1);
    }
  }
}
