/**
 * Slows down guessing of caller keys: each client address that keeps presenting
 * wrong keys waits longer before each answer (after a few honest mistakes), up to a
 * cap, and the count fades after a quiet spell. A right key clears it.
 */
export interface KeyFailurePolicy {
  /** Wrong keys answered at once before the slowing starts: a typo or a rotation is not an attack. */
  freeFailures: number;
  firstDelayMs: number;
  maxDelayMs: number;
  /** With no wrong key for this long, an address starts afresh. */
  forgetAfterMs: number;
}

export const DEFAULT_KEY_FAILURE_POLICY: KeyFailurePolicy = {
  freeFailures: 3,
  firstDelayMs: 250,
  maxDelayMs: 5_000,
  forgetAfterMs: 15 * 60_000,
};

/** Beyond this many addresses the oldest are forgotten, so a spray of addresses cannot grow memory without bound. */
const MAX_TRACKED = 10_000;

export class KeyFailures {
  private readonly byAddress = new Map<string, { count: number; lastAt: number }>();

  constructor(private readonly policy: KeyFailurePolicy = DEFAULT_KEY_FAILURE_POLICY) {}

  /** Records a wrong key from `address`; returns how long to wait before answering, and the running count. */
  fail(address: string, now = Date.now()): { delayMs: number; count: number } {
    const previous = this.byAddress.get(address);
    const count = previous && now - previous.lastAt < this.policy.forgetAfterMs ? previous.count + 1 : 1;
    this.byAddress.delete(address);
    this.byAddress.set(address, { count, lastAt: now });
    if (this.byAddress.size > MAX_TRACKED) this.byAddress.delete(this.byAddress.keys().next().value!);
    const over = count - this.policy.freeFailures;
    const delayMs = over <= 0 ? 0 : Math.min(this.policy.maxDelayMs, this.policy.firstDelayMs * 2 ** (over - 1));
    return { delayMs, count };
  }

  succeed(address: string): void {
    this.byAddress.delete(address);
  }
}
