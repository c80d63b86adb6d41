/** The bundle's entry: both elements, registered on load. */
export { GiftEntry } from './gift-entry.ts';
export { GiftToday } from './gift-today.ts';
