import { defineConfig, type Plugin } from 'vite';

/**
 * Minifiers never touch template literal contents, so the indentation inside Lit's
 * html`` templates would ship as-is. Newline-plus-indent is equivalent whitespace in
 * HTML (the widget has no <pre>, and its <textarea> templates are empty) and keeps the
 * newline JavaScript's ASI may need, so collapsing it is safe and saves a few hundred bytes.
 */
const collapseTemplateIndentation: Plugin = {
  name: 'collapse-template-indentation',
  enforce: 'pre',
  transform(code, id) {
    return /\/src\/widget\/[^/]+\.ts$/.test(id) ? { code: code.replace(/\n[ \t]+/g, '\n'), map: null } : undefined;
  },
};

/**
 * The minifier keeps /* @__PURE__ *\/ and @__NO_SIDE_EFFECTS__ annotations for a bundler that
 * might tree-shake this file again; nobody does (it is a drop-in script), and they cost about
 * 0.1 KB gzip. Line comments keep their newline, so automatic semicolons stay as they were.
 */
const dropBundlerAnnotations: Plugin = {
  name: 'drop-bundler-annotations',
  renderChunk(code) {
    return { code: code.replace(/\/\* @__(PURE|NO_SIDE_EFFECTS)__ \*\/ ?/g, '').replace(/\/\/ @__NO_SIDE_EFFECTS__$/gm, ''), map: null };
  },
};

// One ES module every page loads (lit, zod/mini and the CSS inlined), dist/gift-entry.js, and
// beside it the chunks only some pages load. dist/ also holds the compiled server and the component manifest, built by
// other steps, so this build must never empty it (npm start would lose dist/server/proxy.js).
export default defineConfig({
  plugins: [collapseTemplateIndentation, dropBundlerAnnotations],
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    // The browsers iMIS supports all read nested CSS: left nested, the stylesheet does not repeat
    // its :is(gift-entry, gift-today) prefix on every rule.
    cssTarget: ['chrome120', 'firefox117', 'safari17.2', 'edge120'],
    sourcemap: false,
    reportCompressedSize: true,
    // Terser's second pass folds what one pass of oxc leaves (about 0.25 KB gzip on this
    // bundle), room the 30 KB budget needs; it runs at build time only, so it costs no browser bytes.
    minify: 'terser',
    terserOptions: { module: true, ecma: 2022, compress: { passes: 2 } },
    lib: {
      entry: 'src/widget/index.ts',
      formats: ['es'],
      fileName: () => 'gift-entry.js',
    },
    rolldownOptions: {
      // The chunks import lit and the contract from the bundle itself (so it may export more
      // than GiftEntry), never from a third file every page would have to load.
      preserveEntrySignatures: 'allow-extension',
      // Library mode keeps ES output's whitespace for downstream bundlers; this is a
      // drop-in script that nobody bundles again, so minify it fully. Parts only some pages
      // need (<gift-today>, the iMIS contact search) are chunks beside the bundle, named by
      // content hash; the proxy serves them in the release's folder, cached for good.
      output: { minify: true, chunkFileNames: '[name]-[hash].js' },
    },
  },
});
