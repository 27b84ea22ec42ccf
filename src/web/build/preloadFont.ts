// Asks for the interface font (Inter, its Latin subset) from the page's <head>: otherwise the browser
// discovers it only when the first text is laid out, after the app's code has run, and the page is laid
// out and painted a second time when it arrives (charts drawn before it keep the fallback font).
import type { Plugin } from 'vite';

export function preloadFont(): Plugin {
  return {
    name: 'rounds-preload-font',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (_html, ctx) => {
        const font = Object.keys(ctx.bundle ?? {}).find((f) =>
          /(^|\/)inter-latin-wght-normal-[\w-]+\.woff2$/.test(f),
        );
        if (!font) throw new Error('preloadFont: the Inter Latin font is not in the build');
        return [
          {
            tag: 'link',
            attrs: { rel: 'preload', as: 'font', type: 'font/woff2', crossorigin: '', href: `/${font}` },
            injectTo: 'head',
          },
        ];
      },
    },
  };
}
