/**
 * A stand-in for the CSiDonate External Gift API on loopback: the same four
 * routes, Bearer check, status codes and messages, so the product runs and is
 * tested with no iMIS. Plain node:http, because the test knobs need the raw
 * socket (hang, drop) that a framework would hide.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { gzipSync, deflateSync } from 'node:zlib';
import { UPSTREAM_IMPORT_PATH, UPSTREAM_LOOKUP_PATHS, UPSTREAM_MESSAGE } from '../contract/index.ts';
import { SimulatorState, type CannedAnswer, type ReceivedImport, type SimulatorControl } from './control.ts';
import { answerImport } from './import-validation.ts';
import { SAMPLE_APPEALS, SAMPLE_CAMPAIGNS, SAMPLE_CAMPAIGN_MAPPING, SAMPLE_DISTRIBUTIONS } from './seed-data.ts';

export type { CannedAnswer, ReceivedImport, SimulatorControl } from './control.ts';

export interface SimulatorOptions {
  token: string;
  port?: number;
  host?: string;
  /** Per import; 'realistic' is 2–5 s, as the reference says iMIS takes. */
  processingDelayMs?: number | 'realistic';
  /** campaign → distribution (the gen table); {} means the table is absent. */
  campaignMapping?: Record<string, string>;
  /** Exposes /_simulator/state and /_simulator/control, unauthenticated: loopback demos and tests only. */
  controlRoutes?: boolean;
}

export interface RunningSimulator {
  url: string;
  control: SimulatorControl;
  close(): Promise<void>;
}

/** What a web application firewall typically answers: a page, not the API's JSON. */
const FORBIDDEN_PAGE =
  '<html><head><title>403 Forbidden</title></head><body><h1>Forbidden</h1><p>Request blocked by policy.</p></body></html>';

const LOOKUPS: Record<string, unknown[]> = {
  [UPSTREAM_LOOKUP_PATHS.distributions]: SAMPLE_DISTRIBUTIONS,
  [UPSTREAM_LOOKUP_PATHS.appeals]: SAMPLE_APPEALS,
  [UPSTREAM_LOOKUP_PATHS.campaigns]: SAMPLE_CAMPAIGNS,
};

function send(request: IncomingMessage, response: ServerResponse, status: number, body?: unknown): void {
  if (body === undefined) {
    response.writeHead(status, { 'Content-Length': '0' }).end();
    return;
  }
  let payload: Buffer = Buffer.from(JSON.stringify(body));
  const headers: Record<string, string> = { 'Content-Type': 'application/json; charset=utf-8' };
  const accepts = String(request.headers['accept-encoding'] ?? '');
  if (/\bgzip\b/.test(accepts)) {
    payload = gzipSync(payload);
    headers['Content-Encoding'] = 'gzip';
  } else if (/\bdeflate\b/.test(accepts)) {
    payload = deflateSync(payload);
    headers['Content-Encoding'] = 'deflate';
  }
  headers['Content-Length'] = String(payload.length);
  response.writeHead(status, headers).end(payload);
}

const BOMB_BYTES = 10 * 1024 * 1024;

function sendCanned(response: ServerResponse, answer: CannedAnswer): void {
  if (answer.bomb) {
    // Zeros compress about 1000:1, so a few KB on the wire inflate to megabytes in the caller.
    const zeros = Buffer.alloc(answer.bodyBytes ?? BOMB_BYTES);
    const body = answer.bomb === 'gzip' ? gzipSync(zeros, { level: 9 }) : deflateSync(zeros, { level: 9 });
    const headers = { 'Content-Type': 'application/json', 'Content-Encoding': answer.bomb, 'Content-Length': String(body.length) };
    response.writeHead(answer.status, { ...headers, ...answer.headers }).end(body);
    return;
  }
  const body = answer.bodyBytes !== undefined ? Buffer.alloc(answer.bodyBytes, 'x') : Buffer.from(answer.body ?? '');
  response.writeHead(answer.status, { 'Content-Length': String(body.length), ...answer.headers }).end(body);
}

