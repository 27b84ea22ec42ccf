// Expected failures of CRM commands; routes map them to problem+json, the CLI to one line.
export class CrmError extends Error {
  constructor(
    message: string,
    public status = 400,
    public extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export type Actor = {
  id: number | null;
  label: string;
  role: 'admin' | 'manager' | 'liaison' | 'analyst';
  ip?: string;
};

/** The CLI and importers act as an admin-level system actor. */
export const systemActor = (label = 'cli'): Actor => ({ id: null, label, role: 'admin' });
