/**
 * Where this tab keeps its iMIS sign-in with each proxy: sessionStorage, so it ends with the tab
 * and never reaches another one. Part of the sign-in chunk. It does the little saved-state.ts
 * does (storage disabled or full is simply done without) rather than import it: every name the
 * chunk imports from the main bundle is one more export there, and that bundle has no bytes to spare.
 */
import type { SessionGrant } from '../contract/session-api.ts';
import { sessionKey } from './proxy-client.ts';

/** The grant, and when (ms since the epoch, this browser's clock) to renew it. */
export interface StoredSession {
  grant: SessionGrant;
  renewAt: number;
}

export function storedSession(endpoint: string): StoredSession | undefined {
  try {
    return (JSON.parse(sessionStorage.getItem(sessionKey(endpoint)) ?? 'null') as StoredSession | null) ?? undefined;
  } catch {
    return undefined;
  }
}

export function keepSession(endpoint: string, session: StoredSession | undefined): void {
  try {
    if (session) sessionStorage.setItem(sessionKey(endpoint), JSON.stringify(session));
    else sessionStorage.removeItem(sessionKey(endpoint));
  } catch {
    /* storage unavailable: signed in for this page only, asked again after a reload */
  }
}
