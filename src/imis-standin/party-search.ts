/**
 * A small stand-in for iMIS's PartySummary search, for the demo and the tests:
 * sample contacts, the `name=operator:value` filters, and the paged envelope.
 * Pure, so the browser tests' fetch double runs exactly this code.
 */
import type { PagedResult, PartySummary } from '../contract/imis-party.ts';

export const SAMPLE_CONTACTS: PartySummary[] = [
  { PartyId: '101', Id: '101', Name: 'Ada Lovelace', Email: 'ada@example.org', CityName: 'London', Status: 'A' },
  { PartyId: '102', Id: '102', Name: 'Byron Lovelace', Email: 'byron@example.org', CityName: 'London', Status: 'A' },
  { PartyId: '103', Id: '103', Name: 'Grace Hopper', Email: 'grace@example.org', CityName: 'Arlington', Status: 'A' },
  { PartyId: '104', Id: '104', Name: 'Alan Turing', Email: 'alan@example.org', CityName: 'Manchester', Status: 'A' },
  { PartyId: '105', Id: '105', Name: 'Katherine Johnson', Email: 'katherine@example.org', CityName: 'Hampton', Status: 'A' },
  { PartyId: '200', Id: '200', Name: 'Acme Foundation', Email: 'giving@acme.example', CityName: 'Springfield', Status: 'A' },
  ...Array.from({ length: 24 }, (_, i): PartySummary => ({
    PartyId: String(300 + i),
    Id: String(300 + i),
    Name: `Sam Smith${i === 0 ? '' : ` ${i + 1}`}`,
    Email: `sam${i}@example.org`,
    CityName: 'Springfield',
    Status: 'A',
  })),
];

const FIELDS: Record<string, (c: PartySummary) => string> = {
  firstname: (c) => (c.Name ?? '').split(' ')[0] ?? '',
  lastname: (c) => (c.Name ?? '').split(' ').slice(1).join(' '),
  email: (c) => c.Email ?? '',
  cityname: (c) => c.CityName ?? '',
  id: (c) => c.Id,
};

function matches(value: string, filter: string): boolean {
  const [operator, ...rest] = filter.includes(':') ? filter.split(':') : ['eq', filter];
  const wanted = rest.join(':').toLowerCase();
  const actual = value.toLowerCase();
  if (operator === 'startsWith') return actual.startsWith(wanted);
  if (operator === 'contains') return actual.includes(wanted);
  return actual === wanted;
}

export function searchParties(query: URLSearchParams, contacts: readonly PartySummary[] = SAMPLE_CONTACTS): PagedResult<PartySummary> {
  let found = [...contacts];
  for (const [name, filter] of query) {
    const field = FIELDS[name.toLowerCase()];
    if (field) found = found.filter((contact) => matches(field(contact), filter));
  }
  const offset = Number(query.get('offset') ?? 0) || 0;
  const limit = Math.min(Number(query.get('limit') ?? 100) || 100, 500);
  const page = found.slice(offset, offset + limit);
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
