/**
 * Seeded, model-based: random sequences of open / add / edit / remove / change the
 * expected figures / post / post anyway / touch a posted batch / restart the proxy,
 * checked after every step against a plain model of what staff did. Set SEED to replay
 * a failure (the seed is printed with it).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { newTransactionId, type BatchExpected, type GiftSubmission } from '../../src/contract/index.ts';
import { assertSentAsRow, batchApi, ok, SETTINGS } from './batch-helpers.ts';
import { sampleGift, startHarness, waitForStatus, type Harness } from './harness.ts';
import { seededRandom } from '../seeded-random.ts';

interface ModelBatch {
  id: string;
  state: 'open' | 'posted';
  rows: GiftSubmission[];
  expected: BatchExpected;
  postedBy?: string;
  reason?: string;
}

const STEPS = 90;
const asJson = (overrides: Partial<GiftSubmission>) => JSON.parse(JSON.stringify(sampleGift(overrides))) as GiftSubmission;
const cents = (rows: readonly GiftSubmission[]) => rows.reduce((sum, gift) => sum + Math.round(gift.amount * 100), 0);

describe('any sequence of batch actions keeps the batch guarantees', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({}, { processingDelayMs: 0 });
  });
  after(() => h.close());

  test('rows are kept exactly, nothing open is sent, posted batches go once and in order', { timeout: 120_000 }, async () => {
    const seed = Number(process.env.SEED ?? Math.floor(Math.random() * 2 ** 31));
    const random = seededRandom(seed);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const chance = (p: number) => random() < p;
    // As JSON carries it: a field left blank is absent, not undefined.
    const randomGift = (transactionId = newTransactionId()): GiftSubmission =>
      asJson({
        transactionId,
        amount: Math.floor(random() * 50_000 + 1) / 100,
        firstName: pick(['Ada', 'Grace', 'Alan']),
        lastName: pick(['Lovelace', 'Hopper', 'Turing']),
        distribution: pick(['GEN', 'BUILD', 'ALPHA']),
        appealCode: chance(0.3) ? '100000' : undefined,
        notes: chance(0.3) ? `check ${Math.floor(random() * 1000)}` : undefined,
        receivedDate: chance(0.2) ? undefined : `2026-12-0${1 + Math.floor(random() * 9)}T10:00:00`,
      });

    const model: ModelBatch[] = [];
    const postedOrder: string[] = [];
    let api = batchApi(h.proxy.url);
    const open = () => model.filter((batch) => batch.state === 'open');
    const posted = () => model.filter((batch) => batch.state === 'posted');
    // Mostly batches with rows: posting empty ones proves little.
    const toPost = () => (chance(0.85) ? open().filter((batch) => batch.rows.length > 0) : open());

    const actions: Array<[weight: number, name: string, run: () => Promise<void>]> = [
      [
        3,
        'open',
        async () => {
          if (open().length >= 3) return;
          const expected: BatchExpected = chance(0.2)
            ? {}
            : { count: Math.floor(random() * 4), totalCents: Math.floor(random() * 3) * 2500 };
          const batch = ok(await api.open({ ...SETTINGS, expected }), 201);
          model.push({ id: batch.id, state: 'open', rows: [], expected });
        },
      ],
      [
        6,
        'add',
        async () => {
          const batch = open().length ? pick(open()) : undefined;
          if (!batch) return;
          const gift = randomGift();
          ok(await api.save(batch.id, gift));
          batch.rows.push(gift);
        },
      ],
      [
        3,
        'edit',
        async () => {
          const batch = open().find((b) => b.rows.length > 0);
          if (!batch) return;
          const i = Math.floor(random() * batch.rows.length);
          const gift = randomGift(batch.rows[i]!.transactionId);
          ok(await api.save(batch.id, gift));
          batch.rows[i] = gift;
        },
      ],
      [
        1,
        'remove',
        async () => {
          const batch = open().find((b) => b.rows.length > 0);
          if (!batch) return;
          const [gift] = batch.rows.splice(Math.floor(random() * batch.rows.length), 1);
          ok(await api.remove(batch.id, gift!.transactionId));
        },
      ],
      [
        2,
        'reuse an ID of another batch',
        async () => {
          const [a, b] = [pick(model), pick(open())];
          if (!a || !b || a === b || a.rows.length === 0) return;
          const answer = await api.save(b.id, randomGift(pick(a.rows).transactionId));
          assert.equal(answer.status, 409);
        },
      ],
      [
        2,
        'change the expected figures',
        async () => {
          const batch = open().length ? pick(open()) : undefined;
          if (!batch) return;
          const expected: BatchExpected = chance(0.6)
            ? { count: batch.rows.length, totalCents: cents(batch.rows) }
            : chance(0.5)
              ? { count: batch.rows.length }
              : { totalCents: cents(batch.rows) + 100 };
          ok(await api.patch(batch.id, { expected, by: 'STAFF4' }));
          batch.expected = expected;
        },
      ],
      [
        3,
        'post',
        async () => {
          const batch = toPost().length ? pick(toPost()) : undefined;
          if (!batch) return;
          const { count, totalCents } = batch.expected;
          const matches =
            (count !== undefined || totalCents !== undefined) &&
            (count === undefined || count === batch.rows.length) &&
            (totalCents === undefined || totalCents === cents(batch.rows));
          const answer = await api.post(batch.id, { by: 'STAFF5' });
          if (!matches) {
            assert.equal(answer.status, 409);
            assert.match(answer.error!.message, /post anyway with a reason\.$/);
            return;
          }
          assert.equal(ok(answer).state, 'posted');
          Object.assign(batch, { state: 'posted', postedBy: 'STAFF5' });
          postedOrder.push(...batch.rows.map((gift) => gift.transactionId));
        },
      ],
      [
        1,
        'post anyway',
        async () => {
          const batch = toPost().length ? pick(toPost()) : undefined;
          if (!batch) return;
          ok(await api.post(batch.id, { by: 'STAFF6', reason: 'the stack was miscounted' }));
          Object.assign(batch, { state: 'posted', postedBy: 'STAFF6' });
          postedOrder.push(...batch.rows.map((gift) => gift.transactionId));
        },
      ],
      [
        2,
        'touch a posted batch',
        async () => {
          const batch = posted().length ? pick(posted()) : undefined;
          if (!batch) return;
          if (chance(0.5)) {
            ok(await api.post(batch.id, { by: 'STAFF7', reason: 'again' }));
          } else {
            const answer = chance(0.5) ? await api.save(batch.id, randomGift()) : await api.patch(batch.id, { expected: {} });
            assert.equal(answer.status, 409);
            assert.match(answer.error!.message, /it can no longer be changed\.$/);
          }
        },
      ],
      [
        0.5,
        'restart',
        async () => {
          await h.restart();
          api = batchApi(h.proxy.url);
        },
      ],
    ];
    const totalWeight = actions.reduce((sum, [weight]) => sum + weight, 0);
    const choose = () => {
      let roll = random() * totalWeight;
      for (const action of actions) if ((roll -= action[0]) < 0) return action;
      return actions[0]!;
    };

    const check = async () => {
      for (const batch of model) {
        const stored = ok(await api.get(batch.id));
        assert.equal(stored.state, batch.state, `batch ${batch.id} state`);
        assert.deepEqual(stored.expected, batch.expected);
        assert.equal(stored.postedBy, batch.postedBy);
        assert.deepEqual(
          stored.gifts.map((row) => row.gift),
          batch.rows,
          `batch ${batch.id} rows, in the order added`,
        );
      }
      const listed = ok(await api.list('open')).batches.map((batch) => batch.id);
      assert.deepEqual(
        listed,
        open()
          .map((batch) => batch.id)
          .reverse(),
        'open batches, newest first',
      );
      const sent = h.simulator.control.received().map((call) => (JSON.parse(call.rawBody) as { transactionId: string }).transactionId);
      assert.deepEqual(sent, postedOrder.slice(0, sent.length), 'only posted rows are sent, each once, in order');
    };

    let step = 0;
    let name = 'start';
    try {
      for (; step < STEPS; step++) {
        const [, actionName, run] = choose();
        name = actionName;
        await run();
        await check();
      }
      name = 'drain';
      for (const id of postedOrder) await waitForStatus(h.proxy.url, id, 'accepted');
      await check();
      const sent = h.simulator.control.received().map((call) => JSON.parse(call.rawBody) as Record<string, unknown>);
      assert.equal(sent.length, postedOrder.length);
      const rows = new Map(
        (await Promise.all(posted().map(async (b) => ok(await api.get(b.id)).gifts))).flat().map((row) => [row.transactionId, row]),
      );
      for (const body of sent) assertSentAsRow(body, rows.get(String(body.transactionId))!);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`SEED=${seed} step ${step} (${name}): ${message}`, { cause: error });
    }
  });
});
