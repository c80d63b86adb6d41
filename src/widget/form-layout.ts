/**
 * The widget's layout, once: which fields staff fill, in what group and order, how
 * large, and with which autocomplete token.
 * The draft's fields, the render order and the error summary's order all derive
 * from this table, so the summary always lists problems in the order of the screen.
 *
 * Order is donor first (as in Raiser's Edge NXT and NPSP batch entry): find the donor,
 * type the amount, Enter. A new donor's fields come next; the fund, campaign, appeal
 * and date, which start from the batch's defaults, follow, reachable but out of the way.
 */
import type { GiftField } from '../contract/gift-fields.ts';

export type FormGroup = 'donor' | 'gift' | 'newDonor' | 'nameParts' | 'fund' | 'more';
type Size = 'InputSmall' | 'InputMedium' | 'InputLarge';

export interface FieldLayout {
  readonly field: GiftField;
  readonly group: FormGroup;
  readonly size: Size;
  /** WCAG 1.3.5: the purpose of each field a browser can fill. */
  readonly autocomplete: string;
  readonly type?: 'text' | 'email' | 'tel' | 'select' | 'textarea';
  readonly required?: boolean;
  readonly hint?: string;
}

export const FORM_LAYOUT = [
  { field: 'imisId', group: 'donor', size: 'InputSmall', autocomplete: 'off' },
  { field: 'amount', group: 'gift', size: 'InputSmall', autocomplete: 'off', required: true, hint: 'In US dollars, e.g. 1,234.50' },
  { field: 'firstName', group: 'newDonor', size: 'InputMedium', autocomplete: 'given-name' },
  { field: 'lastName', group: 'newDonor', size: 'InputMedium', autocomplete: 'family-name' },
  { field: 'emailAddress', group: 'newDonor', size: 'InputLarge', autocomplete: 'email', type: 'email', required: true },
  { field: 'company', group: 'newDonor', size: 'InputLarge', autocomplete: 'organization' },
  { field: 'phone', group: 'newDonor', size: 'InputMedium', autocomplete: 'tel', type: 'tel' },
  { field: 'address', group: 'newDonor', size: 'InputLarge', autocomplete: 'street-address' },
  { field: 'city', group: 'newDonor', size: 'InputMedium', autocomplete: 'address-level2' },
  { field: 'state', group: 'newDonor', size: 'InputSmall', autocomplete: 'address-level1' },
  { field: 'zipCode', group: 'newDonor', size: 'InputSmall', autocomplete: 'postal-code' },
  { field: 'nameTitle', group: 'nameParts', size: 'InputSmall', autocomplete: 'honorific-prefix' },
  { field: 'middleName', group: 'nameParts', size: 'InputMedium', autocomplete: 'additional-name' },
  { field: 'maidenName', group: 'nameParts', size: 'InputMedium', autocomplete: 'off' },
  { field: 'nameSuffix', group: 'nameParts', size: 'InputSmall', autocomplete: 'honorific-suffix' },
  {
    field: 'distribution',
    group: 'fund',
    size: 'InputLarge',
    autocomplete: 'off',
    type: 'select',
    required: true,
    hint: 'Or a campaign mapped to a fund',
  },
  { field: 'campaignCode', group: 'fund', size: 'InputLarge', autocomplete: 'off', type: 'select' },
  { field: 'appealCode', group: 'fund', size: 'InputLarge', autocomplete: 'off', type: 'select' },
  { field: 'receivedDate', group: 'fund', size: 'InputSmall', autocomplete: 'off', hint: 'Month/day/year' },
  { field: 'softCreditId', group: 'more', size: 'InputSmall', autocomplete: 'off', hint: 'iMIS ID of a contact to soft-credit 100%' },
  { field: 'notes', group: 'more', size: 'InputLarge', autocomplete: 'off', type: 'textarea' },
] as const satisfies readonly FieldLayout[];

export type DraftField = (typeof FORM_LAYOUT)[number]['field'];
export const DRAFT_FIELDS: readonly DraftField[] = FORM_LAYOUT.map((entry) => entry.field);

export function fieldsOf(group: FormGroup): ReadonlyArray<FieldLayout & { field: DraftField }> {
  return FORM_LAYOUT.filter((entry) => entry.group === group);
}

/** Fields that describe a donor typed by hand: cleared when a contact is chosen from iMIS. */
export const TYPED_DONOR_FIELDS: readonly DraftField[] = [...fieldsOf('newDonor'), ...fieldsOf('nameParts')].map((entry) => entry.field);
