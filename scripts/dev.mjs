#!/usr/bin/env node
// `npm run dev`: the API server (tsx watch, restarts on change) and the Vite dev server (hot reload)
// side by side. Ctrl-C or SIGTERM stops both; if either exits, the other is stopped too.
import { spawn } from 'node:child_process';
import path from 'node:path';

const bin = (name) => path.resolve('node_modules/.bin', name);
const children = [
  { name: 'server', proc: spawn(bin('tsx'), ['watch', 'src/cli/main.ts', 'serve'], { stdio: 'inherit' }) },
  { name: 'web', proc: spawn(bin('vite'), [], { stdio: 'inherit' }) },
];

let stopping = false;
function stopAll(signal, code) {
  if (stopping) return;
  stopping = true;
  for (const { proc } of children) if (proc.exitCode === null) proc.kill(signal);
  setTimeout(() => process.exit(code), 5000).unref();
  Promise.all(
    children.map(({ proc }) => new Promise((r) => (proc.exitCode !== null ? r() : proc.once('exit', r)))),
  ).then(() => process.exit(code));
}

for (const { name, proc } of children) {
  proc.once('exit', (code, signal) => {
    if (!stopping) console.error(`[dev] ${name} exited (${signal ?? code}); stopping the other process`);
    stopAll('SIGTERM', code ?? 1);
  });
}
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => stopAll(sig, 0));
console.log('[dev] API on http://localhost:3000 · web with hot reload on http://localhost:5173');
