import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CALLER_KEY_HEADER, PROXY_PATHS } from '../../src/contract/index.ts';
import { namedKey } from '../../src/proxy/config.ts';
import { JOURNAL_SCHEMA_VERSION } from '../../src/proxy/journal-schema.ts';
import { Outbox } from '../../src/proxy/outbox.ts';
import { SETTINGS } from './batch-helpers.ts';
import { postGift, sampleGift, startHarness, type Harness } from './harness.ts';

const FRONT_DESK = 'front-desk-key-5c1e9a0b7d3f';
const MAIL_ROOM = 'mail-room-key-2b8d4f6a0c9e';
const MAIL_ROOM_NEXT = 'mail-room-key-next-7e3a1c5b9d';

describe('each caller key reads only what was entered through it', () => {
  let h: Harness;
  const as = (key: string) => ({ [CALLER_KEY_HEADER]: key, 'Content-Type': 'application/json' });
  const get = async (key: string, path: string) => {
    const response = await fetch(`${h.proxy.url}${path}`, { headers: as(key) });
    return { status: response.status, text: await response.text() };
  };
  before(async () => {
    // The mail room's key is being rotated: both its keys carry the label "mail-room".
    h = await startHarness({ GIFT_ENTRY_KEYS: `front-desk=${FRONT_DESK}, mail-room=${MAIL_ROOM}, mail-room=${MAIL_ROOM_NEXT}` });
  });
  after(() => h.close());

  test('a second key reads no donor details entered through the first, by any route', async () => {
    const gift = sampleGift({ firstName: 'Grace', lastName: 'Hopper', emailAddress: 'grace@example.org' });
    assert.equal((await postGift(h.proxy.url, gift, as(FRONT_DESK))).status, 200);
    const batch = await fetch(`${h.proxy.url}${PROXY_PATHS.batches}`, {
      method: 'POST',
      headers: as(FRONT_DESK),
      body: JSON.stringify(SETTINGS),
    });
    assert.equal(batch.status, 201);
    const batchId = ((await batch.json()) as { id: string }).id;
    const row = sampleGift({ firstName: 'Katherine', lastName: 'Johnson' });
    const saved = await fetch(`${h.proxy.url}${PROXY_PATHS.batchGift(batchId, row.transactionId)}`, {
      method: 'PUT',
      headers: as(FRONT_DESK),
      body: JSON.stringify({ gift: row }),
    });
    assert.equal(saved.status, 200);

    const seen = [
      await get(MAIL_ROOM, `${PROXY_PATHS.gifts}?since=1970-01-01&limit=5000`),
      await get(MAIL_ROOM, PROXY_PATHS.gift(gift.transactionId)),
      await get(MAIL_ROOM, `${PROXY_PATHS.batches}?state=open`),
      await get(MAIL_ROOM, PROXY_PATHS.batch(batchId)),
    ];
    const watch = await fetch(`${h.proxy.url}${PROXY_PATHS.watch}`, {
      method: 'POST',
      headers: as(MAIL_ROOM),
      body: JSON.stringify({ known: { [gift.transactionId]: 'queued' }, waitMs: 0 }),
    });
    seen.push({ status: watch.status, text: await watch.text() });
    const retry = await fetch(`${h.proxy.url}${PROXY_PATHS.retry(gift.transactionId)}`, { method: 'POST', headers: as(MAIL_ROOM) });
    assert.equal(retry.status, 404, 'another key cannot act on the gift either');
    const everything = seen.map((answer) => answer.text).join('\n');
    for (const detail of ['Grace', 'Hopper', 'grace@example.org', 'Katherine', 'Johnson', 'Tuesday checks']) {
      assert.ok(!everything.includes(detail), `${detail} reached the mail room`);
    }
    assert.deepEqual(
      seen.map((answer) => answer.status),
      [200, 404, 200, 404, 200],
    );

    // The key that entered them still sees them all.
    const own = await get(FRONT_DESK, `${PROXY_PATHS.gifts}?since=1970-01-01`);
    assert.ok(own.text.includes(gift.transactionId));
    assert.ok((await get(FRONT_DESK, PROXY_PATHS.batch(batchId))).text.includes('Katherine'));
  });

  test('a rotated key that keeps its label keeps seeing what the old key entered', async () => {
    const gift = sampleGift({ lastName: 'Noether' });
    assert.equal((await postGift(h.proxy.url, gift, as(MAIL_ROOM))).status, 200);
    assert.equal((await get(MAIL_ROOM_NEXT, PROXY_PATHS.gift(gift.transactionId))).status, 200);
    assert.equal((await get(FRONT_DESK, PROXY_PATHS.gift(gift.transactionId))).status, 404);
  });

  test('the journal records the key’s label, never the key', () => {
    const rows = h.proxy.outbox.database.prepare('SELECT DISTINCT caller_key FROM gifts').all() as Array<{ caller_key: string }>;
    assert.deepEqual(rows.map((row) => row.caller_key).sort(), ['front-desk', 'mail-room']);
  });
});

