import { readFileSync } from 'node:fs';
const p = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const self = new Map();
const dt = new Map();
for (let i = 0; i < p.samples.length; i++) dt.set(p.samples[i], (dt.get(p.samples[i]) ?? 0) + (p.timeDeltas[i] ?? 0));
const parent = new Map();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
let total = 0;
const incl = new Map();
for (const [id, t] of dt) {
  const n = byId.get(id);
  const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.replace(/.*node_modules\//, 'nm/').replace(/.*work\/main\//, '')}:${n.callFrame.lineNumber}`;
  self.set(key, (self.get(key) ?? 0) + t);
  total += t;
  // inclusive per package/file
  const seen = new Set();
  let cur = id;
  while (cur) {
    const c = byId.get(cur);
    const u = c.callFrame.url;
    const pkg = u.includes('node_modules/') ? 'nm:' + u.split('node_modules/').pop().split('/').slice(0, u.split('node_modules/').pop().startsWith('@') ? 2 : 1).join('/') : u.includes('/src/') ? 'src:' + u.split('/src/').pop() : u.startsWith('node:') ? u : '';
    if (pkg && !seen.has(pkg)) { seen.add(pkg); incl.set(pkg, (incl.get(pkg) ?? 0) + t); }
    cur = parent.get(cur);
  }
}
console.log('total ms', (total / 1000).toFixed(0));
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(process.argv[3] ?? 40))) console.log((v / 1000).toFixed(0).padStart(7), (100 * v / total).toFixed(1).padStart(5) + '%', k);
console.log('--- inclusive by file/package');
for (const [k, v] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log((v / 1000).toFixed(0).padStart(7), (100 * v / total).toFixed(1).padStart(5) + '%', k);
