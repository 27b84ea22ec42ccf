// Types and TanStack Query hooks for the CRM pages (activities, tasks, issues, timeline).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Query } from '../../api/client';

export const ACTIVITY_TYPES = [
  ['in_person_visit', 'Visit'],
  ['drop_in', 'Drop-in'],
  ['lunch_and_learn', 'Lunch & learn'],
  ['call', 'Call'],
  ['email', 'E-mail'],
  ['event', 'Event'],
  ['virtual', 'Virtual'],
  ['note', 'Note'],
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number][0];
export const TYPE_LABEL = Object.fromEntries(ACTIVITY_TYPES) as Record<ActivityType, string>;
export const OUTCOMES = [
  ['positive', 'Positive'],
  ['neutral', 'Neutral'],
  ['follow_up', 'Follow-up'],
  ['concern', 'Concern'],
  ['no_access', 'No access'],
] as const;
export type Outcome = (typeof OUTCOMES)[number][0];
export const OUTCOME_LABEL = Object.fromEntries(OUTCOMES) as Record<Outcome, string>;

export type Attendee = { npi: string | null; contactId: number | null; name: string };
export type Activity = {
  id: number;
  type: ActivityType;
  occurred_at: string;
  duration_minutes: number | null;
  organization_id: number | null;
  organization_name: string | null;
  subject: string;
  topics: string[];
  outcome: Outcome | null;
  notes: string;
  owner_id: number | null;
  owner_name: string | null;
  version: number;
  attendees: Attendee[];
};
export type Task = {
  id: number;
  title: string;
  description: string;
  owner_id: number | null;
  owner_name: string | null;
  due_on: string | null;
  status: 'open' | 'in_progress' | 'done' | 'cancelled';
  provider_npi: string | null;
  provider_name: string | null;
  organization_name: string | null;
  activity_id: number | null;
  version: number;
  overdue: boolean;
  daysOverdue: number;
};
export type TimelineItem = {
  kind: 'activity' | 'task' | 'issue' | 'spend' | 'change';
  id: string;
  at: string;
  title: string;
  detail: string;
  actor: string | null;
};

export type LogActivityBody = {
  type: ActivityType;
  occurredAt?: string;
  durationMinutes?: number;
  organizationId?: number | null;
  providerNpis: string[];
  contactIds: number[];
  outcome?: Outcome | null;
  notes?: string;
  clientId: string;
  followUps?: { title: string; dueOn?: string | null }[];
};

export const useActivities = (query: Query) =>
  useQuery({
    queryKey: ['activities', query],
    queryFn: ({ signal }) => api<{ items: Activity[] }>('/api/activities', { query, signal }),
  });

export const useTasks = (query: Query) =>
  useQuery({
    queryKey: ['tasks', query],
    queryFn: ({ signal }) => api<{ items: Task[] }>('/api/tasks', { query, signal }),
  });

export function useLogActivity() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: LogActivityBody) => api<Activity & { tasks: Task[] }>('/api/activities', { body }),
    onSuccess: () => {
      for (const k of ['activities', 'tasks', 'timeline', 'relationships'])
        qc.invalidateQueries({ queryKey: [k] });
    },
  });
}

export const useTimeline = (kind: 'providers' | 'organizations', id: string | number) =>
  useQuery({
    queryKey: ['timeline', kind, String(id)],
    queryFn: ({ signal }) =>
      api<{ items: TimelineItem[] }>(`/api/timeline/${kind}/${id}`, { query: { limit: 100 }, signal }),
  });

/** A download link for a list export (the server audits it). */
export const exportHref = (list: string, format: 'csv' | 'xlsx', query: Query = {}) => {
  const qs = new URLSearchParams({ format });
  for (const [k, v] of Object.entries(query))
    if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  return `/api/crm-export/${list}?${qs}`;
};

export const isoDate = (d: Date) => d.toISOString().slice(0, 10);
export const plusDays = (n: number) => isoDate(new Date(Date.now() + n * 86_400_000));
