#!/usr/bin/env node
// Starts a real Rounds server for Playwright on a fresh temporary DATA_DIR (embedded database).
//   node e2e/server.mjs empty <port>  → no demo data; the users in e2e/users.json are created first
//   node e2e/server.mjs demo <port>   → the synthetic demo market is generated on first start
// The temp directory is removed when Playwright stops the server.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const [kind = 'empty', port = '3199'] = process.argv.slice(2);
// Playwright may end the server with SIGKILL (no cleanup), so sweep old runs' dirs (> 3 h) first.
for (const name of readdirSync(os.tmpdir()).filter((n) => n.startsWith('rounds-e2e-'))) {
  const dir = path.join(os.tmpdir(), name);
  try {
    if (Date.now() - statSync(dir).mtimeMs > 3 * 3600_000) rmSync(dir, { recursive: true, force: true });
  } catch {}
}
const dataDir = mkdtempSync(path.join(os.tmpdir(), `rounds-e2e-${kind}-`));
const env = {
  ...process.env,
  DATA_DIR: dataDir,
  PORT: port,
  HOST: '127.0.0.1',
  ROUNDS_DEMO: kind === 'demo' ? '1' : '0',
  LOG_LEVEL: 'warn',
  COOKIE_SECURE: 'false',
};
delete env.DATABASE_URL; // always the embedded database, never someone's PostgreSQL

if (kind === 'empty') {
  const users = JSON.parse(readFileSync(new URL('./users.json', import.meta.url), 'utf8'));
  for (const u of users) {
    const r = spawnSync(
      process.execPath,
      [
        'bin/rounds.js',
        'users',
        'add',
        u.email,
        '--name',
        u.name,
        '--role',
        u.role,
        '--password',
        u.password,
      ],
      { env, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    if (r.status !== 0) {
      console.error(`e2e: could not create ${u.email}`);
      process.exit(1);
    }
  }
}

const server = spawn(process.execPath, ['bin/rounds.js', 'serve'], { env, stdio: 'inherit' });
const cleanup = () => rmSync(dataDir, { recursive: true, force: true });
server.on('exit', (code) => {
  cleanup();
  process.exit(code ?? 0);
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
process.on('exit', cleanup);
