/**
 * The only code that talks to the External Gift API. Every call carries the
 * Bearer token, asks for compression (ASI's guidelines) and has a timeout; the
 * answer is turned into an outcome the dispatcher can act on. Only the reference's
 * 202 means "recorded": redirects are never followed (a 307 would re-post donor
 * details and the account to another host), answers are read up to a cap, and
 * error texts never include the token or the request headers.
 */
import { STATUS_CODES } from 'node:http';
import * as z from 'zod/mini';
import {
  importRequestBody,
  UPSTREAM_IMPORT_PATH,
  UPSTREAM_LOOKUP_PATHS,
  upstreamErrorSchema,
  type GiftImportRequest,
  type LookupName,
} from '../contract/index.ts';
import { httpCall, type HttpCall } from './http-call.ts';
import { secretMasker } from './logger.ts';

/**
 * Why an attempt got no verdict, which is also whom it may concern. `network`,
 * `unavailable` and `misrouted` are about the service or the way to it, never about the
 * gift; `refused` (a 403, an undocumented 4xx) and `timeout` may be about this one
 * request; `server-error` and `odd-answer` may be either (a 500 on a value the database
 * cannot insert is the gift's; a 500 on every gift is an outage).
 */
export const UPSTREAM_FAILURES = ['network', 'unavailable', 'misrouted', 'refused', 'timeout', 'server-error', 'odd-answer'] as const;
export type UpstreamFailure = (typeof UPSTREAM_FAILURES)[number];

export type ImportOutcome =
  | { kind: 'accepted' }
  | { kind: 'rejected'; upstreamMessage: string }
  | { kind: 'unauthorized' }
  /** No verdict: the gift may or may not have been recorded upstream. */
  | { kind: 'retry'; reason: string; failure: UpstreamFailure };

export type LookupOutcome<T> = { kind: 'ok'; data: T } | { kind: 'unauthorized' } | { kind: 'failed'; reason: string };

export interface UpstreamClient {
  importGift(request: GiftImportRequest): Promise<ImportOutcome>;
  lookup<T>(name: LookupName, schema: z.ZodMiniType<T>): Promise<LookupOutcome<T>>;
}

/** More than any real error text; a 50 MB answer is read no further than this. */
export const IMPORT_ANSWER_CAP_BYTES = 64 * 1024;
/** Lookup lists of a large organisation stay well under this. */
export const LOOKUP_ANSWER_CAP_BYTES = 4 * 1024 * 1024;
/** The longest upstream message kept in the journal and shown to staff. */
export const UPSTREAM_MESSAGE_MAX_CHARS = 500;

/**
 * Upstream words as they may be kept and shown: on one line, without control characters or
 * the marks of undecodable bytes (a binary or decompressed-garbage answer leaves nothing), cut.
 */
export function cutMessage(text: string): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\ufffd\s]+/g, ' ').trim();
  return flat.length <= UPSTREAM_MESSAGE_MAX_CHARS ? flat : `${flat.slice(0, UPSTREAM_MESSAGE_MAX_CHARS - 1)}…`;
}

function upstreamMessage(bodyText: string): string | undefined {
  try {
    const parsed = z.safeParse(upstreamErrorSchema, JSON.parse(bodyText));
    return parsed.success ? cutMessage(parsed.data.Message) : undefined;
  } catch {
    return undefined;
  }
}

/** "403 Forbidden": the status with its standard words, since a gateway's own body is rarely worth keeping. */
function statusWords(status: number): string {
  const words = STATUS_CODES[status];
  return words ? `${status} ${words}` : String(status);
}

