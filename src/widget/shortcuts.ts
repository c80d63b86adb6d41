/** The keyboard shortcuts, said once: the widget's help text renders this list, README repeats it. */
import { html, type TemplateResult } from 'lit';

export const SHORTCUTS: ReadonlyArray<[keys: string, what: string]> = [
  ['Enter', 'records the gift from any field, fund and other pickers included'],
  ['Enter in a donor search', 'picks the highlighted match (never records); arrow keys move, Escape closes'],
  ['Ctrl+Enter in Notes', 'records the gift (Enter alone starts a new line)'],
  ['Alt+B', 'jumps to the batch’s expected number of gifts, then Tab to the expected total'],
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
