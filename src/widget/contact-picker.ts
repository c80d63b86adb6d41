/**
 * `<gift-contact-picker>`: find a contact in iMIS by name, email or iMIS ID, the
 * WAI-ARIA combobox pattern (input + listbox, arrow keys, Enter, Escape), results
 * announced. Debounced, stale searches cancelled, long lists paged with "More".
 * Fires `contact-chosen` (detail: the PartySummary, or undefined when cleared).
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { LightElement } from './light-element.ts';
import type { PartySummary } from '../contract/imis-party.ts';
import { searchContacts } from './imis-search.ts';

const DEBOUNCE_MS = 300;
let pickers = 0;

const describe = (c: PartySummary) => [c.Name ?? '(no name)', `iMIS ID ${c.Id}`, c.Email, c.CityName].filter(Boolean).join(' · ');

export class ContactPicker extends LightElement {
  static override properties = {
    label: { type: String },
    token: { type: String },
    value: { type: String },
    query: { state: true },
    results: { state: true },
    active: { state: true },
    message: { state: true },
    chosen: { state: true },
  };

  declare label: string;
  /** The page's verification token for iMIS's REST API. */
  declare token: string;
  /** The iMIS ID currently in the gift: a chosen contact shows only while it still matches. */
  declare value: string;
  declare query: string;
  declare results: PartySummary[] | undefined;
  declare active: number;
  declare message: string;
  declare chosen: PartySummary | undefined;

  private readonly uid = `gift-contact-${++pickers}`;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: AbortController | undefined;
  private nextOffset: number | undefined;

  constructor() {
    super();
    this.label = 'Find in iMIS';
    this.token = '';
    this.value = '';
    this.query = '';
    this.results = undefined;
    this.active = -1;
    this.message = '';
    this.chosen = undefined;
  }


  protected override willUpdate(changed: PropertyValues<this>): void {
    // A new gift (or a typed-over iMIS ID) ends the choice, and its announcement with it.
    if (changed.has('value') && this.chosen && this.chosen.Id !== this.value) {
      this.chosen = undefined;
      this.message = '';
    }
  }

  private type(text: string): void {
    this.query = text;
    clearTimeout(this.timer);
    this.inFlight?.abort();
    if (text.trim().length < 2) {
      this.results = undefined;
      this.message = '';
      return;
    }
    this.timer = setTimeout(() => void this.search(0), DEBOUNCE_MS);
  }

  private async search(offset: number): Promise<void> {
    this.inFlight?.abort();
    const controller = (this.inFlight = new AbortController());
    this.message = 'Searching iMIS…';
    try {
      const outcome = await searchContacts(this.query, offset, this.token, controller.signal);
      if (controller.signal.aborted) return;
      if (outcome.kind === 'expired') {
        this.results = undefined;
        this.message = 'Your iMIS login has expired. Sign in to iMIS again (in another tab, so nothing here is lost), then search again.';
        return;
      }
      if (outcome.kind === 'failed') {
        this.results = undefined;
        this.message = 'iMIS did not answer the search. Try again, or type the iMIS ID.';
        return;
      }
      this.results = offset === 0 ? outcome.contacts : [...(this.results ?? []), ...outcome.contacts];
      this.nextOffset = outcome.nextOffset;
      this.active = offset === 0 ? -1 : this.active;
      const n = this.results.length;
      this.message = n === 0 ? `No contacts in iMIS match “${this.query.trim()}”.` : `${n}${this.nextOffset === undefined ? '' : '+'} contact${n === 1 ? '' : 's'} found; use the arrow keys to choose.`;
    } catch {
      /* a newer search replaced this one */
    }
  }

  private choose(contact: PartySummary | undefined): void {
    this.chosen = contact;
    this.results = undefined;
    this.query = '';
    this.message = contact ? `Chosen: ${describe(contact)}` : '';
    this.dispatchEvent(new CustomEvent('contact-chosen', { detail: contact, bubbles: true }));
    void this.updateComplete.then(() => this.querySelector<HTMLElement>(contact ? 'button' : 'input')?.focus());
  }

  private key(event: KeyboardEvent): void {
    const options = this.results?.length ?? 0;
    const more = this.nextOffset === undefined ? 0 : 1;
    if (event.key === 'ArrowDown' && options) {
      event.preventDefault();
      this.active = (this.active + 1) % (options + more);
    } else if (event.key === 'ArrowUp' && options) {
      event.preventDefault();
      this.active = (this.active - 1 + options + more) % (options + more);
    } else if (event.key === 'Enter' && this.active >= 0) {
      // Enter picks the highlighted contact instead of submitting the gift.
      event.preventDefault();
      if (this.active < options) this.choose(this.results![this.active]);
      else void this.search(this.nextOffset!);
    } else if (event.key === 'Escape' && this.results) {
      event.preventDefault();
      this.results = undefined;
      this.active = -1;
    }
  }

  override render(): TemplateResult {
    const id = this.uid;
    const chosen = this.chosen && this.chosen.Id === this.value ? this.chosen : undefined;
    const open = !chosen && !!this.results?.length;
    const option = (i: number) => `${id}-option-${i}`;
    return html`<div class="PanelField wide contact-picker">
      <label for=${id}>${this.label}</label>
      <div class="PanelFieldValue">
        ${chosen
          ? html`<p class="chosen-contact"><strong>${chosen.Name ?? ''}</strong> ${describe(chosen).slice((chosen.Name ?? '').length)}
              <button type="button" class="TextButton" @click=${() => this.choose(undefined)}>Change</button></p>`
          : html`<div id="${id}-hint" class="hint">Type a last name (or first and last), an email, or an iMIS ID</div>
              <input id=${id} class="InputLarge" type="text" autocomplete="off" role="combobox" aria-autocomplete="list"
                aria-expanded=${open ? 'true' : 'false'} aria-controls="${id}-list" aria-describedby="${id}-hint"
                aria-activedescendant=${open && this.active >= 0 ? option(this.active) : nothing}
                .value=${this.query} @input=${(e: Event) => this.type((e.target as HTMLInputElement).value)}
                @keydown=${(e: KeyboardEvent) => this.key(e)} />
              <ul id="${id}-list" role="listbox" aria-label="Matching contacts" class="contact-list" ?hidden=${!open}>
                ${(open ? this.results! : []).map(
                  (contact, i) => html`<li id=${option(i)} role="option" aria-selected=${i === this.active ? 'true' : 'false'}
                    @click=${() => this.choose(contact)}>${describe(contact)}</li>`,
                )}
                ${open && this.nextOffset !== undefined
                  ? html`<li id=${option(this.results!.length)} role="option" aria-selected=${this.active === this.results!.length ? 'true' : 'false'}
                      @click=${() => void this.search(this.nextOffset!)}>More results…</li>`
                  : nothing}
              </ul>`}
        <div role="status" class="hint">${this.message}</div>
      </div>
    </div>`;
  }
}

if (!customElements.get('gift-contact-picker')) customElements.define('gift-contact-picker', ContactPicker);
