import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { after, before, beforeEach, describe, test } from 'node:test';
import { CALLER_KEY_HEADER } from '../../src/contract/index.ts';
import { TOKEN, postGift, sampleGift, startHarness, type Harness } from './harness.ts';

const KEY_OLD = 'old-key-4f9c2a7e81d3b605';
const KEY_NEW = 'new-key-9d0e6b3a5c7f1248';
const ORIGIN = 'https://myorg.imiscloud.com';

// The checks themselves (keys, origins, CORS, preflight) are tested without sockets in
// middleware.test.ts; here, what only the whole running proxy can show.
describe('only allowed pages with a current key may record gifts', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ GIFT_ENTRY_KEYS: `${KEY_OLD}, ${KEY_NEW}`, ALLOWED_ORIGINS: ORIGIN });
  });
  after(() => h.close());
  beforeEach(() => h.simulator.control.reset());

  test('the token and the keys appear in no response and no log line', async () => {
    const bodies: string[] = [];
    const headers = { [CALLER_KEY_HEADER]: KEY_NEW };
    for (const path of ['/api/lookups', '/api/gifts', '/healthz', '/', '/nowhere']) {
      const response = await fetch(`${h.proxy.url}${path}`, { headers });
      bodies.push(await response.text(), JSON.stringify([...response.headers]));
    }
    h.simulator.control.failNext(1);
    bodies.push(JSON.stringify((await postGift(h.proxy.url, sampleGift(), headers)).body));
    bodies.push(JSON.stringify((await postGift(h.proxy.url, '{not json', headers)).body));
    const everything = [...bodies, ...h.logs].join('\n');
    assert.ok(h.logs.length > 3, 'the proxy did log');
    for (const secret of [TOKEN, KEY_OLD, KEY_NEW]) assert.ok(!everything.includes(secret), `${secret.slice(0, 6)}… leaked`);
    assert.ok(!h.logs.join('\n').includes('Lovelace'), 'donor names stay out of the logs');
    assert.ok(!h.logs.join('\n').includes('ada@example.org'), 'donor emails stay out of the logs');
  });
});

describe('with no keys on a loopback host (local development)', () => {
  test('the key check is off and the start log says so', async () => {
    const h = await startHarness({});
    try {
      const { status } = await postGift(h.proxy.url, sampleGift());
      assert.equal(status, 200);
      assert.ok(h.logs.some((line) => line.includes('"callerChecks":"OFF')));
    } finally {
      await h.close();
    }
  });

  test('a rebound page (Host and Origin evil.example, as after DNS rebinding) records and reads nothing', async () => {
    const h = await startHarness({});
    try {
      await postGift(h.proxy.url, sampleGift({ lastName: 'Rebound' }));
      const rebound = { Host: 'evil.example', Origin: 'http://evil.example' };
      // fetch will not send a Host of our choosing: a raw request does, as a rebound browser would.
      const raw = (method: string, path: string, body?: string) =>
        new Promise<{ status: number; text: string }>((resolve, reject) => {
          const request = httpRequest(
            `${h.proxy.url}${path}`,
            {
              method,
              headers: { ...rebound, ...(body ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } : {}) },
            },
            (response) => {
              let text = '';
              response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
              response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
            },
          );
          request.on('error', reject);
          request.end(body);
        });
      const posted = await raw('POST', '/api/gifts', JSON.stringify(sampleGift({ amount: 5000 })));
      const read = await raw('GET', '/api/gifts?since=1970-01-01&limit=5000');
      const demo = await raw('GET', '/');
      assert.deepEqual([posted.status, read.status, demo.status], [421, 421, 421]);
      assert.match(read.text, /local mode .*answers only requests addressed to localhost or 127\.0\.0\.1, not to \\"evil\.example\\"/);
      assert.doesNotMatch(read.text, /Rebound/);
      const journal = (await (await fetch(`${h.proxy.url}/api/gifts?since=1970-01-01`)).json()) as { gifts: unknown[] };
      assert.equal(journal.gifts.length, 1, 'only the loopback gift was recorded');
      assert.ok(
        h.logs.some((line) => line.includes('"callerChecks":"OFF') && line.includes('loopback Host')),
        'the start log says so',
      );
    } finally {
      await h.close();
    }
  });

  test('other websites still cannot read the journal: CORS only for the own origin and ALLOWED_ORIGINS', async () => {
    const h = await startHarness({ ALLOWED_ORIGINS: ORIGIN });
    try {
      await postGift(h.proxy.url, sampleGift());
      const evil = await fetch(`${h.proxy.url}/api/gifts?since=2000-01-01`, { headers: { Origin: 'https://any-website.example' } });
      assert.equal(evil.status, 403);
      assert.equal(evil.headers.get('access-control-allow-origin'), null);
      assert.doesNotMatch(await evil.text(), /Lovelace/);
      const listed = await fetch(`${h.proxy.url}/api/gifts?since=2000-01-01`, { headers: { Origin: ORIGIN } });
      assert.equal(listed.status, 200);
      assert.equal(listed.headers.get('access-control-allow-origin'), ORIGIN, 'ALLOWED_ORIGINS is honoured with checks off');
      const own = await fetch(`${h.proxy.url}/api/gifts?since=2000-01-01`, { headers: { Origin: new URL(h.proxy.url).origin } });
      assert.equal(own.status, 200);
    } finally {
      await h.close();
    }
  });
});

