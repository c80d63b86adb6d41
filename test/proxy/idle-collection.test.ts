/**
 * Memory flat with volume (test/bench/proxy-memory.ts measures it on the compiled proxy):
 * once requests stop, the garbage a burst left is collected, even though nothing allocates
 * any more to make V8 collect it on its own.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getHeapStatistics } from 'node:v8';
import { idleCollection } from '../../src/proxy/idle-collection.ts';

const usedMb = () => getHeapStatistics().used_heap_size / 1024 / 1024;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A burst's worth of short-lived objects, dropped at once (as a request's are when it ends). */
function burst(): number {
  return Array.from({ length: 120_000 }, (_, i) => ({ text: `gift ${i} `.repeat(4) })).length;
}

test('after a quiet spell, the garbage of the last burst is collected; while requests keep coming, nothing is', async () => {
  const collection = idleCollection(200);
  try {
    burst();
    const afterBurst = usedMb();
    collection.touch();
    await pause(100);
    collection.touch(); // a request within the quiet time: still busy
    await pause(150);
    assert.ok(usedMb() > afterBurst - 2, `collected while busy (${afterBurst.toFixed(1)} → ${usedMb().toFixed(1)} MB)`);
    await pause(200);
    assert.ok(
      usedMb() < afterBurst - 5,
      `the burst's garbage is still there after the quiet time (${afterBurst.toFixed(1)} → ${usedMb().toFixed(1)} MB)`,
    );
  } finally {
    collection.stop();
  }
});

test('the heap it leaves is compacted: the few objects a burst keeps do not hold on to every page it filled', async () => {
  const totalMb = () => getHeapStatistics().total_heap_size / 1024 / 1024;
  const collection = idleCollection(50);
  const survivors: Array<{ text: string }> = [];
  // A burst: everything lives until it ends (so V8 moves it to the old generation), one in 20 lives on.
  const burstSize = (() => {
    const all: Array<{ text: string }> = [];
    for (let i = 0; i < 600_000; i++) {
      all.push({ text: `gift ${i} `.repeat(3) });
      if (i % 20 === 0) survivors.push(all[i]!);
    }
    return all.length;
  })();
  const before = totalMb();
  try {
    collection.touch();
    await pause(300);
    assert.ok(
      totalMb() < before - 20,
      `the heap kept ${totalMb().toFixed(1)} of ${before.toFixed(1)} MB for ${survivors.length} of ${burstSize} objects`,
    );
  } finally {
    collection.stop();
  }
});
