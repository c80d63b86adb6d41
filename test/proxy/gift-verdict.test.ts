import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { HELD_MESSAGE, MESSAGES, UPSTREAM_MESSAGE } from '../../src/contract/index.ts';
import { ALREADY_IN_IMIS_MESSAGE, refusedBeforeSending, retryDelay, verdictFor } from '../../src/proxy/gift-verdict.ts';
import type { StoredGift } from '../../src/proxy/outbox.ts';
import { classifyImportResponse, cutMessage, UPSTREAM_MESSAGE_MAX_CHARS } from '../../src/proxy/upstream-client.ts';

const policy = { retryBaseMs: 1000, retryMaxMs: 60_000, stuckAfterAttempts: 6, stuckAfterMs: 1_800_000 };

function gift(attempts: number, uncertain: boolean, failures = 0, failingSince?: number): StoredGift {
  return {
    record: {
      transactionId: '900000004',
      status: 'sending',
      amount: 5,
      donor: 'A B',
      distribution: 'GEN',
      attempts,
      createdAt: '',
      updatedAt: '',
    },
    request: {} as StoredGift['request'],
    uncertain,
    nextAttemptAt: 0,
    failures,
    failingSince,
    owner: { keyLabel: undefined, partyId: undefined },
  };
}

const body = (message: string) => JSON.stringify({ Message: message });

describe('what an upstream answer means for a gift', () => {
  test('202 is accepted; only 401 holds; 500, timeouts and odd statuses are retried', () => {
    assert.deepEqual(classifyImportResponse(202, ''), { kind: 'accepted' });
    assert.deepEqual(classifyImportResponse(401, body(UPSTREAM_MESSAGE.unauthorized)), { kind: 'unauthorized' });
    assert.deepEqual(classifyImportResponse(403, '<html>Forbidden</html>'), {
      kind: 'retry',
      reason: 'the gift service refused this gift (403 Forbidden)',
      failure: 'refused',
    });
    assert.match(JSON.stringify(classifyImportResponse(422, '')), /"failure":"refused"/);
    assert.match(JSON.stringify(classifyImportResponse(503, '')), /"failure":"unavailable"/);
    assert.equal(classifyImportResponse(500, body(UPSTREAM_MESSAGE.internalError)).kind, 'retry');
    assert.match(JSON.stringify(classifyImportResponse(404, '')), /check GIFT_API_BASE_URL/);
    assert.deepEqual(classifyImportResponse(400, body(UPSTREAM_MESSAGE.fundRequired)), {
      kind: 'rejected',
      upstreamMessage: UPSTREAM_MESSAGE.fundRequired,
    });
  });

  test('only 202 means recorded: a 200 (even with an HTML page) or a redirect is never "accepted"', () => {
    for (const status of [200, 201, 204]) {
      const outcome = classifyImportResponse(status, '<html><body>Maintenance</body></html>');
      assert.equal(outcome.kind, 'retry', String(status));
      assert.match(JSON.stringify(outcome), /not certain the gift was recorded/);
    }
    for (const status of [301, 302, 303, 307, 308]) {
      const outcome = classifyImportResponse(status, '');
      assert.equal(outcome.kind, 'retry', String(status));
      assert.match(JSON.stringify(outcome), /redirected the call .*never followed, check GIFT_API_BASE_URL/);
    }
  });

  test('an upstream message is cut to a sane length, on one line', () => {
    const outcome = classifyImportResponse(400, body(`Bad\nthing ${'x'.repeat(10_000)}`));
    assert.equal(outcome.kind, 'rejected');
    const message = outcome.kind === 'rejected' ? outcome.upstreamMessage : '';
    assert.equal(message.length, UPSTREAM_MESSAGE_MAX_CHARS);
    assert.ok(message.startsWith('Bad thing x'));
    assert.equal(cutMessage('short'), 'short');
  });

  test('a duplicate answer always means iMIS has the gift: accepted, never rejected', () => {
    const outcome = { kind: 'rejected', upstreamMessage: UPSTREAM_MESSAGE.duplicate('900000004') } as const;
    assert.equal(verdictFor(gift(2, true), outcome, 0, policy).status, 'accepted');
    // A first attempt from a restored journal: the upstream took it after the backup was made.
    const first = verdictFor(gift(1, false), outcome, 0, policy);
    assert.equal(first.status, 'accepted');
    assert.equal(first.message, ALREADY_IN_IMIS_MESSAGE);
    assert.equal(first.upstreamMessage, UPSTREAM_MESSAGE.duplicate('900000004'), 'the upstream words are kept for support');
  });

  test('a retry keeps the gift queued, marks it uncertain, and backs off exponentially to a cap', () => {
    const verdict = verdictFor(
      gift(3, false),
      { kind: 'retry', reason: 'the gift service answered 500', failure: 'server-error' },
      10_000,
      policy,
    );
    assert.equal(verdict.status, 'queued');
    assert.equal(verdict.uncertain, true);
    assert.equal(verdict.nextAttemptAt, 14_000);
    assert.equal(verdict.failures, 1);
    assert.equal(verdict.failingSince, 10_000);
    assert.match(verdict.message ?? '', /the gift is kept/);
    assert.deepEqual(
      [1, 2, 3, 4, 10].map((n) => retryDelay(n, policy)),
      [1000, 2000, 4000, 8000, 60_000],
    );
  });

  test('a refused token holds the gift with the credentials message', () => {
    const verdict = verdictFor(gift(1, false), { kind: 'unauthorized' }, 0, policy);
    assert.equal(verdict.status, 'held');
    assert.equal(verdict.message, HELD_MESSAGE);
  });
});

