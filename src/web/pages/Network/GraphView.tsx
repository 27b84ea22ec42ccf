// The graph view: sigma.js (WebGL) where the browser has WebGL — every current browser, and
// headless Chromium through SwiftShader — else the 2D-canvas renderer, so a browser with WebGL
// switched off still gets a graph rather than an error.
import { type ComponentProps, lazy, Suspense } from 'react';
import { SkeletonRows } from '../../ui';
import { GraphCanvas } from './GraphCanvas';

// sigma + graphology are ~200 kB: loaded only when a graph is shown
const SigmaGraph = lazy(() => import('./SigmaGraph').then((m) => ({ default: m.SigmaGraph })));

let webgl: boolean | undefined;
export function hasWebGL(): boolean {
  if (webgl === undefined) {
    try {
      const c = document.createElement('canvas');
      // sigma 4 renders with WebGL2
      webgl = !!c.getContext('webgl2');
    } catch {
      webgl = false;
    }
  }
  return webgl;
}

export function GraphView(props: ComponentProps<typeof GraphCanvas>) {
  if (!hasWebGL() || new URLSearchParams(window.location.search).get('renderer') === 'canvas')
    return <GraphCanvas {...props} />;
  return (
    <Suspense fallback={<SkeletonRows rows={8} />}>
      <SigmaGraph {...props} />
    </Suspense>
  );
}
