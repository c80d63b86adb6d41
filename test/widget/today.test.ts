import { fixture, html } from '@open-wc/testing';
import { withFakeProxy } from './fake-proxy.ts';
import '../../src/widget/gift-today.ts';
import type { GiftToday } from '../../src/widget/gift-today.ts';
import type { GiftRecord } from '../../src/contract/proxy-api.ts';
import { GIFT_FIELDS } from '../../src/contract/gift-fields.ts';
import { expect, expectNoAxeViolations, waitUntil } from './widget-helpers.ts';

/** RFC 4180, enough to read back what the view wrote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') ((cell += '"'), i++);
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') (row.push(cell), (cell = ''));
    else if (ch === '\r' && text[i + 1] === '\n') (row.push(cell), rows.push(row), (row = []), (cell = ''), i++);
    else cell += ch;
  }
  return rows;
}

function record(overrides: Partial<GiftRecord> & { gift?: Record<string, string | number> }): GiftRecord {
  const now = new Date().toISOString();
  return {
    transactionId: '1000000000000001',
    status: 'accepted',
    amount: 25,
    donor: 'Ada Lovelace',
    distribution: 'GEN',
    attempts: 1,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
}

const gift = (fields: Record<string, string | number>) =>
  Object.fromEntries(GIFT_FIELDS.map((f) => [f, fields[f] ?? ''])) as Record<string, string | number>;

describe('<gift-today>: reconciling the day', () => {
  const proxy = withFakeProxy();

  beforeEach(() => {
    proxy().journal.push(
      record({
        transactionId: '1000000000000003',
        amount: 10.1,
        donor: 'Grace Hopper',
        distribution: 'ANNUAL',
        status: 'rejected',
        message: 'Choose a fund',
        enteredBy: 'STAFF7',
        gift: gift({
          transactionId: '1000000000000003',
          amount: 10.1,
          firstName: 'Grace',
          lastName: 'Hopper',
          distribution: 'ANNUAL',
          financialAccountId: 6,
        }),
      }),
      record({
        transactionId: '1000000000000002',
        amount: 20.2,
        distribution: 'GEN',
        status: 'queued',
        gift: gift({
          transactionId: '1000000000000002',
          amount: 20.2,
          firstName: 'Ada',
          lastName: 'Lovelace',
          distribution: 'GEN',
          notes: '=HYPERLINK("http://x")',
          financialAccountId: 6,
        }),
      }),
      record({
        transactionId: '1000000000000001',
        amount: 25,
        distribution: 'GEN',
        enteredBy: 'STAFF7',
        gift: gift({
          transactionId: '1000000000000001',
          amount: 25,
          company: 'Acme, "the best"',
          distribution: 'GEN',
          financialAccountId: 6,
        }),
      }),
    );
  });

  async function mount(): Promise<GiftToday> {
    const el = await fixture<GiftToday>(html`<gift-today></gift-today>`);
    await waitUntil(() => el.querySelector('.today-gifts'), 'journal loaded');
    return el;
  }

  it('lists every gift with its status, message and who entered it, and totals by fund and overall', async () => {
    const el = await mount();
    const rows = [...el.querySelectorAll('.today-gifts tbody tr')].map((tr) => tr.textContent!.replace(/\s+/g, ' '));
    expect(rows.length).to.equal(3);
    expect(rows[0]).to.contain('Grace Hopper').and.contain('Needs correcting').and.contain('Choose a fund').and.contain('STAFF7');
    const totals = [...el.querySelectorAll('.today-totals tr')].map((tr) => [...tr.children].map((c) => c.textContent!.trim()).join(' '));
    expect(totals).to.include('ANNUAL 1 $10.10').and.include('GEN 2 $45.20').and.include('All funds 3 $55.30');
    await expectNoAxeViolations(el);
  });

  it('filters by status, and the totals follow the filter', async () => {
    const el = await mount();
    const select = el.querySelector<HTMLSelectElement>('select')!;
    select.value = 'accepted';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(el.querySelectorAll('.today-gifts tbody tr').length).to.equal(1);
    expect(el.querySelector('.today-count')!.textContent).to.equal('1 gift, $25.00');
    expect(el.querySelector('[role="status"], [aria-live]'), 'totals that change with every gift are not spoken again').to.equal(null);
  });

  it('downloads a CSV with the upstream field names, status and timestamps that parses back to the journal', async () => {
    const el = await mount();
    let blob: Blob | undefined;
    const original = URL.createObjectURL;
    URL.createObjectURL = (b: Blob) => ((blob = b), 'blob:test');
    try {
      el.querySelector<HTMLButtonElement>('.PrimaryButton')!.click();
    } finally {
      URL.createObjectURL = original;
    }
    const rows = parseCsv(await blob!.text());
    expect(rows[0]).to.deep.equal([...GIFT_FIELDS, 'status', 'message', 'enteredBy', 'createdAt', 'updatedAt']);
    const byId = new Map(
      rows.slice(1).map((r) => [r[GIFT_FIELDS.indexOf('transactionId')], Object.fromEntries(rows[0]!.map((c, i) => [c, r[i]]))]),
    );
    expect(byId.size).to.equal(3);
    expect(byId.get('1000000000000001')).to.include({
      company: 'Acme, "the best"',
      amount: '25',
      status: 'accepted',
      enteredBy: 'STAFF7',
      financialAccountId: '6',
    });
    expect(byId.get('1000000000000003')).to.include({ firstName: 'Grace', status: 'rejected', message: 'Choose a fund' });
    expect(byId.get('1000000000000002')!.notes, 'a formula is neutralised for spreadsheets').to.equal(`'=HYPERLINK("http://x")`);
  });

  it('refreshes when a gift on the page is recorded', async () => {
    const el = await mount();
    proxy().journal.unshift(
      record({ transactionId: '1000000000000004', donor: 'Alan Turing', gift: gift({ transactionId: '1000000000000004' }) }),
    );
    document.dispatchEvent(
      new CustomEvent('gift-accepted', { detail: { transactionId: '1000000000000004', amount: 25, donor: 'Alan Turing' } }),
    );
    await waitUntil(() => el.querySelectorAll('.today-gifts tbody tr').length === 4, 'refreshed');
  });
});
