// TanStack Query hooks for the foundation API. Pages add their own hooks next to their pages,
// using `api()` and a query key that starts with the resource name (e.g. ['providers', id]).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, setCsrfToken } from './client';
import type { ImportJob, ImportJobDetail, Me, MeResponse, Role, SystemInfo, User } from './types';

export const meKey = ['auth', 'me'] as const;

/** Who is signed in (null: nobody) — the query behind useMe, also started early by app/earlyStart.ts. */
export const meQuery = {
  queryKey: meKey,
  queryFn: async (): Promise<Me | null> => {
    try {
      const r = await api<MeResponse>('/api/auth/me');
      setCsrfToken(r.csrfToken);
      return r.user;
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return null;
      throw e;
    }
  },
  staleTime: 5 * 60_000,
  retry: false,
};

/** The signed-in user, or null when there is no session. */
export function useMe() {
  return useQuery(meQuery);
}

/** Version, demo state and data dates — the query behind useSystemInfo, also started by app/earlyStart.ts. */
export const systemInfoQuery = {
  queryKey: ['system', 'info'],
  queryFn: () => api<SystemInfo>('/api/system/info'),
  staleTime: 10 * 60_000,
};

export function useSystemInfo() {
  return useQuery({
    ...systemInfoQuery,
    // while the demo's referral history loads in the background, look again every few seconds
    refetchInterval: (q) => (q.state.data?.demo?.loading ? 5_000 : false),
  });
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) => api<MeResponse>('/api/auth/login', { body }),
    onSuccess: (r) => {
      setCsrfToken(r.csrfToken);
      qc.clear();
      qc.setQueryData(meKey, r.user);
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api('/api/auth/logout', { method: 'POST' }).catch(() => null),
    onSettled: () => {
      setCsrfToken(null);
      qc.clear();
      qc.setQueryData(meKey, null);
    },
  });
}

export function useChangePassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      api<{ ok: true; csrfToken: string }>('/api/auth/password', { body }),
    onSuccess: (r) => {
      setCsrfToken(r.csrfToken);
      qc.setQueryData<Me | null>(meKey, (m) => (m ? { ...m, mustChangePassword: false } : m));
    },
  });
}

export const usersKey = ['users'] as const;

export function useUsers() {
  return useQuery({
    queryKey: usersKey,
    queryFn: () => api<{ items: User[] }>('/api/users').then((r) => r.items),
  });
}

export function useAddUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: {
      email: string;
      name: string;
      role: Role;
      password?: string;
      managerId?: number | null;
    }) => api<{ user: User; oneTimePassword: string | null }>('/api/users', { body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: usersKey }),
  });
}

export function useUpdateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      ...body
    }: {
      id: number;
      role?: Role;
      disabled?: boolean;
      name?: string;
      managerId?: number | null;
    }) => api<User>(`/api/users/${id}`, { method: 'PATCH', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: usersKey }),
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: (id: number) =>
      api<{ oneTimePassword: string | null }>(`/api/users/${id}/reset-password`, {
        method: 'POST',
        body: {},
      }),
  });
}

export function useImportJobs() {
  return useQuery({
    queryKey: ['import-jobs'],
    queryFn: () =>
      api<{ items: ImportJob[] }>('/api/import-jobs', { query: { limit: 500 } }).then((r) => r.items),
    // Poll while a job runs, so counts move without a reload.
    refetchInterval: (q) => (q.state.data?.some((j) => j.status === 'running') ? 3000 : false),
  });
}

export function useImportJob(id: number | null) {
  return useQuery({
    queryKey: ['import-jobs', id],
    queryFn: () => api<ImportJobDetail>(`/api/import-jobs/${id}`),
    enabled: id !== null,
  });
}
