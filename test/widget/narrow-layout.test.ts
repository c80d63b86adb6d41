/**
 * The widget never overflows its container, from a 320 px page down to a 192 px iMIS zone:
 * every part of it stays inside the column it was given, with its disclosures open and a
 * batch row shown. (A fieldset's default `min-width: min-content` and grid tracks wider than
 * the column were what pushed it out.)
 */
import { withFakeProxy } from './fake-proxy.ts';
import { expect, fillValidGift, waitUntil } from './widget-helpers.ts';
import '../../src/widget/gift-entry.ts';
import type { GiftEntry } from '../../src/widget/gift-entry.ts';

/** Inside something taken out of the flow to be read by screen readers only (visually hidden). */
function hiddenOffScreen(element: Element, column: HTMLElement): boolean {
  for (let at: Element | null = element; at && at !== column; at = at.parentElement) {
    if (getComputedStyle(at).position === 'absolute') return true;
  }
  return false;
}

/** Parts of the widget (elements and runs of text) sticking out of its column. */
function overflowing(column: HTMLElement): string[] {
  const limit = column.getBoundingClientRect().right + 0.5;
  const host = column.querySelector('gift-entry')!;
  const out: string[] = [];
  for (const element of host.querySelectorAll<HTMLElement>('*')) {
    const box = element.getBoundingClientRect();
    if (box.width === 0 || hiddenOffScreen(element, column)) continue;
    if (box.right > limit)
      out.push(`<${element.tagName.toLowerCase()} class="${element.className}"> ends at ${Math.round(box.right)} > ${Math.round(limit)}`);
  }
  const texts = document.createTreeWalker(host, NodeFilter.SHOW_TEXT);
  for (let text = texts.nextNode(); text; text = texts.nextNode()) {
    if (!text.textContent?.trim() || hiddenOffScreen(text.parentElement!, column)) continue;
    const range = document.createRange();
    range.selectNodeContents(text);
    const right = range.getBoundingClientRect().right;
    if (right > limit) out.push(`text "${text.textContent.trim().slice(0, 40)}" ends at ${Math.round(right)} > ${Math.round(limit)}`);
  }
  if (host.scrollWidth > host.clientWidth) out.push(`<gift-entry> scrolls sideways (${host.scrollWidth} > ${host.clientWidth})`);
  return out;
}

/** In review mode (the default) the batch's start form is what shows first; in immediate mode, the gift form. */
async function widgetIn(width: string, mode: 'review' | 'immediate' = 'review'): Promise<{ column: HTMLElement; el: GiftEntry }> {
  sessionStorage.clear();
  const column = document.createElement('div');
  column.style.width = width;
  column.style.boxSizing = 'border-box';
  const el = document.createElement('gift-entry') as GiftEntry;
  el.setAttribute('mode', mode);
  column.append(el);
  document.body.append(column);
  const loaded = mode === 'review' ? 'select[name="batch-distribution"]:not([disabled])' : 'select[name="distribution"]:not([disabled])';
  await waitUntil(() => el.querySelector(loaded), 'lookups did not load');
  for (const details of el.querySelectorAll('details')) details.open = true;
  await el.updateComplete;
  return { column, el };
}

describe('<gift-entry> in narrow containers', () => {
  const proxy = withFakeProxy();
  let column: HTMLElement | undefined;
  afterEach(() => column?.remove());

  for (const width of ['192px', '240px', '320px', '480px', '768px']) {
    it(`stays inside a ${width} column`, async () => {
      ({ column } = await widgetIn(width));
      expect(overflowing(column)).to.deep.equal([]);
    });
  }

  it('stays inside a 192 px column with a gift in the batch panel', async () => {
    let el: GiftEntry;
    ({ column, el } = await widgetIn('192px', 'immediate'));
    await fillValidGift(el, { emailAddress: 'a.very.long.address.without.breaks@example.org' });
    el.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => el.querySelector('.batch-table'), 'the gift did not reach the batch panel');
    expect(proxy().headers.length).to.be.greaterThan(0);
    expect(overflowing(column)).to.deep.equal([]);
  });
});
