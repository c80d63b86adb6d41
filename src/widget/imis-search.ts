/**
 * Contact search through the iMIS REST API with the logged-in user's pass-through
 * credentials: the page's verification token in a header, and its cookies. Every path
 * is joined to the page's `__ClientContext.baseUrl` (see src/contract/imis-party.ts).
 */
import {
  IMIS_API,
  IMIS_VERIFICATION_HEADER,
  pagedItems,
  values,
  type PagedResult,
  type PartyData,
  type PartySummary,
} from '../contract/imis-party.ts';
import { readImisPage } from './imis-page.ts';

export type SearchOutcome =
  { kind: 'found'; contacts: PartySummary[]; nextOffset: number | undefined } | { kind: 'expired' } | { kind: 'failed' };

export const PAGE_SIZE = 10;

/** ASI's pathJoin (Advsol/jQuery-interceptor src/asi-interceptor.js): exactly one "/" between base and path. */
export function imisUrl(path: string, baseUrl = readImisPage().baseUrl): string {
  return `${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/**
 * How staff type a name and how iMIS spells it may differ in case and accents ("nunez" for
 * "Núñez"): both are compared lower-cased, without diacritics, as words.
 */
const words = (text: string): string[] =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/**
 * Whether a contact's name answers what was typed: every typed word begins a word of the name
 * ("acme found" → "Acme Foundation"), or the name, spaces and punctuation aside, begins with
 * the whole text ("obrien" → "O'Brien Trust"), so nothing iMIS's own `startsWith` finds is dropped.
 */
export function nameMatches(name: string, typed: string): boolean {
  const wanted = words(typed);
  if (wanted.length === 0) return false;
  const have = words(name);
  return have.join('').startsWith(wanted.join('')) || wanted.every((w) => have.some((h) => h.startsWith(w)));
}

export interface SearchQuery {
  path: string;
  /**
   * Set on the query that filters by `name`, which ASI does not document (see imis-party.ts):
   * an iMIS may apply it, refuse it or ignore it and answer with every contact, so its
   * answers are kept only when their name matches this text.
   */
  byName?: string;
}

/**
 * "Lovelace", "ada love", "Lovelace, Ada", "ada@…", "101", "Acme" → the iMIS queries for it.
 * One filter set cannot cover people and organisations (iMIS ANDs filters), so a name runs
 * as a person query (lastName, with firstName when two words are given) and an organisation
 * query (`name` starts with the whole text); something that looks like an iMIS ID is also
 * looked up exactly. The caller runs them in parallel and merges.
 */
export function searchQueries(text: string, offset: number): SearchQuery[] {
  const query = text.trim();
  const summary = IMIS_API.partySummary;
  const exact = { path: `${summary}/${encodeURIComponent(query)}` };
  if (/^\d+$/.test(query)) return [exact];
  const page = () => new URLSearchParams({ limit: String(PAGE_SIZE), offset: String(offset) });
  if (query.includes('@')) return [{ path: `${summary}?${page()}&${new URLSearchParams({ email: `contains:${query}` })}` }];
  const comma = query.split(',').map((part) => part.trim());
  const typedWords = query.split(/\s+/);
  const [first, last] =
    comma.length > 1 ? [comma[1], comma[0]] : typedWords.length > 1 ? [typedWords[0], typedWords.slice(1).join(' ')] : [undefined, query];
  const person = page();
  if (first) person.set('firstName', `startsWith:${first}`);
  person.set('lastName', `startsWith:${last}`);
  const organisation = page();
  organisation.set('name', `startsWith:${query}`);
  const queries = [{ path: `${summary}?${person}` }, { path: `${summary}?${organisation}`, byName: query }];
  return /^[A-Za-z0-9]*\d[A-Za-z0-9]*$/.test(query) ? [exact, ...queries] : queries;
}

async function get(path: string, token: string, signal: AbortSignal): Promise<Response | undefined> {
  return fetch(imisUrl(path), {
    headers: { [IMIS_VERIFICATION_HEADER]: token, Accept: 'application/json' },
    credentials: 'same-origin',
    signal,
  }).catch((error: unknown) => {
    if ((error as Error).name === 'AbortError') throw error;
    return undefined;
  });
}

type One = SearchOutcome | { kind: 'refused' };

async function searchOne({ path, byName }: SearchQuery, token: string, signal: AbortSignal): Promise<One> {
  const response = await get(path, token, signal);
  if (!response) return { kind: 'failed' };
  if (response.status === 401 || response.status === 403) return { kind: 'expired' };
  if (response.status === 404) return { kind: 'found', contacts: [], nextOffset: undefined };
  // An iMIS that does not know a filter (see imis-party.ts) answers 400 or 500: no matches there.
  if (!response.ok) return { kind: 'refused' };
  const body = (await response.json()) as PagedResult<PartySummary> | PartySummary;
  if (!('Items' in body)) return { kind: 'found', contacts: [body], nextOffset: undefined };
  const items = pagedItems(body);
  const nextOffset = body.HasNext ? body.NextOffset : undefined;
  if (byName === undefined) return { kind: 'found', contacts: items, nextOffset };
  const contacts = items.filter((c) => nameMatches(c.Name ?? '', byName));
  // A contact that does not match means iMIS ignored the filter: its further pages would be
  // every contact on the site, so "More results" must not walk through them.
  return { kind: 'found', contacts, nextOffset: contacts.length === items.length ? nextOffset : undefined };
}

export async function searchContacts(text: string, offset: number, token: string, signal: AbortSignal): Promise<SearchOutcome> {
  const outcomes = await Promise.all(searchQueries(text, offset).map((query) => searchOne(query, token, signal)));
  if (outcomes.some((o) => o.kind === 'expired')) return { kind: 'expired' };
  const found = outcomes.filter((o) => o.kind === 'found');
  if (found.length === 0) return { kind: 'failed' };
  const seen = new Set<string>();
  const contacts = found.flatMap((o) => o.contacts).filter((c) => !seen.has(c.Id) && !!seen.add(c.Id));
  const more = found.some((o) => o.nextOffset !== undefined);
  return { kind: 'found', contacts, nextOffset: more ? offset + PAGE_SIZE : undefined };
}

export interface ContactDetails {
  firstName: string;
  lastName: string;
  email: string;
  /** Set for an organisation, whose record has no first or last name. */
  organizationName: string;
}

/**
 * The chosen contact's names and email, from the full Party record as ASI advises
 * (see imis-party.ts). Undefined when iMIS does not answer; the summary is then all we have.
 */
export async function contactDetails(contact: PartySummary, token: string, signal: AbortSignal): Promise<ContactDetails | undefined> {
  const response = await get(`${IMIS_API.party}/${encodeURIComponent(contact.PartyId)}`, token, signal);
  if (!response?.ok) return undefined;
  const party = (await response.json().catch(() => undefined)) as PartyData | undefined;
  if (!party) return undefined;
  const emails = values(party.Emails);
  return {
    firstName: party.PersonName?.FirstName?.trim() ?? '',
    lastName: party.PersonName?.LastName?.trim() ?? '',
    email: (emails.find((e) => e.IsPrimary) ?? emails[0])?.Address?.trim() ?? contact.Email ?? '',
    organizationName: party.OrganizationName?.trim() ?? '',
  };
}
