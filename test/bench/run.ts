/** `npm run bench`: every benchmark in turn, printing its figures. */
import * as bundle from './widget-bundle.ts';
import * as drain from './queue-drain.ts';
import * as keyboard from './keyboard-batch.ts';
import * as memory from './proxy-memory.ts';
import * as overhead from './proxy-overhead.ts';
import * as startup from './widget-startup.ts';

for (const [name, bench] of [
  ['proxy overhead', overhead],
  ['queue drain', drain],
  ['proxy memory', memory],
  ['widget bundle', bundle],
  ['widget startup', startup],
  ['keyboard-only batch', keyboard],
] as const) {
  console.log(`\n== ${name}`);
  await bench.run();
}
