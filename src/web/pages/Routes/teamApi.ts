// The manager's team day (POST /api/routes/team): one proposed day for several liaisons sharing their stops.
// Nothing is saved; each liaison's day becomes a saved plan only through the Day tab.
import { useMutation } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useUsers } from '../../api/hooks';
import type { ProposedVisit, Travel } from './api';

export type TeamVisit = ProposedVisit & { priority: number };
export type TeamDay = {
  /** The liaison's e-mail (the server names each shift by it). */
  liaison: string;
  date: string;
  departure: number;
  returnAt: number;
  lunch: { start: number; end: number } | null;
  travelMinutes: number;
  km: number;
  miles: number;
  visits: TeamVisit[];
};
export type TeamProposal = {
  /** null when none of the liaisons had a stop to plan. */
  travel: Travel | null;
  days: TeamDay[];
  unassigned: { stopId: string; name: string; reason: string }[];
  totals: { stops: number; planned: number; travelMinutes: number; km: number; priority: number } | null;
  feasible: boolean;
  skipped: { liaison: string; what: string; reason: string }[];
  ms: number;
};
export type TeamInput = {
  date: string;
  liaisons: string[];
  targets: 'due' | 'list';
  limit?: number;
  timeLimitSec?: number;
};

/** The server takes at most this many liaisons per team day (routes-planner/schemas.ts teamBody). */
export const MAX_TEAM = 20;

export function usePlanTeam() {
  return useMutation({
    mutationFn: (body: TeamInput) => api<TeamProposal>('/api/routes/team', { body }),
  });
}

/** The active liaisons, by name: the people a team day can be planned for. */
export function useLiaisons() {
  const users = useUsers();
  return {
    ...users,
    data: users.data
      ?.filter((u) => u.role === 'liaison' && !u.disabled)
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}
