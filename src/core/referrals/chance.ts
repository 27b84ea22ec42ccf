// How an alert says how likely chance alone would be (product brief: "a fall from 10 a month to 6
// can be chance; say how likely"). The detector's q-value — after testing every physician, the
// expected share of alerts this strong that chance would produce — read as a percentage; the p- and
// q-values themselves for whoever checks the statistics. "q 5.0e-14" told a liaison nothing.

/** A probability as people read it: "< 0.1 %", "2.4 %", "35 %". */
export function percentChance(x: number): string {
  if (!Number.isFinite(x) || x < 0) return '—';
  if (x < 0.001) return '< 0.1 %';
  const pct = x * 100;
  return `${pct < 10 ? pct.toFixed(1) : Math.round(pct)} %`;
}

/** A p- or q-value as statistics write it: "p < 0.001", "q = 0.034". */
export function statText(name: 'p' | 'q', x: number): string {
  if (!Number.isFinite(x) || x < 0) return `${name} = —`;
  return x < 0.001 ? `${name} < 0.001` : `${name} = ${x.toPrecision(2)}`;
}

/** The sentence's tail: "chance alone: < 0.1 % (p < 0.001, q < 0.001 after testing every physician)". */
export function chanceClause(p: number, q: number): string {
  return `chance alone: ${percentChance(q)} (${statText('p', p)}, ${statText('q', q)} after testing every physician)`;
}
