import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { NO_DEFAULTS, differences, reconcile, totalsByFund, type BatchRowFacts } from '../../src/contract/batch-model.ts';
import { DATE_TEXT_MESSAGE, formatDateText, parseDateText } from '../../src/contract/date-text.ts';

const row = (amount: number, extra: Partial<BatchRowFacts> = {}): BatchRowFacts => ({ amount, distribution: 'GEN', ...extra });

describe('the batch model: what differs, what matches, totals by fund', () => {
  test('a gift differs from its batch on exactly the fields that are not the batch’s (dates by day)', () => {
    const defaults = { ...NO_DEFAULTS, distribution: 'GEN', receivedDate: '2026-12-02' };
    assert.deepEqual(differences({ distribution: 'GEN', receivedDate: '2026-12-02T10:11:12' }, defaults), []);
    assert.deepEqual(differences({ distribution: 'GEN', campaignCode: 'ACTS', receivedDate: '2026-12-02' }, defaults), ['campaignCode']);
    assert.deepEqual(differences({ distribution: '', appealCode: 'X', receivedDate: '2026-12-01' }, defaults), [
      'distribution',
      'appealCode',
      'receivedDate',
    ]);
    assert.deepEqual(
      differences({ distribution: 'GEN', receivedDate: '2026-12-01' }, { ...defaults, receivedDate: '' }),
      [],
      'no batch date: any',
    );
  });

  test('matches only when count and total agree and every gift is recorded or on its way', () => {
    const expected = { count: 2, totalCents: 3000 };
    assert.deepEqual(reconcile([], { count: undefined, totalCents: undefined }), { kind: 'none' });
    assert.deepEqual(reconcile([row(10), row(20)], expected), { kind: 'match' }, 'kept in an open batch');
    assert.deepEqual(reconcile([row(10, { status: 'accepted' }), row(20, { status: 'queued' })], expected), { kind: 'match' });
    assert.deepEqual(reconcile([row(10), row(19.99)], expected), { kind: 'differs', count: 0, totalCents: 1 });
    assert.deepEqual(reconcile([row(10)], expected), { kind: 'differs', count: 1, totalCents: 2000 });
    assert.deepEqual(reconcile([row(10), row(20), row(5)], expected), { kind: 'differs', count: -1, totalCents: -500 });
    assert.deepEqual(reconcile([row(10, { status: 'accepted' }), row(20, { status: 'rejected' })], expected), {
      kind: 'unresolved',
      refused: 1,
    });
    assert.deepEqual(reconcile([row(10, { status: 'accepted' }), row(20, { status: 'stuck' })], expected), {
      kind: 'unresolved',
      refused: 0,
    });
    assert.deepEqual(reconcile([row(10, { status: 'held' }), row(20)], expected), { kind: 'unresolved', refused: 0 });
    assert.deepEqual(reconcile([row(0.1), row(0.2)], { count: 2, totalCents: 30 }), { kind: 'match' }, 'cents, not floats');
    assert.deepEqual(
      reconcile([row(10), row(20)], { count: 2, totalCents: undefined }),
      { kind: 'match' },
      'an unknown total is not checked',
    );
  });

  test('totals by fund count recorded and waiting gifts, not refused ones, a mapped campaign standing for its fund', () => {
    assert.deepEqual(
      totalsByFund([
        row(10),
        row(5, { distribution: 'ANNUAL' }),
        row(2.5),
        row(7, { status: 'rejected' }),
        row(1, { distribution: '', campaignCode: 'GALA' }),
      ]),
      [
        { fund: 'GEN', count: 2, totalCents: 1250 },
        { fund: 'ANNUAL', count: 1, totalCents: 500 },
        { fund: 'GALA', count: 1, totalCents: 100 },
      ],
    );
  });
});

describe('received dates as staff type them', () => {
  test('month/day/year and ISO dates read; impossible or ambiguous dates do not', () => {
    assert.equal(parseDateText('12/2/2026'), '2026-12-02');
    assert.equal(parseDateText(' 02/29/2028 '), '2028-02-29');
    assert.equal(parseDateText('2026-12-02'), '2026-12-02');
    for (const bad of ['2/30/2026', '13/01/2026', '12/02/26', '2026-12-2', '12.02.2026', '', 'today'])
      assert.equal(parseDateText(bad), undefined, bad);
    assert.equal(formatDateText('2026-12-02'), '12/02/2026');
    assert.equal(formatDateText('2026-12-02T09:30:00'), '12/02/2026');
    assert.match(DATE_TEXT_MESSAGE, /12\/02\/2026/);
  });
});
