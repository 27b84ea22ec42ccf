// The one way the SPA talks to the server: JSON over same-origin fetch, the CSRF token on writes,
// problem+json errors turned into ApiError, and a 401 on any non-auth call sends the user to sign-in.
export type FieldError = { field: string; message: string };

export class ApiError extends Error {
  constructor(
    public status: number,
    public detail: string,
    public errors: FieldError[] = [],
    public title = '',
    /** Seconds from the Retry-After header (rate limits), when the server sent one. */
    public retryAfter: number | null = null,
  ) {
    super(detail);
  }
  /** The message for one form field, matching `body.<field>` or a detail that starts with `<field>:`. */
  fieldMessage(field: string): string | undefined {
    const hit = this.errors.find((e) => e.field === `body.${field}` || e.field === field);
    if (hit) return hit.message;
    const prefix = `${field}: `;
    return this.detail.startsWith(prefix) ? this.detail.slice(prefix.length) : undefined;
  }
}

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

export const setCsrfToken = (token: string | null) => {
  csrfToken = token;
};
/** The shell installs this: clear the cached session and go to the sign-in page. */
export const setUnauthorizedHandler = (fn: (() => void) | null) => {
  onUnauthorized = fn;
};

export type Query = Record<string, string | number | boolean | null | undefined | (string | number)[]>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    for (const item of Array.isArray(v) ? v : [v]) qs.append(k, String(item));
  }
  const s = qs.toString();
  return s ? `${path}${path.includes('?') ? '&' : '?'}${s}` : path;
}

export async function api<T>(
  path: string,
  opts: { method?: string; body?: unknown; query?: Query; signal?: AbortSignal } = {},
): Promise<T> {
  const method = opts.method ?? (opts.body === undefined ? 'GET' : 'POST');
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(withQuery(path, opts.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'Cannot reach the Rounds server. Check your connection and try again.');
  }
  const text = await res.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!res.ok) {
    const p = (data ?? {}) as { detail?: string; title?: string; errors?: FieldError[] };
    const retry = Number(res.headers.get('retry-after'));
    const err = new ApiError(
      res.status,
      p.detail || p.title || `${res.status} ${res.statusText}`,
      Array.isArray(p.errors) ? p.errors : [],
      p.title ?? '',
      Number.isFinite(retry) && retry > 0 ? retry : null,
    );
    if (res.status === 401 && !path.startsWith('/api/auth/')) onUnauthorized?.();
    throw err;
  }
  return data as T;
}

/** A human sentence for any error thrown by `api` (or anything else). */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.detail;
  if (e instanceof Error) return e.message;
  return String(e);
}
