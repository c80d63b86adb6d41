/**
 * The proxy's middleware on its own, through Hono's app.request(): real Request and
 * Response objects, no sockets. What needs a socket (delivery, keep-alive, faults) is
 * tested with the harness elsewhere.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Hono } from 'hono';
import { CALLER_KEY_HEADER } from '../../src/contract/index.ts';
import { callerChecks } from '../../src/proxy/caller-checks.ts';
import { closeAfterEarlyAnswer, securityHeaders } from '../../src/proxy/http-hygiene.ts';

const OWN = 'http://proxy.test';
const ALLOWED = 'https://myorg.imiscloud.com';
const KEYS = ['old-key-aaaaaaaaaaaaaaaa', 'new-key-bbbbbbbbbbbbbbbb'];

/** A stand-in route behind the middleware that counts what reached it. */
function appWith(config: { callerKeys: string[]; callerChecksOff: boolean }) {
  const reached: string[] = [];
  const app = new Hono();
  app.use('*', securityHeaders(), closeAfterEarlyAnswer(), callerChecks({ allowedOrigins: [ALLOWED], ...config }));
  app.all('/api/gifts', (c) => {
    reached.push(c.req.method);
    return c.json({ ok: true });
  });
  return { app, reached };
}

const call = (app: Hono, headers: Record<string, string> = {}, method = 'GET') => app.request(`${OWN}/api/gifts`, { method, headers });

describe('caller checks', () => {
  test('a call without a key never reaches the route, and the answer says what to set', async () => {
    const { app, reached } = appWith({ callerKeys: KEYS, callerChecksOff: false });
    const response = await call(app);
    assert.equal(response.status, 401);
    assert.match(((await response.json()) as { message: string }).message, /key attribute/);
    assert.deepEqual(reached, []);
  });

  test('both keys work during a rotation; any other key is refused', async () => {
    const { app, reached } = appWith({ callerKeys: KEYS, callerChecksOff: false });
    for (const key of KEYS) assert.equal((await call(app, { [CALLER_KEY_HEADER]: key })).status, 200);
    assert.equal((await call(app, { [CALLER_KEY_HEADER]: 'guess-guess-guess-guess' })).status, 401);
    assert.equal(reached.length, 2);
  });

  test('a page on another origin is refused even with a key, and gets no CORS header', async () => {
    const { app, reached } = appWith({ callerKeys: KEYS, callerChecksOff: false });
    const response = await call(app, { [CALLER_KEY_HEADER]: KEYS[1]!, Origin: 'https://evil.example' });
    assert.equal(response.status, 403);
    assert.match(((await response.json()) as { message: string }).message, /ALLOWED_ORIGINS/);
    assert.equal(response.headers.get('access-control-allow-origin'), null);
    assert.deepEqual(reached, []);
  });

  test('the allowed origin gets a preflight that names the key, session and Prefer headers', async () => {
    const { app, reached } = appWith({ callerKeys: KEYS, callerChecksOff: false });
    const preflight = await call(app, { Origin: ALLOWED, 'Access-Control-Request-Method': 'POST' }, 'OPTIONS');
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), ALLOWED);
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', new RegExp(CALLER_KEY_HEADER, 'i'));
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /\bPrefer\b/);
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /\bX-Gift-Session\b/, 'the sign-in session header too');
    // A batch row is saved with PUT, removed with DELETE, a batch's defaults changed with PATCH.
    assert.deepEqual((preflight.headers.get('access-control-allow-methods') ?? '').split(/,\s*/).sort(), [
      'DELETE',
      'GET',
      'PATCH',
      'POST',
      'PUT',
    ]);
    assert.deepEqual(reached, [], 'a preflight never runs the route');
  });

  test('with the key check off, CORS is still only for the own origin and ALLOWED_ORIGINS', async () => {
    const { app } = appWith({ callerKeys: [], callerChecksOff: true });
    assert.equal((await call(app, { Origin: 'https://any-website.example' })).status, 403);
    const allowed = await call(app, { Origin: ALLOWED });
    assert.equal(allowed.status, 200);
    assert.equal(allowed.headers.get('access-control-allow-origin'), ALLOWED);
    assert.equal((await call(app, { Origin: OWN })).status, 200);
  });
});

describe('HTTP hygiene', () => {
  test('every answer, refusals included, is never cached, sniffed or referred', async () => {
    const { app } = appWith({ callerKeys: KEYS, callerChecksOff: false });
    for (const response of [await call(app, { [CALLER_KEY_HEADER]: KEYS[0]! }), await call(app)]) {
      assert.equal(response.headers.get('cache-control'), 'no-store');
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
    }
  });

  test('a refusal sent before the body was read closes the connection', async () => {
    const { app } = appWith({ callerKeys: KEYS, callerChecksOff: false });
    const response = await app.request(`${OWN}/api/gifts`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': '2' },
      body: '{}',
    });
    assert.equal(response.status, 401);
    assert.equal(response.headers.get('connection'), 'close');
  });
});
