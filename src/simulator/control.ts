/**
 * The simulator's memory and its test knobs: what it received and recorded,
 * how many imports overlapped, and failures to inject on the next calls.
 */
export interface ReceivedImport {
  at: string;
  authorization: string | null;
  acceptEncoding: string | null;
  rawBody: string;
  /** What the simulator answered; 0 when it hung or dropped the connection. */
  status: number;
  message?: string;
}

export type Fault = 'fail' | 'hang' | 'drop' | 'acceptThenDrop';

/** A raw answer to give instead of the real one: what an odd gateway or a broken upstream sends. */
export interface CannedAnswer {
  status: number;
  headers?: Record<string, string>;
  /** Sent as is; `bodyBytes` repeats a filler to that size instead (huge answers). */
  body?: string;
  bodyBytes?: number;
  /** Sends `bodyBytes` of zeros (10 MB by default) compressed this way: a decompression bomb. */
  bomb?: 'gzip' | 'deflate';
  /** Record the gift first, as if the upstream stored it and then a proxy in front mangled the answer. */
  recordFirst?: boolean;
}

export interface SimulatorControl {
  failNext(count: number): void;
  hangNext(count: number): void;
  dropNext(count: number): void;
  acceptThenDropNext(count: number): void;
  /** The next `count` imports get this answer instead of the real one. */
  answerNext(count: number, answer: CannedAnswer): void;
  /** These transaction IDs always fail with a 500, as a value SQL Server cannot insert would. */
  poison(transactionIds: readonly string[]): void;
  /** These transaction IDs are answered 403 by a firewall in front of the service (a rule on their content). */
  forbid(transactionIds: readonly string[]): void;
  /** These transaction IDs are never answered: the call hangs until the caller gives up. */
  hangFor(transactionIds: readonly string[]): void;
  /** For the next `ms`, every import is answered 500 and nothing is recorded: an outage. */
  outageFor(ms: number): void;
  setDelay(ms: number | 'realistic'): void;
  setToken(token: string): void;
  received(): ReceivedImport[];
  imported(): Record<string, unknown>[];
  maxConcurrentImports(): number;
  lookupCalls(): number;
  reset(): void;
}

export class SimulatorState implements SimulatorControl {
  token: string;
  delay: number | 'realistic';
  readonly calls: ReceivedImport[] = [];
  readonly gifts: Record<string, unknown>[] = [];
  readonly importedIds = new Set<string>();
  inFlight = 0;
  maxInFlight = 0;
  lookups = 0;
  private faults: Record<Fault, number> = { fail: 0, hang: 0, drop: 0, acceptThenDrop: 0 };
  private canned: { count: number; answer: CannedAnswer } | undefined;
  readonly poisoned = new Set<string>();
  readonly forbidden = new Set<string>();
  readonly hanging = new Set<string>();
  outageUntil = 0;

  constructor(
    token: string,
    private readonly initialDelay: number | 'realistic',
  ) {
    this.token = token;
    this.delay = initialDelay;
  }

  /** Takes the next injected fault, if any: hang and drop come before fail. */
  takeFault(): Fault | undefined {
    for (const fault of ['drop', 'hang', 'acceptThenDrop', 'fail'] as const) {
      if (this.faults[fault] > 0) {
        this.faults[fault]--;
        return fault;
      }
    }
    return undefined;
  }

  /** Takes the next canned answer, if one is set. */
  takeCanned(): CannedAnswer | undefined {
    if (!this.canned || this.canned.count <= 0) return undefined;
    this.canned.count--;
    return this.canned.answer;
  }

  processingDelayMs(): number {
    return this.delay === 'realistic' ? 2000 + Math.random() * 3000 : this.delay;
  }

  failNext(count: number): void {
    this.faults.fail = count;
  }
  hangNext(count: number): void {
    this.faults.hang = count;
  }
  dropNext(count: number): void {
    this.faults.drop = count;
  }
  acceptThenDropNext(count: number): void {
    this.faults.acceptThenDrop = count;
  }
  answerNext(count: number, answer: CannedAnswer): void {
    this.canned = { count, answer };
  }
  poison(transactionIds: readonly string[]): void {
    for (const id of transactionIds) this.poisoned.add(id);
  }
  forbid(transactionIds: readonly string[]): void {
    for (const id of transactionIds) this.forbidden.add(id);
  }
  hangFor(transactionIds: readonly string[]): void {
    for (const id of transactionIds) this.hanging.add(id);
  }
  outageFor(ms: number): void {
    this.outageUntil = Date.now() + ms;
  }
  inOutage(): boolean {
    return Date.now() < this.outageUntil;
  }
  setDelay(ms: number | 'realistic'): void {
    this.delay = ms;
  }
  setToken(token: string): void {
    this.token = token;
  }
  received(): ReceivedImport[] {
    return [...this.calls];
  }
  imported(): Record<string, unknown>[] {
    return [...this.gifts];
  }
  maxConcurrentImports(): number {
    return this.maxInFlight;
  }
  lookupCalls(): number {
    return this.lookups;
  }
  /** Clears records, counters and pending faults; keeps the token, mapping and starting delay. */
  reset(): void {
    this.calls.length = 0;
    this.gifts.length = 0;
    this.importedIds.clear();
    this.maxInFlight = this.inFlight;
    this.lookups = 0;
    this.faults = { fail: 0, hang: 0, drop: 0, acceptThenDrop: 0 };
    this.canned = undefined;
    this.poisoned.clear();
    this.forbidden.clear();
    this.hanging.clear();
    this.outageUntil = 0;
    this.delay = this.initialDelay;
  }
}
