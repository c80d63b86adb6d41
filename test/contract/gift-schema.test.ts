import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as z from 'zod/mini';
import {
  MAX_AMOUNT,
  MAX_LENGTH,
  MESSAGES,
  giftImportRequestSchema,
  giftSubmissionSchema,
  tooLongMessage,
  type TextField,
} from '../../src/contract/index.ts';
import { VALID_GIFT, problems } from './problems.ts';

const valid = VALID_GIFT;

describe('every max length from the reference', () => {
  const fill = (field: TextField, length: number): string => {
    if (field === 'emailAddress') return `${'a'.repeat(length - '@example.org'.length)}@example.org`;
    if (field === 'phone') return '5'.repeat(length);
    if (field === 'transactionId') return '9'.repeat(length);
    return 'x'.repeat(length);
  };
  for (const [field, max] of Object.entries(MAX_LENGTH) as [TextField, number][]) {
    if (field === 'transactionId') continue; // narrowed to 16: see the transactionId tests
    test(`${field}: ${max} characters pass, ${max + 1} fail with its own message`, () => {
      assert.deepEqual(problems({ ...valid, [field]: fill(field, max) }), {});
      assert.deepEqual(problems({ ...valid, [field]: fill(field, max + 1) }), { [field]: tooLongMessage(field) });
    });
  }
});

describe('amount', () => {
  for (const amount of [0.01, 0.29, 19.99, 1234.5, MAX_AMOUNT]) {
    test(`${amount} is accepted`, () => assert.deepEqual(problems({ ...valid, amount }), {}));
  }
  const wrong: Array<[unknown, string]> = [
    [0, MESSAGES.amountPositive],
    [-5, MESSAGES.amountPositive],
    [1.005, MESSAGES.amountCents],
    [MAX_AMOUNT + 0.01, MESSAGES.amountTooLarge],
    [Number.NaN, MESSAGES.amountType],
    [Number.POSITIVE_INFINITY, MESSAGES.amountType],
    ['25', MESSAGES.amountType],
    [undefined, MESSAGES.amountType],
  ];
  for (const [amount, message] of wrong) {
    test(`${String(amount)} is refused: "${message}"`, () => assert.equal(problems({ ...valid, amount }).amount, message));
  }
});

describe('who gave: iMIS ID, or first and last name, or company', () => {
  const none = { ...valid, firstName: undefined, lastName: undefined };
  test('an iMIS ID alone, or a company alone, is enough', () => {
    assert.deepEqual(problems({ ...none, imisId: '12345' }), {});
    assert.deepEqual(problems({ ...none, company: 'Acme Foundation' }), {});
  });
  test('nothing at all points at the iMIS ID with the three choices', () => {
    assert.deepEqual(problems(none), { imisId: MESSAGES.contactRequired });
    assert.deepEqual(problems({ ...none, imisId: '   ' }), { imisId: MESSAGES.contactRequired });
  });
  test('half a name points at the missing half', () => {
    assert.deepEqual(problems({ ...none, firstName: 'Ada' }), { lastName: MESSAGES.lastNameWithFirst });
    assert.deepEqual(problems({ ...none, lastName: 'Lovelace' }), { firstName: MESSAGES.firstNameWithLast });
  });
});

describe('fund: a distribution, or a (mapped) campaign', () => {
  test('either is enough; neither points at the fund', () => {
    assert.deepEqual(problems({ ...valid, distribution: '', campaignCode: 'SAFE' }), {});
    assert.deepEqual(problems({ ...valid, distribution: '' }), { distribution: MESSAGES.fundRequired });
  });
});

describe('email, phone, iMIS IDs, dates', () => {
  test('email is required and must look like an address', () => {
    assert.equal(problems({ ...valid, emailAddress: undefined }).emailAddress, MESSAGES.emailRequired);
    assert.equal(problems({ ...valid, emailAddress: '  ' }).emailAddress, MESSAGES.emailRequired);
    assert.equal(problems({ ...valid, emailAddress: 'ada.example.org' }).emailAddress, MESSAGES.emailFormat);
    assert.deepEqual(problems({ ...valid, emailAddress: ' ada@example.org ' }), {});
  });
  test('phone takes digits, spaces and + ( ) - only', () => {
    assert.deepEqual(problems({ ...valid, phone: '+1 (555) 555-1234' }), {});
    assert.equal(problems({ ...valid, phone: '555.555.1234' }).phone, MESSAGES.phoneCharacters);
    assert.equal(problems({ ...valid, phone: 'ext 5' }).phone, MESSAGES.phoneCharacters);
  });
  test('iMIS IDs are letters and digits', () => {
    assert.equal(problems({ ...valid, imisId: '12-345' }).imisId, MESSAGES.imisIdCharacters('imisId'));
    assert.equal(problems({ ...valid, softCreditId: '12 345' }).softCreditId, MESSAGES.imisIdCharacters('softCreditId'));
    assert.deepEqual(problems({ ...valid, softCreditId: 'A1234' }), {});
  });
  test('receivedDate is a date-time, with or without a zone', () => {
    for (const receivedDate of ['2018-12-01T08:45:32.847', '2026-11-23T09:30:00Z', '2026-11-23T09:30:00-05:00']) {
      assert.deepEqual(problems({ ...valid, receivedDate }), {}, receivedDate);
    }
    for (const receivedDate of ['2026-11-23', '23/11/2026', '2026-02-30T10:00:00']) {
      assert.equal(problems({ ...valid, receivedDate }).receivedDate, MESSAGES.receivedDate, receivedDate);
    }
  });
});

describe('transactionId', () => {
  test('8 to 16 letters or digits, trimmed', () => {
    for (const transactionId of ['12345678', '1234567890123456', 'GE12345678', ' 900000004 ']) {
      assert.deepEqual(problems({ ...valid, transactionId }), {}, transactionId);
    }
    for (const transactionId of ['1234567', '12345678901234567', '1234-5678', '']) {
      assert.equal(problems({ ...valid, transactionId }).transactionId, MESSAGES.transactionId, transactionId);
    }
    assert.equal(problems({ ...valid, transactionId: undefined }).transactionId, MESSAGES.transactionIdRequired);
  });
});

describe('the whole gift', () => {
  test('every problem is reported at once, cross-field rules included', () => {
    assert.deepEqual(Object.keys(problems({ transactionId: 'x', amount: -1 })).sort(), [
      'amount',
      'distribution',
      'emailAddress',
      'imisId',
      'transactionId',
    ]);
  });
  test('an unknown or misspelt field is named, not silently dropped', () => {
    assert.equal(problems({ ...valid, EmailAddress: 'a@b.org' })[''], MESSAGES.unknownFields(['EmailAddress']));
  });
  test('the upstream request also needs a financial account: a whole number above 0', () => {
    assert.deepEqual(problems({ ...valid, financialAccountId: 6 }, giftImportRequestSchema), {});
    for (const financialAccountId of [0, -1, 6.5, '6', undefined]) {
      assert.equal(problems({ ...valid, financialAccountId }, giftImportRequestSchema).financialAccountId, MESSAGES.financialAccount);
    }
    assert.equal(problems({ ...valid, financialAccountId: 6 })[''], MESSAGES.unknownFields(['financialAccountId']));
  });
  test('text values are trimmed before they are stored', () => {
    const parsed = z.parse(giftSubmissionSchema, { ...valid, firstName: '  Bob ' });
    assert.equal(parsed.firstName, 'Bob');
  });
});
