/**
 * The slice of the iMIS REST API the widget uses, with the evidence for each name.
 *
 * Paths are relative: iMIS is often not at the host root (`/imis/`, `/ALALM/`), so every
 * call is joined to `__ClientContext.baseUrl`, as ASI's own helpers do
 * (Advsol/jQuery-interceptor src/asi-interceptor.js; Advsol/Angular-settings-demo
 * src/asi-core/app-constants.service.ts and common.service.ts call `api/...` relative to it).
 *
 * Authentication is iMIS's pass-through: the page's hidden `__RequestVerificationToken`
 * in a `RequestVerificationToken` header plus the staff member's cookies
 * (developer.imis.com "iMIS REST API"; the same two ASI repositories).
 *
 * PartySummary ("Most contact browser applications should query and display PartySummary
 * information (after the operator makes a selection) and then query for the full Party
 * record", developer.imis.com "Membership primary entities"). Item names `Id`, `PartyId`,
 * `Name`, `Email`, `CityName` and `Status` (an object) are confirmed by ASI's contract
 * assembly and by public integrations that read `data["Name"]` from `/api/PartySummary/{id}`.
 * PartySummary has no first/last name: those live on the full Party record
 * (`PersonName.FirstName/LastName`, `Emails.$values[].Address`, as public integrations
 * post and read them), hence `PartyData` below.
 *
 * Filters go in the query string as `name=operator:value`. ASI's reference ("Find party
 * using filter", developer.imis.com) lists firstName, lastName, email, cityName,
 * countrySubEntityName, updatedOn, createdOn, "incomplete"; an unknown name is refused
 * ("In the query, X is not a known property name", developer.imis.com discussions).
 * `name` (the PartySummary property holding an organisation's name) is not in that list,
 * so the widget treats a refusal of it as "no organisation matches", never as a failure, and
 * keeps only answers whose name matches what was typed, for an iMIS that ignores it and
 * answers with every contact (src/widget/imis-search.ts).
 */
export const IMIS_API = {
  partySummary: 'api/PartySummary',
  party: 'api/Party',
  /** A placed content item, its `Data.Settings` the placement's settings (Advsol/Innovations2019-settings-demo src/app). */
  contentItem: 'api/ContentItem',
  /** The same settings as iMIS 2017 serves them, `Settings` on the item itself (Advsol/Asi.Web.iPart.Html app/core). */
  contentTypeSettings: 'api/ContentTypeSettings',
} as const;
export const IMIS_VERIFICATION_HEADER = 'RequestVerificationToken';

export interface PartySummary {
  PartyId: string;
  /** The iMIS ID staff know (what the gift's imisId takes). */
  Id: string;
  /** The display name: "Ada Lovelace" for a person, "Acme Foundation" for an organisation. */
  Name?: string;
  Email?: string;
  CityName?: string;
  Status?: unknown;
}

type Values<T> = T[] | { $values: T[] };

/** The full Party record, only the names we read: a PersonData or an OrganizationData. */
export interface PartyData {
  PartyId: string;
  Id: string;
  Name?: string;
  PersonName?: { FirstName?: string; LastName?: string };
  OrganizationName?: string;
  Emails?: Values<{ Address?: string; IsPrimary?: boolean }>;
}

/** iMIS's paged envelope; with type names on, Items is `{ $values: [...] }`. */
export interface PagedResult<T> {
  Items: Values<T>;
  Offset: number;
  Limit: number;
  Count: number;
  TotalCount: number;
  HasNext: boolean;
  NextOffset: number;
}

export function values<T>(list: Values<T> | undefined): T[] {
  return Array.isArray(list) ? list : (list?.$values ?? []);
}

export function pagedItems<T>(result: PagedResult<T>): T[] {
  return values(result.Items);
}
