/**
 * Who is calling, as the proxy verified it, and what that caller may see. The caller key
 * middleware records the key's label (never the key); with sign-in on, the session
 * middleware adds the iMIS party and whether it supervises. Every route that reads or
 * changes a gift or a batch asks `sees` or `scopeOf` here, so the rule lives in one place:
 *
 * - local mode (no keys, loopback only): one developer, sees everything;
 * - caller keys without sign-in: what was entered through the same key (by label);
 * - signed in: what the person entered; a supervisor sees everything.
 *
 * Rows written before the proxy recorded this have no key: only a supervisor (or local
 * mode) sees them.
 */
import type { Context } from 'hono';

export interface Party {
  id: string;
  name: string;
}

export interface Caller {
  /** The label of the caller key used (GIFT_ENTRY_KEYS `label=key`); undefined in local mode. */
  keyLabel: string | undefined;
  /** The verified staff member, when sign-in is on. */
  party?: Party;
  supervisor: boolean;
}

/** What a caller may see: each field given narrows it; none is everything. */
export interface Scope {
  keyLabel?: string;
  partyId?: string;
}

/** Who entered a row, as stored beside it. */
export interface Owner {
  keyLabel: string | undefined;
  partyId: string | undefined;
}

const LOCAL: Caller = { keyLabel: undefined, supervisor: false };
const callers = new WeakMap<Request, Caller>();

export function setCaller(c: Context, caller: Caller): void {
  callers.set(c.req.raw, caller);
}

export function callerOf(c: Context): Caller {
  return callers.get(c.req.raw) ?? LOCAL;
}

export function scopeOf(caller: Caller): Scope {
  if (caller.party) return caller.supervisor ? {} : { partyId: caller.party.id };
  return caller.keyLabel === undefined ? {} : { keyLabel: caller.keyLabel };
}

export function sees(scope: Scope, owner: Owner): boolean {
  if (scope.partyId !== undefined && owner.partyId !== scope.partyId) return false;
  if (scope.keyLabel !== undefined && owner.keyLabel !== scope.keyLabel) return false;
  return true;
}

/** The scope as an SQL condition on `alias`'s caller_key and party_id columns, with its named parameters. */
export function scopeCondition(scope: Scope, alias = ''): { sql: string; params: Record<string, string> } {
  const column = (name: string) => (alias ? `${alias}.${name}` : name);
  const parts: string[] = [];
  const params: Record<string, string> = {};
  if (scope.keyLabel !== undefined) {
    parts.push(`${column('caller_key')} = @scopeKey`);
    params.scopeKey = scope.keyLabel;
  }
  if (scope.partyId !== undefined) {
    parts.push(`${column('party_id')} = @scopeParty`);
    params.scopeParty = scope.partyId;
  }
  return { sql: parts.length === 0 ? '1 = 1' : parts.join(' AND '), params };
}

/**
 * The journal metadata of what a caller enters: its key label and, signed in, the verified
 * party, which replaces whatever `enteredBy` the page reported.
 */
export function stamped<T extends { enteredBy?: string | undefined }>(
  caller: Caller,
  metadata: T,
): T & { callerKey?: string; partyId?: string; partyName?: string } {
  if (!caller.party) return { ...metadata, callerKey: caller.keyLabel };
  return { ...metadata, enteredBy: caller.party.id, callerKey: caller.keyLabel, partyId: caller.party.id, partyName: caller.party.name };
}
