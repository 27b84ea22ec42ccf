// Response shapes of the foundation API (src/server/routes/{auth,users,system}).
export type Role = 'admin' | 'manager' | 'liaison' | 'analyst';
export const ROLES: Role[] = ['admin', 'manager', 'liaison', 'analyst'];
export const ROLE_LABEL: Record<Role, string> = {
  admin: 'Admin',
  manager: 'Manager',
  liaison: 'Liaison',
  analyst: 'Analyst',
};

export type Me = { id: number | null; email: string; name: string; role: Role; mustChangePassword: boolean };
export type MeResponse = { user: Me; csrfToken: string | null };

export type SystemInfo = {
  name: string;
  version: string;
  database: string;
  /** loading: what of the demo market is still being loaded in the background (null when complete) */
  demo: { seed: number; loadedAt: string; dataDate: string; loading: string | null } | null;
  /** single sign-on (OpenID Connect) is configured: offer "Sign in with SSO" */
  sso?: boolean;
};

export type User = {
  id: number;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  manager_id: number | null;
  created_at: string;
};

export type ImportJobStatus = 'running' | 'succeeded' | 'failed';
export type ImportJob = {
  id: number;
  kind: string;
  file_name: string;
  status: ImportJobStatus;
  started_at: string;
  finished_at: string | null;
  started_by: string | null;
  rows_read: number;
  rows_inserted: number;
  rows_updated: number;
  rows_unchanged: number;
  rows_deactivated: number;
  rows_rejected: number;
  message: string | null;
  data_date: string | null;
};
export type ImportJobDetail = ImportJob & {
  errors: { line: number; field?: string; reason: string }[] | null;
};
