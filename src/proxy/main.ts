/**
 * `npm start`: the proxy, configured from the environment (see README). Every start and
 * stop is a JSON log line on stdout (proxy_started, proxy_stopping, proxy_stopped), as
 * journald expects; the plain-text banner is for a person at a terminal only. A refusal
 * to start is plain text on stderr, one sentence per problem, and exit code 1.
 */
import { ConfigError } from './config.ts';
import { startProxy } from './server.ts';

try {
  const proxy = await startProxy(process.env);
  if (process.stderr.isTTY) {
    const lines = [`Gift entry proxy listening on ${proxy.url}`, `  demo page: ${proxy.url}/`];
    if (proxy.simulatorUrl) {
      lines.push(
        '',
        '  *** SIMULATOR MODE: GIFT_API_BASE_URL is not set. Gifts go to the built-in simulator, not to iMIS. ***',
        '  Set GIFT_API_BASE_URL, GIFT_API_TOKEN and GIFT_FINANCIAL_ACCOUNT_ID to talk to the real External Gift API.',
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
