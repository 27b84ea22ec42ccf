import { readFileSync } from 'node:fs';
const p = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const filt = new RegExp(process.argv[3] ?? '/src/');
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const dt = new Map();
for (let i = 0; i < p.samples.length; i++) dt.set(p.samples[i], (dt.get(p.samples[i]) ?? 0) + (p.timeDeltas[i] ?? 0));
const incl = new Map();
for (const [id, t] of dt) {
  if (byId.get(id).callFrame.functionName === '(idle)') continue;
  const seen = new Set();
  let cur = id;
  while (cur) {
    const c = byId.get(cur).callFrame;
    const k = `${c.functionName || '(anon)'} ${c.url.split('/').slice(-2).join('/')}:${c.lineNumber}`;
    if (filt.test(c.url) && !seen.has(k)) { seen.add(k); incl.set(k, (incl.get(k) ?? 0) + t); }
    cur = parent.get(cur);
  }
}
for (const [k, v] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log((v / 1000).toFixed(0).padStart(7), k);
