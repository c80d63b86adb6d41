import { withFakeProxy } from './fake-proxy.ts';
import { ProxyClient } from '../../src/widget/proxy-client.ts';
import type { BatchSettings } from '../../src/contract/batch-api.ts';
import type { GiftSubmission } from '../../src/contract/gift-schema.ts';
import { expect } from './widget-helpers.ts';

const SETTINGS: BatchSettings = {
  name: 'Tuesday checks',
  defaults: { distribution: 'GEN', campaignCode: '', appealCode: '', receivedDate: '2026-12-02' },
  expected: { count: 2, totalCents: 7500 },
  by: 'STAFF1',
};

const gift = (transactionId: string, amount: number): GiftSubmission => ({
  transactionId,
  amount,
  firstName: 'Ada',
  lastName: 'Lovelace',
  emailAddress: 'ada@example.org',
  distribution: 'GEN',
});

describe('the widget’s proxy client keeps a batch at the proxy and watches its verdicts', () => {
  const proxy = withFakeProxy();
  const client = () => new ProxyClient('', 'key');

  it('opens a batch, keeps rows, refuses to post a mismatch in words, then posts and hears each verdict', async () => {
    const opened = await client().openBatch(SETTINGS);
    if (!opened.ok) throw new Error(opened.error.message);
    const id = opened.value.id;
    await client().saveBatchGift(id, gift('1000000000000001', 50), { enteredBy: 'STAFF1' });
    const saved = await client().saveBatchGift(id, gift('1000000000000002', 20), {});
    expect(saved.ok && saved.value.gifts.map((row) => row.transactionId)).to.deep.equal(['1000000000000001', '1000000000000002']);

    const refused = await client().postBatch(id, { by: 'STAFF1' });
    expect(refused.ok).to.equal(false);
    expect(!refused.ok && refused.error.message).to.equal(
      '$5.00 still to enter; enter them, correct the expected figures, or post anyway with a reason.',
    );
    const corrected = await client().updateBatch(id, { expected: { count: 2, totalCents: 7000 }, by: 'STAFF1' });
    expect(corrected.ok).to.equal(true);
    const listed = await client().listBatches('open');
    expect(listed.ok && listed.value.batches.map((batch) => [batch.id, batch.count, batch.totalCents])).to.deep.equal([[id, 2, 7000]]);

    const posted = await client().postBatch(id, { by: 'STAFF1' });
    expect(posted.ok && posted.value.state).to.equal('posted');
    const known = { '1000000000000001': 'queued', '1000000000000002': 'queued' } as const;
    const watching = client().watch(known, 5_000);
    proxy().settle('1000000000000002', { status: 'rejected', message: 'Choose a fund', field: 'distribution' });
    const heard = await watching;
    expect(heard.ok && heard.value.gifts.map((record) => [record.transactionId, record.status])).to.deep.equal([
      ['1000000000000002', 'rejected'],
    ]);
    expect(proxy().watches).to.deep.equal([known]);
    const reread = await client().getBatch(id);
    expect(reread.ok && reread.value.gifts.map((row) => row.record?.status)).to.deep.equal(['queued', 'rejected']);
    const late = await client().removeBatchGift(id, '1000000000000001');
    expect(!late.ok && late.error.message).to.match(/it can no longer be changed\.$/);
  });

  it('a watch stopped by its caller is not reported as a network failure', async () => {
    const opened = await client().openBatch({ ...SETTINGS, expected: { count: 1 } });
    if (!opened.ok) throw new Error(opened.error.message);
    await client().saveBatchGift(opened.value.id, gift('1000000000000003', 5), {});
    await client().postBatch(opened.value.id, {});
    const stop = new AbortController();
    const watching = client().watch({ '1000000000000003': 'queued' }, 5_000, stop.signal);
    stop.abort();
    const stopped = await watching;
    expect(stopped.ok).to.equal(false);
    expect(!stopped.ok && stopped.network).to.equal(false);
    const quiet = await client().watch({ '1000000000000003': 'queued' }, 50);
    expect(quiet.ok && quiet.value.gifts).to.deep.equal([]);
  });
});
