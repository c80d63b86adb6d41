import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { ENTERED_BY_MESSAGE, REDACTED_DONOR, toImportRequest } from '../../src/contract/index.ts';
import { readConfig } from '../../src/proxy/config.ts';
import { BatchStore } from '../../src/proxy/batch-store.ts';
import { Outbox } from '../../src/proxy/outbox.ts';
import { getGift, postGift, sampleGift, startHarness } from './harness.ts';

describe('who entered a gift', () => {
  test('the page-reported party ID is kept on the journal entry and never sent upstream', async () => {
    const h = await startHarness();
    try {
      const gift = sampleGift();
      const { body } = await postGift(h.proxy.url, { ...gift, enteredBy: 'STAFF42' });
      assert.equal(body.status, 'accepted');
      assert.equal(body.enteredBy, 'STAFF42');
      assert.equal((await getGift(h.proxy.url, gift.transactionId)).enteredBy, 'STAFF42');
      assert.ok(!h.simulator.control.received()[0]!.rawBody.includes('enteredBy'));
    } finally {
      await h.close();
    }
  });

  test('an enteredBy that is not a party ID is refused and nothing is sent', async () => {
    const h = await startHarness();
    try {
      const { status, body } = await postGift(h.proxy.url, { ...sampleGift(), enteredBy: 'not a party id!' });
      assert.equal(status, 400);
      assert.equal(body.message, ENTERED_BY_MESSAGE);
      assert.equal(h.simulator.control.received().length, 0);
    } finally {
      await h.close();
    }
  });
});

