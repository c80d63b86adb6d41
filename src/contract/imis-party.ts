/**
 * The slice of the iMIS REST API the donor search uses. From ASI's developer docs:
 * pass-through calls on the page's own origin with the `RequestVerificationToken`
 * header (value of the page's hidden `__RequestVerificationToken` field) and the
 * user's cookies; `GET /api/PartySummary` for contact lists ("most contact browser
 * applications should query and display PartySummary"), `GET /api/PartySummary/{id}`
 * by party ID; filters in the query string as `name=operator:value` with filter
 * names firstName, lastName, email, cityName and operators such as startsWith and
 * contains; lists come as a PagedResult (Items, Offset, Limit, Count…).
 * Item property names below follow the reading of those docs; the ones we
 * could not see spelled out in the docs (Name, Email, CityName) are read defensively.
 */
export const IMIS_PARTY_SUMMARY_PATH = '/api/PartySummary';
export const IMIS_VERIFICATION_HEADER = 'RequestVerificationToken';

export interface PartySummary {
  PartyId: string;
  /** The iMIS ID staff know (what the gift's imisId takes). */
  Id: string;
  Name?: string;
  Email?: string;
  CityName?: string;
  Status?: unknown;
}

/** iMIS's paged envelope; with type names on, Items is `{ $values: [...] }`. */
export interface PagedResult<T> {
  Items: T[] | { $values: T[] };
  Offset: number;
  Limit: number;
  Count: number;
  TotalCount: number;
  HasNext: boolean;
  NextOffset: number;
}

export function pagedItems<T>(result: PagedResult<T>): T[] {
  return Array.isArray(result.Items) ? result.Items : (result.Items?.$values ?? []);
}