/** Pure: what an import response means for the gift. */
export function classifyImportResponse(status: number, bodyText: string): ImportOutcome {
  if (status === 202) return { kind: 'accepted' };
  // Only a 401 speaks of our credentials (the reference's "Authorization has been denied"); a 403
  // comes from something in front of the service refusing one request, and says nothing of the token.
  if (status === 401) return { kind: 'unauthorized' };
  const message = upstreamMessage(bodyText);
  const said = message ? ` (${message})` : '';
  if (status === 400) return { kind: 'rejected', upstreamMessage: message ?? (cutMessage(bodyText) || 'Bad request') };
  if ((status >= 300 && status < 400) || status === 405) {
    return {
      kind: 'retry',
      reason:
        status === 405
          ? `the gift service does not take imports at this address (405)${said}; check GIFT_API_BASE_URL`
          : `the gift service redirected the call (${status}) instead of answering; redirects are never followed, check GIFT_API_BASE_URL`,
      failure: 'misrouted',
    };
  }
  if (status >= 200 && status < 300) {
    return {
      kind: 'retry',
      reason: `the gift service answered ${status} rather than 202 Accepted, so it is not certain the gift was recorded`,
      failure: 'odd-answer',
    };
  }
  if (status === 502 || status === 503 || status === 504 || status === 429) {
    return { kind: 'retry', reason: `the gift service is unavailable (${statusWords(status)})${said}`, failure: 'unavailable' };
  }
  if (status === 408) return { kind: 'retry', reason: `the gift service gave up waiting (${statusWords(status)})`, failure: 'timeout' };
  if (status >= 500) return { kind: 'retry', reason: `the gift service answered ${status}${said}`, failure: 'server-error' };
  const hint = status === 404 ? '; if every gift gets this, check GIFT_API_BASE_URL' : '';
  return { kind: 'retry', reason: `the gift service refused this gift (${statusWords(status)})${said}${hint}`, failure: 'refused' };
}

function describeFailure(error: unknown, timeoutMs: number): { reason: string; failure: UpstreamFailure } {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    const within = timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`;
    return { reason: `no answer from the gift service within ${within}`, failure: 'timeout' };
  }
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code = cause && typeof cause === 'object' && 'code' in cause ? String(cause.code) : undefined;
  return { reason: `could not reach the gift service${code ? ` (${code})` : ''}`, failure: 'network' };
}

/**
 * `secrets` are masked in every upstream text before it is classified, cut, stored or
 * served (an upstream error may echo the request's Authorization header); the token is
 * always among them.
 */
export function createUpstreamClient(baseUrl: string, token: string, timeoutMs: number, secrets: readonly string[] = []): UpstreamClient {
  const mask = secretMasker([token, ...secrets]);
  const headers = {
    Authorization: `Bearer ${token}`,
    Accept: 'application/json',
    'Accept-Encoding': 'gzip, deflate',
  };

  const call = (path: string, init: HttpCall, cap: number) => httpCall(`${baseUrl}${path}`, init, cap, timeoutMs);

  return {
    async importGift(request) {
      try {
        const { status, text } = await call(
          UPSTREAM_IMPORT_PATH,
          { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: importRequestBody(request) },
          IMPORT_ANSWER_CAP_BYTES,
        );
        return classifyImportResponse(status, mask(text));
      } catch (error) {
        return { kind: 'retry', ...describeFailure(error, timeoutMs) };
      }
    },

    async lookup(name, schema) {
      try {
        const { status, text, truncated } = await call(UPSTREAM_LOOKUP_PATHS[name], { method: 'GET', headers }, LOOKUP_ANSWER_CAP_BYTES);
        if (status === 401) return { kind: 'unauthorized' };
        if (status !== 200) return { kind: 'failed', reason: `the gift service answered ${statusWords(status)} for ${name}` };
        if (truncated)
          return { kind: 'failed', reason: `the gift service sent ${name} larger than ${LOOKUP_ANSWER_CAP_BYTES / 1024 / 1024} MB` };
        const parsed = z.safeParse(schema, JSON.parse(text));
        if (!parsed.success) return { kind: 'failed', reason: `the gift service sent ${name} in an unexpected shape` };
        return { kind: 'ok', data: parsed.data };
      } catch (error) {
        if (error instanceof SyntaxError) return { kind: 'failed', reason: `the gift service sent ${name} that is not JSON` };
        return { kind: 'failed', reason: describeFailure(error, timeoutMs).reason };
      }
    },
  };
}
