// The servers journeys can run against. Each is a real `rounds serve` on its own port and fresh
// temporary DATA_DIR (see e2e/server.mjs). `empty`: no demo data, known users from e2e/users.json.
// `demo`: the synthetic demo market; started only when E2E_DEMO=1 (it takes longer to generate). Its users
// get DEMO_PASSWORD (ROUNDS_DEMO_PASSWORD if set): the server is a throwaway on 127.0.0.1 with SYNTHETIC data.
import { readFileSync } from 'node:fs';

type E2eUser = { email: string; name: string; role: string; password: string };
const users = JSON.parse(readFileSync(new URL('./users.json', import.meta.url), 'utf8')) as E2eUser[];

export type ServerKind = 'empty' | 'demo';
type ServerDef = { port: number; enabled: boolean };

export const SERVERS: Record<ServerKind, ServerDef> = {
  empty: { port: Number(process.env.E2E_PORT ?? 3199), enabled: true },
  demo: { port: Number(process.env.E2E_DEMO_PORT ?? 3198), enabled: process.env.E2E_DEMO === '1' },
};

export const serverUrl = (kind: ServerKind) => `http://127.0.0.1:${SERVERS[kind].port}`;

export const DEMO_PASSWORD = process.env.ROUNDS_DEMO_PASSWORD || 'E2e-demo-market-1!';

/** Accounts created on the empty server before it starts. */
export const EMPTY_USERS = {
  admin: users.find((u) => u.role === 'admin')!,
  /** Used by journeys whose day plan must not share "today" with the admin's (the field journeys mark visits done now). */
  manager: users.find((u) => u.role === 'manager')!,
};
