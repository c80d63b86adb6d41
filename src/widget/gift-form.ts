/**
 * The gift's two fieldsets (Gift, Donor) in iMIS markup, rendered from the draft.
 * Input sizes follow iMIS's InputSmall/Medium/Large; autocomplete tokens name each
 * field's purpose (WCAG 1.3.5); max lengths come from the contract.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { FIELD_LABEL, MAX_LENGTH, type GiftField } from '../contract/gift-fields.ts';
import type { LookupsResponse } from '../contract/proxy-api.ts';
import { describedBy, panelField, type FieldView } from './field-markup.ts';
import { DRAFT_FIELDS, type Draft, type DraftField, type FieldErrors } from './gift-draft.ts';

export interface GiftFormContext {
  uid: string;
  draft: Draft;
  errors: FieldErrors;
  carried: ReadonlySet<DraftField>;
  lookups: LookupsResponse | undefined;
  onInput(field: DraftField, value: string): void;
  onLeave(field: DraftField): void;
  /** Inside iMIS: a contact search that fills the given iMIS ID field. */
  picker?: ((field: 'imisId' | 'softCreditId') => TemplateResult) | undefined;
}

// field, size class, autocomplete token, input type, extra view
const DONOR_FIELDS: Array<[DraftField, string, string, string?, Partial<FieldView>?]> = [
  ['imisId', 'InputSmall', 'off'],
  ['firstName', 'InputMedium', 'given-name'],
  ['lastName', 'InputMedium', 'family-name'],
  ['company', 'InputLarge', 'organization'],
  ['nameTitle', 'InputSmall', 'honorific-prefix'],
  ['middleName', 'InputMedium', 'additional-name'],
  ['maidenName', 'InputMedium', 'off'],
  ['nameSuffix', 'InputSmall', 'honorific-suffix'],
  ['emailAddress', 'InputLarge', 'email', 'email', { required: true }],
  ['phone', 'InputMedium', 'tel', 'tel'],
  ['address', 'InputLarge', 'street-address'],
  ['city', 'InputMedium', 'address-level2'],
  ['state', 'InputSmall', 'address-level1'],
  ['zipCode', 'InputSmall', 'postal-code'],
  ['softCreditId', 'InputSmall', 'off', 'text', { hint: 'iMIS ID of a contact to soft-credit 100%' }],
];

const AMOUNT_VIEW: Partial<FieldView> = { required: true, hint: 'In US dollars, e.g. 1,234.50' };

function view(ctx: GiftFormContext, field: DraftField, extra: Partial<FieldView> = {}): FieldView {
  return { id: `${ctx.uid}-${field}`, label: FIELD_LABEL[field], error: ctx.errors[field], carried: ctx.carried.has(field), ...extra };
}

const valueOf = (event: Event) => (event.target as HTMLInputElement).value;

function input(ctx: GiftFormContext, field: DraftField, size: string, autocomplete: string, type = 'text', extra: Partial<FieldView> = {}): TemplateResult {
  const v = view(ctx, field, extra);
  const max = MAX_LENGTH[field as keyof typeof MAX_LENGTH] as number | undefined;
  const control = html`<input id=${v.id} name=${field} type=${type} inputmode=${field === 'amount' ? 'decimal' : nothing}
    class="${size} ${v.carried ? 'carried' : ''}" .value=${ctx.draft[field]} maxlength=${max ?? nothing} autocomplete=${autocomplete}
    aria-required=${v.required ? 'true' : nothing} aria-invalid=${v.error ? 'true' : 'false'} aria-describedby=${describedBy(v)}
    @input=${(e: Event) => ctx.onInput(field, valueOf(e))} @blur=${() => ctx.onLeave(field)} />`;
  return panelField(v, field === 'amount' ? html`<div class="amount-wrap"><span aria-hidden="true">$</span>${control}</div>` : control);
}

function select(ctx: GiftFormContext, field: 'distribution' | 'campaignCode' | 'appealCode', options: Array<[string, string]>, extra: Partial<FieldView> = {}): TemplateResult {
  const v = view(ctx, field, extra);
  const value = ctx.draft[field];
  const known = options.some(([code]) => code === value);
  return panelField(
    v,
    html`<select id=${v.id} name=${field} class="InputLarge ${v.carried ? 'carried' : ''}" ?disabled=${!ctx.lookups}
      aria-required=${v.required ? 'true' : nothing} aria-invalid=${v.error ? 'true' : 'false'} aria-describedby=${describedBy(v)}
      @change=${(e: Event) => ctx.onInput(field, valueOf(e))} @blur=${() => ctx.onLeave(field)}>
      <option value="" ?selected=${value === ''}>${ctx.lookups ? '(none)' : 'Loading…'}</option>
      ${!known && value ? html`<option value=${value} selected>${value}</option>` : nothing}
      ${options.map(([code, label]) => html`<option value=${code} ?selected=${code === value}>${label}</option>`)}
    </select>`,
  );
}

export function giftFieldsets(ctx: GiftFormContext): TemplateResult {
  const lookups = ctx.lookups;
  const notes = view(ctx, 'notes', { wide: true });
  return html`<fieldset>
      <legend>Gift</legend>
      <div class="fields">
        ${input(ctx, 'amount', 'InputSmall', 'off', 'text', AMOUNT_VIEW)}
        ${input(ctx, 'receivedDate', 'InputMedium', 'off', 'date')}
        ${select(ctx, 'distribution', (lookups?.distributions ?? []).map((d) => [d.Code, `${d.Title} (${d.Code})`]), {
          required: true,
          hint: 'Or choose a campaign that is mapped to a fund',
        })}
        ${select(ctx, 'campaignCode', (lookups?.campaigns ?? []).map((c) => [c.Code, c.Description]))}
        ${select(ctx, 'appealCode', (lookups?.appeals ?? []).map((a) => [a.Code, a.Description]))}
      </div>
    </fieldset>
    <fieldset aria-describedby="${ctx.uid}-donor-hint">
      <legend>Donor</legend>
      <p class="hint group-hint" id="${ctx.uid}-donor-hint">Enter the donor’s iMIS ID, <em>or</em> first and last name, <em>or</em> a company name.</p>
      <div class="fields">
        ${ctx.picker?.('imisId') ?? nothing}
        ${DONOR_FIELDS.map(([field, size, autocomplete, type, extra]) => [
          field === 'softCreditId' ? (ctx.picker?.('softCreditId') ?? nothing) : nothing,
          input(ctx, field, size, autocomplete, type, extra),
        ])}
        ${panelField(
          notes,
          html`<textarea id=${notes.id} name="notes" maxlength=${MAX_LENGTH.notes} .value=${ctx.draft.notes}
            aria-invalid=${notes.error ? 'true' : 'false'} aria-describedby=${describedBy(notes)}
            @input=${(e: Event) => ctx.onInput('notes', valueOf(e))} @blur=${() => ctx.onLeave('notes')}></textarea>`,
        )}
      </div>
    </fieldset>`;
}

/** Error-summary entries in the order the fields appear; non-field problems point at the submit button. */
export function problemLinks(uid: string, errors: FieldErrors): Array<{ target: string; message: string }> {
  const order = [...DRAFT_FIELDS, 'transactionId', 'financialAccountId'] as GiftField[];
  return order
    .filter((field) => errors[field])
    .map((field) => ({
      target: DRAFT_FIELDS.includes(field as DraftField) ? `${uid}-${field}` : `${uid}-submit`,
      message: errors[field]!,
    }));
}
