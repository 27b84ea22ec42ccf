// Solomon VRPTW format: a VEHICLE block (NUMBER CAPACITY) and a CUSTOMER table whose first row is the depot.
export interface SolomonCustomer {
  id: number;
  x: number;
  y: number;
  demand: number;
  ready: number;
  due: number;
  service: number;
}

export interface SolomonInstance {
  name: string;
  vehicles: number;
  capacity: number;
  /** Row 0 is the depot. */
  customers: SolomonCustomer[];
}

/** Double-precision Euclidean distance (the convention of the distance-only best-known values). */
export function solomonDistance(a: SolomonCustomer, b: SolomonCustomer): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

export function parseSolomon(text: string): SolomonInstance {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const name = lines.find((l) => l !== '') ?? '';
  const numeric = (l: string) => l !== '' && /^[-\d.\s]+$/.test(l);
  const vIdx = lines.findIndex((l) => /^NUMBER\s+CAPACITY/i.test(l));
  if (vIdx < 0) throw new Error('Solomon: missing VEHICLE NUMBER/CAPACITY');
  const vLine = lines.slice(vIdx + 1).find(numeric);
  const [vehicles, capacity] = (vLine ?? '').split(/\s+/).map(Number);
  if (!vehicles || capacity === undefined || Number.isNaN(capacity))
    throw new Error('Solomon: bad vehicle line');
  const cIdx = lines.findIndex((l) => /^CUST/i.test(l));
  if (cIdx < 0) throw new Error('Solomon: missing CUSTOMER table');
  const customers: SolomonCustomer[] = [];
  for (const l of lines.slice(cIdx + 1)) {
    if (!numeric(l)) continue;
    const t = l.split(/\s+/).map(Number);
    if (t.length < 7) continue;
    customers.push({
      id: t[0]!,
      x: t[1]!,
      y: t[2]!,
      demand: t[3]!,
      ready: t[4]!,
      due: t[5]!,
      service: t[6]!,
    });
  }
  if (customers.length < 2) throw new Error('Solomon: no customers');
  return { name, vehicles, capacity, customers };
}
