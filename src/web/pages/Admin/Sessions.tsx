// Admin → Sessions: who is signed in where; end one session or all of a user's sessions.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { useMe, useUsers } from '../../api/hooks';
import type { Me } from '../../api/types';
import {
  Chip,
  type Column,
  DataTable,
  EmptyState,
  formatDateTime,
  Page,
  relativeTime,
  SelectField,
  SkeletonRows,
  useToast,
} from '../../ui';
import { AdminTabs } from './AdminTabs';

type Session = {
  handle: string;
  current: boolean;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
};

export default function Sessions() {
  const me = useMe().data as Me;
  const users = useUsers();
  const qc = useQueryClient();
  const toast = useToast();
  const [userId, setUserId] = useState<string>(String(me.id ?? ''));
  const own = userId === String(me.id);
  const query = own ? {} : { userId };
  const list = useQuery({
    queryKey: ['sessions', userId],
    queryFn: () => api<{ items: Session[] }>('/api/sessions', { query }),
    enabled: !!userId,
  });
  const done = () => qc.invalidateQueries({ queryKey: ['sessions', userId] });
  const fail = (e: unknown) =>
    toast({ tone: 'danger', title: 'Not signed out', detail: (e as Error).message });
  const end = useMutation({
    mutationFn: (handle: string) => api(`/api/sessions/${handle}`, { method: 'DELETE', query }),
    onSuccess: done,
    onError: fail,
  });
  const endAll = useMutation({
    mutationFn: () =>
      api<{ ended: number }>('/api/sessions/revoke-all', {
        body: { scope: own ? 'others' : 'all', ...(own ? {} : { userId: Number(userId) }) },
      }),
    onSuccess: (r) => {
      toast({ tone: 'ok', title: `${r.ended} session${r.ended === 1 ? '' : 's'} ended` });
      done();
    },
    onError: fail,
  });
  const columns: Column<Session>[] = [
    {
      id: 'device',
      header: 'Browser',
      alwaysVisible: true,
      cell: (s) => (
        <div>
          <div className="cell-main">{s.user_agent?.slice(0, 80) ?? 'unknown'}</div>
          {s.current ? <Chip tone="ok">this session</Chip> : null}
        </div>
      ),
    },
    { id: 'ip', header: 'From', cell: (s) => <span className="mono">{s.ip ?? '—'}</span> },
    {
      id: 'seen',
      header: 'Last active',
      sortValue: (s) => s.last_seen_at,
      cell: (s) => <span title={formatDateTime(s.last_seen_at)}>{relativeTime(s.last_seen_at)}</span>,
    },
    {
      id: 'created',
      header: 'Signed in',
      hideOnPhone: true,
      sortValue: (s) => s.created_at,
      cell: (s) => formatDateTime(s.created_at),
    },
    {
      id: 'end',
      header: '',
      cell: (s) =>
        s.current ? null : (
          <button
            type="button"
            className="btn btn-sm"
            disabled={end.isPending}
            onClick={() => end.mutate(s.handle)}
          >
            Sign out
          </button>
        ),
    },
  ];
  return (
    <Page
      title="Sessions"
      subtitle="Signed-in browsers; ending a session signs that browser out at its next request"
      actions={
        <button
          type="button"
          className="btn"
          disabled={endAll.isPending || !list.data?.items.length}
          onClick={() => endAll.mutate()}
        >
          {own ? 'Sign out my other sessions' : 'Sign out everywhere'}
        </button>
      }
    >
      <AdminTabs />
      <div style={{ maxWidth: 360 }}>
        <SelectField
          label="User"
          value={userId}
          onChange={(e) => setUserId(e.target.value)}
          options={(users.data ?? []).map((u) => ({ value: String(u.id), label: `${u.name} (${u.email})` }))}
        />
      </div>
      {list.isPending ? (
        <SkeletonRows columns={4} />
      ) : list.isError ? (
        <EmptyState icon="alert" title="Sessions could not be loaded">
          {list.error.message}
        </EmptyState>
      ) : (
        <DataTable
          label="Sessions"
          columns={columns}
          rows={list.data.items}
          rowKey={(s) => s.handle}
          initialSort={{ id: 'seen', dir: 'desc' }}
          empty={
            <EmptyState icon="user" title="Not signed in anywhere">
              This user has no active sessions.
            </EmptyState>
          }
        />
      )}
    </Page>
  );
}
