import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The app builds into dist/web, which the API process serves at `/` (apps/api/src/http/web-app.ts).
 * Vite 8 compiles TSX itself (the automatic JSX runtime, from tsconfig.json); no plugin needed.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    // dist/web/.vite/manifest.json: which files the entry loads up front (the JS budget, bench/web-bundle.ts).
    manifest: true,
    // No inline module-preload polyfill: the CSP allows same-origin scripts only.
    modulePreload: { polyfill: false },
  },
  server: { proxy: { '/api': 'http://localhost:3000', '/health': 'http://localhost:3000' } },
});
