/** The keyboard shortcuts, said once: the widget's help text renders this list, README repeats it. */
import { html, type TemplateResult } from 'lit';

export type Jump = 'donor' | 'softCredit' | 'notes' | 'batch';

// By key position (event.code), not the character: Option+D on a Mac types "∂".
const JUMPS: Readonly<Record<string, Jump>> = { KeyD: 'donor', KeyS: 'softCredit', KeyN: 'notes', KeyB: 'batch' };

/** The place an Alt+letter shortcut jumps to, if the key is one. */
export function shortcutFor(event: KeyboardEvent): Jump | undefined {
  if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return undefined;
  return JUMPS[event.code];
}

export const SHORTCUTS: ReadonlyArray<[keys: string, what: string]> = [
  ['Enter', 'records the gift from any field, fund and other pickers included'],
  [
    'Enter in a donor search',
    'picks the highlighted match (never records); arrow keys, Home, End, Page Up and Page Down move, Escape closes',
  ],
  ['Ctrl+Enter in Notes', 'records the gift (Enter alone starts a new line)'],
  ['Alt+D', 'back to the donor search, from anywhere in the widget'],
  ['Alt+S', 'to the soft-credit search'],
  ['Alt+N', 'to the notes'],
  ['Alt+B', 'to the batch’s expected number of gifts, then Tab to the expected total'],
];

export function shortcutHelp(): TemplateResult {
  return html`<details class="shortcuts">
    <summary>Keyboard shortcuts</summary>
    <dl>
      ${SHORTCUTS.map(
        ([keys, what]) =>
          html`<dt><kbd>${keys}</kbd></dt>
            <dd>${what}</dd>`,
      )}
    </dl>
  </details>`;
}
