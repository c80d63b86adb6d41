import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { HELD_MESSAGE, UPSTREAM_MESSAGE } from '../../src/contract/index.ts';
import { retryDelay, verdictFor } from '../../src/proxy/gift-verdict.ts';
import type { StoredGift } from '../../src/proxy/outbox.ts';
import { classifyImportResponse } from '../../src/proxy/upstream-client.ts';

const policy = { retryBaseMs: 1000, retryMaxMs: 60_000 };

function gift(attempts: number, uncertain: boolean): StoredGift {
  return {
    record: { transactionId: '900000004', status: 'sending', amount: 5, donor: 'A B', distribution: 'GEN', attempts, createdAt: '', updatedAt: '' },
    request: {} as StoredGift['request'],
    uncertain,
    nextAttemptAt: 0,
  };
}

const body = (message: string) => JSON.stringify({ Message: message });

describe('what an upstream answer means for a gift', () => {
  test('202 is accepted; 401 holds; 500, timeouts and odd statuses are retried', () => {
    assert.deepEqual(classifyImportResponse(202, ''), { kind: 'accepted' });
    assert.deepEqual(classifyImportResponse(401, body(UPSTREAM_MESSAGE.unauthorized)), { kind: 'unauthorized' });
    assert.equal(classifyImportResponse(500, body(UPSTREAM_MESSAGE.internalError)).kind, 'retry');
    assert.match(JSON.stringify(classifyImportResponse(404, '')), /check GIFT_API_BASE_URL/);
    assert.deepEqual(classifyImportResponse(400, body(UPSTREAM_MESSAGE.fundRequired)), { kind: 'rejected', upstreamMessage: UPSTREAM_MESSAGE.fundRequired });
  });

  test('a duplicate after our own unanswered attempt means the gift is recorded', () => {
    const outcome = { kind: 'rejected', upstreamMessage: UPSTREAM_MESSAGE.duplicate('900000004') } as const;
    assert.equal(verdictFor(gift(2, true), outcome, 0, policy).status, 'accepted');
    const first = verdictFor(gift(1, false), outcome, 0, policy);
    assert.equal(first.status, 'rejected', 'a duplicate on a first attempt is someone else’s gift with our ID');
    assert.equal(first.field, 'transactionId');
    assert.match(first.message ?? '', /already recorded/);
  });

  test('a retry keeps the gift queued, marks it uncertain, and backs off exponentially to a cap', () => {
    const verdict = verdictFor(gift(3, false), { kind: 'retry', reason: 'no answer' }, 10_000, policy);
    assert.equal(verdict.status, 'queued');
    assert.equal(verdict.uncertain, true);
    assert.equal(verdict.nextAttemptAt, 14_000);
    assert.match(verdict.message ?? '', /the gift is kept/);
    assert.deepEqual([1, 2, 3, 4, 10].map((n) => retryDelay(n, policy)), [1000, 2000, 4000, 8000, 60_000]);
  });

  test('a refused token holds the gift with the credentials message', () => {
    assert.deepEqual(verdictFor(gift(1, false), { kind: 'unauthorized' }, 0, policy), { status: 'held', message: HELD_MESSAGE });
  });
});
