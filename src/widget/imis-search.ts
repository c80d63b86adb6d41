/**
 * Contact search through the iMIS REST API with the logged-in user's pass-through
 * credentials: the page's verification token in a header, and its cookies.
 */
import { IMIS_PARTY_SUMMARY_PATH, IMIS_VERIFICATION_HEADER, pagedItems, type PagedResult, type PartySummary } from '../contract/imis-party.ts';

export type SearchOutcome =
  | { kind: 'found'; contacts: PartySummary[]; nextOffset: number | undefined }
  | { kind: 'expired' }
  | { kind: 'failed' };

export const PAGE_SIZE = 10;

/** "Lovelace", "ada love", "Lovelace, Ada", "ada@…", "101" → the iMIS query for it. */
export function searchPath(text: string, offset: number): string {
  const query = text.trim();
  if (/^\d+$/.test(query)) return `${IMIS_PARTY_SUMMARY_PATH}/${query}`;
  const params = new URLSearchParams({ limit: String(PAGE_SIZE), offset: String(offset) });
  if (query.includes('@')) params.set('email', `contains:${query}`);
  else {
    const comma = query.split(',').map((part) => part.trim());
    const [first, last] = comma.length > 1 ? [comma[1], comma[0]] : query.split(/\s+/).length > 1 ? query.split(/\s+/) : [undefined, query];
    if (first) params.set('firstName', `startsWith:${first}`);
    params.set('lastName', `startsWith:${last}`);
  }
  return `${IMIS_PARTY_SUMMARY_PATH}?${params}`;
}

export async function searchContacts(text: string, offset: number, token: string, signal: AbortSignal): Promise<SearchOutcome> {
  const response = await fetch(searchPath(text, offset), {
    headers: { [IMIS_VERIFICATION_HEADER]: token, Accept: 'application/json' },
    credentials: 'same-origin',
    signal,
  }).catch((error: unknown) => {
    if ((error as Error).name === 'AbortError') throw error;
    return undefined;
  });
  if (!response) return { kind: 'failed' };
  if (response.status === 401 || response.status === 403) return { kind: 'expired' };
  if (response.status === 404) return { kind: 'found', contacts: [], nextOffset: undefined };
  if (!response.ok) return { kind: 'failed' };
  const body = (await response.json()) as PagedResult<PartySummary> | PartySummary;
  if (!('Items' in body)) return { kind: 'found', contacts: [body], nextOffset: undefined };
  return { kind: 'found', contacts: pagedItems(body), nextOffset: body.HasNext ? body.NextOffset : undefined };
}
