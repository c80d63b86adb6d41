/**
 * What an iMIS page tells scripts about itself: the hidden `__RequestVerificationToken`
 * field (present only inside iMIS, and the key to its REST API for the logged-in user)
 * and the hidden `__ClientContext` field holding JSON with `loggedInPartyId` and
 * `selectedPartyId`. Outside iMIS all of these are absent and the widget works as before.
 */
export interface ImisPage {
  verificationToken: string | undefined;
  loggedInPartyId: string | undefined;
  selectedPartyId: string | undefined;
}

function inputValue(id: string): string | undefined {
  const value = (document.getElementById(id) as HTMLInputElement | null)?.value?.trim();
  return value || undefined;
}

export function readImisPage(): ImisPage {
  let context: { loggedInPartyId?: unknown; selectedPartyId?: unknown } = {};
  try {
    context = JSON.parse(inputValue('__ClientContext') ?? '{}');
  } catch {
    /* a page without a readable context is simply not an iMIS page */
  }
  const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value).trim() || undefined : undefined);
  return {
    verificationToken: inputValue('__RequestVerificationToken'),
    loggedInPartyId: text(context.loggedInPartyId),
    // iMIS contact pages also carry the contact in the URL as ?ID=…
    selectedPartyId: text(context.selectedPartyId) ?? new URLSearchParams(location.search).get('ID') ?? undefined,
  };
}
