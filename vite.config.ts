import { defineConfig } from 'vite';

// One self-contained ES module: lit, zod/mini and the CSS inlined, nothing else in dist/.
export default defineConfig({
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: true,
    lib: {
      entry: 'src/widget/gift-entry.ts',
      formats: ['es'],
      fileName: () => 'gift-entry.js',
    },
  },
});
