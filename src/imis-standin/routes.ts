/**
 * The iMIS stand-in, for the demo (src/demo/routes.ts) and the tests; never part of the
 * production proxy. Mounted before the proxy's caller checks (these calls carry iMIS's
 * credentials, not ours):
 * - at the root, the REST slice for the quick-look demo page (an iMIS page whose
 *   application path is "/");
 * - under /imis/, an iMIS-like site playing one iMIS version (profiles.ts) that installs the
 *   packaged iPart from its zip and assembles its staff page as iMIS does (site-routes.ts),
 *   and plays its single sign-on for the proxy's client application (sso.ts).
 */
import { Hono } from 'hono';
import { PROFILES, type ImisProfile } from './profiles.ts';
import { imisRestRoutes } from './rest-routes.ts';
import { imisSiteRoutes } from './site-routes.ts';
import { imisSsoRoutes, type SsoOptions } from './sso.ts';

export { DEMO_VERIFICATION_TOKEN } from './rest-routes.ts';
export const IMIS_SITE_PATH = '/imis/';

export function imisStandInRoutes(options: { autoInstall?: boolean; profile?: ImisProfile; sso?: SsoOptions } = {}): Hono {
  const app = new Hono();
  app.route('/', imisRestRoutes());
  app.route(IMIS_SITE_PATH.slice(0, -1), imisSsoRoutes(IMIS_SITE_PATH, options.sso));
  app.route(
    IMIS_SITE_PATH.slice(0, -1),
    imisSiteRoutes({ appPath: IMIS_SITE_PATH, autoInstall: options.autoInstall ?? true, profile: options.profile ?? PROFILES.EMS }),
  );
  return app;
}
