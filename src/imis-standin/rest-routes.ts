/**
 * The stand-in's slice of iMIS's REST API, mounted at an application path, answering as the
 * profile's iMIS version does (profiles.ts). Refuses calls without the page's verification
 * token, as iMIS does for a missing or expired login.
 */
import { Hono, type Context } from 'hono';
import { IMIS_API, IMIS_VERIFICATION_HEADER } from '../contract/imis-party.ts';
import type { ContentItems } from './content-items.ts';
import { partyRecord, partySummary, searchParties, UnknownFilter } from './party-search.ts';
import { PROFILES, type ImisProfile } from './profiles.ts';

/** The value stand-in pages carry in their hidden __RequestVerificationToken field. */
export const DEMO_VERIFICATION_TOKEN = 'demo-verification-token';

const denied = (c: Context) => c.json({ Message: 'Authorization has been denied for this request.' }, 401);
const notFound = (c: Context) => c.json({ Message: 'Not found' }, 404);
const signedIn = (c: Context) => c.req.header(IMIS_VERIFICATION_HEADER) === DEMO_VERIFICATION_TOKEN;

export function imisRestRoutes(content?: ContentItems, profile: ImisProfile = PROFILES.EMS): Hono {
  const app = new Hono();
  app.get(`/${IMIS_API.partySummary}`, (c) => {
    if (!signedIn(c)) return denied(c);
    try {
      return c.json(searchParties(new URL(c.req.url).searchParams, profile.ignoredFilters));
    } catch (error) {
      if (error instanceof UnknownFilter) return c.json({ Message: error.message }, 400);
      throw error;
    }
  });
  app.get(`/${IMIS_API.partySummary}/:id`, (c) => {
    if (!signedIn(c)) return denied(c);
    const found = partySummary(c.req.param('id'));
    return found ? c.json(found) : notFound(c);
  });
  app.get(`/${IMIS_API.party}/:id`, (c) => {
    if (!signedIn(c)) return denied(c);
    const found = partyRecord(c.req.param('id'));
    return found ? c.json(found) : notFound(c);
  });
  if (!content) return app;
  const placed = (c: Context) => content.find(c.req.query('contentKey'), c.req.query('contentItemKey'));
  if (profile.contentItemApi) {
    // Later versions: the paged envelope of ContentItemData, the settings as an object.
    app.get(`/${IMIS_API.contentItem}`, (c) => {
      if (!signedIn(c)) return denied(c);
      const item = placed(c);
      if (!item) return notFound(c);
      const data = {
        ContentKey: item.contentKey,
        ContentItemKey: item.contentItemKey,
        ContentTypeKey: item.contentType.key,
        Settings: item.settings ? JSON.parse(item.settings) : {},
      };
      return c.json({
        Items: { $values: [{ $type: 'Asi.Soa.Core.DataContracts.ContentItemData, Asi.Contracts', Data: data }] },
        Offset: 0,
        Limit: 100,
        Count: 1,
        TotalCount: 1,
        HasNext: false,
        NextOffset: 0,
      });
    });
  }
  if (profile.contentTypeSettingsApi) {
    // iMIS 2017: the item itself, the settings as the JSON text the configuration page saved.
    app.get(`/${IMIS_API.contentTypeSettings}`, (c) => {
      if (!signedIn(c)) return denied(c);
      const item = placed(c);
      if (!item) return notFound(c);
      return c.json({
        ContentKey: item.contentKey,
        ContentItemKey: item.contentItemKey,
        ContentTypeKey: item.contentType.key,
        Settings: item.settings,
      });
    });
  }
  return app;
}
