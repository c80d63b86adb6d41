import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  GIFT_FIELDS,
  MESSAGES,
  TRANSACTION_ID_PATTERN,
  UPSTREAM_MESSAGE,
  donorDisplayName,
  explainUpstreamRejection,
  formatUsd,
  friendlyName,
  localDateTime,
  newTransactionId,
  toImportRequest,
} from '../../src/contract/index.ts';

describe('newTransactionId', () => {
  test('16 characters of digits that never start with 0, and the prefix kept', () => {
    for (let i = 0; i < 2000; i++) {
      const id = newTransactionId();
      assert.match(id, /^[1-9]\d{15}$/);
      assert.match(id, TRANSACTION_ID_PATTERN);
    }
    const prefixed = newTransactionId('GE');
    assert.match(prefixed, /^GE\d{14}$/);
  });
  test('10,000 ids are all different', () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => newTransactionId('7')));
    assert.equal(ids.size, 10_000);
  });
  test('a prefix over 6 characters or with symbols is refused', () => {
    assert.throws(() => newTransactionId('TOOLONG'), RangeError);
    assert.throws(() => newTransactionId('A-1'), RangeError);
  });
});

describe('explainUpstreamRejection', () => {
  const cases: Array<[string, string | undefined, RegExp | string]> = [
    [UPSTREAM_MESSAGE.duplicate('900000004'), 'transactionId', /already recorded/],
    [UPSTREAM_MESSAGE.transactionIdMissing, 'transactionId', /transaction ID/],
    [UPSTREAM_MESSAGE.amountNotPositive, 'amount', MESSAGES.amountPositive],
    [UPSTREAM_MESSAGE.notConvertible('decimal', 'X', 'amount', 4, 14), 'amount', /amount/],
    [UPSTREAM_MESSAGE.notConvertible('DateTime', 'X', 'receivedDate', 22, 23), 'receivedDate', /received date/],
    [UPSTREAM_MESSAGE.fundRequired, 'distribution', /fund/],
    [UPSTREAM_MESSAGE.financialAccountMissing, 'financialAccountId', /administrator/],
    [UPSTREAM_MESSAGE.contactRequired, 'imisId', MESSAGES.contactRequired],
    ['Something new went wrong.', undefined, 'The gift service rejected this gift: Something new went wrong.'],
  ];
  for (const [upstream, field, staff] of cases) {
    test(`"${upstream.slice(0, 50)}…" → ${field ?? 'no field'}`, () => {
      const explained = explainUpstreamRejection(upstream);
      assert.equal(explained.field, field);
      if (typeof staff === 'string') assert.equal(explained.message, staff);
      else assert.match(explained.message, staff);
    });
  }
});

describe('toImportRequest', () => {
  test('emits all 23 fields in the reference order, blanks as "", the account and the date', () => {
    const request = toImportRequest(
      { transactionId: '900000004', amount: 5, company: 'Acme', emailAddress: 'a@b.org', distribution: 'GEN' },
      6,
      new Date(2026, 10, 23, 9, 5, 7, 8),
    );
    assert.deepEqual(Object.keys(request), [...GIFT_FIELDS]);
    assert.equal(request.financialAccountId, 6);
    assert.equal(request.receivedDate, '2026-11-23T09:05:07.008');
    assert.equal(request.firstName, '');
    assert.equal(request.company, 'Acme');
  });
  test('keeps a received date staff gave', () => {
    const request = toImportRequest(
      {
        transactionId: '900000004',
        amount: 5,
        company: 'Acme',
        emailAddress: 'a@b.org',
        distribution: 'GEN',
        receivedDate: '2026-11-01T00:00:00',
      },
      6,
      new Date(),
    );
    assert.equal(request.receivedDate, '2026-11-01T00:00:00');
    assert.equal(localDateTime(new Date(2026, 0, 2, 3, 4, 5, 6)), '2026-01-02T03:04:05.006');
  });
});

describe('names and money for people', () => {
  test('donor display name prefers the person, then the company, then the iMIS ID', () => {
    assert.equal(donorDisplayName({ firstName: 'Ada', lastName: 'Lovelace', company: 'X' }), 'Ada Lovelace');
    assert.equal(donorDisplayName({ company: 'Acme' }), 'Acme');
    assert.equal(donorDisplayName({ imisId: '12345' }), 'iMIS ID 12345');
  });
  test('USD formatting and friendly lookup names', () => {
    assert.equal(formatUsd(1234.5), '$1,234.50');
    assert.equal(friendlyName({ Code: 'SAFE', Description: 'SAFE - A Safe Place' }), 'A Safe Place');
    assert.equal(friendlyName({ Code: '100004', Description: '100001 - Beta' }), '100001 - Beta');
  });
});
