// The app's HTML for an address: the session and system info preloaded for every page; on a dashboard
// with a session cookie, the page's data URLs and the code index.html does not already load.
import { describe, expect, it } from 'vitest';
import { chunkFiles, startHints } from '../../src/server/lib/startHints';

const manifest = {
  'index.html': { file: 'assets/index-1.js', imports: ['_ui-1.js'], css: ['assets/index-1.css'] },
  '_ui-1.js': { file: 'assets/ui-1.js' },
  '_PanelCard-1.js': {
    file: 'assets/PanelCard-1.js',
    imports: ['_ui-1.js'],
    css: ['assets/PanelCard-1.css'],
  },
  'pages/Team/index.tsx': {
    file: 'assets/Team-1.js',
    imports: ['_PanelCard-1.js', '_ui-1.js', 'index.html'],
  },
  'ui/echartsModular.ts': { file: 'assets/echartsModular-1.js' },
};
const html = '<html>\n  <head>\n    <title>Rounds</title>\n  </head>\n  <body></body>\n</html>\n';
const hrefs = (s: string) =>
  [...s.matchAll(/<link rel="([^"]+)"(?: as="([a-z]+)")? crossorigin href="([^"]+)">/g)].map(
    (m) => `${m[1]}${m[2] ? `:${m[2]}` : ''} ${m[3]}`,
  );

describe('start hints', () => {
  it('follow a chunk’s static imports once each', () => {
    expect(chunkFiles(manifest, ['pages/Team/index.tsx'])).toEqual({
      js: ['assets/Team-1.js', 'assets/PanelCard-1.js', 'assets/ui-1.js', 'assets/index-1.js'],
      css: ['assets/PanelCard-1.css', 'assets/index-1.css'],
    });
  });

  const page = startHints(html, manifest);

  it('name the Team page’s data and the code index.html does not load, for a signed-in browser', () => {
    expect(hrefs(page('/team', true, '2026-11-27'))).toEqual([
      'preload:fetch /api/auth/me',
      'preload:fetch /api/system/info',
      'preload:fetch /api/dashboards/team?weeks=12',
      'modulepreload /assets/Team-1.js',
      'modulepreload /assets/PanelCard-1.js',
      'modulepreload /assets/echartsModular-1.js',
      'preload:style /assets/PanelCard-1.css',
    ]);
    expect(page('/team', true)).toMatch(/<\/title>\n( {4}<link [^\n]+\n){7} {2}<\/head>/);
  });

  it('give a signed-out browser, or a page that is not a dashboard, only the session and system info', () => {
    const common = ['preload:fetch /api/auth/me', 'preload:fetch /api/system/info'];
    expect(hrefs(page('/team', false))).toEqual(common);
    expect(hrefs(page('/providers/1234567893', true))).toEqual(common);
    expect(hrefs(page('/team?weeks=4', true)).slice(2)).not.toContain(
      'preload:fetch /api/dashboards/team?weeks=12',
    );
  });

  it('dates the day’s dashboards, and names no code without a build manifest', () => {
    expect(hrefs(page('/goals', true, '2026-11-27'))).toContain(
      'preload:fetch /api/goals?activeOn=2026-11-27',
    );
    expect(hrefs(startHints(html, null)('/team', true))).toEqual([
      'preload:fetch /api/auth/me',
      'preload:fetch /api/system/info',
      'preload:fetch /api/dashboards/team?weeks=12',
    ]);
  });
});
