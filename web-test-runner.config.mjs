// Browser tests in Debian's Chromium, with the real proxy (and its embedded
// simulator) started here for the end-to-end test.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { register } from 'tsx/esm/api';

register();
const { startProxy } = await import('./src/proxy/server.ts');
const { CHROMIUM } = await import('./test/chromium.ts');

/** @returns {Promise<number>} */
const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });

const port = await freePort();
const origin = `http://127.0.0.1:${port}`;
const key = 'browser-test-key-0123456789';
const dataDir = mkdtempSync(join(tmpdir(), 'gift-wtr-'));
const proxy = await startProxy(
  {
    PORT: '0',
    DATA_DIR: dataDir,
    SIMULATOR_DELAY_MS: '200',
    GIFT_SIMULATOR: '1',
    GIFT_UPSTREAM_SPACING_MS: '0',
    GIFT_ANSWER_WAIT_MS: '5000',
    GIFT_ENTRY_KEYS: key,
    ALLOWED_ORIGINS: origin,
  },
  { log: () => {} },
);

/**
 * Serves `import css from './x.css?inline'` as a JS string module, the way Vite builds it.
 * @type {import('@web/test-runner').TestRunnerPlugin}
 */
const inlineCss = {
  name: 'inline-css',
  async serve(context) {
    if (context.path.endsWith('.css') && context.URL.searchParams.has('inline')) {
      const css = await readFile(`.${context.path}`, 'utf8');
      return { body: `export default ${JSON.stringify(css)};`, type: 'js' };
    }
    return undefined;
  },
};

const stopProxy = {
  name: 'stop-proxy',
  async serverStop() {
    await proxy.close();
    rmSync(dataDir, { recursive: true, force: true });
  },
};

export default {
  files: 'test/widget/**/*.test.ts',
  hostname: '127.0.0.1',
  port,
  nodeResolve: true,
  concurrency: 1,
  testsFinishTimeout: 300_000,
  testFramework: { config: { timeout: 15_000 } },
  plugins: [inlineCss, esbuildPlugin({ ts: true, target: 'es2022' }), stopProxy],
  browsers: [
    chromeLauncher({
      launchOptions: CHROMIUM,
    }),
  ],
  testRunnerHtml: (
    /** @type {string} */ testFramework,
  ) => `<!doctype html><html lang="en"><head><title>gift-entry tests</title></head><body>
    <script>window.__PROXY__ = ${JSON.stringify({ url: proxy.url, key })};</script>
    <script type="module" src="${testFramework}"></script></body></html>`,
};
