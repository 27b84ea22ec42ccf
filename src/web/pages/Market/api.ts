// Referral analytics hooks (query keys start with 'market', 'alerts' or 'referrals').
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

export type Bucket = 'ours' | 'affiliated' | 'independent' | 'competitor' | 'unknown';
type Meta = {
  period: { from: string; to: string };
  serviceLines: string[];
  sources: string[];
  dataDate: string | null;
};

export type AreaShare = {
  area: string;
  name: string | null;
  total: number;
  ourNetwork: number;
  competitor: number;
  other: number;
  share: number | null;
};
export type ShareResponse = Meta & {
  by: 'county' | 'zip';
  overall: { total: number; ourNetwork: number; share: number | null };
  areas: AreaShare[];
};
export type LeakingReferrer = {
  referringNpi: string;
  name?: string;
  countyFips?: string | null;
  total: number;
  leakage: number;
  leakageShare: number;
  estimatedValue: number | null;
  byServiceLine: { serviceLine: string; leakage: number; valuePerCase: number | null }[];
};
export type LeakageResponse = Meta & {
  scope: string;
  referrersConsidered: number;
  totalLeakage: number;
  valuePerCaseIsDefault: boolean;
  items: LeakingReferrer[];
};
export type Mover = {
  referringNpi: string;
  name?: string;
  recent: number;
  prior: number;
  change: number;
  relativeChange: number | null;
};
export type MoversResponse = Meta & {
  recent: { from: string; to: string };
  prior: { from: string; to: string };
  risers: Mover[];
  fallers: Mover[];
};
export type Alert = {
  id: number;
  referringNpi: string;
  physician: string | null;
  countyName: string | null;
  serviceLine: string;
  direction: 'drop' | 'rise';
  test: 'share' | 'volume';
  summary: string;
  startMonth: string;
  asOf: string;
  baseline: { from: string; to: string; ratePerMonth: number };
  recent: { from: string; to: string; ratePerMonth: number; observed: number; expected: number };
  pValue: number;
  qValue: number;
  evidence: {
    months: string[];
    observed: number[];
    expected: number[];
    baselineShare?: number | null;
    recentShare?: number | null;
  };
  sources: string;
  dataDate: string | null;
  status: 'new' | 'acknowledged' | 'assigned' | 'resolved';
  assignee: { id: number; name: string } | null;
  note: string | null;
};
export type ReferralBase = {
  npi: string;
  provider: { name: string } | null;
  from: string;
  to: string;
  total: number;
  byNetwork: Record<Bucket, number>;
  shareToOurs: number | null;
  segment: 'loyalist' | 'splitter' | 'opportunity' | 'low_volume';
  leakage: number;
  inOfferedLines: number;
  trend: { slopePerMonth: number | null; last12: number; prior12: number; yoyChange: number | null };
  consistency: { monthsWithReferrals: number; of: number };
  /** share, segment and leakage over the last 12 months of the period (the window targets and lists use) */
  recent12: {
    from: string;
    to: string;
    inOfferedLines: number;
    shareToOurs: number | null;
    segment: 'loyalist' | 'splitter' | 'opportunity' | 'low_volume';
    leakage: number;
  };
  topDestinations: { key: string; name: string; network: Bucket; count: number; ours: boolean }[];
  byServiceLine: {
    serviceLine: string;
    offered: boolean;
    total: number;
    byNetwork: Record<Bucket, number>;
    shareToOurs: number | null;
  }[];
  monthly: ({ month: string; total: number } & Record<Bucket, number>)[];
  sources: string[];
  dataDate: string | null;
  thresholds: { loyalist: number; opportunity: number; minVolume: number };
  collaboration: { label: string; partners: number; beneficiariesByNetwork: Record<Bucket, number> } | null;
};

const opt = (v: string) => (v ? v : undefined);

export const useShare = (serviceLine: string, period: string, by: 'county' | 'zip') =>
  useQuery({
    queryKey: ['market', 'share', serviceLine, period, by],
    queryFn: () =>
      api<ShareResponse>('/api/market/share', { query: { serviceLine: opt(serviceLine), period, by } }),
    placeholderData: keepPreviousData,
  });
export const useLeakage = (serviceLine: string, period: string, scope: 'network' | 'all') =>
  useQuery({
    queryKey: ['market', 'leakage', serviceLine, period, scope],
    queryFn: () =>
      api<LeakageResponse>('/api/market/leakage', {
        query: { serviceLine: opt(serviceLine), period, limit: 50, scope },
      }),
    placeholderData: keepPreviousData,
  });
export const useMovers = (serviceLine: string, months: number) =>
  useQuery({
    queryKey: ['market', 'movers', serviceLine, months],
    queryFn: () =>
      api<MoversResponse>('/api/market/movers', {
        query: { serviceLine: opt(serviceLine), months, limit: 10 },
      }),
  });
export const useAlerts = (status: string) =>
  useQuery({
    queryKey: ['alerts', status],
    queryFn: () =>
      api<{ items: Alert[]; scopedToTerritories: boolean }>('/api/alerts', { query: { status, limit: 200 } }),
  });
export const useUsers = (enabled: boolean) =>
  useQuery({
    // not ['users']: that key holds api/hooks useUsers' bare array, and one key with two shapes broke
    // whichever page read the cache second (the inbox's assignees, or the Routes team pick after the Market)
    queryKey: ['users', 'inbox'],
    queryFn: () =>
      api<{ items: { id: number; name: string; role: string; disabled: boolean }[] }>('/api/users'),
    enabled,
  });
export const useReferralBase = (npi: string, from?: string, to?: string) =>
  useQuery({
    queryKey: ['referrals', 'base', npi, from, to],
    queryFn: () => api<ReferralBase>(`/api/referrals/base/${npi}`, { query: { from, to } }),
    enabled: /^\d{10}$/.test(npi),
  });

export function useAlertAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      action,
      body,
    }: {
      id: number;
      action: 'acknowledge' | 'assign' | 'resolve';
      body?: object;
    }) => api<Alert>(`/api/alerts/${id}/${action}`, { method: 'POST', body: body ?? {} }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['alerts'] }),
  });
}

export const pct = (x: number | null | undefined, digits = 0) =>
  x === null || x === undefined ? '—' : `${(x * 100).toFixed(digits)} %`;
export { alertLineLabel as lineLabel } from '../../../core/referrals/shiftGroups';
export const money = (v: number | null) => (v === null ? '—' : `$${Math.round(v).toLocaleString()}`);
