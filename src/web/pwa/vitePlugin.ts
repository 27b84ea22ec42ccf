// Makes the built app installable and offline-capable without a CDN or a PWA framework: emits the web
// manifest, the icons, and the service worker with the list of built files to precache; links the
// manifest in index.html and adds the registration module as a second entry script.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { iconPng } from './icons';
import { ICONS, webManifest } from './manifest';

const SW_SOURCE = new URL('./sw.js', import.meta.url);

export function pwa(): Plugin {
  return {
    name: 'rounds-pwa',
    transformIndexHtml: {
      order: 'pre',
      handler: () => [
        { tag: 'link', attrs: { rel: 'manifest', href: '/manifest.webmanifest' }, injectTo: 'head' },
        { tag: 'link', attrs: { rel: 'apple-touch-icon', href: '/icons/icon-192.png' }, injectTo: 'head' },
        { tag: 'script', attrs: { type: 'module', src: './pwa/register.ts' }, injectTo: 'body' },
      ],
    },
    configureServer(server) {
      // Dev: the manifest and icons are served so installability can be checked; no service worker.
      server.middlewares.use((req, res, next) => {
        const icon = ICONS.find((i) => i.src === req.url);
        if (req.url === '/manifest.webmanifest') {
          res.setHeader('content-type', 'application/manifest+json');
          res.end(JSON.stringify(webManifest()));
        } else if (icon) {
          res.setHeader('content-type', 'image/png');
          res.end(iconPng(icon.size, icon.maskable));
        } else next();
      });
    },
    // 'post': Vite's CSS plugin deletes the empty JS chunks of CSS-only modules in its own
    // generateBundle; listed before that, the worker precached files that were never written.
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        this.emitFile({
          type: 'asset',
          fileName: 'manifest.webmanifest',
          source: JSON.stringify(webManifest(), null, 2),
        });
        for (const i of ICONS)
          this.emitFile({ type: 'asset', fileName: i.src.slice(1), source: iconPng(i.size, i.maskable) });
        const files = Object.keys(bundle)
          // the per-state county outlines (geo/, ~50 files) are cached when first drawn, not at install;
          // .vite/manifest.json is the server's (start hints), never served
          .filter(
            (f) =>
              !f.endsWith('.map') && f !== 'index.html' && !f.startsWith('geo/') && !f.startsWith('.vite/'),
          )
          .concat('manifest.webmanifest', ...ICONS.map((i) => i.src.slice(1)))
          .sort()
          .map((f) => `/${f}`);
        const version = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 12);
        const source = readFileSync(SW_SOURCE, 'utf8')
          .replace('self.__PRECACHE__', JSON.stringify(files))
          .replace('self.__VERSION__', JSON.stringify(version));
        this.emitFile({ type: 'asset', fileName: 'sw.js', source });
      },
    },
  };
}
