/**
 * `npm start`: the proxy, configured from the environment (see README). Every start and
 * stop is a JSON log line on stdout (proxy_started, proxy_stopping, proxy_stopped), as
 * journald expects; the plain-text banner is for a person at a terminal only. A refusal
 * to start is plain text on stderr, one sentence per problem, and exit code 1.
 */
import type { Hono } from 'hono';
import { ConfigError } from './config.ts';
import { startProxy } from './server.ts';

/**
 * The demo page and the iMIS stand-in, loaded only when the proxy runs its own simulator.
 * The specifier is computed so esbuild leaves it out of dist/server/proxy.js: compiled, it
 * is the demo's own bundle beside this file (build:server's `demo` entry); under tsx, the source.
 */
const DEMO_MODULE = import.meta.url.endsWith('.ts') ? '../demo/routes.ts' : './demo.js';
let demoMissing = false;
const loadDemo = async (): Promise<Hono | undefined> => {
  let module: typeof import('../demo/routes.ts');
  try {
    module = (await import(DEMO_MODULE)) as typeof import('../demo/routes.ts');
  } catch {
    demoMissing = true; // a partial build: the proxy still runs, without the demo pages
    return undefined;
  }
  return module.demoRoutes(process.env);
};

try {
  const proxy = await startProxy(process.env, { demo: loadDemo });
  if (process.stderr.isTTY) {
    const lines = [`Gift entry proxy listening on ${proxy.url}`];
    if (proxy.simulatorUrl) {
      lines.push(
        demoMissing
          ? '  demo page: not available (dist/server/demo.js is missing: run npm run build)'
          : `  demo page: ${proxy.url}/   iMIS stand-in: ${proxy.url}/imis/Staff/Record_a_gift.aspx`,
        '',
        '  *** SIMULATOR MODE: GIFT_API_BASE_URL is not set. Gifts go to the built-in simulator, not to iMIS. ***',
        '  Set GIFT_API_BASE_URL, GIFT_API_TOKEN and GIFT_FINANCIAL_ACCOUNT_ID to talk to the real External Gift API.',
      );
    }
    if (proxy.config.signIn && proxy.config.signIn.imisBaseUrl === undefined) {
      lines.push(
        '',
        `  Sign-in is ON through the demo's iMIS stand-in: ${proxy.url}/imis/Staff/Sign_in_to_gift_entry.aspx (README: Signing in through iMIS).`,
      );
    }
    if (proxy.config.callerChecksOff) {
      lines.push('', '  Caller checks are OFF (loopback host and no GIFT_ENTRY_KEYS): fine for local use, never for a shared server.');
    }
    process.stderr.write(`${lines.join('\n')}\n\n`);
  }
  const shutdown = (signal: NodeJS.Signals) => {
    proxy.close(signal).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
} catch (error) {
  process.stderr.write(`${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