describe('caller key labels', () => {
  test('label=key keeps its label; a plain key (base64 included) is labelled by a hash, never by itself', () => {
    assert.deepEqual(namedKey('front-desk=abc123abc123abc123'), { label: 'front-desk', secret: 'abc123abc123abc123' });
    const plain = namedKey('Zm9vYmFyYmF6cXV4cXV1eHh4eHh4eHh4eA==');
    assert.equal(plain.secret, 'Zm9vYmFyYmF6cXV4cXV1eHh4eHh4eHh4eA==');
    assert.match(plain.label, /^key-[0-9a-f]{8}$/);
    assert.equal(namedKey('Zm9vYmFyYmF6cXV4cXV1eHh4eHh4eHh4eA==').label, plain.label, 'stable across restarts');
  });
});

describe('the schema step that scopes gifts by caller', () => {
  test('a version-5 journal is upgraded; its earlier gifts are hidden from every key and kept for a supervisor', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gift-scope-'));
    try {
      // Version 5 as the previous release wrote it: made by this release's steps, then its new step undone.
      const seed = new Outbox(dir);
      seed.close();
      const db = new Database(join(dir, 'gifts.db'));
      db.exec(`DROP TABLE sessions; DROP INDEX gifts_caller; DROP INDEX gifts_party;
        ALTER TABLE gifts DROP COLUMN caller_key; ALTER TABLE gifts DROP COLUMN party_id;
        ALTER TABLE gifts DROP COLUMN party_name; ALTER TABLE gifts DROP COLUMN requeued_by;
        ALTER TABLE batches DROP COLUMN caller_key; ALTER TABLE batches DROP COLUMN party_id;
        ALTER TABLE batch_gifts DROP COLUMN caller_key; ALTER TABLE batch_gifts DROP COLUMN party_id;
        ALTER TABLE batch_gifts DROP COLUMN party_name;`);
      db.pragma('user_version = 5');
      db.prepare(
        `INSERT INTO gifts (transaction_id, status, request, created_at, updated_at) VALUES ('7000000000000099', 'accepted', ?, '2026-11-20T10:00:00Z', '2026-11-20T10:00:00Z')`,
      ).run(JSON.stringify({ transactionId: '7000000000000099', amount: 5, firstName: 'Old', lastName: 'Gift' }));
      db.close();
      assert.equal(JOURNAL_SCHEMA_VERSION, 6);

      const outbox = new Outbox(dir);
      try {
        assert.deepEqual(outbox.journal('1970-01-01', 10, { keyLabel: 'front-desk' }), [], 'no key sees a gift from before');
        assert.deepEqual(outbox.journal('1970-01-01', 10, { partyId: 'STAFF1' }), [], 'nor does a staff member');
        assert.equal(outbox.journal('1970-01-01', 10, {}).length, 1, 'a supervisor does');
        assert.deepEqual(outbox.get('7000000000000099')?.owner, { keyLabel: undefined, partyId: undefined });
      } finally {
        outbox.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
