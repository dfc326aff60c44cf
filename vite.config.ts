import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = path.dirname(fileURLToPath(import.meta.url));

/** The explorer: Vite root is client/, the build goes to dist/client (served by the API server). */
export default defineConfig({
  root: path.join(root, 'client'),
  base: '/',
  build: {
    outDir: path.join(root, 'dist', 'client'),
    emptyOutDir: true,
    // The server's CSP is script-src 'self': no inline scripts, no eval. Vite's module preload polyfill is
    // bundled into the entry chunk, never inlined.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1500,
    sourcemap: false,
  },
  server: {
    // `npm run dev:client` talks to a running `npm start` on the default port.
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
