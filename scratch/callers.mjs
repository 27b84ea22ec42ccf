import { readFileSync } from 'node:fs';
const p = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const target = process.argv[3]; const depth = Number(process.argv[4] ?? 6);
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const dt = new Map();
for (let i = 0; i < p.samples.length; i++) dt.set(p.samples[i], (dt.get(p.samples[i]) ?? 0) + (p.timeDeltas[i] ?? 0));
const chains = new Map();
const name = (n) => `${n.callFrame.functionName || '(anon)'}@${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber}`;
for (const [id, t] of dt) {
  const n = byId.get(id);
  if (n.callFrame.functionName !== target) continue;
  const chain = [];
  let cur = parent.get(id);
  while (cur && chain.length < depth) { chain.push(name(byId.get(cur))); cur = parent.get(cur); }
  const k = chain.join(' < ');
  chains.set(k, (chains.get(k) ?? 0) + t);
}
for (const [k, v] of [...chains].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log((v / 1000).toFixed(0).padStart(6), k);
