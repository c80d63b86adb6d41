/**
 * The widget's layout CSS goes into the page as a constructable stylesheet:
 * no inline <style>, so it works under a strict Content-Security-Policy, and
 * it lives in light DOM beside the iMIS theme, which still styles the markup.
 */
import css from '../../styles/gift-entry.css?inline';

let sheet: CSSStyleSheet | undefined;

export function adoptStyles(): void {
  if (sheet) return;
  sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}
