/**
 * The bundle's entry: <gift-entry>, registered on load. <gift-today> (today's journal and
 * its CSV) is a chunk of its own, fetched only by a page that shows one.
 */
export { GiftEntry } from './gift-entry.ts';

const TODAY = 'gift-today';
const loadToday = () => import('./gift-today.ts');

if (document.querySelector(TODAY)) void loadToday();
else {
  const watcher = new MutationObserver(() => {
    if (!document.querySelector(TODAY)) return;
    watcher.disconnect();
    void loadToday();
  });
  watcher.observe(document.documentElement, { childList: true, subtree: true });
}
