/**
 * The iPart's display script: gives each placed <gift-entry> the settings saved with its
 * content item, then loads the widget from the gift proxy those settings name, so the widget
 * and the proxy are always the same release. Every way this can fail ends in a sentence in
 * the page where the form would be, never a blank. (If this script itself cannot be loaded,
 * the fallback text inside <gift-entry> in index.html stays and says so.)
 *
 * index.html names this file from both places iMIS may have unpacked the zip; only one exists,
 * and the guard below keeps a site that somehow has both from running it twice.
 */
import { PROXY_PATHS } from '../../contract/proxy-routes.ts';
import { FALLBACK_ATTRIBUTE } from '../../contract/widget-release.ts';
import { IPART_SETTINGS } from '../ipart-settings.ts';
import { readPlacementSettings, SettingsUnreadable } from './placement-settings.ts';

declare const __IPART_RELEASE__: string;

const GUARD = Symbol.for('gift-entry-ipart-display');
const global = globalThis as { [GUARD]?: boolean };

const field = (id: string) => (document.getElementById(id) as HTMLInputElement | null)?.value ?? '';

function clientContext(): { baseUrl?: unknown } {
  try {
    return JSON.parse(field('__ClientContext') || '{}') as { baseUrl?: unknown };
  } catch {
    return {}; // not an iMIS page: the settings call below says what is wrong
  }
}

function replaceWithNotice(element: Element, text: string): void {
  const notice = document.createElement('p');
  notice.className = 'AsiError';
  notice.setAttribute('role', 'alert');
  notice.textContent = text;
  element.replaceWith(notice);
}

async function prepare(element: HTMLElement): Promise<string | undefined> {
  element.dataset.ipartRelease = __IPART_RELEASE__;
  let settings;
  try {
    settings = await readPlacementSettings({
      baseUrl: String(clientContext().baseUrl || '/'),
      token: field('__RequestVerificationToken'),
      contentKey: element.dataset.contentKey ?? '',
      contentItemKey: element.dataset.contentItemKey ?? '',
    });
  } catch (error) {
    const reason = error instanceof SettingsUnreadable ? error.message : 'an unexpected answer from iMIS';
    replaceWithNotice(
      element,
      `Gift entry could not read this content item's settings (${reason}). Reload the page; if this persists, sign in again or check the item in RiSE.`,
    );
    return undefined;
  }
  for (const { name, attribute, type, checkedValue } of IPART_SETTINGS) {
    const value = settings[name];
    if (type === 'checkbox' ? value === true : typeof value === 'string' && value.trim()) {
      element.setAttribute(attribute, type === 'checkbox' ? (checkedValue ?? '') : String(value).trim());
    }
  }
  const endpoint = element.getAttribute('endpoint')?.replace(/\/+$/, '');
  if (!endpoint) {
    replaceWithNotice(
      element,
      'Gift entry is not set up on this page yet: edit this content item in RiSE and fill in the gift proxy address and caller key.',
    );
    return undefined;
  }
  return endpoint;
}

async function loadFrom(endpoint: string, elements: HTMLElement[]): Promise<void> {
  try {
    await import(/* @vite-ignore */ `${endpoint}${PROXY_PATHS.widget}`);
    for (const element of elements) element.querySelector(`[${FALLBACK_ATTRIBUTE}]`)?.remove();
  } catch {
    for (const element of elements) {
      replaceWithNotice(
        element,
        `Gift entry could not load its form from the gift proxy at ${endpoint}: the proxy may be down, or the address in this content item's settings may be wrong. Reload the page in a minute; if this persists, tell your iMIS administrator.`,
      );
    }
  }
}

if (!global[GUARD]) {
  global[GUARD] = true;
  const placed = [...document.querySelectorAll<HTMLElement>('gift-entry[data-content-item-key]')];
  const endpoints = await Promise.all(placed.map(prepare));
  const byEndpoint = new Map<string, HTMLElement[]>();
  placed.forEach((element, i) => {
    const endpoint = endpoints[i];
    if (endpoint) byEndpoint.set(endpoint, [...(byEndpoint.get(endpoint) ?? []), element]);
  });
  await Promise.all([...byEndpoint].map(([endpoint, elements]) => loadFrom(endpoint, elements)));
}
