// Sends one file to POST /api/admin/imports/:kind as multipart form data with XMLHttpRequest,
// because fetch cannot report upload progress. Resolves with the job the server started.
import { ApiError } from '../../../api/client';
import type { ImportJob } from '../../../api/types';

export type ImportProgress = { bytesRead: number; totalBytes: number; rows: number };
export type StartedImport = { job: ImportJob; progress: ImportProgress | null };

async function csrfToken(): Promise<string | null> {
  const me = (await fetch('/api/auth/me', { credentials: 'same-origin' }).then((r) => r.json())) as {
    csrfToken?: string | null;
  };
  return me.csrfToken ?? null;
}

export async function uploadImport(
  kind: string,
  file: File,
  fields: { region?: string },
  onUpload: (sent: number, total: number) => void,
): Promise<StartedImport> {
  const form = new FormData();
  if (fields.region) form.append('region', fields.region);
  form.append('file', file, file.name);
  const token = await csrfToken();
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/admin/imports/${encodeURIComponent(kind)}`);
    xhr.setRequestHeader('accept', 'application/json');
    if (token) xhr.setRequestHeader('x-csrf-token', token);
    xhr.upload.onprogress = (e) => onUpload(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onerror = () => reject(new ApiError(0, 'Cannot reach the Rounds server. Check your connection.'));
    xhr.onload = () => {
      let body: { detail?: string; title?: string } & Partial<StartedImport> = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        /* not JSON: handled below */
      }
      if (xhr.status >= 200 && xhr.status < 300 && body.job) resolve(body as StartedImport);
      else reject(new ApiError(xhr.status, body.detail ?? body.title ?? `Upload failed (${xhr.status})`));
    };
    xhr.send(form);
  });
}
