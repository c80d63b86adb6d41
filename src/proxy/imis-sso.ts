/**
 * Who a refresh token belongs to, asked of iMIS as its single sign-on documents it
 * (README: Signing in through iMIS, with sources):
 *
 * 1. POST {iMIS}/token, form-encoded: grant_type=refresh_token, client_id, client_secret,
 *    refresh_token (developer.imis.com "Obtaining an access token for Single Sign On").
 *    The answer carries access_token and userName (pathable/imis-oauth imis_server.js reads
 *    both from it); a refresh_token in it replaces the one we hold.
 * 2. GET {iMIS}/api/user?username=… with the bearer access token: a paged envelope,
 *    `Items.$values[0]` a UserData whose `Party.PartyId` is the party (imis_server.js) and whose
 *    `Roles.$values` list the user's roles. The party's name is `Party.Name` when given, else
 *    GET /api/party/{id}'s `Name`.
 *
 * Every failure is a sentence for staff plus a reason for the log; the client secret and the
 * tokens never appear in either.
 */
import type { Party } from './caller.ts';

export interface ImisIdentity {
  userName: string;
  party: Party;
  roles: string[];
  /** The refresh token to keep for renewal (iMIS's new one if it sent one). */
  refreshToken: string;
}

export type IdentifyFailure = {
  /** expired: the refresh token is no longer honoured (sign in to iMIS again); broken: our side or iMIS's. */
  failure: 'expired' | 'broken';
  message: string;
  /** For the log: what iMIS answered, never a token. */
  reason: string;
};

export interface ImisSsoSettings {
  /** Resolved at call time: the demo's stand-in lives on the proxy's own address. */
  baseUrl: () => string;
  clientId: string;
  clientSecret: string;
  timeoutMs: number;
}

const BROKEN = 'The gift proxy could not confirm your iMIS sign-in';

type Json = Record<string, unknown>;
const record = (value: unknown): Json | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);
/** iMIS collections are `{ $values: [...] }`; plain arrays are accepted too. */
const values = (value: unknown): unknown[] => (Array.isArray(value) ? value : ((record(value)?.$values as unknown[] | undefined) ?? []));

export async function identify(settings: ImisSsoSettings, refreshToken: string): Promise<ImisIdentity | IdentifyFailure> {
  const base = settings.baseUrl();
  const signal = () => AbortSignal.timeout(settings.timeoutMs);
  let tokenAnswer: Response;
  try {
    tokenAnswer = await fetch(`${base}/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        client_id: settings.clientId,
        client_secret: settings.clientSecret,
        refresh_token: refreshToken,
      }),
      signal: signal(),
    });
  } catch (error) {
    return { failure: 'broken', message: `${BROKEN}: iMIS did not answer. Try again in a minute.`, reason: `token: ${String(error)}` };
  }
  const token = record(await tokenAnswer.json().catch(() => undefined));
  if (!tokenAnswer.ok) {
    const code = text(token?.error) ?? String(tokenAnswer.status);
    if (code === 'invalid_grant') {
      return {
        failure: 'expired',
        message: 'Your iMIS sign-in has expired. Sign in to iMIS again, then sign in to gift entry.',
        reason: `token: ${code}`,
      };
    }
    return {
      failure: 'broken',
      message: `${BROKEN}: iMIS refused the gift proxy's client application settings. Ask your administrator to check them.`,
      reason: `token: ${code}`,
    };
  }
  const accessToken = text(token?.access_token);
  const userName = text(token?.userName);
  if (!accessToken || !userName) {
    return { failure: 'broken', message: `${BROKEN}: iMIS did not say who is signed in.`, reason: 'token: no access_token or userName' };
  }
  const get = async (path: string): Promise<Json | undefined> => {
    const answer = await fetch(`${base}${path}`, {
      headers: { Authorization: `Bearer ${accessToken}`, Accept: 'application/json' },
      signal: signal(),
    });
    return answer.ok ? record(await answer.json().catch(() => undefined)) : undefined;
  };
  try {
    const users = await get(`/api/user?username=${encodeURIComponent(userName)}`);
    const user = record(values(record(users?.Items) ?? users?.Items)[0]);
    const party = record(user?.Party);
    const partyId = text(party?.PartyId) ?? text(party?.Id);
    if (!user || !partyId) {
      return { failure: 'broken', message: `${BROKEN}: iMIS has no contact for your user name.`, reason: 'api/user: no Party.PartyId' };
    }
    const name = text(party?.Name) ?? text((await get(`/api/party/${encodeURIComponent(partyId)}`))?.Name) ?? userName;
    const roles = values(user.Roles).flatMap((role) => {
      const r = record(role);
      return [text(r?.Description), text(r?.Name), text(r?.RoleKey)].filter((s): s is string => s !== undefined);
    });
    return { userName, party: { id: partyId, name }, roles, refreshToken: text(token?.refresh_token) ?? refreshToken };
  } catch (error) {
    return { failure: 'broken', message: `${BROKEN}: iMIS did not answer. Try again in a minute.`, reason: `api/user: ${String(error)}` };
  }
}

/** Whether the roles let the person enter gifts, and supervise. Role names compare without regard to case. */
export function entitlement(
  roles: readonly string[],
  config: { entryRoles: readonly string[]; supervisorRoles: readonly string[] },
): { enters: boolean; supervisor: boolean } {
  const held = new Set(roles.map((role) => role.toLowerCase()));
  const any = (names: readonly string[]) => names.some((name) => held.has(name.toLowerCase()));
  const supervisor = any(config.supervisorRoles);
  return { enters: supervisor || any(config.entryRoles), supervisor };
}
