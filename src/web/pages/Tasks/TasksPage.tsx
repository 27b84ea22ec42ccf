// Tasks and follow-ups: overdue first, mark done in one tap, export.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, api } from '../../api/client';
import { useMe } from '../../api/hooks';
import { useFocusParam } from '../../app/focusParam';
import {
  Chip,
  type Column,
  DataTable,
  EmptyState,
  formatDate,
  Page,
  SelectField,
  SkeletonRows,
  useToast,
} from '../../ui';
import { type Task, useTasks } from '../Activities/crmApi';
import { ownerColumn, SCOPE_OPTIONS, titleColumn } from '../Activities/crmColumns';
import { ExportButtons } from '../Activities/ExportButtons';
import { AddTaskModal } from './AddTaskModal';
import { TaskFocus } from './TaskFocus';
import '../Activities/crm.css';

const STATUS_LABEL: Record<Task['status'], string> = {
  open: 'Open',
  in_progress: 'In progress',
  done: 'Done',
  cancelled: 'Cancelled',
};

export default function TasksPage() {
  const me = useMe().data;
  const toast = useToast();
  const qc = useQueryClient();
  const [status, setStatus] = useState('open,in_progress');
  // /tasks?overdue=true (the daily reminder's link) opens on the overdue ones
  const [overdue, setOverdue] = useState(
    () => new URLSearchParams(window.location.search).get('overdue') === 'true',
  );
  const [scope, setScope] = useState('');
  const [adding, setAdding] = useState(false);
  const query = {
    status: status || undefined,
    overdue: overdue ? 'true' : undefined,
    scope: scope || undefined,
    limit: 1000,
  };
  const list = useTasks(query);
  const [focusId, clearFocus] = useFocusParam('task');
  const setTaskStatus = useMutation({
    mutationFn: (t: { task: Pick<Task, 'id' | 'version'>; status: Task['status'] }) =>
      api(`/api/tasks/${t.task.id}`, {
        method: 'PATCH',
        body: { version: t.task.version, status: t.status },
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['tasks'] }),
    onError: (e) => {
      toast({ tone: 'danger', title: 'Not saved', detail: e instanceof ApiError ? e.detail : String(e) });
      qc.invalidateQueries({ queryKey: ['tasks'] });
    },
  });
  const canEdit = me?.role !== 'analyst';
  const columns: Column<Task>[] = [
    titleColumn('Task'),
    {
      id: 'due',
      header: 'Due',
      sortValue: (t) => t.due_on ?? '9999',
      cell: (t) => (
        <span>
          {t.due_on ? formatDate(t.due_on) : '—'}{' '}
          {t.overdue ? <Chip tone="warn">Overdue {t.daysOverdue} d</Chip> : null}
        </span>
      ),
    },
    { id: 'status', header: 'Status', sortValue: (t) => t.status, cell: (t) => STATUS_LABEL[t.status] },
    ownerColumn(),
    {
      id: 'act',
      header: '',
      cell: (t) =>
        canEdit && t.status !== 'done' ? (
          <button
            type="button"
            className="btn"
            onClick={() => setTaskStatus.mutate({ task: t, status: 'done' })}
          >
            Done
          </button>
        ) : null,
    },
  ];
  return (
    <Page
      title="Tasks"
      subtitle="Follow-ups and promises; overdue = still open after the due date"
      actions={
        <>
          <ExportButtons list="tasks" query={query} />
          {canEdit ? (
            <button type="button" className="btn btn-primary" onClick={() => setAdding(true)}>
              New task
            </button>
          ) : null}
        </>
      }
    >
      <div className="row" style={{ gap: 'var(--sp-3)', flexWrap: 'wrap', alignItems: 'flex-end' }}>
        <SelectField
          label="Status"
          value={status}
          onChange={(e) => setStatus(e.target.value)}
          options={[
            { value: 'open,in_progress', label: 'Open and in progress' },
            { value: 'done', label: 'Done' },
            { value: 'cancelled', label: 'Cancelled' },
            { value: '', label: 'All' },
          ]}
        />
        <SelectField
          label="Whose"
          value={scope}
          onChange={(e) => setScope(e.target.value)}
          options={SCOPE_OPTIONS}
        />
        <label className="checkbox">
          <input type="checkbox" checked={overdue} onChange={(e) => setOverdue(e.target.checked)} /> Overdue
          only
        </label>
      </div>
      {focusId !== null ? (
        <TaskFocus
          id={focusId}
          listed={list.data?.items.find((t) => t.id === focusId)}
          canEdit={canEdit}
          onDone={(t) => setTaskStatus.mutate({ task: t, status: 'done' })}
          onClose={clearFocus}
        />
      ) : null}
      {list.isLoading ? (
        <SkeletonRows rows={8} />
      ) : (
        <DataTable
          label="Tasks"
          columns={columns}
          rows={list.data?.items ?? []}
          rowKey={(t) => t.id}
          initialSort={{ id: 'due', dir: 'asc' }}
          empty={
            <EmptyState icon="today" title="No tasks match">
              Follow-ups you add when logging a visit, from a profile or with New task show up here.
            </EmptyState>
          }
        />
      )}
      {adding ? <AddTaskModal onClose={() => setAdding(false)} /> : null}
    </Page>
  );
}
