/**
 * A small stand-in for iMIS's contact API, for the demo and the tests: sample people and
 * organisations, PartySummary with the `name=operator:value` filters (and the refusal of
 * an unknown filter name), the full Party record, and the paged envelope.
 * Pure, so the browser tests' fetch double runs exactly this code.
 */
import type { PagedResult, PartyData, PartySummary } from '../contract/imis-party.ts';

interface SampleParty {
  id: string;
  firstName?: string;
  lastName?: string;
  organizationName?: string;
  email: string;
  city: string;
}

const PEOPLE: SampleParty[] = [
  { id: '101', firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.org', city: 'London' },
  { id: '102', firstName: 'Byron', lastName: 'Lovelace', email: 'byron@example.org', city: 'London' },
  { id: '103', firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.org', city: 'Arlington' },
  { id: '104', firstName: 'Alan', lastName: 'Turing', email: 'alan@example.org', city: 'Manchester' },
  { id: '105', firstName: 'Katherine', lastName: 'Johnson', email: 'katherine@example.org', city: 'Hampton' },
  { id: '200', organizationName: 'Acme Foundation', email: 'giving@acme.example', city: 'Springfield' },
  ...Array.from({ length: 24 }, (_, i): SampleParty => ({
    id: String(300 + i),
    firstName: 'Sam',
    lastName: `Smith${i === 0 ? '' : ` ${i + 1}`}`,
    email: `sam${i}@example.org`,
    city: 'Springfield',
  })),
];

const nameOf = (p: SampleParty) => p.organizationName ?? `${p.firstName} ${p.lastName}`;
const summaryOf = (p: SampleParty): PartySummary => ({
  PartyId: p.id,
  Id: p.id,
  Name: nameOf(p),
  Email: p.email,
  CityName: p.city,
  Status: { PartyStatusId: 'A', Name: 'Active Record' },
});

export const SAMPLE_CONTACTS: PartySummary[] = PEOPLE.map(summaryOf);

/** Filter names iMIS knows on PartySummary (lower-cased), and what each compares. */
const FIELDS: Record<string, (p: SampleParty) => string> = {
  firstname: (p) => p.firstName ?? '',
  lastname: (p) => p.lastName ?? '',
  name: nameOf,
  email: (p) => p.email,
  cityname: (p) => p.city,
  id: (p) => p.id,
};
const PAGING = new Set(['limit', 'offset']);

function matches(value: string, filter: string): boolean {
  const [operator, ...rest] = filter.includes(':') ? filter.split(':') : ['eq', filter];
  const wanted = rest.join(':').toLowerCase();
  const actual = value.toLowerCase();
  if (operator === 'startsWith') return actual.startsWith(wanted);
  if (operator === 'contains') return actual.includes(wanted);
  return actual === wanted;
}

export class UnknownFilter extends Error {}

/**
 * Throws UnknownFilter for a filter name iMIS would refuse ("… is not a known property name").
 * `ignored`: filter names this iMIS version accepts without applying them (iMIS 2017 and `name`).
 */
export function searchParties(query: URLSearchParams, ignored: readonly string[] = []): PagedResult<PartySummary> {
  let found = [...PEOPLE];
  for (const [name, filter] of query) {
    if (PAGING.has(name.toLowerCase()) || ignored.includes(name.toLowerCase())) continue;
    const field = FIELDS[name.toLowerCase()];
    if (!field) throw new UnknownFilter(`In the query, ${name} is not a known property name.`);
    found = found.filter((party) => matches(field(party), filter));
  }
  const offset = Number(query.get('offset') ?? 0) || 0;
  const limit = Math.min(Number(query.get('limit') ?? 100) || 100, 500);
  const page = found.slice(offset, offset + limit).map(summaryOf);
  return {
    Items: { $values: page },
    Offset: offset,
    Limit: limit,
    Count: page.length,
    TotalCount: found.length,
    HasNext: offset + page.length < found.length,
    NextOffset: offset + page.length,
  };
}

export function partySummary(id: string): PartySummary | undefined {
  const party = PEOPLE.find((p) => p.id === id);
  return party && summaryOf(party);
}

/** The full record as iMIS returns it: a PersonData with PersonName and Emails, or an OrganizationData. */
export function partyRecord(id: string): PartyData | undefined {
  const party = PEOPLE.find((p) => p.id === id);
  if (!party) return undefined;
  const emails = { $values: [{ Address: party.email, EmailType: '_Primary', IsPrimary: true }] };
  return party.organizationName
    ? { PartyId: party.id, Id: party.id, Name: nameOf(party), OrganizationName: party.organizationName, Emails: emails }
    : {
        PartyId: party.id,
        Id: party.id,
        Name: nameOf(party),
        PersonName: { FirstName: party.firstName, LastName: party.lastName },
        Emails: emails,
      };
}
