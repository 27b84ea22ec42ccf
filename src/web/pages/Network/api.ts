// Network + targets hooks (query keys start with 'network' / 'targets').
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TargetFilter as CoreTargetFilter } from '../../../core/targets/filter';
import { api } from '../../api/client';

export type NetStatus = 'ours' | 'affiliated' | 'independent' | 'competitor' | 'unknown';
export type Influence = {
  weightedDegree: number;
  pagerank: number;
  pagerankPct: number;
  betweenness: number;
  community: number;
  computedAt: string;
};
export type GraphNode = {
  id: string;
  kind: 'provider' | 'organization';
  name: string;
  serviceLine: string | null;
  networkStatus: NetStatus;
  organization: string | null;
  influence: Influence | null;
  hop?: number;
  tie?: number;
};
export type GraphEdge = {
  source: string;
  target: string;
  weight: number;
  referrals: number;
  sharedPatients: number;
  serviceLines: string[];
  why?: string;
};
export type NetworkMeta = {
  computedAt: string | null;
  jobId: number | null;
  dataDate: string | null;
  stale: boolean;
};
export type GraphData = {
  meta: NetworkMeta;
  nodes: GraphNode[];
  edges: GraphEdge[];
  truncated?: boolean;
  source?: string;
};
export type PathStep = GraphNode;
export type StrongPath = {
  destination: string;
  nodes: string[];
  shares: number[];
  strength: number;
  steps: PathStep[];
};

export type GraphFilter = {
  serviceLine?: string;
  minWeight?: number;
  networkStatus?: string;
  community?: number;
};

export const useMarketGraph = (f: GraphFilter & { limit: number }) =>
  useQuery({
    queryKey: ['network', 'graph', f],
    queryFn: () => api<GraphData>('/api/network/graph', { query: f }),
    placeholderData: keepPreviousData,
  });

export const useEgo = (npi: string, depth: 1 | 2, f: GraphFilter = {}) =>
  useQuery({
    queryKey: ['network', 'ego', npi, depth, f],
    queryFn: () =>
      api<GraphData & { center: string }>(`/api/network/ego/${npi}`, {
        query: { depth, serviceLine: f.serviceLine, minWeight: f.minWeight },
      }),
    placeholderData: keepPreviousData,
  });

export const usePaths = (npi: string, serviceLine?: string) =>
  useQuery({
    queryKey: ['network', 'paths', npi, serviceLine],
    queryFn: () =>
      api<{ definition: string; paths: StrongPath[] }>(`/api/network/paths/${npi}`, {
        query: { serviceLine },
      }),
  });

export type NetworkJob = {
  id: number;
  status: string;
  started_at: string;
  finished_at: string | null;
  nodes: number | null;
  edges: string | null;
  duration_ms: number | null;
  message: string | null;
};
export const useNetworkJobs = () =>
  useQuery({
    queryKey: ['network', 'jobs'],
    queryFn: () => api<{ meta: NetworkMeta; items: NetworkJob[] }>('/api/network/jobs'),
    refetchInterval: (q) => (q.state.data?.items.some((j) => j.status === 'running') ? 1500 : false),
  });

export function useStartNetworkJob() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ jobId: number }>('/api/network/jobs', { method: 'POST', body: {} }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['network'] }),
  });
}

// Targets ------------------------------------------------------------------------------------
export type Factor =
  | 'opportunity'
  | 'growth'
  | 'loyalty'
  | 'influence'
  | 'newToMarket'
  | 'recency'
  | 'openIssues'
  | 'proximity';
export type Weights = Record<Factor, number>;
export type Contribution = { factor: Factor; value: number; known: boolean; weight: number; points: number };
export type Target = {
  rank: number;
  npi: string;
  name: string;
  serviceLine: string | null;
  networkStatus: NetStatus;
  score: number;
  breakdown: Contribution[];
  why: string[];
};
export type TargetsResponse = {
  weights: Weights;
  factors: { factor: Factor; label: string; normalization: string }[];
  leakageP90: number;
  /** physicians matching the filter */
  poolSize: number;
  /** every candidate in the pool (the scale of the scores) */
  candidates: number;
  meta: { dataDate: string | null; referralWindow: { from: string; to: string } };
  items: Target[];
};
export type PreviewResponse = {
  entered: number;
  left: string[];
  items: (Target & { previousRank: number | null; moved: number })[];
};

/** Who the list is about (server: core/targets/filter.ts + the physician's own service line + territory). */
export type TargetFilter = CoreTargetFilter & { liaison?: string; serviceLine?: string };

export const useTargets = (limit: number, filter: TargetFilter = {}) =>
  useQuery({
    queryKey: ['targets', 'list', limit, filter],
    queryFn: () => api<TargetsResponse>('/api/targets', { query: { limit, ...filter } }),
    placeholderData: keepPreviousData,
  });

export const usePreview = (weights: Weights | null, filter: TargetFilter = {}) =>
  useQuery({
    queryKey: ['targets', 'preview', weights, filter],
    queryFn: ({ signal }) =>
      api<PreviewResponse>('/api/targets/preview', {
        method: 'POST',
        body: { weights, limit: 50, ...filter },
        signal,
      }),
    enabled: !!weights,
    placeholderData: keepPreviousData,
  });

export function useSaveWeights() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (w: Weights) => api<{ weights: Weights }>('/api/targets/weights', { method: 'PUT', body: w }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['targets'] }),
  });
}

export function useCreateTargetList() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; goal?: string; limit: number; weights?: Weights } & TargetFilter) =>
      api<{ id: number; name: string }>('/api/target-lists', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['targets'] }),
  });
}

export const useTargetLists = () =>
  useQuery({
    queryKey: ['targets', 'lists'],
    queryFn: () =>
      api<{
        items: {
          id: number;
          name: string;
          goal: string;
          owner_name: string | null;
          members: number;
          reached: number;
          created_at: string;
        }[];
      }>('/api/target-lists'),
  });

// "Add to today's route" -------------------------------------------------------------------
export type AddToRouteResult = {
  added: string[];
  /** Added physicians whose office does not fit the day, and why. */
  notFitting: { npi: string; office: string; reason: string; reasonText: string }[];
  alreadyOnRoute: string[];
  skipped: { what: string; reason: string }[];
  replaced: number | null;
  plan: { id: number; date: string; totals: { stops: number; planned: number } };
};

/** Today in the browser's time zone, as the route planner shows it. */
export const localToday = () => new Date().toLocaleDateString('en-CA');

export function useAddToRoute() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (npis: string[]) =>
      api<AddToRouteResult>('/api/targets/add-to-route', {
        method: 'POST',
        body: { npis, date: localToday() },
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['routes'] }),
  });
}
