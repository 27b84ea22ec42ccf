// Writes one small TopoJSON per state (its counties) beside the app at build time —
// dist/web/geo/counties-<state FIPS>.json — and serves the same files from the dev server, so a
// county map fetches only its market's states (src/web/ui/map/basemap.ts joins them).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Topology } from 'topojson-specification';
import type { Plugin } from 'vite';
import { topologyPiece } from '../ui/map/topologySubset';

function pieces(): Map<string, string> {
  const path = createRequire(import.meta.url).resolve('us-atlas/counties-10m.json');
  const topo = JSON.parse(readFileSync(path, 'utf8')) as Topology;
  const states = new Set(
    (topo.objects.counties as { geometries: { id?: string }[] }).geometries.map((g) =>
      String(g.id).slice(0, 2),
    ),
  );
  const out = new Map<string, string>();
  for (const s of [...states].sort())
    out.set(s, JSON.stringify(topologyPiece(topo, 'counties', (g) => String(g.id).startsWith(s))));
  return out;
}

export function geoPieces(): Plugin {
  let built: Map<string, string> | null = null;
  const get = () => (built ??= pieces());
  return {
    name: 'rounds-geo-pieces',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const m = /^\/geo\/counties-(\d\d)\.json$/.exec(req.url ?? '');
        const body = m ? get().get(m[1]!) : undefined;
        if (!body) return next();
        res.setHeader('content-type', 'application/json');
        res.end(body);
      });
    },
    generateBundle() {
      for (const [state, source] of get())
        this.emitFile({ type: 'asset', fileName: `geo/counties-${state}.json`, source });
    },
  };
}
