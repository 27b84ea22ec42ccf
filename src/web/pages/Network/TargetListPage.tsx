// One target list / campaign: who is on it, how far it got (visited in person since the list was made, or
// marked visited / won), each member's status, and the list's filter, goal and due date. Archive ends it.
import './network.css';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { errorMessage } from '../../api/client';
import { useMe } from '../../api/hooks';
import {
  Chip,
  type Column,
  DataTable,
  EmptyState,
  formatDate,
  Kpi,
  Page,
  SkeletonRows,
  useToast,
} from '../../ui';
import { AddToRouteButton } from './AddToRouteButton';
import type { TargetFilter } from './api';
import { targetFilterWords } from './TargetFilterBar';
import {
  type MemberStatus,
  type TargetListMember,
  useArchiveList,
  useSetMemberStatus,
  useTargetList,
} from './targetListApi';

const STATUSES: MemberStatus[] = ['open', 'visited', 'won', 'dropped'];

export default function TargetListPage() {
  const id = Number(useParams().id);
  const list = useTargetList(id);
  const me = useMe().data;
  const toast = useToast();
  const navigate = useNavigate();
  const setStatus = useSetMemberStatus(id);
  const archive = useArchiveList(id);
  const [confirming, setConfirming] = useState(false);
  const l = list.data;
  const canEdit = !!me && me.role !== 'analyst' && l?.status === 'active';
  const columns: Column<TargetListMember>[] = [
    {
      id: 'name',
      header: 'Physician',
      cell: (m) => <Link to={`/providers/${m.npi}`}>{m.name}</Link>,
      sortValue: (m) => m.name,
    },
    {
      id: 'line',
      header: 'Line',
      cell: (m) => m.primary_service_line?.replace(/_/g, ' ') ?? '—',
      hideOnPhone: true,
    },
    {
      id: 'score',
      header: 'Score at listing',
      cell: (m) => m.score.toFixed(2),
      sortValue: (m) => m.score,
      align: 'right',
    },
    {
      id: 'reached',
      header: 'Reached',
      cell: (m) =>
        m.visited_since ? (
          <Chip tone="ok">visited since listed</Chip>
        ) : m.status === 'won' || m.status === 'visited' ? (
          <Chip tone="ok">marked {m.status}</Chip>
        ) : (
          <span className="muted">not yet</span>
        ),
      sortValue: (m) => (m.visited_since || m.status === 'won' || m.status === 'visited' ? 1 : 0),
    },
    {
      id: 'status',
      header: 'Status',
      cell: (m) => (
        <select
          className="select"
          aria-label={`Status of ${m.name}`}
          value={m.status}
          disabled={!canEdit || setStatus.isPending}
          onChange={(e) =>
            setStatus.mutate(
              { npi: m.npi, status: e.target.value as MemberStatus },
              { onError: (err) => toast({ tone: 'danger', title: 'Not saved', detail: errorMessage(err) }) },
            )
          }
        >
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      ),
      sortValue: (m) => m.status,
    },
    ...(canEdit
      ? [
          {
            id: 'route',
            header: '',
            cell: (m: TargetListMember) => (
              <AddToRouteButton npi={m.npi} name={m.name} label="Add to route" />
            ),
          },
        ]
      : []),
  ];
  if (list.isLoading) return <SkeletonRows rows={8} />;
  if (!l)
    return (
      <EmptyState title="Target list not found">{list.error ? errorMessage(list.error) : null}</EmptyState>
    );
  const words = targetFilterWords(l.filter as TargetFilter);
  const pct = l.progress.members ? Math.round((100 * l.progress.reached) / l.progress.members) : 0;
  return (
    <Page
      title={l.name}
      subtitle={[
        l.status === 'archived' ? 'archived' : null,
        `made ${formatDate(l.created_at)}`,
        l.due_on ? `due ${formatDate(l.due_on)}` : null,
        words.length ? words.join(' · ') : 'all candidates',
      ]
        .filter(Boolean)
        .join(' · ')}
      actions={
        canEdit ? (
          <button
            type="button"
            className={confirming ? 'btn btn-danger' : 'btn'}
            disabled={archive.isPending}
            onClick={() => {
              if (!confirming) return setConfirming(true);
              archive.mutate(undefined, {
                onSuccess: () => {
                  toast({ title: `Archived “${l.name}”` });
                  navigate('/targets');
                },
                onError: (e) => toast({ tone: 'danger', title: 'Not archived', detail: errorMessage(e) }),
              });
            }}
          >
            {confirming ? 'Archive: sure?' : 'Archive list'}
          </button>
        ) : null
      }
    >
      <p>
        <Link to="/targets">← Targets</Link>
        {l.goal ? <span className="muted"> · Goal: {l.goal}</span> : null}
      </p>
      <div className="kpi-row">
        <Kpi
          label="Reached"
          value={`${l.progress.reached} of ${l.progress.members} (${pct} %)`}
          source={{ source: 'visited in person since the list was made, or marked visited / won' }}
        />
      </div>
      <DataTable
        label={`Members of ${l.name}`}
        columns={columns}
        rows={l.members}
        rowKey={(m) => m.npi}
        maxHeight="calc(100dvh - 320px)"
      />
    </Page>
  );
}
