import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as z from 'zod/mini';
import {
  DONOR_NAME_MESSAGES,
  donorNameSchema,
  formatUsd,
  importRequestBody,
  MAX_AMOUNT,
  MAX_LENGTH,
  MESSAGES,
  toImportRequest,
  tooLongMessage,
  TRANSACTION_ID_MAX_LENGTH,
  TRANSACTION_ID_MESSAGE,
  TRANSACTION_ID_MIN_LENGTH,
} from '../../src/contract/index.ts';
import { VALID_GIFT, problems } from './problems.ts';

const valid = VALID_GIFT;

describe('lengths as the upstream counts them (UTF-16 code units, like .NET)', () => {
  test('an emoji counts two: 10 fit in a 20-character first name, 11 do not', () => {
    assert.deepEqual(problems({ ...valid, firstName: '😀'.repeat(10) }), {});
    assert.deepEqual(problems({ ...valid, firstName: '😀'.repeat(11) }), { firstName: tooLongMessage('firstName') });
  });
  test('accented letters and CJK count one each', () => {
    assert.deepEqual(problems({ ...valid, lastName: 'é'.repeat(MAX_LENGTH.lastName) }), {});
    assert.deepEqual(problems({ ...valid, city: '東'.repeat(MAX_LENGTH.city + 1) }), { city: tooLongMessage('city') });
  });
});

describe('characters that must never reach the upstream', () => {
  const bad: Array<[string, string]> = [
    ['NUL', '\u0000'],
    ['ESC', '\u001b[31m'],
    ['DEL', '\u007f'],
    ['a C1 control', '\u0085'],
    ['the right-to-left override', '\u202e'],
    ['a bidi isolate', '\u2066'],
    ['a lone high surrogate', '\ud83d'],
    ['a lone low surrogate', '\ude00'],
  ];
  for (const [name, character] of bad) {
    test(`${name} is refused on the field, with a message for staff`, () => {
      assert.deepEqual(problems({ ...valid, lastName: `Mc${character}Tester` }), { lastName: MESSAGES.unsendableCharacter('lastName') });
      assert.deepEqual(problems({ ...valid, notes: `note ${character}` }), { notes: MESSAGES.unsendableCharacter('notes') });
    });
  }
  test('every text field has the rule, email included', () => {
    for (const field of ['company', 'address', 'city', 'appealCode', 'emailAddress'] as const) {
      const value = field === 'emailAddress' ? 'a\u0000b@example.org' : 'A\u202eB';
      assert.equal(problems({ ...valid, [field]: value })[field], MESSAGES.unsendableCharacter(field), field);
    }
  });
  test('notes may hold line breaks and tabs; one-line fields may not', () => {
    assert.deepEqual(problems({ ...valid, notes: 'Line one\n\tLine two\r\nLine three' }), {});
    assert.deepEqual(problems({ ...valid, address: 'Flat 2\n12 High St' }), { address: MESSAGES.unsendableCharacter('address') });
  });
  test('ordinary text passes: accents, apostrophes, whole emoji', () => {
    assert.deepEqual(problems({ ...valid, firstName: 'Zoë', lastName: 'O’Brien-Ñúñez', notes: 'Thanks! 🎉' }), {});
  });
});

describe('amounts, exactly', () => {
  test('4.9e-9 and 10.000000001 are refused: no float tolerance', () => {
    assert.equal(problems({ ...valid, amount: 4.9e-9 }).amount, MESSAGES.amountCents);
    assert.equal(problems({ ...valid, amount: 10.000000001 }).amount, MESSAGES.amountCents);
    assert.equal(problems({ ...valid, amount: 0.1 + 0.2 }).amount, MESSAGES.amountCents, '0.30000000000000004 is not what staff typed');
  });
  test('plain amounts with up to two decimals pass and are sent as plain JSON numbers', () => {
    for (const amount of [0.01, 0.1, 0.29, 1.1, 19.99, 1234.5, 25, MAX_AMOUNT]) {
      assert.deepEqual(problems({ ...valid, amount }), {}, String(amount));
      const body = importRequestBody(toImportRequest({ ...valid, amount }, 6, new Date()));
      assert.match(body, new RegExp(`"amount":${String(amount).replace('.', '\\.')},`));
      assert.doesNotMatch(body, /"amount":[^,]*e/i);
    }
  });
  test('the body builder refuses an amount in exponent form rather than send it', () => {
    assert.throws(() => importRequestBody(toImportRequest({ ...valid, amount: 4.9e-9 }, 6, new Date())), /not a plain decimal/);
  });
  test('the ceiling’s message is derived from the ceiling', () => {
    assert.equal(MESSAGES.amountTooLarge, `Amount must be ${formatUsd(MAX_AMOUNT)} or less`);
    assert.equal(problems({ ...valid, amount: MAX_AMOUNT + 0.01 }).amount, MESSAGES.amountTooLarge);
  });
});

describe('rules stated once', () => {
  test('the transaction ID message is derived from its limits', () => {
    assert.equal(
      TRANSACTION_ID_MESSAGE,
      `Transaction ID must be ${TRANSACTION_ID_MIN_LENGTH} to ${TRANSACTION_ID_MAX_LENGTH} letters or digits`,
    );
    assert.deepEqual(problems({ ...valid, transactionId: '9'.repeat(TRANSACTION_ID_MIN_LENGTH) }), {});
    assert.equal(problems({ ...valid, transactionId: '9'.repeat(TRANSACTION_ID_MIN_LENGTH - 1) }).transactionId, TRANSACTION_ID_MESSAGE);
    assert.equal(problems({ ...valid, transactionId: '9'.repeat(TRANSACTION_ID_MAX_LENGTH + 1) }).transactionId, TRANSACTION_ID_MESSAGE);
  });
});

describe('donorName (journal metadata)', () => {
  test('up to 100 UTF-16 units of ordinary text, trimmed', () => {
    assert.equal(z.parse(donorNameSchema, '  Ada Lovelace '), 'Ada Lovelace');
    assert.equal(z.parse(donorNameSchema, undefined), undefined);
    assert.equal(z.safeParse(donorNameSchema, 'x'.repeat(100)).success, true);
    assert.equal(z.safeParse(donorNameSchema, '😀'.repeat(51)).error?.issues[0]?.message, DONOR_NAME_MESSAGES.tooLong);
    assert.equal(z.safeParse(donorNameSchema, 'Ada\u202eLovelace').error?.issues[0]?.message, DONOR_NAME_MESSAGES.character);
    assert.equal(z.safeParse(donorNameSchema, 42).error?.issues[0]?.message, DONOR_NAME_MESSAGES.type);
  });
});
