import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { PROXY_PATHS } from '../../src/contract/index.ts';
import { DEMO_SIGN_IN, SESSION_HEADER, SESSION_PATHS, type SessionGrant } from '../../src/contract/session-api.ts';
import { demoRoutes } from '../../src/demo/routes.ts';
import { startProxy, type ProxyHandle } from '../../src/proxy/server.ts';
import { SETTINGS } from './batch-helpers.ts';
import { sampleGift } from './harness.ts';
import { handBackData } from './sign-in-harness.ts';

/** `GIFT_DEMO_SIGN_IN=1 npm start`: the demo signs in through the iMIS stand-in it serves itself. */
describe('the demo with sign-in on', () => {
  let proxy: ProxyHandle;
  let dataDir: string;
  const logs: string[] = [];
  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'gift-demo-sign-in-'));
    const env = { PORT: '0', DATA_DIR: dataDir, SIMULATOR_DELAY_MS: '0', GIFT_DEMO_SIGN_IN: '1' };
    proxy = await startProxy(env, { log: (line) => logs.push(line), demo: async () => demoRoutes(env) });
  });
  after(async () => {
    await proxy.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** What the widget's sign-in window does: open the iMIS page, which posts the refresh token on to the proxy. */
  async function signIn(as?: string): Promise<SessionGrant> {
    const page = await (await fetch(`${proxy.url}${DEMO_SIGN_IN.pagePath}${as ? `?as=${as}` : ''}`)).text();
    const action = /<form id="sso-redirect" method="post" action="([^"]+)"/.exec(page)![1]!;
    const refreshToken = /name="refresh_token" value="([^"]+)"/.exec(page)![1]!;
    const landed = await fetch(new URL(action, proxy.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: proxy.url },
      body: new URLSearchParams({ refresh_token: refreshToken }),
    });
    const { message } = handBackData(await landed.text());
    assert.equal(message.type, 'gift-entry:session');
    return (message as { grant: SessionGrant }).grant;
  }
  const api = (path: string, grant: SessionGrant | undefined, init: { method?: string; body?: unknown } = {}) =>
    fetch(`${proxy.url}${path}`, {
      method: init.method ?? 'GET',
      headers: { ...(grant ? { [SESSION_HEADER]: grant.token } : {}), 'Content-Type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });

  test('the stand-in’s signed-in user is signed in to gift entry; without a session nothing is answered', async () => {
    assert.ok(logs.some((line) => line.includes('"signIn":"on: every API call needs an iMIS sign-in (the demo iMIS stand-in')));
    const unsigned = await api(PROXY_PATHS.gifts, undefined);
    assert.equal(unsigned.status, 401);
    assert.equal(((await unsigned.json()) as { signIn: { url: string } }).signIn.url, `${proxy.url}${DEMO_SIGN_IN.pagePath}`);
    const grant = await signIn();
    assert.deepEqual(grant.party, { id: 'STAFF1', name: 'Sam Carter' });
    assert.equal((await api(PROXY_PATHS.gifts, grant, { method: 'POST', body: sampleGift() })).status, 200);
    const supervisor = await signIn('SUPER1');
    assert.equal(supervisor.supervisor, true);
  });

  test('a session that ends mid-batch loses nothing: signed in again, the same person finds the batch and every row', async () => {
    const first = await signIn('STAFF2');
    const opened = await api(PROXY_PATHS.batches, first, { method: 'POST', body: SETTINGS });
    const batch = (await opened.json()) as { id: string };
    const row = sampleGift({ lastName: 'Kept' });
    assert.equal(
      (await api(PROXY_PATHS.batchGift(batch.id, row.transactionId), first, { method: 'PUT', body: { gift: row } })).status,
      200,
    );

    proxy.outbox.database.prepare("UPDATE sessions SET expires_at = ? WHERE party_id = 'STAFF2'").run(Date.now() - 1);
    const refused = await api(PROXY_PATHS.batchGift(batch.id, sampleGift().transactionId), first, {
      method: 'PUT',
      body: { gift: sampleGift() },
    });
    assert.equal(refused.status, 401);
    assert.equal(((await refused.json()) as { signIn: { state: string } }).signIn.state, 'expired');
    assert.equal((await api(SESSION_PATHS.session, first)).status, 401);

    const again = await signIn('STAFF2');
    const reopened = (await (await api(PROXY_PATHS.batch(batch.id), again)).json()) as { gifts: Array<{ transactionId: string }> };
    assert.deepEqual(
      reopened.gifts.map((gift) => gift.transactionId),
      [row.transactionId],
    );
    const next = sampleGift();
    assert.equal(
      (await api(PROXY_PATHS.batchGift(batch.id, next.transactionId), again, { method: 'PUT', body: { gift: next } })).status,
      200,
    );
  });
});
