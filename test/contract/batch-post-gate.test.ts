import assert from 'node:assert/strict';
import { test } from 'node:test';
import { postRefusal, reconcile, type BatchExpected } from '../../src/contract/index.ts';

const rows = (...amounts: number[]) => amounts.map((amount) => ({ amount }));
const refusal = (expected: BatchExpected, ...amounts: number[]) => postRefusal(reconcile(rows(...amounts), expected));

test('a batch that matches the stack (on the figures set) may be posted without a reason', () => {
  assert.equal(refusal({ count: 2, totalCents: 7500 }, 50, 25), undefined);
  assert.equal(refusal({ count: 2 }, 50, 0.01), undefined, 'a total not set is not checked');
  assert.equal(refusal({ totalCents: 1 }, 0.01), undefined, 'a count not set is not checked');
});

test('a batch that differs says what is missing or extra, and what to do', () => {
  assert.equal(
    refusal({ count: 3, totalCents: 22500 }, 75),
    '2 gifts and $150.00 still to enter; enter them, correct the expected figures, or post anyway with a reason.',
  );
  assert.equal(
    refusal({ count: 1, totalCents: 2500 }, 25, 10),
    '1 gift and $10.00 more than expected; remove the extra gifts, correct the expected figures, or post anyway with a reason.',
  );
  assert.equal(
    refusal({ count: 1, totalCents: 10000 }, 25, 25),
    '$50.00 still to enter, and 1 gift more than expected; check the rows, correct the expected figures, or post anyway with a reason.',
  );
  assert.equal(refusal({ count: 2 }, 0.1), '1 gift still to enter; enter it, correct the expected figures, or post anyway with a reason.');
});

test('a batch with neither figure set cannot be checked: a reason is required', () => {
  assert.equal(refusal({}, 25), 'This batch has no expected count or total to check it against; set them, or post anyway with a reason.');
});
