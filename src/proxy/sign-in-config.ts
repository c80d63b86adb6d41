/**
 * The sign-in settings (README: Proxy configuration): all or nothing, so a half-configured
 * sign-in never silently leaves the proxy open behind its keys alone.
 */
import { DEMO_SIGN_IN } from '../contract/session-api.ts';
import { isLoopbackHost } from './loopback.ts';

export interface SignInConfig {
  /** iMIS's base URL (before /token and /api/…); undefined: the demo's own stand-in on this proxy. */
  imisBaseUrl: string | undefined;
  clientId: string;
  clientSecret: string;
  /** The iMIS page holding the Single Sign-On content item (relative: on this proxy, the demo). */
  pageUrl: string;
  /** iMIS roles that may enter gifts; supervisor roles may too. Compared without regard to case. */
  entryRoles: string[];
  supervisorRoles: string[];
  sessionMinutes: number;
}

export interface SettingReaders {
  value(name: string): string | undefined;
  list(name: string): string[];
  integer(name: string, fallback: number, min: number, max: number): number;
}

export const SIGN_IN_SETTINGS = [
  'GIFT_IMIS_URL',
  'GIFT_IMIS_CLIENT_ID',
  'GIFT_IMIS_CLIENT_SECRET',
  'GIFT_IMIS_SIGN_IN_PAGE',
  'GIFT_IMIS_ENTRY_ROLES',
] as const;

function httpsUrl(name: string, raw: string, problems: string[]): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    problems.push(`${name} must be a URL like https://myorg.imiscloud.com (got "${raw}")`);
    return undefined;
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    problems.push(`${name} must use https: refresh tokens and the client secret would otherwise cross the network in clear text`);
    return undefined;
  }
  if (url.username !== '' || url.password !== '') {
    problems.push(`${name} must not carry a user name or password`);
    return undefined;
  }
  return url.href.replace(/\/+$/, '');
}

/** Sign-in settings, undefined when sign-in is off; each problem is pushed as one sentence. */
export function readSignInConfig(read: SettingReaders, problems: string[], options: { simulated: boolean }): SignInConfig | undefined {
  const sessionMinutes = read.integer('GIFT_SESSION_MINUTES', 20, 1, 480);
  const supervisorRoles = read.list('GIFT_IMIS_SUPERVISOR_ROLES');
  const demoFlag = read.value('GIFT_DEMO_SIGN_IN');
  const given = SIGN_IN_SETTINGS.filter((name) => read.value(name) !== undefined);

  if (demoFlag !== undefined && demoFlag !== '0' && demoFlag !== '1') {
    problems.push(`GIFT_DEMO_SIGN_IN must be 1 (sign in through the demo's iMIS stand-in) or 0 (got "${demoFlag}")`);
  }
  if (demoFlag === '1') {
    if (!options.simulated)
      problems.push('GIFT_DEMO_SIGN_IN=1 is for the demo only (no GIFT_API_BASE_URL): set the GIFT_IMIS_ settings instead');
    if (given.length > 0) problems.push(`GIFT_DEMO_SIGN_IN=1 and ${given.join(', ')} are both set: keep only one`);
    return {
      imisBaseUrl: undefined,
      clientId: DEMO_SIGN_IN.clientId,
      clientSecret: DEMO_SIGN_IN.clientSecret,
      pageUrl: DEMO_SIGN_IN.pagePath,
      entryRoles: [DEMO_SIGN_IN.entryRole],
      supervisorRoles: [DEMO_SIGN_IN.supervisorRole],
      sessionMinutes,
    };
  }
  if (given.length === 0) {
    const stray = ['GIFT_IMIS_SUPERVISOR_ROLES', 'GIFT_SESSION_MINUTES'].filter((name) => read.value(name) !== undefined);
    if (stray.length > 0)
      problems.push(`${stray.join(' and ')} only matter with sign-in: set ${SIGN_IN_SETTINGS.join(', ')} too, or remove them`);
    return undefined;
  }
  const missing = SIGN_IN_SETTINGS.filter((name) => read.value(name) === undefined);
  if (missing.length > 0) {
    problems.push(
      `Sign-in through iMIS needs all of ${SIGN_IN_SETTINGS.join(', ')}; ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing`,
    );
    return undefined;
  }
  const imisBaseUrl = httpsUrl('GIFT_IMIS_URL', read.value('GIFT_IMIS_URL')!, problems);
  const pageUrl = httpsUrl('GIFT_IMIS_SIGN_IN_PAGE', read.value('GIFT_IMIS_SIGN_IN_PAGE')!, problems);
  const clientSecret = read.value('GIFT_IMIS_CLIENT_SECRET')!;
  if (clientSecret.length < 8)
    problems.push(
      `GIFT_IMIS_CLIENT_SECRET must be the client secret of the iMIS client application (it has ${clientSecret.length} characters)`,
    );
  const entryRoles = read.list('GIFT_IMIS_ENTRY_ROLES');
  if (entryRoles.length === 0) problems.push('GIFT_IMIS_ENTRY_ROLES must name at least one iMIS role, e.g. GiftEntry');
  if (!imisBaseUrl || !pageUrl) return undefined;
  return {
    imisBaseUrl,
    clientId: read.value('GIFT_IMIS_CLIENT_ID')!,
    clientSecret,
    pageUrl,
    entryRoles,
    supervisorRoles,
    sessionMinutes,
  };
}
