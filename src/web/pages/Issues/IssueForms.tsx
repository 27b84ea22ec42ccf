// Resolving an issue (with a resolution; a stale edit shows what changed) and reporting a new one.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, api } from '../../api/client';
import { Drawer, formatDate, Modal, SelectField, TextField, useToast } from '../../ui';
import { OwnerSelect } from '../Activities/OwnerSelect';

export type Issue = {
  id: number;
  provider_npi: string | null;
  provider_name: string | null;
  organization_name: string | null;
  category: string;
  title: string;
  description: string;
  status: 'open' | 'in_progress' | 'resolved';
  opened_on: string;
  resolved_on: string | null;
  resolution: string | null;
  owner_name: string | null;
  days_open: number;
  version: number;
};

function conflictText(e: unknown): string | null {
  if (!(e instanceof ApiError)) return e ? 'Could not save; try again.' : null;
  return e.detail;
}

export function ResolveIssueDrawer({
  issue,
  onClose,
  readOnly,
}: {
  issue: Issue;
  onClose: () => void;
  readOnly: boolean;
}) {
  const qc = useQueryClient();
  const toast = useToast();
  const [resolution, setResolution] = useState(issue.resolution ?? '');
  const save = useMutation({
    mutationFn: (status: Issue['status']) =>
      api(`/api/issues/${issue.id}`, {
        method: 'PATCH',
        body: { version: issue.version, status, ...(status === 'resolved' ? { resolution } : {}) },
      }),
    onSuccess: (_r, status) => {
      qc.invalidateQueries({ queryKey: ['issues'] });
      toast({ title: status === 'resolved' ? 'Issue resolved' : 'Issue updated' });
      onClose();
    },
  });
  return (
    <Drawer open onClose={onClose} title={issue.title}>
      <div className="stack">
        <p className="muted">
          {issue.category} · opened {formatDate(issue.opened_on)} · {issue.days_open} days{' '}
          {issue.status === 'resolved' ? 'to resolve' : 'open'}
          {issue.provider_name ? ` · ${issue.provider_name}` : ''}
        </p>
        {issue.description ? <p style={{ whiteSpace: 'pre-wrap' }}>{issue.description}</p> : null}
        {readOnly || issue.status === 'resolved' ? (
          issue.resolution ? (
            <p>
              <strong>Resolution:</strong> {issue.resolution}
            </p>
          ) : null
        ) : (
          <>
            <div className="field">
              <label className="field-label" htmlFor="resolution">
                Resolution
              </label>
              <textarea
                id="resolution"
                className="input"
                rows={3}
                value={resolution}
                onChange={(e) => setResolution(e.target.value)}
                placeholder="What was done, and who confirmed it with the physician"
              />
            </div>
            <div className="row" style={{ gap: 'var(--sp-2)' }}>
              <button
                type="button"
                className="btn btn-primary"
                disabled={save.isPending || !resolution.trim()}
                onClick={() => save.mutate('resolved')}
              >
                Resolve
              </button>
              {issue.status === 'open' ? (
                <button
                  type="button"
                  className="btn"
                  disabled={save.isPending}
                  onClick={() => save.mutate('in_progress')}
                >
                  Start working
                </button>
              ) : null}
            </div>
          </>
        )}
        {save.error ? (
          <div className="callout callout-danger" role="alert">
            {conflictText(save.error)}
          </div>
        ) : null}
      </div>
    </Drawer>
  );
}

export function ReportIssueModal({ onClose, providerNpi }: { onClose: () => void; providerNpi?: string }) {
  const qc = useQueryClient();
  const [npi, setNpi] = useState(providerNpi ?? '');
  const [category, setCategory] = useState('access');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [ownerId, setOwnerId] = useState<number | null>(null);
  const report = useMutation({
    mutationFn: () =>
      api('/api/issues', {
        body: {
          providerNpi: npi.trim(),
          category,
          title: title.trim(),
          description,
          ...(ownerId !== null ? { ownerId } : {}),
        },
      }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['issues'] });
      qc.invalidateQueries({ queryKey: ['timeline'] });
      onClose();
    },
  });
  const err = report.error instanceof ApiError ? report.error : null;
  return (
    <Modal
      open
      onClose={onClose}
      title="Report a physician issue"
      footer={
        <button
          type="button"
          className="btn btn-primary"
          disabled={report.isPending || !title.trim()}
          onClick={() => report.mutate()}
        >
          Report
        </button>
      }
    >
      <div className="stack">
        <TextField
          label="Physician NPI"
          value={npi}
          onChange={(e) => setNpi(e.target.value)}
          inputMode="numeric"
          error={err?.fieldMessage('providerNpi')}
        />
        <SelectField
          label="Category"
          value={category}
          onChange={(e) => setCategory(e.target.value)}
          options={['access', 'scheduling', 'communication', 'quality', 'billing'].map((c) => ({
            value: c,
            label: c,
          }))}
        />
        <TextField
          label="What is wrong"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          error={err?.fieldMessage('title')}
        />
        <OwnerSelect label="Owner" value={ownerId} onChange={setOwnerId} />
        <div className="field">
          <label className="field-label" htmlFor="issue-desc">
            Details (never patient information)
          </label>
          <textarea
            id="issue-desc"
            className="input"
            rows={3}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        </div>
        {err && !err.fieldMessage('providerNpi') && !err.fieldMessage('title') ? (
          <p className="callout callout-danger">{err.detail}</p>
        ) : null}
      </div>
    </Modal>
  );
}
