/**
 * Model-based: seeded random sequences of what staff do — type, clear, choose and reset
 * each picker (by mouse and by keyboard), pick a fund with defaults, pick and undo the
 * donor and the soft credit, record, correct and resend, reload — each ending in a
 * submit, after which what the form displayed at that moment is compared with the exact
 * JSON the proxy received; after every single action, each shown control must hold the
 * draft's value and nothing hidden may hold one. The seed and the steps are printed on
 * failure; to replay, set FIRST_SEED to the printed seed.
 */
import { fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { parseDateText } from '../../src/contract/date-text.ts';
import { parseAmount } from '../../src/contract/amount-text.ts';
import type { GiftSubmission } from '../../src/contract/gift-schema.ts';
import type { GiftEntry } from '../../src/widget/gift-entry.ts';
import { withFakeProxy, type FakeProxy } from './fake-proxy.ts';
import { imisDouble, imisPageFields } from './imis-double.ts';
import { expect, fill, pickersReady, waitUntil } from './widget-helpers.ts';
import { seededRandom, pick, type Rng } from '../seeded-random.ts';

const RUNS = 50;
const FIRST_SEED = Date.now() % 100_000;

const TEXT_VALUES: Record<string, readonly string[]> = {
  amount: ['25', '1,234.50', '$40', '0.75', '12,50', '', '9999.99'],
  firstName: ['Ada', 'Grace', '', ' Alan '],
  lastName: ['Lovelace', 'Hopper', ''],
  company: ['', 'Acme Foundation'],
  emailAddress: ['ada@example.org', 'grace@example.org', '', 'not-an-email'],
  phone: ['', '(555) 555-1234'],
  city: ['', 'London'],
  notes: ['', 'Check #1001', 'In memory of\na friend'],
  imisId: ['', '101', '12345'],
  softCreditId: ['', '103'],
  middleName: ['', 'A.'],
};

async function settle(el: GiftEntry): Promise<void> {
  await el.updateComplete;
  await new Promise((resolve) => requestAnimationFrame(resolve));
  await el.updateComplete;
}

function visibleControl(el: GiftEntry, field: string): HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | null {
  const found = el.querySelector<HTMLInputElement>(`form [name="${field}"]`);
  return found && found.getClientRects().length > 0 ? found : null;
}

async function typeInto(el: GiftEntry, field: string, value: string): Promise<void> {
  if (!visibleControl(el, field)) return;
  await fill(el, field, value);
  await settle(el);
}

async function chooseByMouse(el: GiftEntry, field: string, rng: Rng): Promise<void> {
  const select = visibleControl(el, field) as HTMLSelectElement | null;
  if (!select) return;
  select.value = pick(
    rng,
    [...select.options].map((o) => o.value),
  );
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await settle(el);
}

async function chooseByKeyboard(el: GiftEntry, field: string, rng: Rng): Promise<void> {
  const select = visibleControl(el, field);
  if (!select) return;
  select.focus();
  const presses = 1 + Math.floor(rng() * 3);
  for (let i = 0; i < presses; i++) await sendKeys({ press: rng() < 0.6 ? 'ArrowDown' : 'ArrowUp' });
  await settle(el);
}

async function chooseContact(el: GiftEntry, field: 'imisId' | 'softCreditId', rng: Rng): Promise<void> {
  const card = el.querySelector<HTMLButtonElement>(`#${el.querySelector('form [id$="-amount"]')!.id.replace(/-amount$/, '')}-${field}`);
  if (card?.tagName === 'BUTTON') {
    card.click(); // "Change donor": undo the choice
    await settle(el);
    return;
  }
  const input = el.querySelector<HTMLInputElement>(`gift-contact-picker[data-field="${field}"] input`);
  if (!input) return;
  input.focus();
  await sendKeys({ type: pick(rng, ['Lovelace', 'Hopper', 'Turing']) });
  await waitUntil(() => el.querySelector(`gift-contact-picker[data-field="${field}"] [role="option"]`), 'search results');
  if (rng() < 0.5) await sendKeys({ press: 'ArrowDown' });
  await sendKeys({ press: 'Enter' });
  await waitUntil(() => el.querySelector(`[id$="-${field}-card"]`), 'contact chosen');
  await settle(el);
}

async function mount(): Promise<GiftEntry> {
  const el = await fixture<GiftEntry>(html`<gift-entry mode="immediate" confirm-above="100000"></gift-entry>`);
  await waitUntil(() => el.querySelector('select[name="distribution"]:not([disabled])'), 'lookups');
  await pickersReady(el);
  await settle(el);
  return el;
}

/** What a person sees at this moment: each visible control's value, and each chosen contact's card. */
function displayed(el: GiftEntry): Record<string, string> {
  const shown: Record<string, string> = {};
  for (const control of el.querySelectorAll<HTMLInputElement | HTMLSelectElement>('form [name]')) {
    if (control.getClientRects().length === 0) continue;
    if (control instanceof HTMLSelectElement) {
      // What the closed select shows is its selected option; it must agree with its value.
      expect(control.selectedOptions[0]?.value ?? '', `${control.name}: shown option vs value`).to.equal(control.value);
    }
    shown[control.name] = control.value;
  }
  for (const card of el.querySelectorAll('.contact-card [data-field]')) {
    const field = card.getAttribute('data-field')!;
    if (field !== 'name') shown[field] = card.textContent!.trim();
  }
  return shown;
}

function compare(shown: Record<string, string>, sent: GiftSubmission): void {
  const sentFields = Object.keys(sent).filter((field) => field !== 'transactionId');
  for (const field of sentFields) expect(shown, `${field} was sent but not shown`).to.have.property(field);
  for (const [field, value] of Object.entries(shown)) {
    const actual = (sent as Record<string, unknown>)[field];
    if (field === 'amount') expect(actual, 'amount').to.equal(parseAmount(value));
    else if (field === 'receivedDate')
      expect(typeof actual === 'string' ? actual.slice(0, 10) : '', 'received date').to.equal(parseDateText(value) ?? value);
    else expect(actual ?? '', field).to.equal(value.trim());
  }
}

/** The invariant after every action: each shown control holds the draft's value; nothing hidden holds one. */
function agreesWithDraft(el: GiftEntry): void {
  const draft = (el as unknown as { form: { draft: Record<string, string> } }).form.draft;
  const shown = displayed(el);
  for (const [field, value] of Object.entries(draft)) {
    if (field in shown) expect(shown[field], `${field} shown vs draft`).to.equal(value);
    else expect(value.trim(), `${field} is hidden but holds a value`).to.equal('');
  }
}

/** Fills what is still missing, through the UI, so most sequences end in a gift that is sent. */
async function complete(el: GiftEntry, rng: Rng): Promise<void> {
  if (!Number.isFinite(parseAmount(visibleControl(el, 'amount')?.value ?? ''))) await typeInto(el, 'amount', pick(rng, ['10', '25.50']));
  const fund = visibleControl(el, 'distribution') as HTMLSelectElement | null;
  if (fund && !fund.value) await typeInto(el, 'distribution', 'GEN');
  if (!el.querySelector('[id$="-imisId-card"]')) {
    if (!visibleControl(el, 'imisId')?.value && !visibleControl(el, 'company')?.value) {
      await typeInto(el, 'firstName', 'Ada');
      await typeInto(el, 'lastName', 'Lovelace');
    }
  }
  const email = visibleControl(el, 'emailAddress');
  if (email && !/@.+\./.test(email.value)) await typeInto(el, 'emailAddress', 'ada@example.org');
}

async function submitAndCompare(el: GiftEntry, proxy: FakeProxy): Promise<void> {
  const before = proxy.posts.length;
  const shown = displayed(el);
  el.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  await settle(el);
  for (let i = 0; i < 3; i++) {
    const sending = () => (el as unknown as { flow: { sending: boolean } }).flow.sending;
    const asked = '.error-summary, .notice [data-action="record-anyway"], .notice [data-action="confirm-amount"]';
    await waitUntil(() => proxy.posts.length > before || (!sending() && el.querySelector(asked)), 'an outcome');
    const question = el.querySelector<HTMLButtonElement>('.notice [data-action="record-anyway"], .notice [data-action="confirm-amount"]');
    if (proxy.posts.length > before || !question) break;
    question.click();
    await settle(el);
  }
  if (proxy.posts.length === before) {
    expect(el.querySelector('.error-summary'), 'nothing sent, so the form says why').to.not.equal(null);
    return;
  }
  compare(shown, proxy.posts.at(-1)!);
}

describe('model: after any sequence of staff actions, the form shows exactly what is sent', () => {
  const proxy = withFakeProxy();
  let cleanup: () => void = () => {};
  afterEach(() => cleanup());

  it(`${RUNS} seeded sequences from seed ${FIRST_SEED}`, async () => {
    for (let run = 0; run < RUNS; run++) {
      const seed = FIRST_SEED + run;
      const rng = seededRandom(seed);
      const inImis = rng() < 0.5;
      const removeFields = inImis ? imisPageFields() : () => {};
      const imis = inImis ? imisDouble() : undefined;
      cleanup = () => {
        imis?.restore();
        removeFields();
      };
      sessionStorage.clear();
      let el = await mount();
      const log: string[] = [];
      try {
        const steps = 4 + Math.floor(rng() * 10);
        for (let step = 0; step < steps; step++) {
          const roll = rng();
          if (roll < 0.35) {
            const field = pick(rng, Object.keys(TEXT_VALUES));
            const value = pick(rng, TEXT_VALUES[field]!);
            log.push(`type ${field}=${JSON.stringify(value)}`);
            await typeInto(el, field, value);
          } else if (roll < 0.5) {
            const field = pick(rng, ['distribution', 'campaignCode', 'appealCode']);
            log.push(`mouse ${field}`);
            await chooseByMouse(el, field, rng);
          } else if (roll < 0.62) {
            const field = pick(rng, ['distribution', 'campaignCode', 'appealCode']);
            log.push(`keys ${field}`);
            await chooseByKeyboard(el, field, rng);
          } else if (roll < 0.68) {
            log.push('fund with defaults');
            await typeInto(el, 'distribution', 'ANNUAL');
          } else if (roll < 0.76 && inImis) {
            const field = pick(rng, ['imisId', 'softCreditId'] as const);
            log.push(`contact ${field}`);
            await chooseContact(el, field, rng);
          } else if (roll < 0.8) {
            log.push('record');
            if (rng() < 0.3)
              proxy().next.push({
                status: 'rejected',
                message: 'Choose a fund: the campaign given is not mapped to a fund in iMIS',
                field: 'distribution',
              });
            await complete(el, rng);
            await submitAndCompare(el, proxy());
          } else if (roll < 0.88) {
            log.push('correct and resend');
            const button = el.querySelector<HTMLButtonElement>('.batch-table button');
            if (button && !el.querySelector('.error-summary')) {
              button.click();
              await settle(el);
            }
          } else {
            log.push('reload');
            el.remove();
            el = await mount();
          }
          agreesWithDraft(el);
        }
        log.push('final record');
        await complete(el, rng);
        await submitAndCompare(el, proxy());
      } catch (error) {
        throw new Error(`seed ${seed} (inImis=${inImis}) failed after: ${log.join(' → ')}\n${(error as Error).message}`, { cause: error });
      } finally {
        el.remove();
        cleanup();
        cleanup = () => {};
      }
    }
  }).timeout(240_000);
});
