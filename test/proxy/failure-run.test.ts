import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FailureRun } from '../../src/proxy/failure-run.ts';

describe('telling one bad gift from an outage', () => {
  test('failures alike on two different gifts in a row are an outage; one gift failing again is not', () => {
    const run = new FailureRun();
    assert.equal(run.failed('A', 'server-error').outage, false);
    assert.equal(run.failed('A', 'server-error').outage, false, 'the same gift again: still only its own');
    const state = run.failed('B', 'network');
    assert.equal(state.outage, true, 'a 500 and a reset on different gifts: the service is down');
    assert.equal(state.attempts, 3);
  });

  test('failures of different kinds are not alike: a refused gift then a hanging one is two bad gifts', () => {
    const run = new FailureRun();
    run.failed('A', 'refused');
    assert.equal(run.failed('B', 'timeout').outage, false);
    assert.equal(run.failed('C', 'timeout').outage, true, 'two gifts hanging in a row: the service hangs');
  });

  test('a verdict ends the run', () => {
    const run = new FailureRun();
    run.failed('A', 'unavailable');
    run.clear();
    assert.equal(run.failed('B', 'unavailable').outage, false);
  });

  test('a gift set aside on failures all within the run is put back once the outage is clear, once', () => {
    const run = new FailureRun();
    run.failed('A', 'server-error');
    run.failed('A', 'server-error');
    run.setAside('A', 2);
    assert.deepEqual(run.failed('B', 'server-error').putBack, ['A']);
    assert.deepEqual(run.failed('C', 'server-error').putBack, [], 'already put back');
  });

  test('a gift that also failed while others got answers is its own cause: no evidence of an outage', () => {
    const run = new FailureRun();
    // A failed once before (another gift then went through), and once now: 2 in all, 1 in this run.
    run.failed('A', 'server-error');
    run.setAside('A', 2);
    const state = run.failed('B', 'server-error');
    assert.equal(state.outage, false, 'B failing after a poisoned A is not an outage');
    assert.deepEqual(state.putBack, []);
  });
});
