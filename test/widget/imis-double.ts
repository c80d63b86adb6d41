/**
 * An iMIS page for the widget tests: the hidden fields every iMIS page carries and its
 * REST API on the page's origin under an application path, answered by the stand-in's
 * own search code (so the double cannot drift from the stand-in the demo uses).
 */
import { IMIS_VERIFICATION_HEADER } from '../../src/contract/imis-party.ts';
import { partyRecord, partySummary, searchParties, UnknownFilter } from '../../src/imis-standin/party-search.ts';

export const IMIS_TOKEN = 'page-verification-token';
export const IMIS_BASE_URL = '/imis/';

/**
 * What this iMIS does with PartySummary's `name` filter, which ASI does not document: applies it
 * (the stand-in's default), refuses it ("… is not a known property name", 400), or ignores it
 * and answers as if it were not there (every contact, paged).
 */
export type NameFilter = 'applied' | 'refused' | 'ignored';

export interface ImisDouble {
  calls: string[];
  nameFilter: NameFilter;
  expire(): void;
  /** Holds every search answer until released (to act before results arrive). */
  hold(): () => void;
  restore(): void;
}

export function imisDouble(): ImisDouble {
  const calls: string[] = [];
  let expired = false;
  let gate: Promise<void> | undefined;
  const proxied = window.fetch;
  window.fetch = async (input, init) => {
    const url = new URL(String(input), location.href);
    if (!/\/api\/Party/.test(url.pathname)) return proxied(input, init);
    calls.push(url.pathname + url.search);
    if (gate) await gate;
    const headers = new Headers(init?.headers);
    if (expired || headers.get(IMIS_VERIFICATION_HEADER) !== IMIS_TOKEN)
      return new Response('{"Message":"Authorization has been denied for this request."}', { status: 401 });
    if (!url.pathname.startsWith(`${IMIS_BASE_URL}api/`)) return new Response('{}', { status: 404 });
    const [, kind, id] = /api\/(PartySummary|Party)\/?([^/]*)$/.exec(url.pathname) ?? [];
    if (id) {
      const found = kind === 'Party' ? partyRecord(decodeURIComponent(id)) : partySummary(decodeURIComponent(id));
      return found ? Response.json(found) : new Response('{}', { status: 404 });
    }
    const filters = new URLSearchParams(url.searchParams);
    if (filters.has('name') && double.nameFilter === 'refused')
      return Response.json({ Message: 'In the query, name is not a known property name.' }, { status: 400 });
    if (double.nameFilter === 'ignored') filters.delete('name');
    try {
      return Response.json(searchParties(filters));
    } catch (error) {
      if (error instanceof UnknownFilter) return Response.json({ Message: error.message }, { status: 400 });
      throw error;
    }
  };
  const double: ImisDouble = {
    calls,
    nameFilter: 'applied',
    expire: () => (expired = true),
    hold: () => {
      let release!: () => void;
      gate = new Promise((resolve) => (release = resolve));
      return () => {
        gate = undefined;
        release();
      };
    },
    restore: () => (window.fetch = proxied),
  };
  return double;
}

/** The page's hidden fields; returns their removal. */
export function imisPageFields(context: Record<string, string> = { loggedInPartyId: 'STAFF1', selectedPartyId: 'STAFF1' }): () => void {
  const field = document.createElement('input');
  field.type = 'hidden';
  field.id = '__RequestVerificationToken';
  field.value = IMIS_TOKEN;
  const clientContext = document.createElement('input');
  clientContext.type = 'hidden';
  clientContext.id = '__ClientContext';
  clientContext.value = JSON.stringify({ baseUrl: IMIS_BASE_URL, ...context });
  document.body.append(field, clientContext);
  return () => {
    field.remove();
    clientContext.remove();
  };
}

/** Around each test of the enclosing describe: an iMIS page, its hidden fields and its REST API. */
export function withImisPage(): { imis: () => ImisDouble; context: (context: Record<string, string>) => void } {
  let imis: ImisDouble;
  let removeFields: () => void;
  beforeEach(() => {
    removeFields = imisPageFields();
    imis = imisDouble();
  });
  afterEach(() => {
    imis.restore();
    removeFields();
  });
  return {
    imis: () => imis,
    context: (context) => {
      removeFields();
      removeFields = imisPageFields(context);
    },
  };
}
