/**
 * `<gift-contact-picker>`: find a contact in iMIS by name, email, organisation or iMIS
 * ID. The WAI-ARIA combobox pattern with automatic selection: the first match is
 * highlighted as results arrive, arrows move, Home/End jump to the first/last result,
 * PageUp/PageDown move a page (PageDown on "More results…" loads the next page), Enter
 * picks, Escape closes. Enter never submits the gift from here: pressed before results
 * arrive it searches at once and picks a single match, or opens the list to choose from.
 * Debounced, stale searches cancelled, long lists paged with "More". Each result shows
 * city and email beside the name, so two contacts of one name are told apart.
 *
 * A host that replaces the picker once a contact is chosen (as `<gift-entry>` does with the
 * chosen contact's card) cannot let a live region inside the picker speak, so the picker
 * hands the sentence to say over with the event, for the host's own live region.
 *
 * @attr chosen-label - how a pick is announced, e.g. "Donor chosen" (default "Contact chosen")
 * @fires contact-chosen - a contact was picked; detail: the PartySummary; `announcement`:
 *   the sentence for a polite live region, e.g. "Donor chosen: Sam Smith, Springfield, iMIS ID 104"
 */
/* eslint-disable lit-a11y/click-events-have-key-events -- the options are operated from the combobox's
   keyboard (arrow keys and Enter through aria-activedescendant), as the WAI-ARIA combobox pattern has it */
import { html, nothing, type TemplateResult } from 'lit';
import { LightElement } from './light-element.ts';
import type { PartySummary } from '../contract/imis-party.ts';
import { PAGE_SIZE, searchContacts } from './imis-search.ts';

const DEBOUNCE_MS = 250;
let pickers = 0;

const nameOf = (c: PartySummary): string => c.Name?.trim() || '(no name)';
/**
 * What tells this contact from another of the same name: "Springfield · sam@example.org · iMIS ID 104".
 * An option reads "Sam Smith — " and this, and that is its accessible name too.
 */
const detailsOf = (c: PartySummary): string => [c.CityName, c.Email, `iMIS ID ${c.Id}`].filter(Boolean).join(' · ');

/** "Donor chosen: Sam Smith, Springfield, iMIS ID 104": who was chosen, for a screen reader. */
export const announceChoice = (label: string, c: PartySummary): string =>
  `${label}: ${[nameOf(c), c.CityName, `iMIS ID ${c.Id}`].filter(Boolean).join(', ')}`;

/** `contact-chosen`: the contact in `detail` (as before), and what to announce. */
export class ContactChosenEvent extends CustomEvent<PartySummary> {
  constructor(
    contact: PartySummary,
    readonly announcement: string,
  ) {
    super('contact-chosen', { detail: contact, bubbles: true });
  }
}

export class ContactPicker extends LightElement {
  static override properties = {
    label: { type: String },
    token: { type: String },
    error: { type: String },
    chosenLabel: { type: String, attribute: 'chosen-label' },
    query: { state: true },
    results: { state: true },
    active: { state: true },
    message: { state: true },
  };

  declare label: string;
  /** The page's verification token for iMIS's REST API. */
  declare token: string;
  /** The form's message for the field this picker fills (e.g. no donor given). */
  declare error: string;
  /** How a pick is announced: "Donor chosen", "Soft credit chosen". */
  declare chosenLabel: string;
  declare query: string;
  declare results: PartySummary[] | undefined;
  declare active: number;
  declare message: string;

  readonly inputId = `gift-contact-${++pickers}`;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: AbortController | undefined;
  private nextOffset: number | undefined;
  /** Enter came before the results: act on them as soon as they arrive. */
  private enterPending = false;

  constructor() {
    super();
    this.label = 'Find in iMIS';
    this.token = '';
    this.error = '';
    this.chosenLabel = 'Contact chosen';
    this.query = '';
    this.results = undefined;
    this.active = -1;
    this.message = '';
  }

  override focus(): void {
    this.querySelector('input')?.focus();
  }

  /**
   * An empty search, as at the start of a gift: no query, no results, no search pending or
   * on its way, no status. The host calls it whenever a new gift starts, so what was typed
   * for the last donor never prefixes the next search.
   */
  reset(): void {
    clearTimeout(this.timer);
    this.inFlight?.abort();
    this.inFlight = undefined;
    this.nextOffset = undefined;
    this.enterPending = false;
    this.query = '';
    this.results = undefined;
    this.active = -1;
    this.message = '';
  }

  private type(text: string): void {
    this.query = text;
    this.enterPending = false;
    clearTimeout(this.timer);
    this.inFlight?.abort();
    this.results = undefined;
    if (text.trim().length < 2) {
      this.message = '';
      return;
    }
    this.timer = setTimeout(() => void this.search(0), DEBOUNCE_MS);
  }