describe('wrong caller keys', () => {
  test('are logged without the key and answered more slowly for the same client', async () => {
    const h = await startHarness({ GIFT_ENTRY_KEYS: KEY_NEW });
    try {
      const wrong = 'wrong-key-cccccccccccccccc';
      const timings: number[] = [];
      for (let i = 0; i < 5; i++) {
        const started = Date.now();
        assert.equal((await postGift(h.proxy.url, sampleGift(), { [CALLER_KEY_HEADER]: wrong })).status, 401);
        timings.push(Date.now() - started);
      }
      assert.ok(timings[0]! < 200, `the first mistakes are answered at once (${timings.join(', ')} ms)`);
      assert.ok(timings[3]! >= 240 && timings[4]! >= 490, `then each answer waits longer (${timings.join(', ')} ms)`);
      const started = Date.now();
      assert.equal((await postGift(h.proxy.url, sampleGift(), { [CALLER_KEY_HEADER]: KEY_NEW })).status, 200, 'the right key still works');
      assert.ok(Date.now() - started < 200, 'and is not slowed');
      await h.proxy.close();
      const refused = h.logs.filter((line) => line.includes('"event":"caller_key_refused"'));
      assert.equal(refused.length, 2, 'the first at once, then one summarising line, not one a guess');
      assert.match(refused[0]!, /"client":"127\.0\.0\.1","reason":"unknown"/);
      assert.match(refused[1]!, /"refused":5,"clients":1,"byClient":"127\.0\.0\.1:5"/);
      assert.ok(!h.logs.join('\n').includes(wrong), 'the wrong key is never logged');
    } finally {
      await h.close();
    }
  });
});

describe('behind a reverse proxy (TRUST_PROXY)', () => {
  const attacker = '203.0.113.9';
  const staff = '198.51.100.7';
  const wrong = 'wrong-key-7d1c9e0b2a4f';
  /** The summary line the proxy writes when it stops: how many wrong keys came from which client. */
  const refusals = async (h: Harness) => {
    await h.proxy.close();
    const lines = h.logs.filter((line) => line.includes('"event":"caller_key_refused"') && line.includes('"refused":'));
    assert.equal(lines.length, 1, 'one summarising line');
    const summary = JSON.parse(lines[0]!) as { byClient: string; refused: number };
    return Object.fromEntries(
      summary.byClient.split(',').map((entry) => [entry.slice(0, entry.lastIndexOf(':')), Number(entry.slice(entry.lastIndexOf(':') + 1))]),
    );
  };
  /** How long a request takes to be answered. */
  const timed = async (request: Promise<unknown>) => {
    const started = Date.now();
    await request;
    return Date.now() - started;
  };
  /** Five wrong keys from the attacker, a right key from staff, then staff's stale key: all through the same hop. */
  async function playAttack(h: Harness, spoof = false): Promise<void> {
    const from = (client: string) => ({ 'X-Forwarded-For': spoof ? `${staff}, ${client}` : client });
    for (let i = 0; i < 5; i++) await postGift(h.proxy.url, sampleGift(), { ...from(attacker), [CALLER_KEY_HEADER]: wrong });
    assert.equal((await postGift(h.proxy.url, sampleGift(), { ...from(staff), [CALLER_KEY_HEADER]: KEY_NEW })).status, 200);
    await postGift(h.proxy.url, sampleGift(), { ...from(staff), [CALLER_KEY_HEADER]: KEY_OLD });
    await postGift(h.proxy.url, sampleGift(), { ...from(attacker), [CALLER_KEY_HEADER]: wrong });
  }

  test('trusted: each client is counted apart, so an attacker neither slows staff nor is reset by them', async () => {
    const h = await startHarness({ GIFT_ENTRY_KEYS: KEY_NEW, TRUST_PROXY: 'loopback' });
    try {
      await playAttack(h);
      const staleKey = await timed(postGift(h.proxy.url, sampleGift(), { 'X-Forwarded-For': staff, [CALLER_KEY_HEADER]: KEY_OLD }));
      assert.ok(staleKey < 200, `staff’s stale key is answered at once (${staleKey} ms)`);
      const attackerAgain = await timed(postGift(h.proxy.url, sampleGift(), { 'X-Forwarded-For': attacker, [CALLER_KEY_HEADER]: wrong }));
      assert.ok(attackerAgain >= 1900, `the attacker’s 7th guess still waits (${attackerAgain} ms): staff’s right key reset nothing`);
      assert.deepEqual(await refusals(h), { [attacker]: 7, [staff]: 2 });
    } finally {
      await h.close();
    }
  });

  test('off (the default): X-Forwarded-For is ignored, everyone is the socket’s address', async () => {
    const h = await startHarness({ GIFT_ENTRY_KEYS: KEY_NEW });
    try {
      await playAttack(h);
      assert.deepEqual(await refusals(h), { '127.0.0.1': 7 }, 'one counter for all, and the right key resets nothing');
    } finally {
      await h.close();
    }
  });

  test('trusting only another hop, a client on loopback cannot pick its address with X-Forwarded-For', async () => {
    const h = await startHarness({ GIFT_ENTRY_KEYS: KEY_NEW, TRUST_PROXY: '10.0.0.1' });
    try {
      await postGift(h.proxy.url, sampleGift(), { 'X-Forwarded-For': attacker, [CALLER_KEY_HEADER]: wrong });
      assert.deepEqual(await refusals(h), { '127.0.0.1': 1 });
    } finally {
      await h.close();
    }
  });

  test('trusted: addresses a client wrote to the left of the hop’s own entry are ignored', async () => {
    const h = await startHarness({ GIFT_ENTRY_KEYS: KEY_NEW, TRUST_PROXY: 'loopback' });
    try {
      await playAttack(h, true);
      assert.deepEqual(await refusals(h), { [attacker]: 6, [staff]: 1 });
    } finally {
      await h.close();
    }
  });
});
