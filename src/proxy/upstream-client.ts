/**
 * The only code that talks to the External Gift API. Every call carries the
 * Bearer token, asks for compression (ASI's guidelines) and has a timeout; the
 * answer is turned into an outcome the dispatcher can act on. Error texts never
 * include the token or the request headers.
 */
import * as z from 'zod/mini';
import {
  UPSTREAM_IMPORT_PATH,
  UPSTREAM_LOOKUP_PATHS,
  upstreamErrorSchema,
  type GiftImportRequest,
  type LookupName,
} from '../contract/index.ts';

export type ImportOutcome =
  | { kind: 'accepted' }
  | { kind: 'rejected'; upstreamMessage: string }
  | { kind: 'unauthorized' }
  /** No verdict: the gift may or may not have been recorded upstream. */
  | { kind: 'retry'; reason: string };

export type LookupOutcome<T> = { kind: 'ok'; data: T } | { kind: 'unauthorized' } | { kind: 'failed'; reason: string };

export interface UpstreamClient {
  importGift(request: GiftImportRequest): Promise<ImportOutcome>;
  lookup<T>(name: LookupName, schema: z.ZodMiniType<T>): Promise<LookupOutcome<T>>;
}

function upstreamMessage(bodyText: string): string | undefined {
  try {
    const parsed = z.safeParse(upstreamErrorSchema, JSON.parse(bodyText));
    return parsed.success ? parsed.data.Message : undefined;
  } catch {
    return undefined;
  }
}

/** Pure: what an import response means for the gift. */
export function classifyImportResponse(status: number, bodyText: string): ImportOutcome {
  if (status === 202 || status === 200) return { kind: 'accepted' };
  if (status === 401 || status === 403) return { kind: 'unauthorized' };
  const message = upstreamMessage(bodyText);
  if (status === 400) return { kind: 'rejected', upstreamMessage: message ?? (bodyText.slice(0, 500) || 'Bad request') };
  if (status >= 500) return { kind: 'retry', reason: `the gift service answered ${status}${message ? ` (${message})` : ''}` };
  // 404, 405 and the like mean our base URL is wrong: retrying (slowly) keeps the gift until it is fixed.
  return { kind: 'retry', reason: `the gift service answered ${status}${message ? ` (${message})` : ''}; check GIFT_API_BASE_URL` };
}

function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `no answer from the gift service within ${Math.round(timeoutMs / 1000)} s`;
  }
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code = cause && typeof cause === 'object' && 'code' in cause ? String(cause.code) : undefined;
  return `could not reach the gift service${code ? ` (${code})` : ''}`;
}

export function createUpstreamClient(baseUrl: string, token: string, timeoutMs: number): UpstreamClient {
  const headers = {
    Authorization: `Bearer ${token}`,
    Accept: 'application/json',
    'Accept-Encoding': 'gzip, deflate',
  };

  async function call(path: string, init: RequestInit): Promise<{ status: number; text: string }> {
    const response = await fetch(`${baseUrl}${path}`, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    return { status: response.status, text: await response.text() };
  }

  return {
    async importGift(request) {
      try {
        const { status, text } = await call(UPSTREAM_IMPORT_PATH, {
          method: 'POST',
          headers: { ...headers, 'Content-Type': 'application/json' },
          body: JSON.stringify(request),
        });
        return classifyImportResponse(status, text);
      } catch (error) {
        return { kind: 'retry', reason: describeFailure(error, timeoutMs) };
      }
    },

    async lookup(name, schema) {
      try {
        const { status, text } = await call(UPSTREAM_LOOKUP_PATHS[name], { method: 'GET', headers });
        if (status === 401 || status === 403) return { kind: 'unauthorized' };
        if (status !== 200) return { kind: 'failed', reason: `the gift service answered ${status} for ${name}` };
        const parsed = z.safeParse(schema, JSON.parse(text));
        if (!parsed.success) return { kind: 'failed', reason: `the gift service sent ${name} in an unexpected shape` };
        return { kind: 'ok', data: parsed.data };
      } catch (error) {
        if (error instanceof SyntaxError) return { kind: 'failed', reason: `the gift service sent ${name} that is not JSON` };
        return { kind: 'failed', reason: describeFailure(error, timeoutMs) };
      }
    },
  };
}
