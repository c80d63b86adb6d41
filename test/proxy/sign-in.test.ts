import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { PROXY_PATHS } from '../../src/contract/index.ts';
import { SESSION_PATHS, SIGN_IN_PATH } from '../../src/contract/session-api.ts';
import { signInNeedSchema } from '../../src/contract/session-schema.ts';
import { readConfig } from '../../src/proxy/config.ts';
import { SETTINGS } from './batch-helpers.ts';
import { sampleGift } from './harness.ts';
import { runHandBack, startSignInHarness, type SignInHarness } from './sign-in-harness.ts';

const since = `${PROXY_PATHS.gifts}?since=1970-01-01&limit=5000`;
type Row = Record<string, unknown>;
const one = (h: SignInHarness, sql: string, ...params: unknown[]) => h.proxy.outbox.database.prepare(sql).get(...params) as Row;
const waitFor = async (check: () => boolean, ms = 5000) => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe('with sign-in through iMIS on', () => {
  let h: SignInHarness;
  before(async () => {
    h = await startSignInHarness({ GIFT_STUCK_AFTER_ATTEMPTS: '1' });
  });
  after(() => h.close());

  test('the caller key alone posts no gift and reads no journal row', async () => {
    const staff = await h.signIn('STAFF1');
    const gift = sampleGift({ lastName: 'Franklin' });
    assert.equal((await h.api(PROXY_PATHS.gifts, staff.token, { method: 'POST', body: gift })).status, 200);
    const received = h.simulator.control.received().length;

    const attempts = [
      await h.api(PROXY_PATHS.gifts, undefined, { method: 'POST', body: sampleGift({ amount: 5000 }) }),
      await h.api(since, undefined),
      await h.api(PROXY_PATHS.gift(gift.transactionId), undefined),
      await h.api(PROXY_PATHS.watch, undefined, { method: 'POST', body: { known: { [gift.transactionId]: 'queued' }, waitMs: 0 } }),
      await h.api(PROXY_PATHS.batches, undefined),
      await h.api(PROXY_PATHS.batches, undefined, { method: 'POST', body: SETTINGS }),
      await h.api(PROXY_PATHS.lookups, undefined),
      await h.api(since, 'a-made-up-session-token'),
    ];
    for (const answer of attempts) {
      assert.equal(answer.status, 401);
      const need = signInNeedSchema.parse(answer.body.signIn);
      assert.deepEqual(need, { state: 'required', url: `${h.imisUrl}/Staff/Sign_in_to_gift_entry.aspx` });
      assert.match(String(answer.body.message), /Sign in through iMIS/);
      assert.doesNotMatch(JSON.stringify(answer.body), /Franklin/);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(h.simulator.control.received().length, received, 'nothing more reached the upstream');
    assert.equal(one(h, 'SELECT COUNT(*) AS n FROM gifts').n, 1, 'nothing more reached the journal');
  });

  test('enteredBy is the verified party, whatever the page says; the journal keeps the name', async () => {
    const staff = await h.signIn('STAFF1');
    assert.deepEqual(staff.party, { id: 'STAFF1', name: 'Sam Carter' });
    assert.equal(staff.supervisor, false);
    const gift = sampleGift();
    const answer = await h.api(PROXY_PATHS.gifts, staff.token, { method: 'POST', body: { ...gift, enteredBy: 'SUPER1' } });
    assert.equal(answer.status, 200);
    assert.equal(answer.body.enteredBy, 'STAFF1');
    const row = one(h, 'SELECT entered_by, party_id, party_name, caller_key FROM gifts WHERE transaction_id = ?', gift.transactionId);
    assert.deepEqual(
      { ...row, caller_key: String(row.caller_key).replace(/^key-[0-9a-f]{8}$/, 'a key label') },
      { entered_by: 'STAFF1', party_id: 'STAFF1', party_name: 'Sam Carter', caller_key: 'a key label' },
    );
  });

  test('a session is renewed before it ends; once expired it says so, and signing in again carries on', async () => {
    const first = await h.signIn('STAFF2');
    assert.ok(Date.parse(first.expiresAt) - Date.now() > 19 * 60_000, 'twenty minutes by default');
    const renewed = await h.api(SESSION_PATHS.renew, first.token, { method: 'POST' });
    assert.equal(renewed.status, 200);
    const second = renewed.body as { token: string; party: unknown };
    assert.notEqual(second.token, first.token);
    assert.deepEqual(second.party, { id: 'STAFF2', name: 'Lee Chen' });
    assert.equal((await h.api(since, first.token)).status, 401, 'the renewed token replaces the old one');
    assert.equal((await h.api(SESSION_PATHS.session, second.token)).status, 200);

    // The session runs out (its end moved into the past, as time would).
    h.proxy.outbox.database.prepare("UPDATE sessions SET expires_at = ? WHERE party_id = 'STAFF2'").run(Date.now() - 1);
    const expired = await h.api(PROXY_PATHS.gifts, second.token, { method: 'POST', body: sampleGift() });
    assert.equal(expired.status, 401);
    assert.equal(signInNeedSchema.parse(expired.body.signIn).state, 'expired');
    assert.match(String(expired.body.message), /expired.*nothing you typed is lost/);
    assert.equal((await h.api(SESSION_PATHS.renew, second.token, { method: 'POST' })).status, 401, 'an ended session is not renewed');

    const again = await h.signIn('STAFF2');
    assert.equal((await h.api(PROXY_PATHS.gifts, again.token, { method: 'POST', body: sampleGift() })).status, 200);
  });

  test('renewal asks iMIS again: an expired iMIS sign-in or a role taken away ends the session', async () => {
    const staff = await h.signIn('STAFF2');
    await h.imis({ expireRefreshTokens: true });
    const ended = await h.api(SESSION_PATHS.renew, staff.token, { method: 'POST' });
    assert.equal(ended.status, 401);
    assert.equal(signInNeedSchema.parse(ended.body.signIn).state, 'expired');
    assert.match(String(ended.body.message), /iMIS sign-in has expired/);
    assert.equal((await h.api(since, staff.token)).status, 401);

    const later = await h.signIn('STAFF2');
    await h.imis({ roles: { STAFF2: ['Staff'] } });
    try {
      const refused = await h.api(SESSION_PATHS.renew, later.token, { method: 'POST' });
      assert.equal(refused.status, 403);
      assert.equal(signInNeedSchema.parse(refused.body.signIn).state, 'refused');
      assert.equal((await h.api(since, later.token)).status, 401);
    } finally {
      await h.imis({ roles: { STAFF2: ['Staff', 'GiftEntry'] } });
    }
  });

  test('a user without a gift entry role is refused, in words, and gets no session', async () => {
    const sessions = () => one(h, 'SELECT COUNT(*) AS n FROM sessions').n;
    const before = sessions();
    const { status, message, html } = await h.signInWith(await h.refreshToken('MEMBER1'));
    assert.equal(status, 403);
    assert.equal(message.type, 'gift-entry:sign-in-refused');
    assert.equal(
      message.type === 'gift-entry:sign-in-refused' && message.message,
      'You are signed in to iMIS as Val Jones, but your iMIS user has none of the roles that may enter gifts (GiftEntry or GiftSupervisor). Ask your iMIS administrator to give you one.',
    );
    assert.match(html, /<p id="outcome" role="status">You are signed in to iMIS as Val Jones, but/);
    assert.equal(sessions(), before);
  });

  test('a refresh token iMIS no longer honours, or none at all, signs no one in', async () => {
    const stale = await h.refreshToken('STAFF1');
    await h.imis({ expireRefreshTokens: true });
    const expired = await h.signInWith(stale);
    assert.equal(expired.status, 401);
    assert.match(expired.message.type === 'gift-entry:sign-in-refused' ? expired.message.message : '', /iMIS sign-in has expired/);
    const empty = await h.signInWith('');
    assert.equal(empty.status, 400);
    const foreign = await h.signInWith(await h.refreshToken('STAFF1'), { Origin: 'https://evil.example' });
    assert.equal(foreign.status, 403, 'a page elsewhere cannot sign anyone in');
  });

  test('a supervisor sees every gift and batch, retries another’s stuck gift and posts another’s batch; the journal says who', async () => {
    const staff1 = await h.signIn('STAFF1');
    const staff2 = await h.signIn('STAFF2');
    const supervisor = await h.signIn('SUPER1');
    assert.equal(supervisor.supervisor, true);

    const stuck = sampleGift({ lastName: 'Stuck' });
    h.simulator.control.forbid([stuck.transactionId]);
    assert.equal((await h.api(PROXY_PATHS.gifts, staff1.token, { method: 'POST', body: stuck })).status, 202);
    await waitFor(() => h.proxy.outbox.get(stuck.transactionId)?.record.status === 'stuck');
    const other = sampleGift({ lastName: 'Other' });
    assert.equal((await h.api(PROXY_PATHS.gifts, staff2.token, { method: 'POST', body: other })).status, 200);

    const listed = (token: string) =>
      h.api(since, token).then((answer) => (answer.body.gifts as Array<{ transactionId: string }>).map((gift) => gift.transactionId));
    const forStaff2 = await listed(staff2.token);
    assert.ok(forStaff2.includes(other.transactionId) && !forStaff2.includes(stuck.transactionId), 'staff see what they entered');
    const forSupervisor = await listed(supervisor.token);
    assert.ok(forSupervisor.includes(other.transactionId) && forSupervisor.includes(stuck.transactionId), 'a supervisor sees all');

    assert.equal((await h.api(PROXY_PATHS.retry(stuck.transactionId), staff2.token, { method: 'POST' })).status, 404);
    h.simulator.control.forbid([]);
    assert.equal((await h.api(PROXY_PATHS.retry(stuck.transactionId), supervisor.token, { method: 'POST' })).status, 202);
    const retried = one(h, 'SELECT requeued_by, entered_by FROM gifts WHERE transaction_id = ?', stuck.transactionId);
    assert.deepEqual({ ...retried }, { requeued_by: 'SUPER1', entered_by: 'STAFF1' });

    const opened = await h.api(PROXY_PATHS.batches, staff1.token, { method: 'POST', body: { ...SETTINGS, expected: {} } });
    assert.equal(opened.status, 201);
    const batchId = String(opened.body.id);
    assert.equal(opened.body.openedBy, 'STAFF1', 'opened by the verified party, not the page’s "by"');
    const row = sampleGift();
    assert.equal(
      (await h.api(PROXY_PATHS.batchGift(batchId, row.transactionId), staff1.token, { method: 'PUT', body: { gift: row } })).status,
      200,
    );
    assert.equal((await h.api(PROXY_PATHS.batch(batchId), staff2.token)).status, 404, 'another staff member cannot reopen it');
    assert.equal((await h.api(PROXY_PATHS.postBatch(batchId), staff2.token, { method: 'POST', body: {} })).status, 404, 'nor post it');
    const posted = await h.api(PROXY_PATHS.postBatch(batchId), supervisor.token, {
      method: 'POST',
      body: { by: 'STAFF2', reason: 'Counted twice' },
    });
    assert.equal(posted.status, 200);
    assert.equal(posted.body.postedBy, 'SUPER1');
    const queued = one(h, 'SELECT entered_by, party_name FROM gifts WHERE transaction_id = ?', row.transactionId);
    assert.deepEqual({ ...queued }, { entered_by: 'STAFF1', party_name: 'Sam Carter' }, 'the row keeps who entered it');
  });

  test('the hand-back page posts the grant to each allowed origin only, then closes; without an opener it says what to do', async () => {
    const { html, csp, message } = await h.signInWith(await h.refreshToken('STAFF1'));
    assert.match(csp, /script-src 'self'/);
    assert.doesNotMatch(html, /<script>(?!<)/, 'no inline script');
    const script = await (await fetch(`${h.proxy.url}${SIGN_IN_PATH}/hand-back.js`)).text();
    const opened = runHandBack(script, html, true);
    assert.deepEqual(
      opened.posted.map((post) => post.origin),
      [new URL(h.proxy.url).origin],
    );
    assert.deepEqual(JSON.parse(JSON.stringify(opened.posted[0]!.message)), message);
    assert.equal(opened.closed, true);
    const alone = runHandBack(script, html, false);
    assert.deepEqual(alone.posted, []);
    assert.equal(alone.closed, false);
    assert.match(
      alone.outcome ?? '',
      /^You are signed in to gift entry as Sam Carter\. .*not opened by the gift entry page.*choose "Sign in"/,
    );
  });

  test('refresh tokens iMIS does not honour are answered ever more slowly, so the proxy is no free way to try them', async () => {
    const timings: number[] = [];
    for (let i = 0; i < 6; i++) {
      const started = Date.now();
      assert.equal((await h.signInWith(`made-up-refresh-token-${i}`)).status, 401);
      timings.push(Date.now() - started);
    }
    assert.ok(timings.at(-1)! >= 450, `the sixth waits (${timings.join(', ')} ms)`);
    const staff = await h.signIn('STAFF1');
    assert.equal(staff.party.id, 'STAFF1', 'a real sign-in still works');
  });

  test('no token, refresh token or client secret reaches a log line', async () => {
    const refreshToken = await h.refreshToken('STAFF1');
    const { message } = await h.signInWith(refreshToken);
    const token = message.type === 'gift-entry:session' ? message.grant.token : 'none';
    await h.api(SESSION_PATHS.renew, token, { method: 'POST' });
    const logs = h.logs.join('\n');
    for (const secret of [refreshToken, token, 'demo-client-app-7Kq2Wx9Rt4'])
      assert.ok(!logs.includes(secret), `${secret.slice(0, 5)}… leaked`);
    assert.ok(h.logs.some((line) => line.includes('"event":"signed_in"') && line.includes('"party":"STAFF1"')));
  });

  test('a backup of the journal holds no session and no refresh token, not even in its free pages', async () => {
    const refreshToken = await h.refreshToken('STAFF2');
    await h.signInWith(refreshToken);
    assert.ok(Number(one(h, 'SELECT COUNT(*) AS n FROM sessions').n) > 0, 'the journal holds live sessions');
    const dir = mkdtempSync(join(tmpdir(), 'gift-backup-sessions-'));
    try {
      const file = join(dir, 'copy.db');
      await h.proxy.outbox.backupTo(file);
      assert.ok(!readFileSync(file).includes(refreshToken), 'the refresh token is not in the file');
      const copy = new Database(file, { readonly: true });
      assert.equal((copy.prepare('SELECT COUNT(*) AS n FROM sessions').get() as Row).n, 0);
      assert.ok(Number((copy.prepare('SELECT COUNT(*) AS n FROM gifts').get() as Row).n) > 0, 'the gifts are all there');
      copy.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('sign-in settings', () => {
  const base = { GIFT_ENTRY_KEYS: 'front-desk-key-5c1e9a0b7d3f', GIFT_SIMULATOR: '1' };
  test('are all or nothing, each problem said', () => {
    assert.throws(
      () => readConfig({ ...base, GIFT_IMIS_URL: 'https://myorg.imiscloud.com', GIFT_IMIS_CLIENT_ID: 'gift-entry' }),
      /Sign-in through iMIS needs all of .*; GIFT_IMIS_CLIENT_SECRET, GIFT_IMIS_SIGN_IN_PAGE, GIFT_IMIS_ENTRY_ROLES are missing/,
    );
    assert.throws(() => readConfig({ ...base, GIFT_SESSION_MINUTES: '30' }), /GIFT_SESSION_MINUTES only matter with sign-in/);
    assert.throws(
      () =>
        readConfig({
          ...base,
          GIFT_IMIS_URL: 'http://myorg.imiscloud.com',
          GIFT_IMIS_CLIENT_ID: 'gift-entry',
          GIFT_IMIS_CLIENT_SECRET: 'a-client-secret-value',
          GIFT_IMIS_SIGN_IN_PAGE: 'https://myorg.imiscloud.com/Staff/Gift_sign_in.aspx',
          GIFT_IMIS_ENTRY_ROLES: 'GiftEntry',
        }),
      /GIFT_IMIS_URL must use https/,
    );
    assert.throws(
      () =>
        readConfig({
          GIFT_API_BASE_URL: 'https://donate.example.org',
          GIFT_API_TOKEN: 'tok-4f9c2a7e81d3b605',
          GIFT_FINANCIAL_ACCOUNT_ID: '6',
          GIFT_DEMO_SIGN_IN: '1',
          GIFT_ENTRY_KEYS: base.GIFT_ENTRY_KEYS,
        }),
      /GIFT_DEMO_SIGN_IN=1 is for the demo only/,
    );
    const config = readConfig({
      ...base,
      GIFT_IMIS_URL: 'https://myorg.imiscloud.com/',
      GIFT_IMIS_CLIENT_ID: 'gift-entry',
      GIFT_IMIS_CLIENT_SECRET: 'a-client-secret-value',
      GIFT_IMIS_SIGN_IN_PAGE: 'https://myorg.imiscloud.com/Staff/Gift_sign_in.aspx',
      GIFT_IMIS_ENTRY_ROLES: 'GiftEntry, Finance',
    });
    assert.deepEqual(config.signIn, {
      imisBaseUrl: 'https://myorg.imiscloud.com',
      clientId: 'gift-entry',
      clientSecret: 'a-client-secret-value',
      pageUrl: 'https://myorg.imiscloud.com/Staff/Gift_sign_in.aspx',
      entryRoles: ['GiftEntry', 'Finance'],
      supervisorRoles: [],
      sessionMinutes: 20,
    });
  });
});
