/**
 * The compiled proxy's memory after 1,000 and after 10,000 gifts, measured the way
 * production runs it: `npm start`'s own node flags and dist/server/proxy.js, with the
 * deployment guide's GIFT_ADMIN_TOKEN (so /metrics and its registry are loaded, and
 * scraped as Prometheus would), as its own process talking to the simulator over
 * loopback like a real upstream (the simulator runs in this bench's process, no
 * processing delay, no spacing), so the figure is the proxy's resident set alone: not
 * the bench's, a TypeScript loader's, or an embedded simulator's, which production never
 * has. Memory must stay flat with volume: 10,000 gifts within 5 MB of 1,000.
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
/** How much more 10,000 gifts may hold than 1,000. */
export const GROWTH_TARGET_MB = 5;
const CHECKPOINTS = [1_000, 10_000];
const IN_FLIGHT = 4;
/** Quiet time before the settled measurement. */
const SETTLE_MS = 30_000;
const ADMIN_TOKEN = 'bench-admin-Hq7Wz2Lp9Vt4';

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

/** Starts the compiled proxy and resolves with its URL from its proxy_started log line. */
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
      GIFT_ADMIN_TOKEN: ADMIN_TOKEN,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const collect = (chunk: string) => {
      output += chunk;
      const url = /"event":"proxy_started","url":"([^"]+)"/.exec(output)?.[1];
      if (url) {
        // The log keeps flowing (one line a gift): read and drop it so the pipe never blocks the proxy.
        output = '';
        child.stdout!.removeListener('data', collect);
        child.stdout!.resume();
        resolve({ child, url });
      }
    };
    child.stdout!.setEncoding('utf8').on('data', collect);
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.once('exit', (code) => reject(new Error(`the compiled proxy exited (${code}) before listening:\n${output}`)));
  });
}

export async function run(): Promise<{ rssMb: number; peakMb: number; rssAtFirstMb: number }> {
  if (!existsSync(COMPILED_PROXY)) throw new Error(`${COMPILED_PROXY} is missing: run npm run build first`);
  const dataDir = mkdtempSync(join(tmpdir(), 'gift-memory-'));
  const simulator = await startSimulator({ token: TOKEN, processingDelayMs: 0 });
  const { child, url } = await startCompiled(dataDir, simulator.url);
  const mb = (n: number) => `${n.toFixed(1)} MB`;
  try {
    console.log(
      `compiled proxy (npm start: node ${startFlags().join(' ')} dist/server/proxy.js, GIFT_ADMIN_TOKEN set, upstream: the simulator on loopback)`,
    );
    /** Scraped as Prometheus would (so the registry's own memory is in the figure), then RSS read from /proc. */
    const measure = async (label: string): Promise<number> => {
      const scrape = await fetch(`${url}/metrics`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
      if (scrape.status !== 200) throw new Error(`/metrics answered ${scrape.status}`);
      const scraped = await scrape.text();
      const figure = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(scraped)?.[1] ?? Number.NaN) / 1024 / 1024;
      const now = procStatusMb(child.pid!, 'VmRSS');
      console.log(
        `  ${label}: RSS ${mb(now)} (private ${mb(procStatusMb(child.pid!, 'RssAnon'))}, file-backed ${mb(procStatusMb(child.pid!, 'RssFile'))}; ` +
          `V8 heap used ${mb(figure('nodejs_heap_size_used_bytes'))} of ${mb(figure('nodejs_heap_size_total_bytes'))})`,
      );
      return now;
    };
    let sent = 0;
    const rss: number[] = [];
    for (const checkpoint of CHECKPOINTS) {
      const sender = async () => {
        while (sent < checkpoint) {
          sent++;
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
      const busy = await measure(`right after ${checkpoint} accepted gifts, ${IN_FLIGHT} in flight`);
      // Then quiet, as between two bursts of data entry: the proxy collects what V8 put off while busy
      // once no request has come for a few seconds (src/proxy/idle-collection.ts; V8's own memory reducer
      // only did so after the first burst), so the lowest RSS over the quiet spell is what the proxy
      // holds. The targets are judged on this settled figure (the busy one moves by ±5 MB run to run).
      let settled = busy;
      for (let waited = 0; waited < SETTLE_MS; waited += 1000) {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        settled = Math.min(settled, procStatusMb(child.pid!, 'VmRSS'));
      }
      settled = Math.min(settled, await measure(`  then ${SETTLE_MS / 1000} s quiet`));
      console.log(`    settled (lowest RSS while quiet): ${mb(settled)}`);
      rss.push(settled);
    }
    const rssAtFirstMb = rss[0]!;
    const rssMb = rss.at(-1)!;
    const peakMb = procStatusMb(child.pid!, 'VmHWM');
    console.log(`  peak RSS over the run ${mb(peakMb)}`);
    // File-backed pages are mostly the node executable's own code, shared with any other node process.
    const growth = rssMb - rssAtFirstMb;
    const over = Math.max(rssAtFirstMb, rssMb) - RSS_TARGET_MB;
    console.log(`  target ≤ ${RSS_TARGET_MB} MB at both: ${over <= 0 ? 'met' : `NOT met (${over.toFixed(1)} MB over)`}`);
    console.log(
      `  target: ${CHECKPOINTS[1]} gifts within ${GROWTH_TARGET_MB} MB of ${CHECKPOINTS[0]}: ${growth <= GROWTH_TARGET_MB ? 'met' : 'NOT met'} (${growth >= 0 ? '+' : ''}${growth.toFixed(1)} MB)`,
    );
    return { rssMb, peakMb, rssAtFirstMb };
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
