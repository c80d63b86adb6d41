/**
 * The gift form in iMIS markup, rendered from the draft and the layout table. After
 * each render the element syncs every control to the draft (control-sync.ts), so each
 * control shows exactly the value the draft holds, which is exactly what is sent.
 * Input sizes follow iMIS's InputSmall/Medium/Large; max lengths come from the contract.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { FIELD_LABEL, MAX_LENGTH, type GiftField } from '../contract/gift-fields.ts';
import type { LookupsResponse } from '../contract/proxy-api.ts';
import type { ChosenContact } from './draft-controller.ts';
import { describedBy, panelField, type FieldView } from './field-markup.ts';
import { DRAFT_FIELDS, TYPED_DONOR_FIELDS, fieldsOf, type DraftField, type FieldLayout, type FormGroup } from './form-layout.ts';
import type { Draft, FieldErrors } from './gift-draft.ts';

type ContactField = 'imisId' | 'softCreditId';

export interface GiftFormContext {
  uid: string;
  draft: Draft;
  errors: FieldErrors;
  /** Fields where this gift differs from the batch's defaults. */
  differs: readonly DraftField[];
  lookups: LookupsResponse | undefined;
  donor: ChosenContact | undefined;
  softCredit: ChosenContact | undefined;
  onInput(field: DraftField, value: string): void;
  onLeave(field: DraftField): void;
  /** Inside iMIS: a contact search that fills the given iMIS ID field. */
  picker?: ((field: ContactField) => TemplateResult) | undefined;
  onChange(field: ContactField): void;
}

const valueOf = (event: Event) => (event.target as HTMLInputElement).value;

function view(ctx: GiftFormContext, layout: FieldLayout): FieldView {
  const view: FieldView = { id: `${ctx.uid}-${layout.field}`, label: FIELD_LABEL[layout.field], error: ctx.errors[layout.field] };
  if (layout.required) view.required = true;
  if (layout.hint) view.hint = layout.hint;
  if (ctx.differs.includes(layout.field as DraftField)) view.differs = true;
  return view;
}

function options(ctx: GiftFormContext, field: DraftField): Array<[string, string]> {
  const lookups = ctx.lookups;
  if (field === 'distribution') return (lookups?.distributions ?? []).map((d) => [d.Code, `${d.Title} (${d.Code})`]);
  const list = field === 'campaignCode' ? lookups?.campaigns : lookups?.appeals;
  return (list ?? []).map((item) => [item.Code, item.Description]);
}

function control(ctx: GiftFormContext, layout: FieldLayout & { field: DraftField }, v: FieldView): TemplateResult {
  const { field, size, type = 'text' } = layout;
  const value = ctx.draft[field];
  const common = {
    cls: `${size} ${v.differs ? 'differs' : ''}`,
    onInput: (e: Event) => ctx.onInput(field, valueOf(e)),
    onLeave: () => ctx.onLeave(field),
  };
  if (type === 'select') {
    const list = options(ctx, field);
    const known = value === '' || list.some(([code]) => code === value);
    // No `selected` bindings: the select's value is set from the draft after each render.
    return html`<select
      id=${v.id}
      name=${field}
      class=${common.cls}
      ?disabled=${!ctx.lookups}
      aria-required=${v.required ? 'true' : nothing}
      aria-invalid=${v.error ? 'true' : 'false'}
      aria-describedby=${describedBy(v)}
      @change=${common.onInput}
      @blur=${common.onLeave}
    >
      <option value="">${ctx.lookups ? '(none)' : 'Loading…'}</option>
      ${known ? nothing : html`<option value=${value}>${value} (not in the list)</option>`}
      ${list.map(([code, label]) => html`<option value=${code}>${label}</option>`)}
    </select>`;
  }
  if (type === 'textarea') {
    return html`<textarea
      id=${v.id}
      name=${field}
      class=${common.cls}
      rows="2"
      maxlength=${MAX_LENGTH.notes}
      .value=${value}
      aria-invalid=${v.error ? 'true' : 'false'}
      aria-describedby=${describedBy(v)}
      @input=${common.onInput}
      @blur=${common.onLeave}
    ></textarea>`;
  }
  const max = MAX_LENGTH[field as keyof typeof MAX_LENGTH] as number | undefined;
  const input = html`<input
    id=${v.id}
    name=${field}
    type=${type}
    inputmode=${field === 'amount' ? 'decimal' : nothing}
    class=${common.cls}
    .value=${value}
    maxlength=${max ?? nothing}
    autocomplete=${layout.autocomplete}
    aria-required=${v.required ? 'true' : nothing}
    aria-invalid=${v.error ? 'true' : 'false'}
    aria-describedby=${describedBy(v)}
    @input=${common.onInput}
    @blur=${common.onLeave}
  />`;
  return field === 'amount' ? html`<div class="amount-wrap"><span aria-hidden="true">$</span>${input}</div>` : input;
}

