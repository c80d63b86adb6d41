/**
 * Mounted on the proxy only when it runs its own simulator (the demo): the page it
 * serves plays an iMIS page, so its REST calls land here. Refuses calls without the
 * page's verification token, as iMIS does for a missing or expired login.
 */
import { Hono } from 'hono';
import { IMIS_VERIFICATION_HEADER } from '../contract/imis-party.ts';
import { SAMPLE_CONTACTS, searchParties } from './party-search.ts';

/** The value the demo page carries in its hidden __RequestVerificationToken field. */
export const DEMO_VERIFICATION_TOKEN = 'demo-verification-token';

export function imisStandInRoutes(): Hono {
  const app = new Hono();
  app.use('*', async (c, next) => {
    if (c.req.header(IMIS_VERIFICATION_HEADER) !== DEMO_VERIFICATION_TOKEN) {
      return c.json({ Message: 'Authorization has been denied for this request.' }, 401);
    }
    await next();
  });
  app.get('/', (c) => c.json(searchParties(new URL(c.req.url).searchParams)));
  app.get('/:id', (c) => {
    const contact = SAMPLE_CONTACTS.find((p) => p.PartyId === c.req.param('id'));
    return contact ? c.json(contact) : c.json({ Message: 'Not found' }, 404);
  });
  return app;
}
