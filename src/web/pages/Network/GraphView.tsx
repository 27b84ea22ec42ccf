// The graph view: sigma.js (WebGL) where the browser renders WebGL on a GPU, else the 2D-canvas
// renderer. Software WebGL counts as "no GPU": measured at 5,000 nodes / 25,000 ties in headless
// Chromium, whose WebGL runs on SwiftShader, sigma took seconds per frame while panning where the
// canvas renderer kept 60 fps (docs/benchmarks.md, bench/network/graphFps.ts). Chromium still
// grants a SwiftShader context under `failIfMajorPerformanceCaveat`, so the renderer's name is
// checked as well. `?renderer=webgl|canvas` overrides (the e2e journey uses it to test sigma).
import { type ComponentProps, lazy, Suspense } from 'react';
import { SkeletonRows } from '../../ui';
import { GraphCanvas } from './GraphCanvas';

// sigma + graphology are ~200 kB: loaded only when a graph is shown with them
const SigmaGraph = lazy(() => import('./SigmaGraph').then((m) => ({ default: m.SigmaGraph })));

let gpu: boolean | undefined;
const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|basic render/i;

/** WebGL2 (what sigma 4 needs) on a GPU, not on a software rasterizer. */
export function hasGpuWebGL(): boolean {
  if (gpu === undefined) {
    try {
      const gl = document
        .createElement('canvas')
        .getContext('webgl2', { failIfMajorPerformanceCaveat: true });
      const info = gl?.getExtension('WEBGL_debug_renderer_info');
      const name = gl ? String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER)) : '';
      gpu = !!gl && !SOFTWARE.test(name);
      gl?.getExtension('WEBGL_lose_context')?.loseContext();
    } catch {
      gpu = false;
    }
  }
  return gpu;
}

export function GraphView(props: ComponentProps<typeof GraphCanvas>) {
  const forced = new URLSearchParams(window.location.search).get('renderer');
  const webgl = forced === 'webgl' || (forced !== 'canvas' && hasGpuWebGL());
  if (!webgl) return <GraphCanvas {...props} />;
  return (
    <Suspense fallback={<SkeletonRows rows={8} />}>
      <SigmaGraph {...props} />
    </Suspense>
  );
}
