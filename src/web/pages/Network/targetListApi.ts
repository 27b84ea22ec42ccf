// One target list / campaign (server: routes/target-lists): its members with score and status, progress
// (members visited in person since the list was made, or marked visited / won), status changes, archive.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

export type MemberStatus = 'open' | 'visited' | 'won' | 'dropped';
export type TargetListMember = {
  npi: string;
  name: string;
  score: number;
  status: MemberStatus;
  primary_service_line: string | null;
  visited_since: boolean;
  added_at: string;
};
export type TargetList = {
  id: number;
  name: string;
  goal: string;
  status: 'active' | 'archived';
  due_on: string | null;
  created_at: string;
  owner_id: number | null;
  filter: Record<string, unknown>;
  progress: { members: number; reached: number };
  members: TargetListMember[];
};

export const useTargetList = (id: number) =>
  useQuery({
    queryKey: ['targets', 'lists', id],
    queryFn: () => api<TargetList>(`/api/target-lists/${id}`),
  });

export function useSetMemberStatus(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { npi: string; status: MemberStatus }) =>
      api(`/api/target-lists/${id}/members/${v.npi}`, { method: 'PATCH', body: { status: v.status } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['targets', 'lists'] }),
  });
}

export function useArchiveList(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api(`/api/target-lists/${id}/archive`, { method: 'POST', body: {} }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['targets', 'lists'] }),
  });
}
