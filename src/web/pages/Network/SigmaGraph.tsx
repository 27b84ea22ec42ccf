// The graph in WebGL through sigma.js over a graphology graph: pan, zoom, hover and click come from
// sigma; positions come from layout.ts (no force simulation). Selecting a node dims everything that
// is not a direct tie, through reducers, so a selection never rebuilds the graph. Edges are hidden
// while the camera moves: in headless Chromium WebGL runs on SwiftShader (a CPU rasterizer), where
// 25k edges per frame would not keep a pan fluid.
import Graph from 'graphology';
import { useEffect, useMemo, useRef } from 'react';
import Sigma from 'sigma';
import type { GraphEdge, GraphNode } from './api';
import { summaryWidth, type TieSummary, tieKey } from './communityTies';
import type { GraphRendererProps } from './graphStyle';
import {
  maxEdgeWeight,
  nodeSize,
  SELECTED_EDGE_COLOR,
  STATUS_COLORS,
  SUMMARY_EDGE_COLOR,
} from './graphStyle';
import type { Point } from './layout';

type NodeAttrs = { x: number; y: number; size: number; color: string; label: string };
// 'between': a tie across two communities, shown only when it touches the selected node while a summary
// is drawn; 'summary': the line standing for a community pair's ties (communityTies.ts)
type EdgeAttrs = { size: number; color: string; kind: 'tie' | 'between' | 'summary' };

export function buildGraph(
  nodes: GraphNode[],
  edges: GraphEdge[],
  positions: Map<string, Point>,
  summary: TieSummary | null = null,
) {
  // multi: a summary line may join two hubs that also share a tie of their own
  const g = new Graph<NodeAttrs, EdgeAttrs>({ type: 'directed', multi: true, allowSelfLoops: false });
  for (const n of nodes) {
    const p = positions.get(n.id);
    if (!p || g.hasNode(n.id)) continue;
    g.addNode(n.id, {
      // sigma's y axis points up; the canvas layout's points down — flip so both views match
      x: p.x,
      y: -p.y,
      size: nodeSize(n, nodes.length),
      color: STATUS_COLORS[n.networkStatus],
      label: n.name,
    });
  }
  const maxW = maxEdgeWeight(edges);
  for (const e of edges) {
    if (!g.hasNode(e.source) || !g.hasNode(e.target) || e.source === e.target) continue;
    if (g.hasEdge(tieKey(e))) continue;
    g.addDirectedEdgeWithKey(`${e.source}>${e.target}`, e.source, e.target, {
      size: 0.5 + 2.5 * (e.weight / maxW),
      color: 'rgba(90,99,112,0.25)',
      kind: summary?.between.has(tieKey(e)) ? 'between' : 'tie',
    });
  }
  const heaviest = summary?.lines[0]?.weight ?? 1;
  for (const line of summary?.lines ?? []) {
    if (!g.hasNode(line.source) || !g.hasNode(line.target)) continue;
    g.addDirectedEdgeWithKey(`summary:${line.communities.join('|')}`, line.source, line.target, {
      size: summaryWidth(line, heaviest),
      color: SUMMARY_EDGE_COLOR,
      kind: 'summary',
    });
  }
  return g;
}

export function SigmaGraph({
  nodes,
  edges,
  positions,
  selected,
  onSelect,
  label,
  summary = null,
}: GraphRendererProps) {
  const container = useRef<HTMLDivElement>(null);
  const sigma = useRef<Sigma<NodeAttrs, EdgeAttrs> | null>(null);
  const selectedRef = useRef(selected);
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;
  const graph = useMemo(
    () => buildGraph(nodes, edges, positions, summary),
    [nodes, edges, positions, summary],
  );
  // the selected node and its neighbours by real ties (a summary line is not a tie)
  const near = useRef<Set<string> | null>(null);

  useEffect(() => {
    if (!container.current) return;
    const isNear = (_g: Graph, n: string) => !near.current || near.current.has(n);
    const s = new Sigma<NodeAttrs, EdgeAttrs>(graph, container.current, {
      settings: {
        hideEdgesOnMove: true,
        hideLabelsOnMove: true,
        labelRenderedSizeThreshold: nodes.length > 1000 ? 9 : 4,
      },
      nodeReducer: (key, data, _attrs, _state, _gs, g) =>
        isNear(g, key)
          ? key === selectedRef.current
            ? { ...data, highlighted: true, labelVisibility: 'visible', zIndex: 2 }
            : data
          : { ...data, opacity: 0.2, label: null, zIndex: 0 },
      edgeReducer: (key, data, attrs, _state, _gs, g) => {
        const sel = selectedRef.current;
        if (!sel || !g.hasNode(sel))
          return attrs.kind === 'between' ? { ...data, visibility: 'hidden' as const } : data;
        const touches = attrs.kind !== 'summary' && (g.source(key) === sel || g.target(key) === sel);
        return touches
          ? { ...data, color: SELECTED_EDGE_COLOR, size: Math.max(1.5, data.size), zIndex: 1 }
          : { ...data, visibility: 'hidden' };
      },
    });
    s.on('clickNode', ({ node }) => onSelectRef.current(node));
    s.on('clickStage', () => onSelectRef.current(null));
    sigma.current = s;
    // exposed for the Playwright fluidity bench (bench/network/graphFps.ts), read-only use
    (window as unknown as { __roundsSigma?: Sigma }).__roundsSigma = s as unknown as Sigma;
    return () => {
      s.kill();
      sigma.current = null;
    };
  }, [graph, nodes.length]);

  useEffect(() => {
    selectedRef.current = selected;
    if (!selected || !graph.hasNode(selected)) near.current = null;
    else {
      const set = new Set([selected]);
      graph.forEachEdge(selected, (_k, a, source, target) => {
        if (a.kind !== 'summary') set.add(source === selected ? target : source);
      });
      near.current = set;
    }
    sigma.current?.refresh({ skipIndexation: true });
  }, [selected, graph]);

  return (
    <div
      ref={container}
      className="network-canvas network-sigma"
      role="img"
      aria-label={label}
      data-renderer="webgl"
    />
  );
}
