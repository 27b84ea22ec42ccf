// What the Providers list's CRM filters and bulk actions choose from (users, territories, target
// lists) and the relationship fields of the page of results shown.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';

export type Relationship = {
  npi: string;
  tier: 'A' | 'B' | 'C' | null;
  visit_frequency: string | null;
  owner_id: number | null;
  owner_name: string | null;
  visit: { overdue: boolean; daysOverdue: number | null; lastVisit: string | null; reason: string };
};
type Named = { id: number; name: string };

export const useUsers = () =>
  useQuery({
    queryKey: ['users', 'names'],
    queryFn: () => api<{ items: (Named & { email: string })[] }>('/api/users'),
    staleTime: 5 * 60_000,
  });

export const useTerritories = () =>
  useQuery({
    queryKey: ['territories', 'list'],
    queryFn: () => api<{ items: Named[] }>('/api/territories'),
    staleTime: 5 * 60_000,
  });

export const useTargetLists = (enabled: boolean) =>
  useQuery({
    queryKey: ['target-lists', 'active'],
    queryFn: () => api<{ items: Named[] }>('/api/target-lists'),
    enabled,
  });

/** Tier, owner and last visit of the providers on screen, by NPI (one request per page shown). */
export function usePageRelationships(npis: string[]) {
  return useQuery({
    queryKey: ['relationships', 'page', npis],
    // the API takes 500 NPIs a call; a list shown page after page asks in slices
    queryFn: async ({ signal }) => {
      const slices: string[][] = [];
      for (let i = 0; i < npis.length; i += 500) slices.push(npis.slice(i, i + 500));
      const answers = await Promise.all(
        slices.map((s) =>
          api<{ items: Relationship[] }>('/api/relationships', { query: { npis: s.join(',') }, signal }),
        ),
      );
      return new Map(answers.flatMap((r) => r.items).map((x) => [x.npi, x]));
    },
    enabled: npis.length > 0,
  });
}
