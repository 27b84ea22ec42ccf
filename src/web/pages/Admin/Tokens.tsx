// Admin → API tokens: for machine clients (Authorization: Bearer). The secret is shown once.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiError, api } from '../../api/client';
import {
  Chip,
  type Column,
  CopyButton,
  DataTable,
  EmptyState,
  formatDateTime,
  Icon,
  Modal,
  Page,
  relativeTime,
  SelectField,
  SkeletonRows,
  TextField,
  useToast,
} from '../../ui';
import { AdminTabs } from './AdminTabs';

type Token = {
  id: number;
  name: string;
  role: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
};
const ROLE_OPTIONS = [
  { value: 'analyst', label: 'Analyst — read only (recommended)' },
  { value: 'liaison', label: 'Liaison' },
  { value: 'manager', label: 'Manager' },
  { value: 'admin', label: 'Admin' },
];

function CreateTokenModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const qc = useQueryClient();
  const [name, setName] = useState('');
  const [role, setRole] = useState('analyst');
  const create = useMutation({
    mutationFn: (body: { name: string; role: string }) =>
      api<Token & { token: string }>('/api/tokens', { body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['tokens'] }),
  });
  const close = () => {
    setName('');
    setRole('analyst');
    create.reset();
    onClose();
  };
  const err = create.error instanceof ApiError ? create.error : null;
  if (create.data)
    return (
      <Modal
        open={open}
        onClose={close}
        title={`Token “${create.data.name}” created`}
        footer={
          <button type="button" className="btn btn-primary" onClick={close}>
            Done
          </button>
        }
      >
        <p>Copy it now: it is stored only as a hash and will not be shown again.</p>
        <div className="row" style={{ gap: 8, alignItems: 'center' }}>
          <code className="mono" style={{ wordBreak: 'break-all' }}>
            {create.data.token}
          </code>
          <CopyButton value={create.data.token} />
        </div>
        <p className="muted">
          Send it as <span className="mono">Authorization: Bearer …</span> to /api and /fhir.
        </p>
      </Modal>
    );
  return (
    <Modal
      open={open}
      onClose={close}
      title="New API token"
      footer={
        <>
          <button type="button" className="btn" onClick={close}>
            Cancel
          </button>
          <button type="submit" form="new-token" className="btn btn-primary" disabled={create.isPending}>
            {create.isPending ? 'Creating…' : 'Create token'}
          </button>
        </>
      }
    >
      <form
        id="new-token"
        className="stack"
        noValidate
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          create.mutate({ name: name.trim(), role });
        }}
      >
        {err && !err.fieldMessage('name') ? (
          <div className="callout callout-danger" role="alert">
            <Icon name="alert" size={18} /> <span>{err.detail}</span>
          </div>
        ) : null}
        <TextField
          label="What uses it"
          hint="e.g. EHR directory sync"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={err?.fieldMessage('name')}
          required
          autoComplete="off"
        />
        <SelectField
          label="Role"
          value={role}
          onChange={(e) => setRole(e.target.value)}
          options={ROLE_OPTIONS}
        />
      </form>
    </Modal>
  );
}

export default function Tokens() {
  const qc = useQueryClient();
  const toast = useToast();
  const [creating, setCreating] = useState(false);
  const list = useQuery({ queryKey: ['tokens'], queryFn: () => api<{ items: Token[] }>('/api/tokens') });
  const revoke = useMutation({
    mutationFn: (id: number) => api(`/api/tokens/${id}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['tokens'] }),
    onError: (e) => toast({ tone: 'danger', title: 'Not revoked', detail: (e as Error).message }),
  });
  const columns: Column<Token>[] = [
    {
      id: 'name',
      header: 'Name',
      alwaysVisible: true,
      sortValue: (t) => t.name,
      cell: (t) => (
        <div>
          <div className="cell-main">{t.name}</div>
          <div className="cell-sub mono">{t.prefix}…</div>
        </div>
      ),
    },
    { id: 'role', header: 'Role', sortValue: (t) => t.role, cell: (t) => <Chip>{t.role}</Chip> },
    {
      id: 'created',
      header: 'Created',
      hideOnPhone: true,
      sortValue: (t) => t.created_at,
      cell: (t) => formatDateTime(t.created_at),
    },
    {
      id: 'used',
      header: 'Last used',
      sortValue: (t) => t.last_used_at,
      cell: (t) =>
        t.last_used_at ? (
          <span title={formatDateTime(t.last_used_at)}>{relativeTime(t.last_used_at)}</span>
        ) : (
          'never'
        ),
    },
    {
      id: 'state',
      header: '',
      cell: (t) =>
        t.revoked_at ? (
          <Chip tone="danger">revoked {relativeTime(t.revoked_at)}</Chip>
        ) : (
          <button
            type="button"
            className="btn btn-sm"
            disabled={revoke.isPending}
            onClick={() => {
              if (window.confirm(`Revoke “${t.name}”? Clients using it stop working at once.`))
                revoke.mutate(t.id);
            }}
          >
            Revoke
          </button>
        ),
    },
  ];
  return (
    <Page
      title="API tokens"
      subtitle="Machine access to /api and /fhir; every first use per hour is audited"
      actions={
        <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
          <Icon name="plus" size={16} /> New token
        </button>
      }
    >
      <AdminTabs />
      {list.isPending ? (
        <SkeletonRows columns={5} />
      ) : list.isError ? (
        <EmptyState icon="alert" title="Tokens could not be loaded">
          {list.error.message}
        </EmptyState>
      ) : list.data.items.length === 0 ? (
        <div className="dt-wrap">
          <EmptyState icon="key" title="No API tokens yet">
            Create one for each system that reads the directory or sends referrals; give it the analyst role
            unless it must write.
          </EmptyState>
        </div>
      ) : (
        <DataTable
          label="API tokens"
          columns={columns}
          rows={list.data.items}
          rowKey={(t) => t.id}
          initialSort={{ id: 'created', dir: 'desc' }}
        />
      )}
      <CreateTokenModal open={creating} onClose={() => setCreating(false)} />
    </Page>
  );
}
