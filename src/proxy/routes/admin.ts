/**
 * Operator endpoints, behind GIFT_ADMIN_TOKEN as a Bearer token. Never a caller key:
 * those sit in iMIS pages staff can read, and a backup holds every donor's details.
 * POST /admin/backup answers with a consistent copy of the journal; GET /metrics
 * (routes/metrics.ts) with Prometheus metrics.
 */
import Database from 'better-sqlite3';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { open, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BlockList } from 'node:net';
import { Readable } from 'node:stream';
import { Hono, type MiddlewareHandler } from 'hono';
import { ADMIN_PATHS, BACKUP_GIFT_COUNT_HEADER } from '../admin-api.ts';
import { writeBackupRecord } from '../backup-record.ts';
import { clientAddress, trustedHops } from '../caller-checks.ts';
import type { ProxyConfig } from '../config.ts';
import { KeyFailures } from '../key-failures.ts';
import { problem } from '../http-problem.ts';
import type { Log } from '../logger.ts';
import type { ProxyMetrics } from '../metrics.ts';
import type { Outbox } from '../outbox.ts';
import { metricsRoutes } from './metrics.ts';

export interface AdminDeps {
  config: Pick<ProxyConfig, 'adminTokens' | 'dataDir'> & Partial<Pick<ProxyConfig, 'trustedProxies'>>;
  /** Wrong admin tokens, counted across requests (the server flushes its summary when it stops). */
  adminGuesses?: KeyFailures;
  outbox: Pick<Outbox, 'backupTo'>;
  metrics?: ProxyMetrics | undefined;
  log: Log;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Any of `adminTokens` (two while one replaces the other) opens the operator endpoints. Wrong
 * tokens are answered ever more slowly per address and overall, and summarised in the log
 * (key-failures.ts); a right one is never slowed.
 */
export function requireAdminToken(
  adminTokens: readonly string[],
  log: Log,
  failures = new KeyFailures('admin_token_refused', log),
  trusted?: BlockList,
): MiddlewareHandler {
  return async (c, next) => {
    const path = new URL(c.req.url).pathname;
    if (adminTokens.length === 0) {
      return problem(c, 403, `${path} is off: set GIFT_ADMIN_TOKEN (16 characters or more) in the proxy's environment and restart it.`);
    }
    const given = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('Authorization') ?? '')?.[1];
    if (given === undefined) {
      c.header('WWW-Authenticate', 'Bearer realm="gift-proxy-admin"');
      return problem(c, 401, `${path} needs the admin token: send Authorization: Bearer <GIFT_ADMIN_TOKEN>.`);
    }
    const address = clientAddress(c, trusted);
    if (failures.busy(address)) {
      c.header('Retry-After', '60');
      return problem(c, 429, 'Too many wrong admin tokens came from this address; wait a minute before trying again.');
    }
    let right = false;
    for (const adminToken of adminTokens) right = sameSecret(given, adminToken) || right;
    if (!right) {
      await failures.wait(address, failures.fail(address, 'unknown').delayMs);
      c.header('WWW-Authenticate', 'Bearer realm="gift-proxy-admin", error="invalid_token"');
      return problem(c, 401, 'The admin token is not recognised (it may have been rotated): use the current GIFT_ADMIN_TOKEN.');
    }
    await next();
  };
}

/** Checks the copy and makes it a plain single-file database, ready to drop in as gifts.db. */
function finishCopy(file: string): number {
  const copy = new Database(file);
  try {
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`the copy failed SQLite's integrity check (${String(check)})`);
    copy.pragma('journal_mode = DELETE');
    return (copy.prepare('SELECT COUNT(*) AS n FROM gifts').get() as { n: number }).n;
  } finally {
    copy.close();
  }
}

export function adminRoutes(deps: AdminDeps): Hono {
  const app = new Hono();
  const guard = requireAdminToken(deps.config.adminTokens, deps.log, deps.adminGuesses, trustedHops(deps.config.trustedProxies ?? []));
  app.use(ADMIN_PATHS.backup, guard);
  app.use(ADMIN_PATHS.metrics, guard);

  app.post(ADMIN_PATHS.backup, async (c) => {
    const started = Date.now();
    // Inside DATA_DIR: same file system and permissions as the journal, never a shared /tmp.
    const file = join(deps.config.dataDir, `backup-${started}-${randomBytes(4).toString('hex')}.db`);
    const discard = () => Promise.all(['', '-journal', '-wal', '-shm'].map((suffix) => rm(`${file}${suffix}`, { force: true })));
    try {
      await writeFile(file, '', { mode: 0o600, flag: 'wx' });
      await deps.outbox.backupTo(file);
      const gifts = finishCopy(file);
      const handle = await open(file, 'r');
      const { size } = await handle.stat();
      // Unlinked while open: the answer still reads it, and nothing is left behind if the caller goes away.
      await discard();
      deps.log('info', 'backup_taken', { gifts, bytes: size, durationMs: Date.now() - started });
      try {
        writeBackupRecord(deps.config.dataDir, { at: started, bytes: size, gifts });
      } catch (error) {
        // The copy is good; only /metrics's "last backup" misses it, which an alert will say.
        deps.log('warn', 'backup_record_failed', { reason: error instanceof Error ? error.message : String(error) });
      }
      const stamp = new Date(started).toISOString().replace(/[-:]|\.\d+/g, '');
      return new Response(Readable.toWeb(handle.createReadStream()) as ReadableStream<Uint8Array>, {
        headers: {
          'Content-Type': 'application/vnd.sqlite3',
          'Content-Length': String(size),
          'Content-Disposition': `attachment; filename="gifts-${stamp}.db"`,
          'Cache-Control': 'no-store',
          [BACKUP_GIFT_COUNT_HEADER]: String(gifts),
        },
      });
    } catch (error) {
      await discard();
      const reason = error instanceof Error ? error.message : String(error);
      deps.log('error', 'backup_failed', { reason });
      return problem(c, 500, `The backup could not be taken (${reason}). The journal itself is untouched; gifts keep flowing.`);
    }
  });

  if (deps.metrics) app.route(ADMIN_PATHS.metrics, metricsRoutes(deps.metrics));
  return app;
}
