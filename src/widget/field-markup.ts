/**
 * iMIS panel markup for one question: `div.PanelField` > `label` (+`.Required`)
 * and `div.PanelFieldValue`, with hint and error wired to the control through
 * aria-describedby so a screen reader hears them with the field.
 */
import { html, nothing, type TemplateResult } from 'lit';

export interface FieldView {
  id: string;
  label: string;
  required?: boolean;
  error?: string | undefined;
  hint?: string;
  /** Differs from the batch's default for this field (for this gift only). */
  differs?: boolean;
  wide?: boolean;
}

export function describedBy(view: FieldView): string | typeof nothing {
  const ids = [view.hint ? `${view.id}-hint` : '', view.error ? `${view.id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : nothing;
}

export function panelField(view: FieldView, control: TemplateResult): TemplateResult {
  return html`<div class="PanelField ${view.error ? 'has-error' : ''} ${view.wide ? 'wide' : ''}">
    <label for=${view.id} class=${view.required ? 'Required' : nothing}
      >${view.label}${view.differs ? html` <span class="differs-tag">(this gift only, not the batch’s)</span>` : nothing}</label
    >
    <div class="PanelFieldValue">
      ${view.hint ? html`<div id="${view.id}-hint" class="hint">${view.hint}</div>` : nothing}
      ${
        view.error
          ? html`<div id="${view.id}-error" class="Important field-error"><span class="visually-hidden">Error: </span>${view.error}</div>`
          : nothing
      }
      ${control}
    </div>
  </div>`;
}

export function errorSummary(
  id: string,
  problems: ReadonlyArray<{ target: string; message: string }>,
  jump: (target: string) => void,
): TemplateResult {
  // role=alert: the summary appears in answer to Record, and is spoken even where moving focus to it is not.
  return html`<div class="AsiValidationSummary AsiError error-summary" id=${id} role="alert" tabindex="-1" aria-labelledby="${id}-title">
    <h2 id="${id}-title" class="error-summary-title">There is a problem</h2>
    <ul>
      ${problems.map(
        (problem) =>
          html`<li>
            <a
              href="#${problem.target}"
              @click=${(event: Event) => {
                event.preventDefault();
                jump(problem.target);
              }}
              >${problem.message}</a
            >
          </li>`,
      )}
    </ul>
  </div>`;
}
