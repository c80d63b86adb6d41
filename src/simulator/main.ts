/** `npm run simulator`: the External Gift API stand-in on its own, for demos and manual tests. */
import { startSimulator } from './server.ts';

const tokenFromEnv = process.env.SIMULATOR_TOKEN?.trim();
const delay = process.env.SIMULATOR_DELAY?.trim() || 'realistic';
const port = Number(process.env.SIMULATOR_PORT ?? 8788);
if (delay !== 'realistic' && !/^\d+$/.test(delay)) {
  process.stderr.write(`SIMULATOR_DELAY must be "realistic" or a number of milliseconds (got "${delay}")\n`);
  process.exit(1);
}
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`SIMULATOR_PORT must be a port number (got "${process.env.SIMULATOR_PORT}")\n`);
  process.exit(1);
}

const simulator = await startSimulator({
  token: tokenFromEnv || 'dev-token',
  port,
  host: process.env.SIMULATOR_HOST?.trim() || '127.0.0.1',
  processingDelayMs: delay === 'realistic' ? 'realistic' : Number(delay),
  controlRoutes: true,
});
process.stderr.write(
  [
    `External Gift API simulator on ${simulator.url} (processing delay: ${delay === 'realistic' ? '2–5 s' : `${delay} ms`})`,
    tokenFromEnv ? '  Bearer token: the value of SIMULATOR_TOKEN' : '  Bearer token: dev-token (set SIMULATOR_TOKEN to change it)',
    `  test knobs: GET ${simulator.url}/_simulator/state, POST ${simulator.url}/_simulator/control`,
    '',
  ].join('\n'),
);
const stop = () => void simulator.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