describe('a gift that keeps failing is set aside as stuck', () => {
  const answered500 = { kind: 'retry', reason: 'the gift service answered 500 (An error has occurred.)', failure: 'server-error' } as const;
  const unreachable = { kind: 'retry', reason: 'could not reach the gift service (ECONNREFUSED)', failure: 'network' } as const;
  const forbidden = { kind: 'retry', reason: 'the gift service refused this gift (403 Forbidden)', failure: 'refused' } as const;
  const silent = { kind: 'retry', reason: 'no answer from the gift service within 30 s', failure: 'timeout' } as const;

  test('after the attempts bound, with the last upstream answer in its message', () => {
    assert.equal(verdictFor(gift(5, true, 4, 0), answered500, 1000, policy).status, 'queued');
    const stuck = verdictFor(gift(6, true, 5, 0), answered500, 1000, policy);
    assert.equal(stuck.status, 'stuck');
    assert.equal(stuck.uncertain, true, 'one of its attempts may have landed');
    assert.match(
      stuck.message ?? '',
      /^Needs attention: .*after 6 attempts .*answered 500 \(An error has occurred\.\).*put it back in the queue/,
    );
  });

  test('after the age bound, when the failures may be the gift’s', () => {
    assert.equal(verdictFor(gift(3, true, 2, 0), answered500, policy.stuckAfterMs - 1, policy).status, 'queued');
    assert.equal(verdictFor(gift(4, true, 3, 0), answered500, policy.stuckAfterMs, policy).status, 'stuck');
  });

  test('a refusal sets the gift aside at once, a hang after two timeouts; neither speaks of credentials', () => {
    const refused = verdictFor(gift(1, false), forbidden, 0, policy);
    assert.equal(refused.status, 'stuck');
    assert.match(refused.message ?? '', /^Needs attention: the gift service refused this gift \(403 Forbidden\), so it was not recorded/);
    assert.equal(verdictFor(gift(1, false), silent, 0, policy).status, 'queued');
    const hung = verdictFor(gift(2, true, 1, 0), silent, 0, policy);
    assert.equal(hung.status, 'stuck');
    for (const verdict of [refused, hung]) assert.doesNotMatch(verdict.message ?? '', /credential|token/i);
  });

  test('an unreachable service never sets a gift aside, however long it lasts', () => {
    const verdict = verdictFor(gift(400, true, 0, 0), unreachable, policy.stuckAfterMs * 10, policy);
    assert.equal(verdict.status, 'queued');
    assert.equal(verdict.failures, 0, 'an outage does not count against the gift');
  });

  test('while every gift fails alike nothing counts against a gift, and it waits past the queue’s pause', () => {
    const verdict = verdictFor(gift(6, true, 5, 0), answered500, 1000, policy, 4000);
    assert.equal(verdict.status, 'queued');
    assert.equal(verdict.failures, 5);
    assert.equal(verdict.nextAttemptAt, 5001);
    assert.match(verdict.message ?? '', /failing every gift, so the queue waits and resumes by itself/);
  });

  test('a gift that no longer passes the contract is refused on its field before it is sent', () => {
    const refused = refusedBeforeSending({
      transactionId: '9000000004',
      amount: 4.9e-9,
      financialAccountId: 6,
      firstName: 'Ada',
      lastName: 'Lovelace',
      emailAddress: 'ada@example.org',
      distribution: 'GEN',
    } as StoredGift['request']);
    assert.equal(refused?.status, 'rejected');
    assert.equal(refused?.field, 'amount');
    assert.equal(refused?.message, MESSAGES.amountCents);
  });
});
