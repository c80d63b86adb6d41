/**
 * Who may call the proxy. Browsers must come from the proxy's own origin or one in
 * ALLOWED_ORIGINS (answered with matching CORS headers) — even with the key check
 * off, since any website a developer visits could otherwise read the journal — and
 * every API call must carry a caller key: a revocable secret for a staff-only iMIS
 * page, never the upstream token. Wrong keys are summarised in the log (never the key
 * itself) and answered more and more slowly per client address and overall
 * (key-failures.ts). The key's label is recorded as the caller (caller.ts): it decides
 * which gifts and batches the caller sees. In local mode (no keys) only a loopback Host is
 * answered, so a page that DNS rebinding points at the developer's proxy gets nothing.
 * Behind a reverse proxy every socket comes from the proxy, so with TRUST_PROXY the client
 * is read from the X-Forwarded-For that a trusted hop appended (never from a header anyone
 * could send).
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import { timingSafeEqual } from 'node:crypto';
import { BlockList, isIP } from 'node:net';
import type { Context, MiddlewareHandler } from 'hono';
import { CALLER_KEY_HEADER, RESPOND_ASYNC } from '../contract/index.ts';
import { SESSION_HEADER } from '../contract/session-api.ts';
import { setCaller } from './caller.ts';
import { isLoopbackHost, type ProxyConfig } from './config.ts';
import { problem } from './http-problem.ts';
import { KeyFailures } from './key-failures.ts';
import type { Log } from './logger.ts';

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** IPv4 peers of a dual-stack socket arrive as ::ffff:a.b.c.d. */
function plainAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1]! : address;
}

/** The reverse proxies TRUST_PROXY names, as a set to test addresses against; undefined when off. */
export function trustedHops(entries: readonly string[]): BlockList | undefined {
  if (entries.length === 0) return undefined;
  const list = new BlockList();
  for (const entry of entries) {
    const [address, bits] = entry.split('/') as [string, string | undefined];
    const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(bits), type);
  }
  return list;
}

function isTrusted(trusted: BlockList, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && trusted.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

/**
 * The client's address: the socket's peer or, when that peer is a trusted hop, the
 * rightmost X-Forwarded-For entry that is not itself trusted (entries to its left
 * were written by the client and prove nothing).
 */
export function clientAddress(c: Context, trusted?: BlockList): string {
  let peer: string;
  try {
    peer = plainAddress(getConnInfo(c).remote.address ?? 'unknown');
  } catch {
    return 'unknown'; // app.request() in tests has no socket
  }
  if (!trusted || !isTrusted(trusted, peer)) return peer;
  const hops = (c.req.header('X-Forwarded-For') ?? '')
    .split(',')
    .map((hop) => plainAddress(hop.trim()))
    .filter(Boolean);
  let client = peer;
  for (let i = hops.length - 1; i >= 0; i--) {
    if (isIP(hops[i]!) === 0) break;
    client = hops[i]!;
    if (!isTrusted(trusted, client)) break;
  }
  return client;
}

export const ALLOWED_REQUEST_HEADERS = `Content-Type, ${CALLER_KEY_HEADER}, ${SESSION_HEADER}, If-None-Match, ${RESPOND_ASYNC.header}`;

/**
 * Local mode only: refuses a request whose Host is not a loopback name. A page on
 * evil.example that rebinds its name to 127.0.0.1 still sends `Host: evil.example`.
 */
export function loopbackHostOnly(): MiddlewareHandler {
  return async (c, next) => {
    // The request's URL is built from its Host header (app.request() in tests has a URL and no Host).
    const host = new URL(c.req.url).hostname;
    if (isLoopbackHost(host)) return next();
    return problem(
      c,
      421,
      `This gift proxy runs in local mode (no GIFT_ENTRY_KEYS) and answers only requests addressed to localhost or 127.0.0.1, not to "${host || '(no Host)'}". ` +
        'On a shared server, set GIFT_ENTRY_KEYS.',
    );
  };
}

export function callerChecks(
  config: Pick<ProxyConfig, 'allowedOrigins' | 'callerKeys' | 'callerChecksOff'> &
    Partial<Pick<ProxyConfig, 'trustedProxies' | 'namedKeys'>>,
  log: Log = () => {},
  failures = new KeyFailures('caller_key_refused', log),
): MiddlewareHandler {
  const trusted = trustedHops(config.trustedProxies ?? []);
  const named = config.namedKeys ?? config.callerKeys.map((secret, i) => ({ label: `key-${i + 1}`, secret }));
  return async (c, next) => {
    const origin = c.req.header('Origin');
    const ownOrigin = new URL(c.req.url).origin;
    const originAllowed = origin === undefined || origin === ownOrigin || config.allowedOrigins.includes(origin);
    if (!originAllowed) {
      return problem(c, 403, `Pages on ${origin} may not use this gift proxy. Add that origin to ALLOWED_ORIGINS on the proxy.`);
    }
    if (origin !== undefined && origin !== ownOrigin) {
      c.header('Access-Control-Allow-Origin', origin);
      c.header('Vary', 'Origin');
      c.header('Access-Control-Expose-Headers', 'ETag');
    }
    if (c.req.method === 'OPTIONS') {
      c.header('Access-Control-Allow-Methods', 'GET, POST, PUT, PATCH, DELETE');
      c.header('Access-Control-Allow-Headers', ALLOWED_REQUEST_HEADERS);
      c.header('Access-Control-Max-Age', '600');
      return c.body(null, 204);
    }
    if (!config.callerChecksOff) {
      const key = c.req.header(CALLER_KEY_HEADER);
      const address = clientAddress(c, trusted);
      if (failures.busy(address)) {
        c.header('Retry-After', '60');
        return problem(c, 429, 'Too many wrong gift entry keys came from this address; wait a minute before trying again.');
      }
      const refuse = async (reason: 'missing' | 'unknown', message: string) => {
        const { delayMs } = failures.fail(address, reason);
        await failures.wait(address, delayMs);
        return problem(c, 401, message);
      };
      if (key === undefined || key === '') {
        return refuse(
          'missing',
          `This page has no gift entry key. Set the widget's key attribute (sent as the ${CALLER_KEY_HEADER} header).`,
        );
      }
      // Every key is compared, so the time taken says nothing about which one (nearly) matched.
      let match: string | undefined;
      for (const entry of named) if (sameSecret(key, entry.secret)) match ??= entry.label;
      if (match === undefined) {
        return refuse(
          'unknown',
          'The gift entry key is not recognised (it may have been rotated). Ask your administrator for the current key.',
        );
      }
      setCaller(c, { keyLabel: match, supervisor: false });
    }
    await next();
  };
}
