/**
 * Reads one placement's settings from iMIS, whichever way this iMIS version serves them:
 * `api/ContentItem?contentKey=&contentItemKey=` → `Items.$values[0].Data.Settings` (later
 * versions: Advsol/Angular-settings-demo src/app/ipart-settings.service.ts), else
 * `api/ContentTypeSettings?contentKey=&contentItemKey=` → `Settings` (iMIS 2017's own bundle
 * and Advsol/Asi.Web.iPart.Html app/core/core.Services.iPartSettingsService.ts). `Settings`
 * may come as an object or as the JSON string the configuration page saved.
 */
import { IMIS_API, IMIS_VERIFICATION_HEADER } from '../../contract/imis-party.ts';

export interface PlacementKeys {
  /** `__ClientContext.baseUrl`: the site's application path, e.g. "/imis/". */
  baseUrl: string;
  /** The page's `__RequestVerificationToken`. */
  token: string;
  contentKey: string;
  contentItemKey: string;
}

export type Settings = Record<string, unknown>;

/** Why the settings could not be read, worded to follow "could not read this content item's settings (…)". */
export class SettingsUnreadable extends Error {}

/** An object as it is, a JSON string parsed ("" is no settings yet); anything else is unreadable. */
export function parseSettings(value: unknown): Settings {
  if (typeof value === 'string') {
    if (!value.trim()) return {};
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      throw new SettingsUnreadable('iMIS holds them as text that is not valid JSON');
    }
    return parseSettings(parsed);
  }
  if (value === null || value === undefined) return {};
  if (typeof value === 'object' && !Array.isArray(value)) return value as Settings;
  throw new SettingsUnreadable('iMIS holds them in a form this iPart does not know');
}

type Json = Record<string, unknown> | undefined;
const record = (value: unknown): Json =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

/** The first item of iMIS's paged envelope (`Items.$values` or `Items`), or the answer itself. */
function firstItem(body: unknown): Json {
  const items = record(body)?.Items;
  const list = Array.isArray(items) ? items : record(items)?.$values;
  return Array.isArray(list) ? record(list[0]) : record(body);
}

/** `Data.Settings` (ContentItemData) or `Settings` on the item itself; `undefined` when neither is there. */
function settingsOf(item: Json): unknown {
  const data = record(item?.Data);
  if (data && 'Settings' in data) return data.Settings;
  if (item && 'Settings' in item) return item.Settings;
  if (item && 'settings' in item) return item.settings;
  return undefined;
}

export async function readPlacementSettings(keys: PlacementKeys, fetchImpl: typeof fetch = fetch): Promise<Settings> {
  const query = new URLSearchParams({ contentKey: keys.contentKey, contentItemKey: keys.contentItemKey });
  const base = keys.baseUrl.replace(/\/*$/, '/');
  const ask = async (path: string): Promise<{ status: number; settings?: unknown }> => {
    let response: Response;
    try {
      response = await fetchImpl(`${base}${path}?${query}`, {
        headers: { [IMIS_VERIFICATION_HEADER]: keys.token, Accept: 'application/json' },
        credentials: 'same-origin',
      });
    } catch {
      throw new SettingsUnreadable('iMIS could not be reached');
    }
    if (response.status === 401 || response.status === 403) {
      throw new SettingsUnreadable('iMIS refused the request: your sign-in may have expired');
    }
    if (!response.ok) return { status: response.status };
    const body: unknown = await response.json().catch(() => undefined);
    return { status: response.status, settings: settingsOf(firstItem(body)) };
  };
  const item = await ask(IMIS_API.contentItem);
  if (item.settings !== undefined) return parseSettings(item.settings);
  const legacy = await ask(IMIS_API.contentTypeSettings);
  if (legacy.settings !== undefined) return parseSettings(legacy.settings);
  throw new SettingsUnreadable(
    `iMIS answered ${item.status} to ${IMIS_API.contentItem} and ${legacy.status} to ${IMIS_API.contentTypeSettings} without them`,
  );
}
