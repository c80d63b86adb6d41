/**
 * The settings one placement of the Gift entry iPart carries, entered on its configuration
 * page and stored by iMIS with the content item (see ipart-files.ts). Each maps to one
 * attribute of <gift-entry> (documented in src/widget/gift-entry.ts).
 */
export interface IpartSetting {
  /** The key in the content item's settings JSON. */
  name: string;
  attribute: string;
  label: string;
  hint: string;
  type: 'url' | 'text' | 'checkbox';
  /** A checkbox's attribute value when ticked (default: a boolean attribute, present and empty). */
  checkedValue?: string;
}

export const IPART_SETTINGS: readonly IpartSetting[] = [
  {
    name: 'endpoint',
    attribute: 'endpoint',
    label: 'Gift proxy address',
    hint: 'The proxy’s base URL, e.g. https://gifts.example.org. Its ALLOWED_ORIGINS must list every hostname this iMIS site answers on.',
    type: 'url',
  },
  {
    name: 'key',
    attribute: 'key',
    label: 'Caller key',
    hint: 'One of the proxy’s GIFT_ENTRY_KEYS; use a different key on staff and public pages.',
    type: 'text',
  },
  {
    name: 'immediate',
    attribute: 'mode',
    label: 'Send each gift to iMIS as soon as it is recorded',
    hint: 'Off (recommended for a stack of checks): gifts are kept as a batch at the proxy, reviewed, and sent when staff post the batch. On: for a page that records one gift at a time, such as a contact’s page.',
    type: 'checkbox',
    checkedValue: 'immediate',
  },
  { name: 'fund', attribute: 'fund', label: 'Default fund code', hint: 'Optional: the fund a new batch offers.', type: 'text' },
  { name: 'appeal', attribute: 'appeal', label: 'Default appeal code', hint: 'Optional.', type: 'text' },
  { name: 'campaign', attribute: 'campaign', label: 'Default campaign code', hint: 'Optional.', type: 'text' },
  {
    name: 'prefillDonor',
    attribute: 'prefill-donor',
    label: 'Start each gift with the page’s contact as donor',
    hint: 'On a contact’s page (URL with ?ID=…), that contact; never the staff member.',
    type: 'checkbox',
  },
];
