/**
 * The compiled proxy's memory after 1,000 gifts, measured the way production runs it:
 * `npm start`'s own node flags and dist/server/proxy.js, as its own process talking to the
 * simulator over loopback like a real upstream (the simulator runs in this bench's process,
 * no processing delay, no spacing), so the figure is the proxy's resident set alone: not
 * the bench's, a TypeScript loader's, or an embedded simulator's, which production never has.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSimulator } from '../../src/simulator/server.ts';
import { ACCOUNT, TOKEN, sampleGift } from '../proxy/harness.ts';

export const COMPILED_PROXY = fileURLToPath(new URL('../../dist/server/proxy.js', import.meta.url));
const PACKAGE_JSON = fileURLToPath(new URL('../../package.json', import.meta.url));
export const RSS_TARGET_MB = 80;
const GIFTS = 1000;
const IN_FLIGHT = 4;

/** The V8 flags `npm start` passes (heap sizing), so the bench measures exactly what production runs. */
function startFlags(): string[] {
  const { scripts } = JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { scripts: Record<string, string> };
  const words = (scripts.start ?? '').split(/\s+/);
  if (words[0] !== 'node') throw new Error(`npm start no longer runs node directly ("${scripts.start}"): update this bench`);
  return words.slice(1).filter((word) => word.startsWith('--'));
}

/** A figure from /proc/<pid>/status, in MB (Linux only, like the servers it runs on). */
function procStatusMb(pid: number, field: 'VmRSS' | 'VmHWM' | 'RssAnon' | 'RssFile'): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
  if (!line?.[1]) throw new Error(`/proc/${pid}/status has no ${field}`);
  return Number(line[1]) / 1024;
}

/** Starts the compiled proxy and resolves with its URL from the start banner. */
function startCompiled(dataDir: string, upstream: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [...startFlags(), COMPILED_PROXY], {
    env: {
      PATH: process.env.PATH,
      HOST: '127.0.0.1',
      PORT: '0',
      DATA_DIR: dataDir,
      GIFT_API_BASE_URL: upstream,
      GIFT_API_TOKEN: TOKEN,
      GIFT_FINANCIAL_ACCOUNT_ID: ACCOUNT,
      GIFT_UPSTREAM_SPACING_MS: '0',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let banner = '';
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      banner += chunk;
      const url = banner.match(/listening on (http:\/\/\S+)/)?.[1];
      if (url) resolve({ child, url });
    });
    child.once('exit', (code) => reject(new Error(`the compiled proxy exited (${code}) before listening:\n${banner}`)));
  });
}

export async function run(): Promise<{ rssMb: number; peakMb: number }> {
  if (!existsSync(COMPILED_PROXY)) throw new Error(`${COMPILED_PROXY} is missing: run npm run build first`);
  const dataDir = mkdtempSync(join(tmpdir(), 'gift-memory-'));
  const simulator = await startSimulator({ token: TOKEN, processingDelayMs: 0 });
  const { child, url } = await startCompiled(dataDir, simulator.url);
  try {
    let next = 0;
    const sender = async () => {
      while (next < GIFTS) {
        next++;
        const answer = await fetch(`${url}/api/gifts`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(sampleGift()),
        });
        const record = (await answer.json()) as { status: string };
        if (record.status !== 'accepted') throw new Error(`gift answered ${answer.status} ${record.status}`);
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, sender));
    const health = (await (await fetch(`${url}/healthz`)).json()) as { queueDepth: number };
    if (health.queueDepth !== 0) throw new Error(`${health.queueDepth} gifts still queued after the run`);

    const rssMb = procStatusMb(child.pid!, 'VmRSS');
    const peakMb = procStatusMb(child.pid!, 'VmHWM');
    const mb = (n: number) => `${n.toFixed(1)} MB`;
    console.log(`compiled proxy (npm start: node ${startFlags().join(' ')} dist/server/proxy.js, upstream: the simulator on loopback)`);
    console.log(`  after ${GIFTS} accepted gifts, ${IN_FLIGHT} in flight: RSS ${mb(rssMb)} (peak ${mb(peakMb)})`);
    // File-backed pages are mostly the node executable's own code, shared with any other node process.
    console.log(`  of which private ${mb(procStatusMb(child.pid!, 'RssAnon'))}, file-backed ${mb(procStatusMb(child.pid!, 'RssFile'))}`);
    console.log(
      `  target ≤ ${RSS_TARGET_MB} MB: ${rssMb <= RSS_TARGET_MB ? 'met' : `NOT met (${(rssMb - RSS_TARGET_MB).toFixed(1)} MB over)`}`,
    );
    return { rssMb, peakMb };
  } finally {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await simulator.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
