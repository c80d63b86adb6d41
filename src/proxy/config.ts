/**
 * The proxy's settings, read once from the environment. Every problem is reported
 * at once, one sentence each, so an administrator fixes them in one go.
 */
import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { MESSAGES, TRANSACTION_ID_PREFIX_MESSAGE, TRANSACTION_ID_PREFIX_PATTERN } from '../contract/index.ts';
import { isLoopbackHost } from './loopback.ts';
import { readSignInConfig, type SignInConfig } from './sign-in-config.ts';
import { MIN_SECRET_LENGTH, closestName, placeholderReason } from './typed-settings.ts';

export type Env = Record<string, string | undefined>;

export interface ProxyConfig {
  /** Upstream base (before /api/v1/...); undefined means "run the simulator in-process". */
  upstreamBaseUrl: string | undefined;
  upstreamToken: string;
  financialAccountId: number;
  port: number;
  host: string;
  allowedOrigins: string[];
  /** The caller keys themselves (secrets: masked in every log line). */
  callerKeys: string[];
  /**
   * Each key with its label, which is what the journal records and scopes by: `label=key` in
   * GIFT_ENTRY_KEYS keeps a label across a rotation (the old and the new key share it while both
   * are listed); a plain key is labelled by a hash of it.
   */
  namedKeys: NamedKey[];
  /** True only on a loopback host with no keys configured: local development. */
  callerChecksOff: boolean;
  dataDir: string;
  transactionIdPrefix: string;
  upstreamSpacingMs: number;
  upstreamTimeoutMs: number;
  answerWaitMs: number;
  retryBaseMs: number;
  retryMaxMs: number;
  /** Answered attempts without a verdict after which a gift is set aside as `stuck`. */
  stuckAfterAttempts: number;
  /** How long a gift may keep failing before it is set aside as `stuck`. */
  stuckAfterMs: number;
  /** Longest time a caller may take to send a request's headers and body. */
  requestTimeoutMs: number;
  holdRecheckMs: number;
  lookupsTtlMs: number;
  simulatorDelay: number | 'realistic';
  /** Days after which settled gifts lose their donor details; undefined keeps them. */
  retentionDays: number | undefined;
  /** Bearer tokens for GET /metrics and POST /admin/backup (two while rotating); none turns both off. */
  adminTokens: string[];
  /**
   * Addresses (or CIDR ranges) of reverse proxies whose X-Forwarded-For is believed;
   * empty (the default) means the socket's peer is the client.
   */
  trustedProxies: string[];
  /** Sign-in through iMIS (sign-in-config.ts); undefined: caller keys alone. */
  signIn: SignInConfig | undefined;
}

export interface NamedKey {
  label: string;
  secret: string;
}

const KEY_LABEL = /^[A-Za-z0-9_.-]{1,40}$/;

