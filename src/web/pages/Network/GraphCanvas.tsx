// The graph drawn on a 2D canvas: the fallback of GraphView when a browser has no WebGL2 (sigma.js
// is the default renderer). 5,000 nodes redraw in a few milliseconds because positions are precomputed (layout.ts) and
// each frame is one pass over edges and nodes. Drag to pan, wheel to zoom, click to select.
import { useEffect, useMemo, useRef, useState } from 'react';
import { summaryWidth, tieKey } from './communityTies';
import type { GraphRendererProps } from './graphStyle';
import {
  maxEdgeWeight,
  nodeSize,
  SELECTED_EDGE_COLOR,
  STATUS_COLORS,
  SUMMARY_EDGE_COLOR,
} from './graphStyle';
import type { Point } from './layout';

export function GraphCanvas({
  nodes,
  edges,
  positions,
  selected,
  onSelect,
  label,
  summary = null,
}: GraphRendererProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [view, setView] = useState({ zoom: 1, dx: 0, dy: 0 });
  // While panning, edges are not drawn (as sigma's hideEdgesOnMove): software canvases without a
  // GPU need ~0.4 s for 25k translucent lines, nodes alone redraw within a frame.
  const [moving, setMoving] = useState(false);
  const wheelTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const drag = useRef<{ x: number; y: number; moved: boolean } | null>(null);
  const bounds = useMemo(() => {
    let m = 0.001;
    for (const p of positions.values()) m = Math.max(m, Math.abs(p.x), Math.abs(p.y));
    return m;
  }, [positions]);
  const maxW = useMemo(() => maxEdgeWeight(edges), [edges]);
  const neighbours = useMemo(() => {
    const s = new Set<string>();
    for (const e of edges) {
      if (e.source === selected) s.add(e.target);
      if (e.target === selected) s.add(e.source);
    }
    return s;
  }, [edges, selected]);

  const project = (p: Point, w: number, h: number) => {
    const scale = (Math.min(w, h) / 2 / bounds) * 0.9 * view.zoom;
    return { x: w / 2 + view.dx + p.x * scale, y: h / 2 + view.dy + p.y * scale };
  };

  useEffect(() => {
    const c = canvas.current;
    if (!c) return;
    const dpr = window.devicePixelRatio || 1;
    const w = c.clientWidth;
    const h = c.clientHeight;
    c.width = w * dpr;
    c.height = h * dpr;
    const ctx = c.getContext('2d');
    if (!ctx) return;
    ctx.scale(dpr, dpr);
    ctx.clearRect(0, 0, w, h);
    // Batched drawing: one path per edge-width bucket and one per node colour, so a frame is a
    // handful of stroke/fill calls instead of one per element (24k strokes took ~0.5 s here).
    const scale = (Math.min(w, h) / 2 / bounds) * 0.9 * view.zoom;
    const ox = w / 2 + view.dx;
    const oy = h / 2 + view.dy;
    const buckets = [new Path2D(), new Path2D(), new Path2D()];
    const hot = new Path2D();
    for (const e of moving ? [] : edges) {
      const a = positions.get(e.source);
      const b = positions.get(e.target);
      if (!a || !b) continue;
      const touches = selected && (e.source === selected || e.target === selected);
      // a tie between two communities is drawn in its community pair's line (below), unless selected
      if (!touches && summary?.between.has(tieKey(e))) continue;
      const path = touches ? hot : buckets[Math.min(2, Math.floor((3 * e.weight) / (maxW + 1e-9)))]!;
      path.moveTo(ox + a.x * scale, oy + a.y * scale);
      path.lineTo(ox + b.x * scale, oy + b.y * scale);
    }
    ctx.strokeStyle = 'rgba(90,99,112,0.18)';
    buckets.forEach((path, i) => {
      ctx.lineWidth = 0.5 + i;
      ctx.stroke(path);
    });
    if (summary && !selected && !moving) {
      ctx.strokeStyle = SUMMARY_EDGE_COLOR;
      ctx.lineCap = 'round';
      const heaviest = summary.lines[0]?.weight ?? 1;
      for (const line of summary.lines) {
        const a = positions.get(line.source);
        const b = positions.get(line.target);
        if (!a || !b) continue;
        ctx.lineWidth = summaryWidth(line, heaviest);
        ctx.beginPath();
        ctx.moveTo(ox + a.x * scale, oy + a.y * scale);
        ctx.lineTo(ox + b.x * scale, oy + b.y * scale);
        ctx.stroke();
      }
    }
    ctx.strokeStyle = SELECTED_EDGE_COLOR;
    ctx.lineWidth = 1.5;
    ctx.stroke(hot);
    // every community's hub is named when ties are summarized (the lines run between them)
    const hubs = new Set(summary?.lines.flatMap((l) => [l.source, l.target]) ?? []);
    const labelled =
      nodes.length <= 60 ? nodes : [...nodes.filter((n) => hubs.has(n.id)), ...nodes.slice(0, 25)];
    const fills = new Map<string, { bright: Path2D; dim: Path2D }>();
    for (const n of nodes) {
      const p = positions.get(n.id);
      if (!p) continue;
      const x = ox + p.x * scale;
      const y = oy + p.y * scale;
      const r = nodeSize(n, nodes.length);
      const color = STATUS_COLORS[n.networkStatus];
      const f = fills.get(color) ?? { bright: new Path2D(), dim: new Path2D() };
      fills.set(color, f);
      const path = selected && n.id !== selected && !neighbours.has(n.id) ? f.dim : f.bright;
      // squares while moving: software rasterizers fill rectangles far faster than arcs
      if (moving) path.rect(x - r * 0.8, y - r * 0.8, r * 1.6, r * 1.6);
      else {
        path.moveTo(x + r, y);
        path.arc(x, y, r, 0, 2 * Math.PI);
      }
    }
    for (const [color, f] of fills) {
      ctx.fillStyle = color;
      ctx.globalAlpha = 0.25;
      ctx.fill(f.dim);
      ctx.globalAlpha = 1;
      ctx.fill(f.bright);
    }
    const sel = selected ? positions.get(selected) : undefined;
    if (sel) {
      ctx.strokeStyle = '#0b5c5c';
      ctx.lineWidth = 3;
      ctx.beginPath();
      ctx.arc(ox + sel.x * scale, oy + sel.y * scale, 10, 0, 2 * Math.PI);
      ctx.stroke();
    }
    ctx.globalAlpha = 1;
    ctx.fillStyle = '#1f2933';
    ctx.strokeStyle = 'rgba(255, 255, 255, 0.9)';
    ctx.lineWidth = 3;
    ctx.lineJoin = 'round';
    ctx.font = '12px system-ui, sans-serif';
    // The selected node's label first, then the most influential; a label that would overlap one
    // already drawn is left out (nodes of one community sit close together), with a white halo
    // so the names read over the edges.
    const drawn: { x: number; y: number; w: number }[] = [];
    for (const n of [...nodes.filter((x) => x.id === selected), ...labelled]) {
      const p = positions.get(n.id);
      if (!p) continue;
      const q = project(p, w, h);
      const box = { x: q.x + 8, y: q.y - 6, w: ctx.measureText(n.name).width };
      if (drawn.some((d) => box.x < d.x + d.w + 4 && d.x < box.x + box.w + 4 && Math.abs(box.y - d.y) < 14))
        continue;
      drawn.push(box);
      ctx.strokeText(n.name, box.x, box.y);
      ctx.fillText(n.name, box.x, box.y);
    }
  });

  const hit = (clientX: number, clientY: number) => {
    const c = canvas.current!;
    const rect = c.getBoundingClientRect();
    const x = clientX - rect.left;
    const y = clientY - rect.top;
    let best: string | null = null;
    let bestD = 14 * 14;
    for (const n of nodes) {
      const p = positions.get(n.id);
      if (!p) continue;
      const q = project(p, rect.width, rect.height);
      const d = (q.x - x) ** 2 + (q.y - y) ** 2;
      if (d < bestD) {
        bestD = d;
        best = n.id;
      }
    }
    return best;
  };

  return (
    <canvas
      ref={canvas}
      className="network-canvas"
      role="img"
      aria-label={label}
      data-renderer="canvas"
      onPointerDown={(e) => {
        drag.current = { x: e.clientX, y: e.clientY, moved: false };
      }}
      onPointerMove={(e) => {
        const d = drag.current;
        if (!d) return;
        const mx = e.clientX - d.x;
        const my = e.clientY - d.y;
        if (Math.abs(mx) + Math.abs(my) > 3 && !d.moved) {
          d.moved = true;
          setMoving(true);
        }
        if (d.moved) {
          setView((v) => ({ ...v, dx: v.dx + mx, dy: v.dy + my }));
          d.x = e.clientX;
          d.y = e.clientY;
        }
      }}
      onPointerUp={(e) => {
        if (drag.current && !drag.current.moved) onSelect(hit(e.clientX, e.clientY));
        drag.current = null;
        setMoving(false);
      }}
      onWheel={(e) => {
        setMoving(true);
        clearTimeout(wheelTimer.current);
        wheelTimer.current = setTimeout(() => setMoving(false), 200);
        setView((v) => ({
          ...v,
          zoom: Math.min(20, Math.max(0.2, v.zoom * (e.deltaY < 0 ? 1.15 : 1 / 1.15))),
        }));
      }}
    />
  );
}