/** The transaction ID a raw import body names, for the per-gift faults; undefined when it names none. */
function transactionIdOf(raw: string): string | undefined {
  try {
    const id = (JSON.parse(raw) as { transactionId?: unknown }).transactionId;
    return typeof id === 'string' || typeof id === 'number' ? String(id).trim() : undefined;
  } catch {
    return undefined;
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

export async function startSimulator(options: SimulatorOptions): Promise<RunningSimulator> {
  const state = new SimulatorState(options.token, options.processingDelayMs ?? 0);
  const mapping = options.campaignMapping ?? SAMPLE_CAMPAIGN_MAPPING;
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();

  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  async function importGift(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const raw = await readBody(request);
    const call: ReceivedImport = {
      at: new Date().toISOString(),
      authorization: request.headers.authorization ?? null,
      acceptEncoding: (request.headers['accept-encoding'] as string | undefined) ?? null,
      rawBody: raw,
      status: 0,
    };
    state.calls.push(call);
    const answer = (status: number, message?: string) => {
      call.status = status;
      if (message !== undefined) call.message = message;
      send(request, response, status, message === undefined ? undefined : { Message: message });
    };
    if (!authorized(request)) return answer(401, UPSTREAM_MESSAGE.unauthorized);

    state.inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
    try {
      const id = transactionIdOf(raw);
      // A firewall in front of the service refuses before the service sees the gift.
      if (id !== undefined && state.forbidden.has(id)) {
        call.status = 403;
        return sendCanned(response, { status: 403, headers: { 'Content-Type': 'text/html' }, body: FORBIDDEN_PAGE });
      }
      const fault = state.takeFault();
      if (fault === 'drop') return void request.socket.destroy();
      if (fault === 'hang' || (id !== undefined && state.hanging.has(id))) return;
      await wait(state.processingDelayMs());
      if (fault === 'fail' || state.inOutage()) return answer(500, UPSTREAM_MESSAGE.internalError);
      const canned = state.takeCanned();
      if (canned && !canned.recordFirst) {
        call.status = canned.status;
        return sendCanned(response, canned);
      }
      const verdict = answerImport(raw, state.importedIds, mapping, state.poisoned);
      if (canned && verdict.status === 202) {
        state.importedIds.add(String(verdict.gift.transactionId).trim());
        state.gifts.push(verdict.gift);
        call.status = canned.status;
        return sendCanned(response, canned);
      }
      if (verdict.status === 202) {
        state.importedIds.add(String(verdict.gift.transactionId).trim());
        state.gifts.push(verdict.gift);
        if (fault === 'acceptThenDrop') return void request.socket.destroy();
        return answer(202);
      }
      answer(verdict.status, verdict.message);
    } finally {
      state.inFlight--;
    }
  }

  function authorized(request: IncomingMessage): boolean {
    const match = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '');
    return match?.[1] === state.token;
  }

  async function control(request: IncomingMessage, response: ServerResponse, path: string): Promise<void> {
    if (path === '/_simulator/state' && request.method === 'GET') {
      return send(request, response, 200, {
        received: state.received(),
        imported: state.imported(),
        maxConcurrentImports: state.maxConcurrentImports(),
        lookupCalls: state.lookupCalls(),
      });
    }
    if (path === '/_simulator/control' && request.method === 'POST') {
      let knobs: Record<string, unknown>;
      try {
        knobs = JSON.parse(await readBody(request)) as Record<string, unknown>;
      } catch {
        return send(request, response, 400, { Message: 'Control body must be JSON.' });
      }
      if (knobs.reset === true) state.reset();
      if (typeof knobs.failNext === 'number') state.failNext(knobs.failNext);
      if (typeof knobs.hangNext === 'number') state.hangNext(knobs.hangNext);
      if (typeof knobs.dropNext === 'number') state.dropNext(knobs.dropNext);
      if (typeof knobs.acceptThenDropNext === 'number') state.acceptThenDropNext(knobs.acceptThenDropNext);
      if (Array.isArray(knobs.poison)) state.poison(knobs.poison.map(String));
      if (Array.isArray(knobs.forbid)) state.forbid(knobs.forbid.map(String));
      if (Array.isArray(knobs.hangFor)) state.hangFor(knobs.hangFor.map(String));
      if (typeof knobs.outageMs === 'number') state.outageFor(knobs.outageMs);
      if (typeof knobs.delayMs === 'number' || knobs.delayMs === 'realistic') state.setDelay(knobs.delayMs);
      return send(request, response, 204);
    }
    send(request, response, 404, { Message: `No simulator control at ${path}.` });
  }

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://simulator').pathname;
    const method = (request.method ?? 'GET').toUpperCase();
    if (options.controlRoutes && path.startsWith('/_simulator/')) return control(request, response, path);

    const isImport = path.toLowerCase() === UPSTREAM_IMPORT_PATH.toLowerCase();
    const lookup = Object.keys(LOOKUPS).find((known) => known.toLowerCase() === path.toLowerCase());
    if (!isImport && !lookup) {
      return send(request, response, 404, { Message: `No HTTP resource was found that matches the request URI '${request.url ?? ''}'.` });
    }
    // ASP.NET Web API selects the action before authorizing it: a wrong verb is a 405 even without a token.
    if ((isImport && method !== 'POST') || (lookup && method !== 'GET')) {
      response.setHeader('Allow', isImport ? 'POST' : 'GET');
      return send(request, response, 405, { Message: UPSTREAM_MESSAGE.methodNotAllowed(method) });
    }
    if (isImport) return importGift(request, response);
    state.lookups++;
    if (!authorized(request)) return send(request, response, 401, { Message: UPSTREAM_MESSAGE.unauthorized });
    send(request, response, 200, LOOKUPS[lookup!]);
  }

  const server = createServer((request, response) => {
    route(request, response).catch(() => {
      if (!response.headersSent) send(request, response, 500, { Message: UPSTREAM_MESSAGE.internalError });
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const address = server.address() as AddressInfo;

  return {
    url: `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`,
    control: state,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}
