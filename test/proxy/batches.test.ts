import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { HELD_MESSAGE, newTransactionId, RESPOND_ASYNC, toImportRequest } from '../../src/contract/index.ts';
import { assertSentAsRow, batchApi, ids, ok, SETTINGS } from './batch-helpers.ts';
import { ACCOUNT, postGift, sampleGift, startHarness, TOKEN, waitForStatus, type Harness } from './harness.ts';

describe('a batch kept open at the proxy', () => {
  let h: Harness;
  let api: ReturnType<typeof batchApi>;
  before(async () => {
    h = await startHarness({}, { processingDelayMs: 0 });
  });
  after(() => h.close());
  beforeEach(() => {
    h.simulator.control.reset();
    api = batchApi(h.proxy.url);
  });

  const sentIds = () => h.simulator.control.received().map((call) => (JSON.parse(call.rawBody) as { transactionId: string }).transactionId);

  test('is opened, filled, edited and trimmed row by row, listed, and survives a restart of the proxy; nothing is sent', async () => {
    const opened = ok(await api.open(), 201);
    assert.equal(opened.state, 'open');
    assert.equal(opened.name, 'Tuesday checks');
    assert.deepEqual(opened.defaults, SETTINGS.defaults);
    assert.deepEqual(opened.expected, SETTINGS.expected);
    assert.equal(opened.openedBy, 'STAFF1');
    assert.match(opened.id, /^[A-Za-z0-9_-]{16}$/);

    const first = sampleGift({ amount: 50 });
    const second = sampleGift({ amount: 20, firstName: 'Grace', lastName: 'Hopper' });
    const third = sampleGift({ amount: 5 });
    ok(await api.save(opened.id, first, { enteredBy: 'STAFF1' }));
    ok(await api.save(opened.id, second));
    const three = ok(await api.save(opened.id, third));
    assert.deepEqual(
      three.gifts.map((row) => row.transactionId),
      [first.transactionId, second.transactionId, third.transactionId],
    );
    assert.equal(three.gifts[0]!.enteredBy, 'STAFF1');

    // An edit replaces the row in its place; a removal takes it out.
    const edited = ok(await api.save(opened.id, { ...first, amount: 55, notes: 'second look' }));
    assert.deepEqual(edited.gifts[0]!.gift, { ...first, amount: 55, notes: 'second look' });
    assert.equal(edited.gifts[0]!.addedAt, three.gifts[0]!.addedAt);
    const trimmed = ok(await api.remove(opened.id, third.transactionId));
    assert.deepEqual(
      trimmed.gifts.map((row) => row.transactionId),
      [first.transactionId, second.transactionId],
    );
    const gone = await api.remove(opened.id, third.transactionId);
    assert.equal(gone.status, 404);

    const newer = ok(await api.open({ ...SETTINGS, name: undefined }), 201);
    assert.match(newer.name, /^Batch opened \d{4}-\d\d-\d\d \d\d:\d\d UTC$/);
    const listed = ok(await api.list()).batches;
    assert.deepEqual(ids(listed).slice(0, 2), [newer.id, opened.id], 'newest first');
    const summary = listed.find((batch) => batch.id === opened.id)!;
    assert.equal(summary.count, 2);
    assert.equal(summary.totalCents, 7500);

    await h.restart();
    api = batchApi(h.proxy.url);
    const reopened = ok(await api.get(opened.id));
    assert.deepEqual(reopened, trimmed, 'the open batch is kept exactly as it was');
    assert.ok(ids(ok(await api.list('open')).batches).includes(opened.id));
    assert.deepEqual(sentIds(), [], 'nothing of an open batch is sent');
    const journal = (await (await fetch(`${h.proxy.url}/api/gifts?since=2000-01-01`)).json()) as { gifts: { transactionId: string }[] };
    assert.ok(!journal.gifts.some((gift) => gift.transactionId === first.transactionId), 'nor queued');
  });

  test('posting is refused while count and total differ from the stack, in words, and nothing is queued', async () => {
    const batch = ok(await api.open({ ...SETTINGS, expected: { count: 3, totalCents: 22500 } }), 201);
    ok(await api.save(batch.id, sampleGift({ amount: 75 })));
    const refused = await api.post(batch.id);
    assert.equal(refused.status, 409);
    assert.equal(
      refused.error?.message,
      '2 gifts and $150.00 still to enter; enter them, correct the expected figures, or post anyway with a reason.',
    );
    const tooMany = ok(await api.patch(batch.id, { expected: { count: 0 }, by: 'STAFF3' }));
    assert.deepEqual(tooMany.expected, { count: 0 }, 'an expected figure left out is no longer checked');
    assert.match((await api.post(batch.id)).error?.message ?? '', /^1 gift more than expected; remove the extra gifts/);
    ok(await api.patch(batch.id, { expected: {} }));
    assert.match((await api.post(batch.id)).error?.message ?? '', /no expected count or total/);
    assert.equal(ok(await api.get(batch.id)).state, 'open');
    assert.deepEqual(sentIds(), []);
    assert.ok(h.logs.some((line) => line.includes('"event":"batch_defaults_changed"') && line.includes('"by":"STAFF3"')));
  });

  test('"post anyway" with a reason posts it and keeps who and why', async () => {
    const batch = ok(await api.open(), 201);
    const gift = sampleGift({ amount: 30 });
    ok(await api.save(batch.id, gift));
    const posted = ok(await api.post(batch.id, { by: 'STAFF2', reason: 'One check went back to the donor' }));
    assert.equal(posted.state, 'posted');
    assert.equal(posted.postedBy, 'STAFF2');
    assert.equal(posted.postReason, 'One check went back to the donor');
    assert.ok(posted.postedAt);
    await waitForStatus(h.proxy.url, gift.transactionId, 'accepted');
    await h.restart();
    api = batchApi(h.proxy.url);
    const kept = ok(await api.get(batch.id));
    assert.equal(kept.postReason, 'One check went back to the donor');
    assert.equal(kept.gifts[0]!.record?.status, 'accepted', 'a posted row carries its journal record');
    assert.ok(ids(ok(await api.list('posted')).batches).includes(batch.id));
    assert.ok(!ids(ok(await api.list('open')).batches).includes(batch.id));
  });

  test('a matching batch posts once: its rows reach the upstream in order, exactly as they were held', async () => {
    const rows = [
      sampleGift({ amount: 40, notes: 'check 101', appealCode: '100000' }),
      sampleGift({ amount: 25.5, firstName: 'Grace', lastName: 'Hopper', receivedDate: undefined }),
      sampleGift({ amount: 9.5, imisId: '104', firstName: undefined, lastName: undefined, distribution: 'BUILD' }),
    ];
    const batch = ok(await api.open({ ...SETTINGS, expected: { count: 3, totalCents: 7500 } }), 201);
    for (const gift of rows) ok(await api.save(batch.id, gift, { donorName: 'Someone' }));
    const posted = ok(await api.post(batch.id));
    assert.equal(posted.postReason, undefined);
    for (const gift of rows) await waitForStatus(h.proxy.url, gift.transactionId, 'accepted');
    const again = ok(await api.post(batch.id, { by: 'STAFF9', reason: 'again' }));
    assert.equal(again.postedBy, 'STAFF2', 'posting twice changes nothing');
    await new Promise((resolve) => setTimeout(resolve, 100));

    const received = h.simulator.control.received();
    assert.deepEqual(
      received.map((call) => (JSON.parse(call.rawBody) as { transactionId: string }).transactionId),
      rows.map((gift) => gift.transactionId),
      'each row once, in the order added',
    );
    const held = ok(await api.get(batch.id)).gifts;
    received.forEach((call, i) => assertSentAsRow(JSON.parse(call.rawBody) as Record<string, unknown>, held[i]!));
    assert.ok(
      h.logs.some((line) => line.includes('"event":"batch_posted"') && line.includes('"gifts":3') && line.includes('"totalCents":7500')),
    );
    assert.ok(!h.logs.some((line) => line.includes('Grace') || line.includes('Hopper')), 'no donor details in the log');
  });

  test('a posted batch can no longer be changed', async () => {
    const batch = ok(await api.open({ ...SETTINGS, expected: { count: 1 } }), 201);
    const gift = sampleGift();
    ok(await api.save(batch.id, gift));
    ok(await api.post(batch.id));
    const changes = [
      await api.save(batch.id, { ...gift, amount: 1 }),
      await api.save(batch.id, sampleGift()),
      await api.remove(batch.id, gift.transactionId),
      await api.patch(batch.id, { expected: { count: 2 } }),
    ];
    for (const answer of changes) {
      assert.equal(answer.status, 409);
      assert.match(answer.error?.message ?? '', /^This batch was posted on \d{4}-\d\d-\d\d by STAFF2; it can no longer be changed\.$/);
    }
  });

  test('a transactionId already in the journal or in another batch is refused; a row is checked like a gift', async () => {
    const batch = ok(await api.open(), 201);
    const sent = sampleGift();
    await postGift(h.proxy.url, sent);
    const inJournal = await api.save(batch.id, sent);
    assert.equal(inJournal.status, 409);
    assert.match(inJournal.error?.message ?? '', /already in the gift journal/);

    const other = ok(await api.open({ ...SETTINGS, name: 'Other stack' }), 201);
    const [before, kept, behind] = [sampleGift(), sampleGift(), sampleGift()];
    for (const row of [before, kept, behind]) ok(await api.save(other.id, row));
    const inOther = await api.save(batch.id, kept);
    assert.equal(inOther.status, 409);
    assert.match(inOther.error?.message ?? '', /another batch \("Other stack"\)/);
    const direct = await postGift(h.proxy.url, { ...kept, amount: 99 });
    assert.equal(direct.status, 409, 'nor may the ID be sent on its own while its batch is open');
    assert.match(String(direct.body.message), /kept in the open batch "Other stack"/);
    // Should the ID reach the journal all the same, posting finds it taken: nothing is queued and the batch stays open.
    h.proxy.outbox.enqueue(toImportRequest({ ...kept, amount: 99 }, Number(ACCOUNT), new Date()), 'held', 'parked by the test');
    const clash = await api.post(other.id, { by: 'STAFF2', reason: 'test' });
    assert.equal(clash.status, 409);
    assert.match(clash.error?.message ?? '', /reached the gift journal outside this batch/);
    assert.equal(ok(await api.get(other.id)).state, 'open');
    assert.equal(h.proxy.outbox.get(kept.transactionId)?.record.amount, 99, 'the row was not queued over it');
    assert.equal(h.proxy.outbox.get(before.transactionId), undefined, 'the row queued before the clash was taken back with the rest');
    assert.equal(h.proxy.outbox.get(behind.transactionId), undefined);

    const mismatch = await api.save(batch.id, sampleGift(), {}, newTransactionId());
    assert.equal(mismatch.status, 400);
    assert.equal(mismatch.error?.field, 'transactionId');
    const withAccount = await api.save(batch.id, { ...sampleGift(), financialAccountId: 7 } as never);
    assert.equal(withAccount.error?.field, 'financialAccountId');
    const bad = await api.save(batch.id, sampleGift({ amount: -1 }));
    assert.equal(bad.status, 400);
    assert.equal(bad.error?.field, 'amount');
    assert.equal((await api.get('nope')).status, 404);
    assert.equal(ok(await api.get(batch.id)).gifts.length, 0);
  });

  test('a batch that cannot be written when posted stays open with nothing queued, and posts once storage is back', async () => {
    const batch = ok(await api.open({ ...SETTINGS, expected: { count: 2 } }), 201);
    const rows = [sampleGift(), sampleGift()];
    for (const row of rows) ok(await api.save(batch.id, row));
    h.proxy.outbox.database.pragma('query_only = 1'); // as on a full disk
    try {
      const refused = await api.post(batch.id);
      assert.equal(refused.status, 503);
      assert.match(
        refused.error?.message ?? '',
        /could not be posted: the journal is read-only .*Nothing was queued and the batch is still open/,
      );
    } finally {
      h.proxy.outbox.database.pragma('query_only = 0');
    }
    assert.equal(ok(await api.get(batch.id)).state, 'open');
    for (const row of rows) assert.equal(h.proxy.outbox.get(row.transactionId), undefined);
    ok(await api.post(batch.id));
    for (const row of rows) await waitForStatus(h.proxy.url, row.transactionId, 'accepted');
  });

  test('a batch posted while the upstream refuses the proxy’s credentials is held, then sent in order once they are fixed', async () => {
    h.simulator.control.setToken('rotated-upstream-token');
    try {
      const first = sampleGift();
      await postGift(h.proxy.url, first, { [RESPOND_ASYNC.header]: RESPOND_ASYNC.value });
      await waitForStatus(h.proxy.url, first.transactionId, 'held');
      const batch = ok(await api.open({ ...SETTINGS, expected: { count: 2 } }), 201);
      const rows = [sampleGift(), sampleGift()];
      for (const row of rows) ok(await api.save(batch.id, row));
      const posted = ok(await api.post(batch.id));
      assert.deepEqual(
        posted.gifts.map((row) => [row.record?.status, row.record?.message]),
        rows.map(() => ['held', HELD_MESSAGE]),
      );
      h.simulator.control.setToken(TOKEN);
      for (const row of rows) await waitForStatus(h.proxy.url, row.transactionId, 'accepted');
      assert.deepEqual(
        sentIds()
          .filter((id) => [first, ...rows].some((gift) => gift.transactionId === id))
          .slice(-3),
        [first, ...rows].map((gift) => gift.transactionId),
      );
    } finally {
      h.simulator.control.setToken(TOKEN);
    }
  });
});
