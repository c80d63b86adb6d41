import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DONOR_NAME_MESSAGES, MESSAGES } from '../../src/contract/index.ts';
import { postGift, sampleGift, startHarness, type Harness } from './harness.ts';

describe('bad input gets a specific 4xx and nothing reaches the upstream', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    assert.equal(h.simulator.control.received().length, 0, 'nothing was forwarded');
    await h.close();
  });

  const cases: Array<[string, () => Promise<{ status: number; body: Record<string, unknown> }>, number, RegExp | string, string?]> = [
    ['malformed JSON', () => postGift(h.proxy.url, '{"amount": 25,'), 400, /not valid JSON/],
    ['a JSON array', () => postGift(h.proxy.url, '[]'), 400, /JSON object/],
    ['amount as text', () => postGift(h.proxy.url, { ...sampleGift(), amount: 'twenty' }), 400, MESSAGES.amountType, 'amount'],
    ['a negative amount', () => postGift(h.proxy.url, sampleGift({ amount: -5 })), 400, MESSAGES.amountPositive, 'amount'],
    ['no email', () => postGift(h.proxy.url, { ...sampleGift(), emailAddress: undefined }), 400, MESSAGES.emailRequired, 'emailAddress'],
    [
      'a too-long last name',
      () => postGift(h.proxy.url, sampleGift({ lastName: 'x'.repeat(31) })),
      400,
      /30 characters or fewer/,
      'lastName',
    ],
    ['no donor', () => postGift(h.proxy.url, sampleGift({ firstName: '', lastName: '' })), 400, MESSAGES.contactRequired, 'imisId'],
    ['no fund', () => postGift(h.proxy.url, sampleGift({ distribution: '' })), 400, MESSAGES.fundRequired, 'distribution'],
    [
      'a bad transactionId',
      () => postGift(h.proxy.url, sampleGift({ transactionId: 'abc' })),
      400,
      MESSAGES.transactionId,
      'transactionId',
    ],
    [
      'a financialAccountId from the browser',
      () => postGift(h.proxy.url, { ...sampleGift(), financialAccountId: 6 }),
      400,
      /proxy adds the account/,
      'financialAccountId',
    ],
    ['a misspelt field', () => postGift(h.proxy.url, { ...sampleGift(), emailaddress: 'x@y.org' }), 400, /Unknown field: emailaddress/],
    [
      'an amount of 4.9e-9',
      () =>
        postGift(
          h.proxy.url,
          '{"transactionId":"90000000001","amount":4.9e-9,"company":"Acme","emailAddress":"a@b.org","distribution":"GEN"}',
        ),
      400,
      MESSAGES.amountCents,
      'amount',
    ],
    ['an amount of 10.000000001', () => postGift(h.proxy.url, sampleGift({ amount: 10.000000001 })), 400, MESSAGES.amountCents, 'amount'],
    [
      'a NUL in a name',
      () => postGift(h.proxy.url, sampleGift({ lastName: 'Love\u0000lace' })),
      400,
      MESSAGES.unsendableCharacter('lastName'),
      'lastName',
    ],
    [
      'an ESC sequence in notes',
      () => postGift(h.proxy.url, sampleGift({ notes: '\u001b[2J' })),
      400,
      MESSAGES.unsendableCharacter('notes'),
      'notes',
    ],
    [
      'the RTL override in a company',
      () => postGift(h.proxy.url, sampleGift({ company: 'Acme \u202eenO' })),
      400,
      MESSAGES.unsendableCharacter('company'),
      'company',
    ],
    [
      'a lone surrogate in a city',
      () =>
        postGift(
          h.proxy.url,
          '{"transactionId":"90000000002","amount":5,"company":"Acme","city":"Lon\\ud83ddon","emailAddress":"a@b.org","distribution":"GEN"}',
        ),
      400,
      MESSAGES.unsendableCharacter('city'),
      'city',
    ],
    [
      'a donorName with a control character',
      () => postGift(h.proxy.url, { ...sampleGift(), donorName: 'Ada\u0007' }),
      400,
      DONOR_NAME_MESSAGES.character,
    ],
  ];
  for (const [name, send, status, message, field] of cases) {
    test(`${name} → ${status}`, async () => {
      const answer = await send();
      assert.equal(answer.status, status, JSON.stringify(answer.body));
      if (typeof message === 'string') assert.equal(answer.body.message, message);
      else assert.match(String(answer.body.message), message);
      assert.equal(answer.body.field, field);
    });
  }

  test('every problem of a gift is listed at once', async () => {
    const { body } = await postGift(h.proxy.url, { transactionId: '12345678', amount: 0 });
    const fields = (body.problems as Array<{ field?: string }>).map((p) => p.field);
    assert.deepEqual(new Set(fields), new Set(['amount', 'emailAddress', 'imisId', 'distribution']));
  });

  test('a body that is not JSON-typed → 415', async () => {
    const response = await fetch(`${h.proxy.url}/api/gifts`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: JSON.stringify(sampleGift()),
    });
    assert.equal(response.status, 415);
    assert.match(((await response.json()) as { message: string }).message, /Content-Type: application\/json/);
  });

  test('an oversized body → 413', async () => {
    const { status, body } = await postGift(h.proxy.url, { ...sampleGift(), notes: 'x'.repeat(20_000) });
    assert.equal(status, 413);
    assert.match(String(body.message), /16 KB/);
  });

  test('a wrong verb on a known route → 405 naming the right ones', async () => {
    const response = await fetch(`${h.proxy.url}/api/gifts/12345678`, { method: 'DELETE' });
    assert.equal(response.status, 405);
    assert.equal(response.headers.get('allow'), 'GET');
    assert.match(((await response.json()) as { message: string }).message, /does not take DELETE; use GET/);
  });

  test('an unknown route → 404 in the same error shape', async () => {
    const response = await fetch(`${h.proxy.url}/api/nothing`);
    assert.equal(response.status, 404);
    assert.match(((await response.json()) as { message: string }).message, /Nothing at GET \/api\/nothing/);
  });
});