function fields(ctx: GiftFormContext, group: FormGroup, skip: readonly DraftField[] = []): TemplateResult[] {
  return fieldsOf(group)
    .filter((layout) => !skip.includes(layout.field))
    .map((layout) => {
      const v = view(ctx, layout);
      return panelField(v, control(ctx, layout, v));
    });
}

/** A contact chosen from iMIS, collapsed to one line: what will be sent, and a way back. */
function contactCard(ctx: GiftFormContext, field: ContactField, chosen: ChosenContact | undefined): TemplateResult {
  const who = field === 'imisId' ? 'donor' : 'soft-credit contact';
  const id = ctx.draft[field];
  const error = ctx.errors[field];
  const email = field === 'imisId' && chosen?.email ? ctx.draft.emailAddress : '';
  return html`<div class="PanelField wide contact-card ${error ? 'has-error' : ''}" id="${ctx.uid}-${field}-card">
    <span class="card-label">${field === 'imisId' ? 'Donor' : 'Soft credit'}:</span>
    <strong data-field="name">${chosen?.name || `iMIS ID ${id}`}</strong>
    <span>iMIS ID <span data-field=${field}>${id}</span></span>
    ${email ? html`<span data-field="emailAddress">${email}</span>` : nothing} ${chosen?.city ? html`<span>${chosen.city}</span>` : nothing}
    <button type="button" class="TextButton" id="${ctx.uid}-${field}" @click=${() => ctx.onChange(field)}>Change ${who}</button>
    ${error ? html`<div id="${ctx.uid}-${field}-error" class="Important field-error"><span class="visually-hidden">Error: </span>${error}</div>` : nothing}
  </div>`;
}

function contactField(ctx: GiftFormContext, field: ContactField, chosen: ChosenContact | undefined): TemplateResult | TemplateResult[] {
  if (ctx.picker && ctx.draft[field]) return contactCard(ctx, field, chosen);
  if (ctx.picker) return ctx.picker(field);
  return fields(ctx, field === 'imisId' ? 'donor' : 'more', field === 'softCreditId' ? ['notes'] : []);
}

function nameParts(ctx: GiftFormContext): TemplateResult {
  const filled = fieldsOf('nameParts').filter((layout) => ctx.draft[layout.field].trim());
  const hasError = fieldsOf('nameParts').some((layout) => ctx.errors[layout.field]);
  // Open whenever a part holds a value or a problem: nothing sent may hide in a closed box.
  return html`<details class="name-parts wide" ?open=${filled.length > 0 || hasError}>
    <summary>
      Title, middle name, maiden name, suffix${filled.length ? `: ${filled.map((l) => ctx.draft[l.field].trim()).join(', ')}` : ''}
    </summary>
    <div class="fields">${fields(ctx, 'nameParts')}</div>
  </details>`;
}

export function giftForm(ctx: GiftFormContext): TemplateResult {
  const chosenWithEmail = !!(ctx.picker && ctx.draft.imisId && ctx.donor?.email);
  const typedDonor = !(ctx.picker && ctx.draft.imisId);
  return html`<fieldset class="gift-main">
      <legend>Gift</legend>
      ${
        typedDonor
          ? html`<p class="hint group-hint">
              ${
                ctx.picker
                  ? 'Find the donor in iMIS; for a new donor, type a first and last name or a company below.'
                  : 'Enter the donor’s iMIS ID, or first and last name, or a company name.'
              }
            </p>`
          : nothing
      }
      <div class="fields">${contactField(ctx, 'imisId', ctx.donor)} ${fields(ctx, 'gift')}</div>
    </fieldset>
    ${
      typedDonor || !chosenWithEmail
        ? html`<fieldset class="new-donor">
            <legend>${typedDonor ? 'New donor' : 'Donor’s email'}</legend>
            <div class="fields">
              ${
                typedDonor
                  ? [fields(ctx, 'newDonor'), nameParts(ctx)]
                  : fields(
                      ctx,
                      'newDonor',
                      TYPED_DONOR_FIELDS.filter((f) => f !== 'emailAddress'),
                    )
              }
            </div>
          </fieldset>`
        : nothing
    }
    <fieldset class="fund">
      <legend>Fund and date</legend>
      <div class="fields">${fields(ctx, 'fund')}</div>
    </fieldset>
    <fieldset class="more">
      <legend>Soft credit and notes</legend>
      <div class="fields">${contactField(ctx, 'softCreditId', ctx.softCredit)} ${fields(ctx, 'more', ['softCreditId'])}</div>
    </fieldset>`;
}

/** Error-summary entries in the order of the layout; non-field problems point at the submit button. */
export function problemLinks(
  uid: string,
  errors: FieldErrors,
  visible: (field: DraftField) => string,
): Array<{ target: string; message: string }> {
  const order = [...DRAFT_FIELDS, 'transactionId', 'financialAccountId'] as GiftField[];
  return order
    .filter((field) => errors[field])
    .map((field) => ({
      target: DRAFT_FIELDS.includes(field as DraftField) ? visible(field as DraftField) : `${uid}-submit`,
      message: errors[field]!,
    }));
}
