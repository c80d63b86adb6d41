/**
 * The iMIS versions the stand-in plays, chosen per run, and how each differs where an
 * iPart notices. Sources (cited in README, "Embedding the widget in iMIS"):
 * - "2017" (iMIS 2017 GA, 20.2.64): zips are taken from the document system's
 *   `$/ContentItems/` folder and unpacked to `~/Areas/<zip name>/` by an unpacker that
 *   creates only the folders that have their own zip entry; settings are read through
 *   `api/ContentTypeSettings` (ASI's own 2017 bundle and Advsol/Asi.Web.iPart.Html
 *   app/core/core.Services.iPartSettingsService.ts; 20.2.64 has no ContentItemData type);
 *   web.config caches static files for 2 days (`clientCache max-age 2.00:00:00`); a
 *   PartySummary filter it does not apply (`name`) is ignored rather than refused.
 * - "EMS" (later versions and Cloud): unpacked to `~/iPartSource/<zip name>/<folder>/`
 *   (Advsol/Angular-settings-demo README, `--deployUrl=~/iPartSource/[zipfileName]/[foldername]`),
 *   any folder created as needed; settings through `api/ContentItem` (`Data.Settings`,
 *   Advsol/Angular-settings-demo src/app/ipart-settings.service.ts); static files revalidated.
 */
export const IMIS_PROFILES = ['EMS', '2017'] as const;
export type ImisProfileName = (typeof IMIS_PROFILES)[number];

export interface ImisProfile {
  name: ImisProfileName;
  /** Where an uploaded zip is unpacked, under the application root: `<root>/<zip name>/…`. */
  unpackRoot: 'Areas' | 'iPartSource';
  /** True: a file whose folder has no entry of its own in the zip cannot be written (WinZip.WriteFile). */
  needsFolderEntries: boolean;
  /** The settings APIs this version answers. */
  contentItemApi: boolean;
  contentTypeSettingsApi: boolean;
  /** Cache-Control on unpacked iPart files. */
  staticCache: string;
  /** PartySummary filters this version ignores (rather than refusing as unknown). */
  ignoredFilters: readonly string[];
}

export const PROFILES: Record<ImisProfileName, ImisProfile> = {
  EMS: {
    name: 'EMS',
    unpackRoot: 'iPartSource',
    needsFolderEntries: false,
    contentItemApi: true,
    contentTypeSettingsApi: false,
    staticCache: 'no-cache',
    ignoredFilters: [],
  },
  '2017': {
    name: '2017',
    unpackRoot: 'Areas',
    needsFolderEntries: true,
    contentItemApi: false,
    contentTypeSettingsApi: true,
    staticCache: 'public, max-age=172800',
    ignoredFilters: ['name'],
  },
};

/** The document system folder iMIS takes iPart zips from. */
export const CONTENT_ITEMS_FOLDER = '$/ContentItems';

export function parseProfile(value: string | undefined): ImisProfile {
  if (value === undefined || value.trim() === '') return PROFILES.EMS;
  const found = IMIS_PROFILES.find((name) => name.toLowerCase() === value.trim().toLowerCase());
  if (!found) throw new Error(`IMIS_STANDIN_PROFILE must be one of ${IMIS_PROFILES.join(', ')}; it is "${value}".`);
  return PROFILES[found];
}