/** `label=key`, or a plain key labelled `key-` and 8 hex digits of its SHA-256 (stable, and not the key). */
export function namedKey(entry: string): NamedKey {
  const split = entry.indexOf('=');
  const label = split > 0 ? entry.slice(0, split).trim() : '';
  const secret = split > 0 ? entry.slice(split + 1).trim() : '';
  // A plain base64 key may end in '=' padding: that is no label.
  if (KEY_LABEL.test(label) && !/^=*$/.test(secret)) return { label, secret };
  return { label: `key-${createHash('sha256').update(entry).digest('hex').slice(0, 8)}`, secret: entry };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`The proxy cannot start:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export { isLoopbackHost };

const LOOPBACK_PROXIES = ['127.0.0.0/8', '::1'];

/** Same-length-or-more random key for the embedded simulator: never a fixed, guessable token. */
function randomToken(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(24))).toString('base64url');
}

export function readConfig(env: Env): ProxyConfig {
  const problems: string[] = [];
  // Every name read here: a GIFT_ variable outside it is a typo or a leftover, named at start.
  const known = new Set<string>();
  const value = (name: string) => {
    known.add(name);
    const raw = env[name]?.trim();
    return raw === '' ? undefined : raw;
  };
  const list = (name: string) =>
    (value(name) ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = value(name);
    if (raw === undefined) return fallback;
    const parsed = Number(raw);
    if (!/^\d+$/.test(raw) || parsed < min || parsed > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return parsed;
  };

  const upstreamBaseUrl = value('GIFT_API_BASE_URL')?.replace(/\/+$/, '');
  const embedded = upstreamBaseUrl === undefined;
  if (upstreamBaseUrl !== undefined) {
    let url: URL | undefined;
    try {
      url = new URL(upstreamBaseUrl);
    } catch {
      problems.push(`GIFT_API_BASE_URL must be a URL like https://donate.example.org (got "${upstreamBaseUrl}")`);
    }
    if (url && url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
      problems.push('GIFT_API_BASE_URL must use https: the token would otherwise cross the network in clear text');
    }
    if (url && /\/api\/v1/i.test(url.pathname)) {
      problems.push('GIFT_API_BASE_URL is the part before /api/v1/... (e.g. https://donate.example.org), not a full endpoint URL');
    }
    // Paths are appended to the base: a query or fragment would swallow them, and credentials
    // in the URL would travel beside the token. The value is not echoed: it may hold a password.
    if (url && (url.search !== '' || url.hash !== '' || /[?#]/.test(upstreamBaseUrl))) {
      problems.push('GIFT_API_BASE_URL must not have a ?query or #fragment: request paths are appended to it');
    }
    if (url && (url.username !== '' || url.password !== '')) {
      problems.push('GIFT_API_BASE_URL must not carry a user name or password: the proxy authenticates with GIFT_API_TOKEN');
    }
  }

  const token = value('GIFT_API_TOKEN');
  if (!embedded && token === undefined) problems.push('GIFT_API_TOKEN is required when GIFT_API_BASE_URL is set');
  const weakToken = token === undefined ? undefined : placeholderReason(token);
  if (weakToken) problems.push(`GIFT_API_TOKEN does not look like the token CSI issued: ${weakToken}`);

  let financialAccountId = 6;
  const account = value('GIFT_FINANCIAL_ACCOUNT_ID');
  if (account === undefined) {
    if (!embedded) problems.push('GIFT_FINANCIAL_ACCOUNT_ID is required when GIFT_API_BASE_URL is set (CSI provides it)');
  } else if (!/^\d+$/.test(account) || Number(account) <= 0 || !Number.isSafeInteger(Number(account))) {
    problems.push(`GIFT_FINANCIAL_ACCOUNT_ID: ${MESSAGES.financialAccount} (got "${account}")`);
  } else {
    financialAccountId = Number(account);
  }

  const host = value('HOST') ?? '127.0.0.1';
  const port = integer('PORT', 8787, 0, 65535);

  const allowedOrigins: string[] = [];
  for (const origin of list('ALLOWED_ORIGINS')) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      /* reported below */
    }
    if (!parsed || parsed.origin !== origin.replace(/\/$/, '')) {
      problems.push(`ALLOWED_ORIGINS entry "${origin}" must be an origin like https://myorg.imiscloud.com (scheme and host, no path)`);
    } else {
      allowedOrigins.push(parsed.origin);
    }
  }

  const generate = 'generate one with: openssl rand -base64 24';
  const namedKeys = list('GIFT_ENTRY_KEYS').map(namedKey);
  const callerKeys = namedKeys.map((key) => key.secret);
  for (const key of callerKeys) {
    const weak = placeholderReason(key);
    if (key.length < MIN_SECRET_LENGTH) {
      problems.push(`Every GIFT_ENTRY_KEYS entry must be at least ${MIN_SECRET_LENGTH} characters (one has ${key.length})`);
    } else if (weak) problems.push(`A GIFT_ENTRY_KEYS entry is not a usable key: ${weak}; ${generate}`);
  }
  const callerChecksOff = callerKeys.length === 0;
  // Two while rotating, like caller keys: the monitoring and backup jobs move over one by one.
  const adminTokens = list('GIFT_ADMIN_TOKEN');
  for (const adminToken of adminTokens) {
    const weak = placeholderReason(adminToken);
    if (adminToken.length < MIN_SECRET_LENGTH) {
      problems.push(`GIFT_ADMIN_TOKEN must be at least ${MIN_SECRET_LENGTH} characters (it has ${adminToken.length})`);
    } else if (weak) problems.push(`GIFT_ADMIN_TOKEN is not a usable token: ${weak}; ${generate}`);
  }
  if (adminTokens.length > 2) problems.push(`GIFT_ADMIN_TOKEN takes one token, or two while rotating (it has ${adminTokens.length})`);
  if (adminTokens.some((adminToken) => callerKeys.includes(adminToken))) {
    problems.push('GIFT_ADMIN_TOKEN must differ from every GIFT_ENTRY_KEYS entry: caller keys sit in iMIS pages that staff can read');
  }
  if (callerChecksOff && !isLoopbackHost(host)) {
    problems.push(
      `GIFT_ENTRY_KEYS is required when HOST (${host}) is not a loopback address: otherwise anyone who can reach the proxy could record gifts`,
    );
  }

  // The simulator only when asked: a production-looking setup without an upstream would
  // answer "accepted" for gifts that never reach iMIS.
  const simulatorFlag = value('GIFT_SIMULATOR');
  if (simulatorFlag !== undefined && simulatorFlag !== '0' && simulatorFlag !== '1') {
    problems.push(`GIFT_SIMULATOR must be 1 (run the built-in simulator) or 0 (got "${simulatorFlag}")`);
  }
  const simulatorAsked = simulatorFlag === '1';
  if (simulatorAsked && !embedded) problems.push('GIFT_SIMULATOR=1 and GIFT_API_BASE_URL are both set: keep only one');
  const production = [
    callerKeys.length > 0 ? 'GIFT_ENTRY_KEYS' : undefined,
    allowedOrigins.length > 0 ? 'ALLOWED_ORIGINS' : undefined,
    isLoopbackHost(host) ? undefined : `HOST=${host}`,
  ].filter(Boolean);
  if (embedded && !simulatorAsked && production.length > 0) {
    problems.push(
      `GIFT_API_BASE_URL is not set, so gifts would go to the built-in simulator and never reach iMIS, yet ${production.join(', ')} ` +
        `${production.length === 1 ? 'is' : 'are'} set as on a real server. Set GIFT_API_BASE_URL (check its spelling), or GIFT_SIMULATOR=1 to run the simulator on purpose`,
    );
  }

  const trustProxy = value('TRUST_PROXY');
  const trustedProxies: string[] = [];
  if (trustProxy !== undefined && trustProxy !== 'off') {
    for (const entry of trustProxy === 'loopback' ? LOOPBACK_PROXIES : list('TRUST_PROXY')) {
      const [address, bits, extra] = entry.split('/');
      const family = isIP(address ?? '');
      const maxBits = family === 6 ? 128 : 32;
      if (family === 0 || extra !== undefined || (bits !== undefined && !(/^\d+$/.test(bits) && Number(bits) <= maxBits))) {
        problems.push(`TRUST_PROXY entry "${entry}" must be an IP address or range like 127.0.0.1 or 10.0.0.0/8 (or TRUST_PROXY=loopback)`);
      } else {
        trustedProxies.push(entry);
      }
    }
  }

  const transactionIdPrefix = value('GIFT_TRANSACTION_PREFIX') ?? '';
  if (!TRANSACTION_ID_PREFIX_PATTERN.test(transactionIdPrefix)) {
    problems.push(`GIFT_TRANSACTION_PREFIX: ${TRANSACTION_ID_PREFIX_MESSAGE} (got "${transactionIdPrefix}")`);
  }

  const delay = value('SIMULATOR_DELAY_MS');
  const simulatorDelay = delay === undefined || delay === 'realistic' ? 'realistic' : integer('SIMULATOR_DELAY_MS', 0, 0, 60_000);

  const retention = value('GIFT_JOURNAL_RETENTION_DAYS');
  const retentionDays = retention === 'off' ? undefined : integer('GIFT_JOURNAL_RETENTION_DAYS', 90, 0, 36_500);

  const signIn = readSignInConfig({ value, list, integer }, problems, { simulated: embedded });

  const config: ProxyConfig = {
    signIn,
    upstreamBaseUrl,
    upstreamToken: token ?? randomToken(),
    financialAccountId,
    port,
    host,
    allowedOrigins,
    callerKeys,
    namedKeys,
    callerChecksOff,
    dataDir: resolve(value('DATA_DIR') ?? './data'),
    transactionIdPrefix,
    upstreamSpacingMs: integer('GIFT_UPSTREAM_SPACING_MS', 500, 0, 600_000),
    upstreamTimeoutMs: integer('GIFT_UPSTREAM_TIMEOUT_MS', 30_000, 100, 600_000),
    answerWaitMs: integer('GIFT_ANSWER_WAIT_MS', 12_000, 0, 60_000),
    retryBaseMs: integer('GIFT_RETRY_BASE_MS', 2_000, 1, 600_000),
    retryMaxMs: integer('GIFT_RETRY_MAX_MS', 300_000, 1, 86_400_000),
    stuckAfterAttempts: integer('GIFT_STUCK_AFTER_ATTEMPTS', 6, 1, 1000),
    stuckAfterMs: integer('GIFT_STUCK_AFTER_MS', 1_800_000, 1, 604_800_000),
    requestTimeoutMs: integer('GIFT_REQUEST_TIMEOUT_MS', 30_000, 100, 600_000),
    holdRecheckMs: integer('GIFT_HOLD_RECHECK_MS', 300_000, 10, 86_400_000),
    lookupsTtlMs: integer('GIFT_LOOKUPS_TTL_MS', 300_000, 0, 86_400_000),
    simulatorDelay,
    retentionDays,
    adminTokens,
    trustedProxies,
  };
  for (const name of Object.keys(env)
    .filter((name) => name.startsWith('GIFT_') && !known.has(name))
    .sort()) {
    const meant = closestName(name, known);
    problems.push(`${name} is not a setting of this proxy${meant ? `: did you mean ${meant}?` : ' (see README: Proxy configuration)'}`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
