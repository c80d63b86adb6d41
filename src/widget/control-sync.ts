/**
 * After every render, each named control shows exactly the value the element holds for
 * it. Lit sets a property only when the value it rendered last time changes, but people
 * change the DOM in between: a select someone has used ignores later `selected`
 * attributes (how "(none)" once showed over a campaign that was sent), and an input can
 * hold text the state never took. One pass after each render closes every such gap.
 */
export function syncControls(root: ParentNode, values: Readonly<Record<string, string>>): void {
  for (const control of root.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('[name]')) {
    const value = values[control.name];
    if (value !== undefined && control.value !== value) control.value = value;
  }
}
