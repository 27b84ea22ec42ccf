// Spreadsheet import for a CRM list: choose a CSV/XLSX, review how its columns map to fields
// (change any), preview every row's problems, then import. Bad rows are reported by line and
// field; good rows are imported.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Modal } from '../../ui';

type Field = { field: string; required: boolean; help: string };
type Result = {
  preview: boolean;
  jobId: number | null;
  headers: string[];
  mapping: Record<string, string>;
  fields: Field[];
  rows: number;
  accepted: number;
  rejected: number;
  inserted: number;
  updated: number;
  unchanged: number;
  errors: { line: number; field: string; reason: string }[];
  message: string | null;
};

async function upload(
  kind: string,
  file: File,
  mapping: Record<string, string> | null,
  preview: boolean,
): Promise<Result> {
  const form = new FormData();
  form.append('preview', String(preview));
  if (mapping) form.append('mapping', JSON.stringify(mapping));
  form.append('file', file, file.name);
  const csrf = (await fetch('/api/auth/me').then((r) => r.json())) as { csrfToken?: string };
  const res = await fetch(`/api/crm-import/${kind}`, {
    method: 'POST',
    body: form,
    headers: csrf.csrfToken ? { 'x-csrf-token': csrf.csrfToken } : {},
  });
  const body = await res.json();
  if (!res.ok) throw new Error(body.detail ?? `upload failed (${res.status})`);
  return body as Result;
}

export function ImportSheetModal({ kind, onClose }: { kind: string; onClose: () => void }) {
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [mapping, setMapping] = useState<Record<string, string> | null>(null);
  const kinds = useQuery({
    queryKey: ['crm-import', 'kinds'],
    queryFn: () =>
      fetch('/api/crm-import/kinds').then(
        (r) => r.json() as Promise<{ items: { kind: string; fields: Field[] }[] }>,
      ),
  });
  const fields = kinds.data?.items.find((k) => k.kind === kind)?.fields ?? [];
  const run = useMutation({
    mutationFn: (preview: boolean) => upload(kind, file!, mapping, preview),
    onSuccess: (r) => {
      setMapping(r.mapping);
      if (!r.preview) qc.invalidateQueries({ queryKey: [kind] });
    },
  });
  const r = run.data;
  const done = r && !r.preview;
  return (
    <Modal
      open
      onClose={onClose}
      title={`Import ${kind} from a spreadsheet`}
      footer={
        done ? (
          <button type="button" className="btn btn-primary" onClick={onClose}>
            Close
          </button>
        ) : (
          <span className="row" style={{ gap: 'var(--sp-2)' }}>
            <button
              type="button"
              className="btn"
              disabled={!file || run.isPending}
              onClick={() => run.mutate(true)}
            >
              Preview
            </button>
            <button
              type="button"
              className="btn btn-primary"
              disabled={!r || run.isPending}
              onClick={() => run.mutate(false)}
            >
              Import {r ? `${r.accepted} rows` : ''}
            </button>
          </span>
        )
      }
    >
      <div className="stack">
        <div className="field">
          <label className="field-label" htmlFor="import-file">
            CSV or XLSX file
          </label>
          <input
            id="import-file"
            className="input"
            type="file"
            accept=".csv,.tsv,.xlsx"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setMapping(null);
              run.reset();
            }}
          />
          <span className="field-hint">
            Rounds’ own layout maps itself; other spreadsheets: check the mapping below after Preview.
          </span>
        </div>
        {run.error ? (
          <p className="callout callout-danger" role="alert">
            {(run.error as Error).message}
          </p>
        ) : null}
        {r && mapping ? (
          <fieldset className="field" style={{ border: 0, padding: 0 }}>
            <legend className="field-label">Column mapping</legend>
            <table className="dt">
              <tbody>
                {r.headers.map((h) => (
                  <tr key={h}>
                    <td>{h}</td>
                    <td>
                      <select
                        className="select"
                        aria-label={`Field for column ${h}`}
                        value={mapping[h] ?? ''}
                        disabled={!!done}
                        onChange={(e) => setMapping({ ...mapping, [h]: e.target.value })}
                      >
                        <option value="">(ignore)</option>
                        {fields.map((f) => (
                          <option key={f.field} value={f.field}>
                            {f.field}
                            {f.required ? ' *' : ''}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </fieldset>
        ) : null}
        {r ? (
          <div role="status" className={r.rejected ? 'callout callout-warn' : 'callout callout-info'}>
            {done
              ? `Imported: ${r.inserted} new, ${r.updated} updated, ${r.unchanged} unchanged; ${r.rejected} rows rejected (import job #${r.jobId}).`
              : `Preview: ${r.rows} rows, ${r.accepted} ready to import, ${r.rejected} with problems. Nothing written yet.`}
          </div>
        ) : null}
        {r?.errors.length ? (
          <table className="dt errors-table" aria-label="Row problems">
            <thead>
              <tr>
                <th>Line</th>
                <th>Field</th>
                <th>Problem</th>
              </tr>
            </thead>
            <tbody>
              {r.errors.slice(0, 200).map((e) => (
                <tr key={`${e.line}-${e.field}-${e.reason}`}>
                  <td className="num">{e.line}</td>
                  <td>{e.field}</td>
                  <td>{e.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </div>
    </Modal>
  );
}