describe('the donor’s name beside an iMIS ID', () => {
  test('is kept in the journal and shown with the ID, never sent upstream', async () => {
    const h = await startHarness();
    try {
      const gift = sampleGift({ imisId: '101', firstName: undefined, lastName: undefined });
      const { body } = await postGift(h.proxy.url, { ...gift, donorName: 'Ada Lovelace' });
      assert.equal(body.status, 'accepted');
      assert.equal(body.donor, 'Ada Lovelace (iMIS ID 101)');
      assert.equal((await getGift(h.proxy.url, gift.transactionId)).donor, 'Ada Lovelace (iMIS ID 101)');
      assert.ok(!h.simulator.control.received()[0]!.rawBody.includes('Lovelace'));
      assert.ok(!h.simulator.control.received()[0]!.rawBody.includes('donorName'));
      const plain = sampleGift({ imisId: '102', firstName: undefined, lastName: undefined });
      assert.equal((await postGift(h.proxy.url, plain)).body.donor, 'iMIS ID 102', 'without a name, the ID alone');
    } finally {
      await h.close();
    }
  });

  test('a journal from before the column is upgraded, and retention blanks the name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gift-donorname-'));
    try {
      const old = new Database(join(dir, 'gifts.db'));
      old.exec(`CREATE TABLE gifts (seq INTEGER PRIMARY KEY AUTOINCREMENT, transaction_id TEXT NOT NULL UNIQUE, status TEXT NOT NULL,
        request TEXT NOT NULL, message TEXT, field TEXT, upstream_message TEXT, attempts INTEGER NOT NULL DEFAULT 0,
        uncertain INTEGER NOT NULL DEFAULT 0, next_attempt_at INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL, updated_at TEXT NOT NULL)`);
      old.close();
      const outbox = new Outbox(dir);
      try {
        const request = toImportRequest(sampleGift({ imisId: '101', firstName: undefined, lastName: undefined }), 6, new Date());
        outbox.enqueue(request, 'queued', undefined, { donorName: 'Ada Lovelace' });
        outbox.settle(request.transactionId, { status: 'accepted' });
        assert.equal(outbox.get(request.transactionId)!.record.donor, 'Ada Lovelace (iMIS ID 101)');
        outbox.redactSettledBefore(new Date(Date.now() + 1000).toISOString());
        assert.equal(outbox.get(request.transactionId)!.record.donor, REDACTED_DONOR);
        assert.ok(!JSON.stringify(outbox.journal('2000-01-01', 10)).includes('Lovelace'));
      } finally {
        outbox.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('journal retention', () => {
  test('settled gifts past the period keep only what finance reconciles; waiting gifts keep everything', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gift-retention-'));
    const outbox = new Outbox(dir);
    try {
      const settled = toImportRequest(sampleGift({ notes: 'met at the gala', phone: '555 0100' }), 6, new Date());
      const waiting = toImportRequest(sampleGift(), 6, new Date());
      outbox.enqueue(settled, 'queued', undefined, { enteredBy: 'STAFF42' });
      outbox.settle(settled.transactionId, { status: 'accepted' });
      outbox.enqueue(waiting, 'queued');
      outbox.database.pragma('wal_checkpoint(TRUNCATE)');
      assert.ok(readFileSync(join(dir, 'gifts.db')).includes('met at the gala'), 'the notes are in gifts.db itself');

      assert.equal(outbox.redactSettledBefore(new Date(Date.now() + 1000).toISOString()), 1);
      const after = outbox.get(settled.transactionId)!;
      assert.equal(after.record.donor, REDACTED_DONOR);
      assert.equal(after.record.amount, settled.amount);
      assert.equal(after.record.distribution, 'GEN');
      assert.equal(after.record.status, 'accepted');
      assert.equal(after.record.enteredBy, 'STAFF42');
      for (const field of ['firstName', 'lastName', 'emailAddress', 'phone', 'notes'] as const)
        assert.equal(after.request[field], '', field);
      assert.equal(after.request.transactionId, settled.transactionId);
      assert.equal(after.request.receivedDate, settled.receivedDate);

      assert.equal(outbox.get(waiting.transactionId)!.request.lastName, 'Lovelace', 'a gift still to send keeps its donor');
      assert.equal(outbox.redactSettledBefore(new Date(Date.now() + 1000).toISOString()), 0, 'nothing is redacted twice');
      outbox.database.pragma('wal_checkpoint(TRUNCATE)');
      assert.ok(
        !readFileSync(join(dir, 'gifts.db')).includes('met at the gala'),
        'the blanked notes are gone from the file, not just the row',
      );
    } finally {
      outbox.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('rows of a batch posted before the period keep only what finance reconciles; an open batch keeps its gifts whole', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gift-retention-batches-'));
    const outbox = new Outbox(dir);
    const batches = new BatchStore(outbox);
    const settings = { defaults: { distribution: 'GEN', campaignCode: '', appealCode: '', receivedDate: '' }, expected: {} };
    try {
      const posted = batches.open(settings);
      const open = batches.open(settings);
      const sent = sampleGift({ notes: 'met at the gala', phone: '555 0100' });
      const kept = sampleGift();
      batches.saveGift(posted.id, sent, { enteredBy: 'STAFF42', donorName: 'Ada Lovelace' });
      batches.saveGift(open.id, kept, {});
      batches.post(posted.id, 'STAFF42', undefined, () => {});

      assert.equal(batches.redactPostedBefore(new Date(Date.now() + 1000).toISOString()), 1);
      const row = batches.get(posted.id)!.gifts[0]!;
      for (const field of ['firstName', 'lastName', 'emailAddress', 'phone', 'notes'] as const) assert.equal(row.gift[field], '', field);
      assert.equal(row.donorName, undefined, 'the donor name picked in iMIS goes too');
      assert.equal(row.gift.amount, sent.amount);
      assert.equal(row.gift.distribution, 'GEN');
      assert.equal(row.gift.transactionId, sent.transactionId);
      assert.equal(row.enteredBy, 'STAFF42', 'who entered it stays, as in the journal');
      assert.equal(batches.get(open.id)!.gifts[0]!.gift.lastName, 'Lovelace', 'a batch not yet posted keeps its gifts');
      assert.equal(batches.redactPostedBefore(new Date(Date.now() + 1000).toISOString()), 0, 'nothing is redacted twice');
    } finally {
      outbox.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the proxy applies the retention period from GIFT_JOURNAL_RETENTION_DAYS when it starts', async () => {
    const h = await startHarness({ GIFT_JOURNAL_RETENTION_DAYS: 'off' });
    try {
      const gift = sampleGift();
      await postGift(h.proxy.url, gift);
      await h.restart({ GIFT_JOURNAL_RETENTION_DAYS: 'off' });
      assert.equal((await getGift(h.proxy.url, gift.transactionId)).donor, 'Ada Lovelace');
      await h.restart({ GIFT_JOURNAL_RETENTION_DAYS: '0' });
      assert.equal((await getGift(h.proxy.url, gift.transactionId)).donor, REDACTED_DONOR);
      assert.ok(h.logs.some((line) => line.includes('"event":"journal_retention"')));
    } finally {
      await h.close();
    }
  });

  test('retention defaults to 90 days, "off" keeps details, anything else is a clear problem', () => {
    assert.equal(readConfig({}).retentionDays, 90);
    assert.equal(readConfig({ GIFT_JOURNAL_RETENTION_DAYS: 'off' }).retentionDays, undefined);
    assert.throws(() => readConfig({ GIFT_JOURNAL_RETENTION_DAYS: 'forever' }), /GIFT_JOURNAL_RETENTION_DAYS must be a whole number/);
  });
});
