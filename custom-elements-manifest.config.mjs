// @ts-check
// The custom-elements manifest (dist/custom-elements.json), by open-wc's analyzer. Each element's
// public surface is the JSDoc header at the top of its file (one @attr, @fires or @cssprop per
// line): the analyzer alone would miss it there, and would list Lit's internal reactive state as
// attributes and a dispatch helper's parameter as an event. The plugin below makes the header the
// one source, keeping what the analyzer learned from the code (field names, types) for each entry.
import { readFileSync } from 'node:fs';

const TAG = /^\s*\*?\s*@(attr|fires|cssprop)\s+(\S+)(?:\s+-\s+(.*))?$/;

/** @param {string} source */
function headerTags(source) {
  const header = /^\s*\/\*\*([\s\S]*?)\*\//.exec(source)?.[1] ?? '';
  /** @type {{ attr: Array<{ name: string, description: string }>, fires: Array<{ name: string, description: string }>, cssprop: Array<{ name: string, description: string }> }} */
  const tags = { attr: [], fires: [], cssprop: [] };
  for (const line of header.split('\n')) {
    const match = TAG.exec(line);
    if (match)
      tags[/** @type {'attr' | 'fires' | 'cssprop'} */ (match[1])].push({ name: match[2] ?? '', description: match[3]?.trim() ?? '' });
  }
  return tags;
}

/** @returns {import('@custom-elements-manifest/analyzer').Plugin} */
function publicSurfaceFromHeader() {
  return {
    name: 'public-surface-from-header',
    // The last phase: after the Lit support has added what it found in the code.
    packageLinkPhase({ customElementsManifest }) {
      for (const moduleDoc of customElementsManifest.modules) {
        const tags = headerTags(readFileSync(moduleDoc.path, 'utf8'));
        for (const declaration of moduleDoc.declarations ?? []) {
          if (!('customElement' in declaration) || !declaration.customElement) continue;
          const found = new Map((declaration.attributes ?? []).map((attribute) => [attribute.name, attribute]));
          declaration.attributes = tags.attr.map(({ name, description }) => ({ ...found.get(name), name, description }));
          declaration.events = tags.fires.map(({ name, description }) => ({ name, description, type: { text: 'CustomEvent' } }));
          declaration.cssProperties = tags.cssprop.map(({ name, description }) => ({ name, description }));
        }
      }
    },
  };
}

export default {
  globs: ['src/widget/gift-entry.ts', 'src/widget/gift-today.ts'],
  outdir: 'dist',
  litelement: true,
  plugins: [publicSurfaceFromHeader()],
};