  private async search(offset: number): Promise<void> {
    clearTimeout(this.timer);
    this.inFlight?.abort();
    const controller = (this.inFlight = new AbortController());
    this.message = 'Searching iMIS…';
    try {
      const outcome = await searchContacts(this.query, offset, this.token, controller.signal);
      if (controller.signal.aborted) return;
      this.inFlight = undefined;
      if (outcome.kind !== 'found') {
        this.results = undefined;
        this.enterPending = false;
        this.message =
          outcome.kind === 'expired'
            ? 'Your iMIS login has expired. Sign in to iMIS again (in another tab, so nothing here is lost), then search again.'
            : 'iMIS did not answer the search. Try again, or type the donor’s details below.';
        return;
      }
      const shown = new Set(offset === 0 ? [] : (this.results ?? []).map((c) => c.Id));
      // A contact both the person and the organisation query find may come on different pages.
      this.results = [...(offset === 0 ? [] : (this.results ?? [])), ...outcome.contacts.filter((c) => !shown.has(c.Id))];
      this.nextOffset = outcome.nextOffset;
      const n = this.results.length;
      // A new search highlights its first result; a further page, its own first one.
      this.active = n === 0 ? -1 : Math.min(offset, n - 1);
      if (this.enterPending && n === 1 && this.nextOffset === undefined) return this.choose(this.results[0]!);
      this.enterPending = false;
      const found = `${n}${this.nextOffset === undefined ? '' : '+'} contact${n === 1 ? '' : 's'} found`;
      this.message =
        n === 0
          ? `No contacts in iMIS match “${this.query.trim()}”.`
          : `${found}, ${offset === 0 ? 'first' : `number ${Math.min(offset, n - 1) + 1}`} highlighted; arrow keys to move, Enter to choose.`;
    } catch {
      /* a newer search replaced this one */
    }
  }

  private choose(contact: PartySummary): void {
    this.results = undefined;
    this.query = '';
    this.active = -1;
    this.enterPending = false;
    this.message = '';
    this.dispatchEvent(new ContactChosenEvent(contact, announceChoice(this.chosenLabel, contact)));
  }

  private key(event: KeyboardEvent): void {
    const options = this.results?.length ?? 0;
    const more = this.nextOffset !== undefined;
    const total = options + (more ? 1 : 0);
    // While the list is open, Home/End/PageUp/PageDown move in it (APG combobox); closed, they
    // keep their meaning in the text.
    const move = options
      ? {
          ArrowDown: (this.active + 1) % total,
          ArrowUp: (this.active - 1 + total) % total,
          Home: 0,
          End: options - 1,
          PageUp: Math.max(this.active - PAGE_SIZE, 0),
          PageDown: Math.min(this.active + PAGE_SIZE, total - 1),
        }[event.key]
      : undefined;
    if (event.key === 'PageDown' && more && this.active === total - 1) {
      // On "More results…" already: the next page, its first result highlighted when it comes.
      event.preventDefault();
      void this.search(this.nextOffset!);
    } else if (move !== undefined) {
      event.preventDefault();
      this.active = move;
    } else if (event.key === 'Enter') {
      // The combobox owns Enter: it never records a half-chosen gift.
      event.preventDefault();
      event.stopPropagation();
      if (options && this.active >= 0) {
        if (this.active < options) this.choose(this.results![this.active]!);
        else void this.search(this.nextOffset!);
      } else if (this.query.trim().length >= 2 && !this.results) {
        this.enterPending = true;
        if (!this.inFlight) void this.search(0);
      }
    } else if (event.key === 'Escape' && this.results) {
      event.preventDefault();
      this.results = undefined;
      this.active = -1;
    }
  }

  protected override updated(changed: Map<string, unknown>): void {
    // Home, End and the Page keys jump past the list's visible part: keep the highlight in view.
    if (changed.has('active') && this.active >= 0)
      document.getElementById(`${this.inputId}-option-${this.active}`)?.scrollIntoView({ block: 'nearest' });
  }

  override render(): TemplateResult {
    const id = this.inputId;
    const open = !!this.results?.length;
    const option = (i: number) => `${id}-option-${i}`;
    return html`<div class="PanelField wide contact-picker ${this.error ? 'has-error' : ''}">
      <label for=${id} id="${id}-label">${this.label}</label>
      <div class="PanelFieldValue">
        <div id="${id}-hint" class="hint">Last name, first and last, organisation, email or iMIS ID; Enter picks the highlighted match</div>
        ${this.error ? html`<div id="${id}-error" class="Important field-error"><span class="visually-hidden">Error: </span>${this.error}</div>` : nothing}
        <input
          id=${id}
          class="InputLarge"
          type="text"
          autocomplete="off"
          role="combobox"
          aria-labelledby="${id}-label"
          aria-autocomplete="list"
          aria-invalid=${this.error ? 'true' : 'false'}
          aria-expanded=${open ? 'true' : 'false'}
          aria-controls="${id}-list"
          aria-describedby="${id}-hint${this.error ? ` ${id}-error` : ''}"
          aria-activedescendant=${open && this.active >= 0 ? option(this.active) : nothing}
          .value=${this.query}
          @input=${(e: Event) => this.type((e.target as HTMLInputElement).value)}
          @keydown=${(e: KeyboardEvent) => this.key(e)}
        />
        <ul id="${id}-list" role="listbox" aria-label="Matching contacts" class="contact-list" ?hidden=${!open}>
          ${(open ? this.results! : []).map(
            (contact, i) =>
              html`<li
                id=${option(i)}
                role="option"
                aria-selected=${i === this.active ? 'true' : 'false'}
                @click=${() => this.choose(contact)}
              ><span class="contact-name">${nameOf(contact)}</span> — <span class="contact-details">${detailsOf(contact)}</span></li>`,
          )}
          ${
            open && this.nextOffset !== undefined
              ? html`<li
                  id=${option(this.results!.length)}
                  role="option"
                  aria-selected=${this.active === this.results!.length ? 'true' : 'false'}
                  @click=${() => void this.search(this.nextOffset!)}
                >
                  More results…
                </li>`
              : nothing
          }
        </ul>
        <div role="status" class="hint">${this.message}</div>
      </div>
    </div>`;
  }
}

if (!customElements.get('gift-contact-picker')) customElements.define('gift-contact-picker', ContactPicker);

declare global {
  interface HTMLElementTagNameMap {
    'gift-contact-picker': ContactPicker;
  }
  interface HTMLElementEventMap {
    'contact-chosen': ContactChosenEvent;
  }
}
