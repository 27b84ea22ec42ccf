// Vite builds the React SPA from src/web into dist/web (served by the API server at /).
// In development the dev server proxies API calls to the Rounds server (npm run dev starts both).
import { createRequire } from 'node:module';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { geoPieces } from './src/web/build/geoPieces';
import { precompress } from './src/web/build/precompress';
import { pwa } from './src/web/pwa/vitePlugin';

const apiTarget = `http://localhost:${process.env.PORT ?? 3000}`;
// src/web/api/*.ts is served by Vite itself; only real API calls go to the server.
const api = {
  target: apiTarget,
  bypass: (req: { url?: string }) => (/\.(ts|tsx|js|css)(\?|$)/.test(req.url ?? '') ? req.url : undefined),
};

// react-router's package exports name only its development build (extra checks and warnings on every
// navigation and render); production bundles take the production build it ships beside it.
const routerDist = path.join(path.dirname(createRequire(import.meta.url).resolve('react-router')), '..');
const productionRouter = [
  { find: /^react-router$/, replacement: path.join(routerDist, 'production/index.mjs') },
  { find: /^react-router\/dom$/, replacement: path.join(routerDist, 'production/dom-export.mjs') },
];

export default defineConfig(({ command }) => ({
  root: 'src/web',
  resolve: { alias: command === 'build' ? productionRouter : [] },
  publicDir: false,
  plugins: [react(), geoPieces(), pwa(), precompress()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    sourcemap: true,
    // dist/web/.vite/manifest.json: which chunks each page needs, for the server's start hints (server/lib/startHints.ts).
    manifest: true,
    chunkSizeWarningLimit: 1200,
    // No inline scripts or data-URL scripts: the server's CSP is script-src 'self'.
    assetsInlineLimit: 0,
  },
  server: {
    port: Number(process.env.WEB_PORT ?? 5173),
    proxy: {
      '/api': api,
      '/fhir': apiTarget,
      '/healthz': apiTarget,
    },
  },
}));
