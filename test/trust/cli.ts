// Run the real `rounds` CLI in a child process (tsx), with a given environment.
import { spawnSync } from 'node:child_process';

export function rounds(args: string[], env: Record<string, string>, input?: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: process.cwd(),
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'silent', ROUNDS_DEMO: '0', ...env },
    encoding: 'utf8',
    input,
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
