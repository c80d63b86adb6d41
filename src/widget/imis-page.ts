/**
 * What an iMIS page tells scripts about itself: the hidden `__RequestVerificationToken`
 * field (present only inside iMIS, and the key to its REST API for the logged-in user)
 * and the hidden `__ClientContext` field holding JSON with `baseUrl`, `loggedInPartyId`
 * and `selectedPartyId` (the names ASI's own iPart helpers read: Advsol/Angular-settings-demo
 * src/asi-core/app-constants.service.ts). Outside iMIS all of these are absent and the
 * widget works as before.
 */
export interface ImisPage {
  verificationToken: string | undefined;
  loggedInPartyId: string | undefined;
  /** The donor to prefill, or undefined: see `prefillPartyId`. */
  selectedPartyId: string | undefined;
  /** The site's application path ("/imis/"), ending in "/"; REST paths are joined to it. */
  baseUrl: string;
}

function inputValue(id: string): string | undefined {
  const value = (document.getElementById(id) as HTMLInputElement | null)?.value?.trim();
  return value || undefined;
}

/**
 * iMIS fills `selectedPartyId` from the URL's `ID`, else the contact staff act on behalf
 * of, else the logged-in user: never empty for a signed-in user. So only the URL's `ID`,
 * or a selected party other than the staff member, means "this page is about a contact".
 */
function prefillPartyId(urlId: string | undefined, selected: string | undefined, loggedIn: string | undefined): string | undefined {
  return urlId ?? (selected !== loggedIn ? selected : undefined);
}

export function readImisPage(): ImisPage {
  let context: { loggedInPartyId?: unknown; selectedPartyId?: unknown; baseUrl?: unknown } = {};
  try {
    context = JSON.parse(inputValue('__ClientContext') ?? '{}');
  } catch {
    /* a page without a readable context is simply not an iMIS page */
  }
  const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value).trim() || undefined : undefined);
  const loggedInPartyId = text(context.loggedInPartyId);
  return {
    verificationToken: inputValue('__RequestVerificationToken'),
    loggedInPartyId,
    selectedPartyId: prefillPartyId(text(new URLSearchParams(location.search).get('ID')), text(context.selectedPartyId), loggedInPartyId),
    baseUrl: (text(context.baseUrl) ?? '/').replace(/\/*$/, '/'),
  };
}
