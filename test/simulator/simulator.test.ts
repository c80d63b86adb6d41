import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { after, before, beforeEach, describe, test } from 'node:test';
import { UPSTREAM_IMPORT_PATH, UPSTREAM_LOOKUP_PATHS, UPSTREAM_MESSAGE } from '../../src/contract/index.ts';
import { startSimulator, type RunningSimulator } from '../../src/simulator/server.ts';

const TOKEN = 'simulator-test-token';
const auth = { Authorization: `Bearer ${TOKEN}` };

const gift = (overrides: Record<string, unknown> = {}) => ({
  imisId: '',
  amount: 12.34,
  financialAccountId: 6,
  firstName: 'Bob',
  lastName: 'McTester',
  emailAddress: 'bmctester@example.org',
  distribution: 'BMOC',
  campaignCode: '',
  receivedDate: '2018-12-01T08:45:32.847',
  transactionId: String(900000000 + Math.floor(Math.random() * 99999999)),
  ...overrides,
});

describe('the External Gift API simulator', () => {
  let sim: RunningSimulator;
  const post = async (body: unknown, headers: Record<string, string> = auth) => {
    const response = await fetch(`${sim.url}${UPSTREAM_IMPORT_PATH}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, text, message: text ? (JSON.parse(text) as { Message: string }).Message : undefined };
  };

  before(async () => {
    sim = await startSimulator({ token: TOKEN, controlRoutes: true });
  });
  after(() => sim.close());
  beforeEach(() => sim.control.reset());

  test('a valid gift is accepted with 202 and an empty body, and recorded', async () => {
    const body = gift();
    const answer = await post(body);
    assert.equal(answer.status, 202);
    assert.equal(answer.text, '');
    assert.deepEqual(sim.control.imported(), [body]);
  });

  const table: Array<[string, Record<string, unknown>, string]> = [
    ['transactionId missing', { transactionId: '' }, UPSTREAM_MESSAGE.transactionIdMissing],
    ['transactionId negative', { transactionId: -5 }, UPSTREAM_MESSAGE.transactionIdMissing],
    ['amount zero', { amount: 0 }, UPSTREAM_MESSAGE.amountNotPositive],
    ['amount missing', { amount: undefined }, UPSTREAM_MESSAGE.amountNotPositive],
    ['financialAccountId missing', { financialAccountId: undefined }, UPSTREAM_MESSAGE.financialAccountMissing],
    ['financialAccountId zero', { financialAccountId: 0 }, UPSTREAM_MESSAGE.financialAccountMissing],
    ['no contact', { firstName: '', lastName: '' }, UPSTREAM_MESSAGE.contactRequired],
    ['first name only', { lastName: '' }, UPSTREAM_MESSAGE.contactRequired],
    ['no fund and no campaign', { distribution: '' }, UPSTREAM_MESSAGE.fundRequired],
    ['an unmapped campaign', { distribution: '', campaignCode: 'ACTS' }, UPSTREAM_MESSAGE.fundRequired],
  ];
  for (const [name, overrides, message] of table) {
    test(`${name} → 400 "${message}"`, async () => {
      const answer = await post(gift(overrides));
      assert.equal(answer.status, 400);
      assert.equal(answer.message, message);
      assert.equal(sim.control.imported().length, 0);
    });
  }

  test('a company or an iMIS ID alone is enough contact information', async () => {
    assert.equal((await post(gift({ firstName: '', lastName: '', company: 'Acme' }))).status, 202);
    assert.equal((await post(gift({ firstName: '', lastName: '', imisId: '12345' }))).status, 202);
  });

  test('a non-numeric amount gets Json.NET’s message with line and position', async () => {
    const raw = '{\n  "transactionId": "900000004",\n  "financialAccountId": 6,\n  "amount": "X",\n  "company": "Acme"\n}';
    const answer = await post(raw);
    assert.equal(answer.status, 400);
    assert.equal(answer.message, UPSTREAM_MESSAGE.notConvertible('decimal', 'X', 'amount', 4, 15));
    assert.equal(
      answer.message,
      "Invalid request body (unable to deserialize model). Newtonsoft.Json.JsonReaderException: Could not convert string to decimal: X. Path 'amount', line 4, position 15.",
    );
  });

  test('a numeric string amount converts, as Json.NET would', async () => {
    assert.equal((await post(gift({ amount: '12.34' }))).status, 202);
  });

  test('a receivedDate that is not a date gets Json.NET’s DateTime message', async () => {
    const raw = JSON.stringify(gift({ receivedDate: 'X' }), null, 2);
    const answer = await post(raw);
    const lines = raw.split('\n');
    const line = lines.findIndex((l) => l.includes('"receivedDate"')) + 1;
    const position = lines[line - 1]!.indexOf('"X"') + 3;
    assert.equal(answer.message, UPSTREAM_MESSAGE.notConvertible('DateTime', 'X', 'receivedDate', line, position));
  });

  test('a body that is not JSON is a deserialization 400', async () => {
    const answer = await post('{"amount": ');
    assert.equal(answer.status, 400);
    assert.match(answer.message ?? '', /^Invalid request body \(unable to deserialize model\)\. Newtonsoft\.Json\.JsonReaderException: /);
  });

  test('a transactionId already imported is a duplicate', async () => {
    const body = gift();
    assert.equal((await post(body)).status, 202);
    const again = await post(body);
    assert.equal(again.status, 400);
    assert.equal(again.message, UPSTREAM_MESSAGE.duplicate(body.transactionId));
    assert.equal(sim.control.imported().length, 1);
  });

  test('a rejected gift is not recorded, so its corrected version can use the same transactionId', async () => {
    const body = gift({ distribution: '' });
    assert.equal((await post(body)).status, 400);
    assert.equal((await post({ ...body, distribution: 'GEN' })).status, 202);
  });

  test('a mapped campaign stands in for the fund and is consumed', async () => {
    const answer = await post(gift({ distribution: '', campaignCode: 'SAFE' }));
    assert.equal(answer.status, 202);
    const [recorded] = sim.control.imported();
    assert.equal(recorded?.distribution, 'GEN');
    assert.equal(recorded?.campaignCode, '');
  });

  test('a value longer than its column fails the insert with a 500', async () => {
    const answer = await post(gift({ lastName: 'x'.repeat(31) }));
    assert.equal(answer.status, 500);
    assert.equal(answer.message, UPSTREAM_MESSAGE.internalError);
    assert.equal(sim.control.imported().length, 0);
  });

  test('a missing or wrong token → 401 with the reference’s message, on every route', async () => {
    for (const headers of [{}, { Authorization: 'Bearer nope' }, { Authorization: TOKEN }] as Record<string, string>[]) {
      const answer = await post(gift(), headers);
      assert.equal(answer.status, 401);
      assert.equal(answer.message, UPSTREAM_MESSAGE.unauthorized);
    }
    const lookup = await fetch(`${sim.url}${UPSTREAM_LOOKUP_PATHS.appeals}`);
    assert.equal(lookup.status, 401);
    assert.equal(((await lookup.json()) as { Message: string }).Message, UPSTREAM_MESSAGE.unauthorized);
  });

  test('a wrong verb → 405 with the reference’s message', async () => {
    const getImport = await fetch(`${sim.url}${UPSTREAM_IMPORT_PATH}`, { headers: auth });
    assert.equal(getImport.status, 405);
    assert.equal(((await getImport.json()) as { Message: string }).Message, UPSTREAM_MESSAGE.methodNotAllowed('GET'));
    const postLookup = await fetch(`${sim.url}${UPSTREAM_LOOKUP_PATHS.distributions}`, { method: 'POST', headers: auth });
    assert.equal(postLookup.status, 405);
    assert.equal(((await postLookup.json()) as { Message: string }).Message, "The requested resource does not support http method 'POST'.");
  });

  test('an unknown path → 404', async () => {
    const response = await fetch(`${sim.url}/api/v1/integrations/nothing`, { headers: auth });
    assert.equal(response.status, 404);
    assert.match(((await response.json()) as { Message: string }).Message, /No HTTP resource was found/);
  });

  test('lookups answer the reference’s PascalCase shapes', async () => {
    const get = async (path: string) =>
      (await (await fetch(`${sim.url}${path}`, { headers: auth })).json()) as Array<Record<string, string>>;
    const distributions = await get(UPSTREAM_LOOKUP_PATHS.distributions);
    assert.deepEqual(Object.keys(distributions[0]!), ['Title', 'Code', 'AppealCode', 'CampaignCode']);
    assert.ok(distributions.some((d) => d.Code === 'ZEBE' && d.Title === 'Zeta Beta'));
    const campaigns = await get(UPSTREAM_LOOKUP_PATHS.campaigns);
    assert.deepEqual(Object.keys(campaigns[0]!), ['Code', 'Description']);
    assert.ok(campaigns.every((c) => c.Description!.startsWith(`${c.Code} - `)));
    const appeals = await get(UPSTREAM_LOOKUP_PATHS.appeals);
    assert.ok(appeals.some((a) => a.Code === '100004' && a.Description === '100001 - Beta'));
  });

  test('answers are gzipped when the client asks', async () => {
    const { headers, body } = await new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
      const url = new URL(`${sim.url}${UPSTREAM_LOOKUP_PATHS.distributions}`);
      const req = httpRequest(url, { headers: { ...auth, 'Accept-Encoding': 'gzip, deflate' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      });
      req.on('error', reject);
      req.end();
    });
    assert.equal(headers['content-encoding'], 'gzip');
    assert.ok(Array.isArray(JSON.parse(gunzipSync(body).toString('utf8'))));
  });
});

describe('the simulator’s knobs', () => {
  let sim: RunningSimulator;
  const post = (body: unknown, timeoutMs = 2000) =>
    fetch(`${sim.url}${UPSTREAM_IMPORT_PATH}`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });

  before(async () => {
    sim = await startSimulator({ token: TOKEN, controlRoutes: true });
  });
  after(() => sim.close());
  beforeEach(() => sim.control.reset());

  test('failNext answers 500 without recording, then recovers', async () => {
    sim.control.failNext(1);
    const body = gift();
    assert.equal((await post(body)).status, 500);
    assert.equal((await post(body)).status, 202);
    assert.equal(sim.control.imported().length, 1);
  });

  test('hangNext never answers; dropNext closes the connection', async () => {
    sim.control.hangNext(1);
    await assert.rejects(post(gift(), 200), /TimeoutError|aborted/i);
    sim.control.dropNext(1);
    await assert.rejects(post(gift()), /fetch failed/);
    assert.equal(sim.control.imported().length, 0);
    assert.deepEqual(
      sim.control.received().map((r) => r.status),
      [0, 0],
    );
  });

  test('acceptThenDropNext records the gift but the answer is lost', async () => {
    sim.control.acceptThenDropNext(1);
    await assert.rejects(post(gift()), /fetch failed/);
    assert.equal(sim.control.imported().length, 1);
  });

  test('per-gift faults: a forbidden gift gets a firewall 403, a hanging one no answer; the others are served', async () => {
    const blocked = gift();
    const hanging = gift();
    sim.control.forbid([blocked.transactionId]);
    sim.control.hangFor([hanging.transactionId]);
    const refused = await fetch(`${sim.url}${UPSTREAM_IMPORT_PATH}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...auth },
      body: JSON.stringify(blocked),
    });
    assert.equal(refused.status, 403);
    assert.match(await refused.text(), /Forbidden/);
    await assert.rejects(post(hanging, 200), /TimeoutError|aborted/i);
    assert.equal((await post(gift())).status, 202);
    assert.deepEqual(
      sim.control.imported().map((g) => g.transactionId === blocked.transactionId || g.transactionId === hanging.transactionId),
      [false],
    );
  });

  test('an outage answers 500 to every import for its duration, then the service recovers', async () => {
    sim.control.outageFor(150);
    assert.equal((await post(gift())).status, 500);
    assert.equal((await post(gift())).status, 500);
    await new Promise((resolve) => setTimeout(resolve, 160));
    assert.equal((await post(gift())).status, 202);
    assert.equal(sim.control.imported().length, 1);
  });

  test('a canned decompression bomb is a few KB on the wire and megabytes once inflated', async () => {
    sim.control.answerNext(1, { status: 500, bomb: 'gzip', bodyBytes: 4 * 1024 * 1024 });
    const raw = await new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
      const request = httpRequest(`${sim.url}${UPSTREAM_IMPORT_PATH}`, { method: 'POST', headers: auth }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
      });
      request.on('error', reject);
      request.end(JSON.stringify(gift()));
    });
    assert.equal(raw.headers['content-encoding'], 'gzip');
    assert.ok(raw.body.length < 16 * 1024, `${raw.body.length} bytes on the wire`);
    assert.equal(gunzipSync(raw.body).length, 4 * 1024 * 1024);
  });

  test('the processing delay is applied and overlapping imports are counted', async () => {
    sim.control.setDelay(150);
    const started = Date.now();
    await Promise.all([post(gift()), post(gift()), post(gift())]);
    assert.ok(Date.now() - started >= 150);
    assert.equal(sim.control.maxConcurrentImports(), 3);
  });

  test('the control routes drive the same knobs over HTTP', async () => {
    const set = await fetch(`${sim.url}/_simulator/control`, { method: 'POST', body: JSON.stringify({ failNext: 1 }) });
    assert.equal(set.status, 204);
    assert.equal((await post(gift())).status, 500);
    const state = (await (await fetch(`${sim.url}/_simulator/state`)).json()) as { received: unknown[]; maxConcurrentImports: number };
    assert.equal(state.received.length, 1);
    assert.equal(state.maxConcurrentImports, 1);
  });
});
