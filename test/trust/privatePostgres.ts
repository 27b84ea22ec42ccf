// A throw-away PostgreSQL 15 cluster in a temp folder on a free port, for tests that stop and
// start the database (the shared server at 127.0.0.1:5432 must never be restarted). initdb refuses
// to run as root, so as root the cluster belongs to the `postgres` user (runuser).
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { freePort } from './serverProcess';

const BIN = '/usr/lib/postgresql/15/bin';

export const privatePostgresAvailable = () => existsSync(`${BIN}/initdb`) && existsSync(`${BIN}/pg_ctl`);

export type PrivatePostgres = {
  port: number;
  url: (db: string) => string;
  stop: () => void;
  start: () => void;
  destroy: () => void;
};

function asOwner(cmd: string, args: string[]) {
  const root = process.getuid?.() === 0;
  const [file, argv] = root ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
  return execFileSync(file, argv, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', timeout: 60_000 });
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const dir = mkdtempSync('/tmp/rounds-pg-');
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
    chownSync(dir, uid, gid);
  }
  const data = path.join(dir, 'data');
  const port = await freePort();
  asOwner(`${BIN}/initdb`, ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50`;
  const start = () =>
    asOwner(`${BIN}/pg_ctl`, ['-D', data, '-o', opts, '-l', path.join(dir, 'log'), '-w', 'start']);
  const stop = () => asOwner(`${BIN}/pg_ctl`, ['-D', data, '-m', 'fast', '-w', 'stop']);
  start();
  return {
    port,
    url: (db) => `postgres://postgres@127.0.0.1:${port}/${db}`,
    start: () => void start(),
    stop: () => void stop(),
    destroy: () => {
      try {
        asOwner(`${BIN}/pg_ctl`, ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
