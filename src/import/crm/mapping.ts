// The column-mapping step: which spreadsheet column feeds which Rounds field. Rounds' own layouts
// (docs/formats/*.md) map by exact header; other spreadsheets map by common synonyms, and the
// user can override any column ("Practice Phone=phone") or ignore it ("Fax=").

export type FieldSpec = { field: string; required?: boolean; synonyms?: string[]; help: string };

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '');

export type Mapping = Record<string, string>; // source column → field ('' = ignored)

export type MappingResult = {
  mapping: Mapping;
  /** Columns not mapped to any field (ignored). */
  unmapped: string[];
  /** Required fields no column feeds. */
  missing: string[];
  problems: string[];
};

export function resolveMapping(
  headers: string[],
  fields: FieldSpec[],
  overrides: Mapping = {},
): MappingResult {
  const byName = new Map<string, string>();
  for (const f of fields) {
    byName.set(norm(f.field), f.field);
    for (const s of f.synonyms ?? []) byName.set(norm(s), f.field);
  }
  const known = new Set(fields.map((f) => f.field));
  const problems: string[] = [];
  const mapping: Mapping = {};
  for (const [col, field] of Object.entries(overrides)) {
    if (!headers.includes(col)) problems.push(`mapping: the file has no column "${col}"`);
    else if (field && !known.has(field))
      problems.push(`mapping: "${field}" is not a field (fields: ${[...known].join(', ')})`);
  }
  for (const h of headers) {
    const f = h in overrides ? overrides[h]! : (byName.get(norm(h)) ?? '');
    mapping[h] = f;
  }
  const used = Object.values(mapping).filter(Boolean);
  const twice = used.find((f, i) => used.indexOf(f) !== i);
  if (twice)
    problems.push(
      `mapping: two columns feed "${twice}" (${headers.filter((h) => mapping[h] === twice).join(', ')}); map one of them to another field or to nothing`,
    );
  const missing = fields.filter((f) => f.required && !used.includes(f.field)).map((f) => f.field);
  return { mapping, unmapped: headers.filter((h) => !mapping[h]), missing, problems };
}

/** "Col A=field,Col B=" → { 'Col A': 'field', 'Col B': '' } (the CLI's --map). */
export function parseMapArg(arg: string | undefined): Mapping {
  const out: Mapping = {};
  if (!arg) return out;
  for (const part of arg.split(',')) {
    const i = part.lastIndexOf('=');
    if (i <= 0) throw new Error(`--map: "${part}" is not column=field`);
    out[part.slice(0, i).trim()] = part.slice(i + 1).trim();
  }
  return out;
}

/** Values of one row keyed by field (only mapped columns). */
export function mapRow(values: Record<string, string>, mapping: Mapping): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [col, field] of Object.entries(mapping)) if (field) out[field] = values[col] ?? '';
  return out;
}
