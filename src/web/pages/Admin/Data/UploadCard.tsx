// Upload a file to any directory importer, then follow the job: bytes sent, then rows read while
// the server imports, then the job's counts. Rejected rows open in the import-job drawer.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { api, errorMessage } from '../../../api/client';
import type { ImportJob } from '../../../api/types';
import { Field, formatNumber, SelectField, TextField } from '../../../ui';
import { COUNT_FIELDS, JobStatus } from '../importFormat';
import { type ImportProgress, uploadImport } from './uploadImport';

type Kind = { kind: string; label: string; extensions: string[] };
type JobView = { job: ImportJob; progress: ImportProgress | null };

const REGION_KINDS = new Set(['nppes']);

export function UploadCard({ onOpenJob }: { onOpenJob: (id: number) => void }) {
  const qc = useQueryClient();
  const kinds = useQuery({
    queryKey: ['admin', 'import-kinds'],
    queryFn: () => api<{ items: Kind[] }>('/api/admin/import-kinds').then((r) => r.items),
  });
  const [kind, setKind] = useState('nppes');
  const [region, setRegion] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [sent, setSent] = useState<{ sent: number; total: number } | null>(null);
  const [jobId, setJobId] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const job = useQuery({
    queryKey: ['admin', 'imports', jobId],
    queryFn: () => api<JobView>(`/api/admin/imports/${jobId}`),
    enabled: jobId !== null,
    refetchInterval: (q) => (q.state.data?.job.status === 'running' ? 1000 : false),
  });
  const spec = kinds.data?.find((k) => k.kind === kind);
  const busy = sent !== null && (jobId === null || job.data?.job.status === 'running');

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!file) return setError('Choose a file to upload.');
    setError(null);
    setJobId(null);
    setSent({ sent: 0, total: file.size });
    try {
      const r = await uploadImport(
        kind,
        file,
        { region: REGION_KINDS.has(kind) ? region.trim() : undefined },
        (s, t) => setSent({ sent: s, total: t }),
      );
      setJobId(r.job.id);
      qc.setQueryData(['admin', 'imports', r.job.id], r);
    } catch (err) {
      setSent(null);
      setError(errorMessage(err));
    }
    qc.invalidateQueries({ queryKey: ['import-jobs'] });
  }

  const j = job.data?.job;
  const p = job.data?.progress;
  const finished = j !== undefined && j.status !== 'running';
  useEffect(() => {
    // when the job ends, refresh the history and the new-to-market list once
    if (!finished) return;
    setSent(null);
    qc.invalidateQueries({ queryKey: ['import-jobs'] });
    qc.invalidateQueries({ queryKey: ['providers'] });
  }, [finished, qc]);
  return (
    <section className="card card-pad stack" aria-labelledby="upload-h">
      <h2 id="upload-h" style={{ fontSize: 'var(--fs-md)' }}>
        Upload a file
      </h2>
      <form className="stack" onSubmit={submit}>
        <SelectField
          label="Kind of file"
          value={kind}
          onChange={(e) => setKind(e.target.value)}
          options={(
            kinds.data ?? [{ kind: 'nppes', label: 'NPPES NPI data file', extensions: ['.csv'] }]
          ).map((k) => ({ value: k.kind, label: k.label }))}
        />
        {REGION_KINDS.has(kind) && (
          <TextField
            label="Market region (optional)"
            hint="e.g. states:TN;KY,zip3:370;371,counties:47037,radius:37203:25 (miles); empty keeps every row."
            value={region}
            onChange={(e) => setRegion(e.target.value)}
          />
        )}
        <Field label={`File (${spec?.extensions.join(', ') ?? '.csv'})`}>
          {(w) => (
            <input
              {...w}
              type="file"
              accept={spec?.extensions.join(',')}
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          )}
        </Field>
        {error ? (
          <div className="callout callout-danger" role="alert">
            {error}
          </div>
        ) : null}
        <div>
          <button type="submit" className="btn btn-primary" disabled={busy || !file}>
            {busy ? 'Importing…' : 'Upload and import'}
          </button>
        </div>
      </form>
      {sent && jobId === null ? (
        <ProgressLine label="Uploading" value={sent.sent} max={sent.total} unit="bytes" />
      ) : null}
      {j ? (
        <section className="stack" aria-live="polite" aria-label="Import result">
          <div>
            Import #{j.id} · {j.file_name} · <JobStatus status={j.status} />
          </div>
          {j.status === 'running' && p ? (
            <ProgressLine
              label={`${formatNumber(p.rows)} rows read`}
              value={p.bytesRead}
              max={p.totalBytes}
              unit="bytes"
            />
          ) : null}
          {j.message ? (
            <div className={`callout ${j.status === 'failed' ? 'callout-danger' : 'callout-info'}`}>
              {j.message}
            </div>
          ) : null}
          {j.status !== 'running' ? (
            <dl className="props">
              {COUNT_FIELDS.map(([k, label]) => (
                <div key={k} style={{ display: 'contents' }}>
                  <dt>{label}</dt>
                  <dd className="num">{formatNumber(j[k])}</dd>
                </div>
              ))}
            </dl>
          ) : null}
          {j.rows_rejected > 0 || j.message ? (
            <div>
              <button type="button" className="btn" onClick={() => onOpenJob(j.id)}>
                Show row-level problems
              </button>
            </div>
          ) : null}
        </section>
      ) : null}
    </section>
  );
}

function ProgressLine({
  label,
  value,
  max,
  unit,
}: {
  label: string;
  value: number;
  max: number;
  unit: string;
}) {
  const pct = max > 0 ? Math.min(100, Math.round((value / max) * 100)) : 0;
  return (
    <div className="stack" style={{ gap: 4 }}>
      <progress value={value} max={max || 1} aria-label={label} style={{ width: '100%' }} />
      <span className="muted">
        {label} · {pct} % of {formatNumber(max)} {unit}
      </span>
    </div>
  );
}
