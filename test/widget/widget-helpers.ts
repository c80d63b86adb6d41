/** Acting on the widget the way a person does, and checking it the way axe does. */
import 'axe-core/axe.min.js';
import { expect, fixture, waitUntil } from '@open-wc/testing';
import type { AxeResults } from 'axe-core';
import '../../src/widget/gift-entry.ts';
import type { GiftEntry } from '../../src/widget/gift-entry.ts';

declare global {
  interface Window {
    axe: { run(context: Element, options: object): Promise<AxeResults> };
    __PROXY__: { url: string; key: string };
  }
}

/**
 * A widget in immediate mode unless the attributes name a mode: most suites are about
 * one gift's path; the batch suites say `mode=review`.
 */
export async function mountWidget(attributes = ''): Promise<GiftEntry> {
  sessionStorage.clear();
  const pairs = attributes
    .split(' ')
    .filter(Boolean)
    .map((pair) => pair.split('=') as [string, string | undefined]);
  if (!pairs.some(([name]) => name === 'mode')) pairs.unshift(['mode', 'immediate']);
  // Attributes present when the element connects, as an iMIS page or an iPart gives them.
  const markup = pairs.map(([name, value]) => (value === undefined ? name : `${name}="${value}"`)).join(' ');
  const el = await fixture<GiftEntry>(`<gift-entry ${markup}></gift-entry>`);
  await waitUntil(
    () => el.querySelector('select[name="distribution"]:not([disabled])') || el.querySelector('.lookups-error'),
    'lookups did not load',
  );
  await pickersReady(el);
  return el;
}

/** Inside iMIS the donor searches come in a chunk of their own: wait until each shows its input. */
export async function pickersReady(el: Element): Promise<void> {
  if (!el.querySelector('gift-contact-picker')) return;
  await customElements.whenDefined('gift-contact-picker');
  await waitUntil(
    () => [...el.querySelectorAll('gift-contact-picker')].every((picker) => picker.querySelector('input')),
    'the donor search is ready',
  );
}

export function control(el: Element, field: string): HTMLInputElement {
  const found = el.querySelector<HTMLInputElement>(`[name="${field}"]`);
  if (!found) throw new Error(`no control for ${field}`);
  return found;
}

/** Types into a field and leaves it, as a person tabbing on would. */
export async function fill(el: GiftEntry, field: string, value: string): Promise<void> {
  const input = control(el, field);
  let left = false;
  input.addEventListener('blur', () => (left = true), { once: true });
  input.focus();
  input.value = value;
  input.dispatchEvent(new Event(input.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true }));
  input.blur();
  // A page that is not the browser's focused tab gets no focus events from focus()/blur();
  // leaving the field is what this helper promises, so say it the way the browser would.
  if (!left) input.dispatchEvent(new FocusEvent('blur'));
  await el.updateComplete;
}

export async function fillValidGift(el: GiftEntry, overrides: Record<string, string> = {}): Promise<void> {
  const values: Record<string, string> = {
    amount: '25',
    distribution: 'GEN',
    firstName: 'Ada',
    lastName: 'Lovelace',
    emailAddress: 'ada@example.org',
    ...overrides,
  };
  for (const [field, value] of Object.entries(values)) await fill(el, field, value);
}

export async function submit(el: GiftEntry): Promise<void> {
  el.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  await el.updateComplete;
}

export function errorFor(el: Element, field: string): string | undefined {
  const input = control(el, field);
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id.endsWith('-error'));
  return ids.map((id) => document.getElementById(id)?.textContent?.replace('Error:', '').trim()).join(' ') || undefined;
}

/** WCAG 2.0, 2.1 and 2.2 A and AA, target size included, through axe-core itself. */
export async function expectNoAxeViolations(el: Element): Promise<void> {
  const results = await window.axe.run(el, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] },
    rules: { 'target-size': { enabled: true } },
  });
  const violations = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(violations, violations.join('\n')).to.deep.equal([]);
  await expect(el).to.be.accessible();
}

export { expect, waitUntil };
