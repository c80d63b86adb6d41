/**
 * `<gift-sign-in>`: what staff see of their iMIS sign-in, at the top of the widget (part of the
 * sign-in chunk; sign-in.ts puts it there and sets its state). Who is signed in, or, when the
 * proxy needs a sign-in, one plain sentence and one button. Prompts use the widget's message
 * boxes (AsiWarning, AsiError) and speak as an alert; "Signed in as …" is a polite status.
 */
import { html, type TemplateResult } from 'lit';
import type { SessionGrant } from '../contract/session-api.ts';
import { LightElement } from './light-element.ts';

export type PanelState =
  | { kind: 'signed-in'; grant: SessionGrant }
  /** The proxy asks for a sign-in (first time, or after it expired); the popup is open; the browser blocked it; signed out here. */
  | { kind: 'required' | 'expired' | 'waiting' | 'blocked' | 'signed-out' }
  /** Signed in to iMIS, but without a role allowed to enter gifts: the proxy's words, when it gave some. */
  | { kind: 'refused'; message: string | undefined };

const KEPT = 'the gift you were typing is kept';

/** The sentence and the button label of each prompt. */
const PROMPTS: Record<Exclude<PanelState['kind'], 'signed-in'>, [string, string]> = {
  required: ['Sign in to iMIS to record gifts.', 'Sign in to iMIS'],
  expired: [`Your sign-in expired — sign in again; ${KEPT}.`, 'Sign in again'],
  waiting: [`Finish signing in in the iMIS window that opened; ${KEPT} and goes once you are signed in.`, 'Open the sign-in window again'],
  'signed-out': ['You signed out of gift entry. Sign in to iMIS to record gifts.', 'Sign in to iMIS'],
  blocked: ['Your browser blocked the iMIS sign-in window. Allow pop-ups for this page, then press Sign in again.', 'Sign in again'],
  refused: [
    'Your iMIS account is not allowed to enter gifts (ask your iMIS administrator for the gift entry role, or sign in to iMIS as someone who has it).',
    'Sign in again',
  ],
};

export class SignInPanel extends LightElement {
  static override properties = { state: { attribute: false } };

  declare state: PanelState | undefined;
  /** Opens the iMIS sign-in window (sign-in.ts): from the button's click, so no popup blocker stops it. */
  onSignIn: () => void = () => {};
  /** Ends the session (sign-in.ts). */
  onSignOut: () => void = () => {};

  constructor() {
    super();
    this.state = undefined;
  }

  /** The button, for focus: where a person lands when the prompt asks something of them. */
  get button(): HTMLButtonElement | null {
    return this.querySelector('button');
  }

  override render(): TemplateResult | string {
    const state = this.state;
    if (!state) return '';
    if (state.kind === 'signed-in') {
      const { party, supervisor } = state.grant;
      // The button sits outside the status, so the status is spoken as the name alone.
      return html`<div class="signed-in">
        <p role="status">Signed in as ${party.name}${supervisor ? ' (supervisor: sees every gift)' : ''}</p>
        <button type="button" class="TextButton" @click=${() => this.onSignOut()}>Sign out</button>
      </div>`;
    }
    const [text, label] = PROMPTS[state.kind];
    const detail = state.kind === 'refused' && state.message && state.message !== text ? state.message : undefined;
    // One template for every prompt: the button stays the same element, so focus stays on it.
    return html`<div class="${state.kind === 'refused' ? 'AsiError' : 'AsiWarning'} sign-in-prompt" role="alert">
      <p>${text}</p>
      ${detail ? html`<p>${detail}</p>` : ''}
      <button type="button" class="TextButton PrimaryButton" @click=${() => this.onSignIn()}>${label}</button>
    </div>`;
  }
}

if (!customElements.get('gift-sign-in')) customElements.define('gift-sign-in', SignInPanel);

declare global {
  interface HTMLElementTagNameMap {
    'gift-sign-in': SignInPanel;
  }
}
