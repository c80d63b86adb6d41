/**
 * The small page iMIS's Single Sign-On content item lands on (in the window the widget
 * opened): it hands the outcome to the widget's window with postMessage, once for each
 * allowed origin — postMessage's targetOrigin makes the browser deliver it only if the opener
 * is on that origin, so no other page can read a session — and closes. Without an opener
 * (the page was opened some other way) it says in words what happened and what to do.
 *
 * No inline script (the proxy's CSP allows scripts from itself only): the data rides in a
 * JSON block and `handBack` below is served as /sign-in/imis/hand-back.js. `handBack` is
 * real, type-checked code; it is served as its own source, so it must stay self-contained
 * (no imports, no closures, no inner named functions a bundler could wrap).
 */
import type { SignInMessage } from '../contract/session-api.ts';

export const HAND_BACK_SCRIPT = 'hand-back.js';
/** The JSON block's id: handBack reads it by this literal (it may not reach outside itself). */
const DATA_ID = 'gift-entry-sign-in';

/** What the page's JSON block carries. */
export interface HandBackData {
  message: SignInMessage;
  targets: string[];
  noOpener: string;
}

/** Runs in the sign-in window. Only the few browser members it touches are typed (the server build has no DOM). */
export function handBack(): void {
  interface Page {
    opener: { postMessage(message: unknown, targetOrigin: string): void } | null;
    document: { getElementById(id: string): { textContent: string | null } | null };
    close(): void;
  }
  const page = globalThis as unknown as Page;
  const block = page.document.getElementById('gift-entry-sign-in');
  const outcome = page.document.getElementById('outcome');
  if (!block || !outcome) return;
  const data = JSON.parse(block.textContent ?? '{}') as HandBackData;
  if (!page.opener) {
    outcome.textContent = data.noOpener;
    return;
  }
  for (const origin of data.targets) page.opener.postMessage(data.message, origin);
  page.close();
}

export const HAND_BACK_SOURCE = `(${handBack.toString()})();\n`;

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

/** JSON safe inside a <script> block: no "</script>", no HTML comment openers. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');

export const SIGN_IN_PAGE_CSP = "default-src 'none'; script-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** The page: the outcome in words (all a person sees if the window stays open), and the data for handBack. */
export function signInPage(data: HandBackData, outcome: string, scriptPath: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Gift entry sign-in</title>
</head>
<body>
<main>
<h1>Gift entry sign-in</h1>
<p id="outcome" role="status">${escapeHtml(outcome)}</p>
</main>
<script type="application/json" id="${DATA_ID}">${scriptJson(data)}</script>
<script src="${escapeHtml(scriptPath)}"></script>
</body>
</html>
`;
}
