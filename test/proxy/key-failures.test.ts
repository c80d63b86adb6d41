import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_GUESS_POLICY, KeyFailures } from '../../src/proxy/key-failures.ts';

/** A small seeded generator, so a failing sequence can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('the wrong-guess schedule', () => {
  for (const seed of [1, 7, 42, 2026, 99991]) {
    test(`seed ${seed}: bursts from few or many addresses are answered at most 20 a second overall, and ever more slowly per address`, () => {
      const next = random(seed);
      const failures = new KeyFailures('test_refused');
      const answers: Array<{ address: string; at: number; count: number }> = [];
      let now = 1_000_000;
      for (let i = 0; i < 2_000; i++) {
        // Mostly bursts (many guesses in the same millisecond), sometimes a pause.
        if (next() < 0.05) now += Math.floor(next() * 3_000);
        const address = next() < 0.5 ? '203.0.113.9' : `10.0.${Math.floor(next() * 4)}.${Math.floor(next() * 250)}`;
        const { delayMs, count } = failures.fail(address, 'unknown', now);
        answers.push({ address, at: now + delayMs, count });
      }
      const times = answers.map((a) => a.at).sort((a, b) => a - b);
      const start = 1_000_000;
      for (const [i, at] of times.entries()) {
        assert.ok(
          i + 1 <= ((at - start) * DEFAULT_GUESS_POLICY.overallPerSecond) / 1000 + 1,
          `answer ${i + 1} at +${at - start} ms is too early`,
        );
      }
      const attacker = answers.filter((a) => a.address === '203.0.113.9').sort((a, b) => a.count - b.count);
      assert.deepEqual(
        attacker.map((a) => a.count),
        attacker.map((_, i) => i + 1),
        'the count only grows: nothing resets it',
      );
      for (let i = DEFAULT_GUESS_POLICY.freeFailures; i < attacker.length; i++) {
        assert.ok(attacker[i]!.at - attacker[i - 1]!.at >= DEFAULT_GUESS_POLICY.firstDelayMs, `guess ${i + 1} follows too closely`);
      }
    });
  }

  test('an address is refused before any comparison once it has too many guesses waiting, and freed as they are answered', async () => {
    const failures = new KeyFailures('test_refused', () => {}, { ...DEFAULT_GUESS_POLICY, maxWaitingPerAddress: 2 });
    const first = failures.fail('198.51.100.1', 'unknown');
    failures.fail('198.51.100.1', 'unknown');
    assert.equal(failures.busy('198.51.100.1'), true);
    assert.equal(failures.busy('198.51.100.2'), false, 'other addresses are not affected');
    await failures.wait('198.51.100.1', first.delayMs);
    assert.equal(failures.busy('198.51.100.1'), false);
  });
});
