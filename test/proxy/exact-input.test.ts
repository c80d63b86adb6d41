import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import * as z from 'zod/mini';
import { giftSubmissionSchema, MESSAGES, RECEIVED_DATE_EARLIEST } from '../../src/contract/index.ts';
import { postGift, sampleGift, startHarness, type Harness } from './harness.ts';

/** A date `days` from today, as YYYY-MM-DD (UTC). */
function daysFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

async function postBytes(base: string, bytes: Uint8Array): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${base}/api/gifts`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: bytes });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('POST /api/gifts takes exactly what was sent, or refuses it', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  test('a body that is not valid UTF-8 is refused with a clear 400, never forwarded with U+FFFD in it', async () => {
    const before = h.simulator.control.received().length;
    const json = Buffer.from(JSON.stringify(sampleGift({ lastName: 'Lovelace-X' })), 'utf8');
    const at = json.indexOf('X');
    json[at] = 0xff; // a byte that never occurs in UTF-8
    const { status, body } = await postBytes(h.proxy.url, json);
    assert.equal(status, 400);
    assert.match(String(body.message), /not valid UTF-8/);
    // An overlong encoding of "/" and a lone continuation byte: also not UTF-8.
    for (const bad of [[0xc0, 0xaf], [0x80]]) {
      const bytes = Buffer.concat([json.subarray(0, at), Buffer.from(bad), json.subarray(at + 1)]);
      assert.equal((await postBytes(h.proxy.url, bytes)).status, 400);
    }
    assert.equal(h.simulator.control.received().length, before, 'nothing was sent upstream');
    const fine = Buffer.from(JSON.stringify(sampleGift({ lastName: 'Łukasiewicz' })), 'utf8');
    assert.equal((await postBytes(h.proxy.url, fine)).body.status, 'accepted', 'real UTF-8 is fine');
  });

  test('an amount is checked as written: 10.0000000000000001 is refused, never rounded to $10', async () => {
    for (const literal of ['10.0000000000000001', '25.001', '1e-9', '10501e-3', '0.1e1000']) {
      const text = JSON.stringify(sampleGift()).replace('"amount":25', `"amount":${literal}`);
      const { status, body } = await postGift(h.proxy.url, text);
      assert.equal(status, 400, literal);
      assert.equal(body.field, 'amount', literal);
    }
    const text = JSON.stringify(sampleGift()).replace('"amount":25', '"amount":10.0000000000000001');
    assert.equal((await postGift(h.proxy.url, text)).body.message, MESSAGES.amountCents);
    // The same amount, written exactly: fine, however it is spelled.
    for (const literal of ['10', '10.5', '10.50', '10.500', '1.05e1', '1050e-2', '10500e-3']) {
      const gift = sampleGift();
      const exact = JSON.stringify(gift).replace('"amount":25', `"amount":${literal}`);
      const { status, body } = await postGift(h.proxy.url, exact);
      assert.equal(status, 200, `${literal}: ${String(body.message)}`);
      assert.equal(body.amount, Number(literal));
    }
    // The amount inside notes or a nested key is not the gift's amount.
    const decoy = JSON.stringify(sampleGift({ notes: '"amount":10.0000000000000001' }));
    assert.equal((await postGift(h.proxy.url, decoy)).status, 200);
  });

  test(`a received date before ${RECEIVED_DATE_EARLIEST} or more than a year ahead is refused, with the contract's message`, async () => {
    for (const receivedDate of ['0001-01-01T00:00:00', '1999-12-31T23:59:59', '9999-12-31T00:00:00', `${daysFromToday(370)}T09:00:00`]) {
      const { status, body } = await postGift(h.proxy.url, sampleGift({ receivedDate }));
      assert.equal(status, 400, receivedDate);
      assert.equal(body.field, 'receivedDate');
      assert.equal(body.message, MESSAGES.receivedDateRange, receivedDate);
    }
    for (const receivedDate of [`${RECEIVED_DATE_EARLIEST}T00:00:00`, `${daysFromToday(360)}T09:00:00`, `${daysFromToday(0)}T09:00:00`]) {
      assert.equal((await postGift(h.proxy.url, sampleGift({ receivedDate }))).status, 200, receivedDate);
    }
    // The widget checks with the same schema, so it shows the same words.
    const parsed = z.safeParse(giftSubmissionSchema, sampleGift({ receivedDate: '9999-12-31T00:00:00' }));
    assert.equal(parsed.success ? undefined : parsed.error.issues[0]?.message, MESSAGES.receivedDateRange);
  });
});
