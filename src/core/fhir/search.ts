// FHIR search parameters (US Core / Plan-Net subsets) parsed and checked — pure, no SQL.
// Repeating a parameter means AND; commas inside one value mean OR (FHIR R4 §3.1.1.3).
import type { DirectoryType } from './types';

export class FhirSearchError extends Error {
  constructor(
    message: string,
    public code: 'invalid' | 'not-supported' = 'invalid',
  ) {
    super(message);
  }
}

type Kind = 'string' | 'token' | 'reference';
export const SEARCH_PARAMS: Record<DirectoryType, Record<string, Kind>> = {
  Practitioner: { identifier: 'token', name: 'string', family: 'string', given: 'string' },
  PractitionerRole: {
    practitioner: 'reference',
    organization: 'reference',
    location: 'reference',
    specialty: 'token',
  },
  Organization: {
    identifier: 'token',
    name: 'string',
    address: 'string',
    type: 'token',
    partof: 'reference',
  },
  Location: {
    identifier: 'token',
    address: 'string',
    'address-city': 'string',
    'address-state': 'string',
    'address-postalcode': 'string',
    organization: 'reference',
  },
};
export const INCLUDES: Partial<Record<DirectoryType, string[]>> = {
  PractitionerRole: [
    'PractitionerRole:practitioner',
    'PractitionerRole:organization',
    'PractitionerRole:location',
  ],
};
const REF_TARGET: Record<string, string> = {
  practitioner: 'Practitioner',
  organization: 'Organization',
  location: 'Location',
  partof: 'Organization',
};

export type StringMatch = { mode: 'start' | 'exact' | 'contains'; values: string[] };
export type Token = { system: string | null | undefined; code: string };
export type DateBound = { op: 'ge' | 'gt' | 'le' | 'lt' | 'eq'; start: Date; end: Date };
export type ParsedSearch = {
  ids: string[][];
  lastUpdated: DateBound[];
  strings: Record<string, StringMatch[]>;
  tokens: Record<string, Token[][]>;
  refs: Record<string, string[][]>;
  include: string[];
  count: number;
  offset: number;
};

export const DEFAULT_COUNT = 20;
export const MAX_COUNT = 100;
const IGNORED = new Set(['_format', '_pretty', '_summary', '_elements']);

const splitOr = (v: string) => v.split(/(?<!\\),/).map((s) => s.replace(/\\,/g, ',').trim());

export function parseToken(v: string): Token {
  const i = v.indexOf('|');
  if (i < 0) return { system: undefined, code: v };
  return { system: i === 0 ? null : v.slice(0, i), code: v.slice(i + 1) };
}

/** FHIR dates: YYYY, YYYY-MM, YYYY-MM-DD or a full instant; the bound covers the stated precision. */
export function parseDateBound(raw: string, param: string): DateBound {
  const m = raw.match(
    /^(eq|ne|gt|lt|ge|le|sa|eb|ap)?(\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?)$/,
  );
  if (!m) throw new FhirSearchError(`${param}: "${raw}" is not a FHIR date (e.g. ge2026-01-01)`);
  const op = (m[1] ?? 'eq') as DateBound['op'] | 'ne' | 'sa' | 'eb' | 'ap';
  if (op === 'ne' || op === 'sa' || op === 'eb' || op === 'ap')
    throw new FhirSearchError(
      `${param}: prefix "${op}" is not supported (use eq, gt, ge, lt, le)`,
      'not-supported',
    );
  const v = m[2]!;
  const parts = v.split(/[-T]/);
  let start: Date;
  let end: Date;
  if (v.length === 4) {
    start = new Date(Date.UTC(+v, 0, 1));
    end = new Date(Date.UTC(+v + 1, 0, 1));
  } else if (v.length === 7) {
    start = new Date(Date.UTC(+parts[0]!, +parts[1]! - 1, 1));
    end = new Date(Date.UTC(+parts[0]!, +parts[1]!, 1));
  } else if (v.length === 10) {
    start = new Date(`${v}T00:00:00Z`);
    end = new Date(start.getTime() + 86_400_000);
  } else {
    start = new Date(v.includes('Z') || /[+-]\d{2}:\d{2}$/.test(v) ? v : `${v}Z`);
    end = new Date(start.getTime() + 1000);
  }
  if (Number.isNaN(start.getTime()) || start.getUTCFullYear() < 1900)
    throw new FhirSearchError(`${param}: "${raw}" is not a valid date`);
  return { op, start, end };
}

/** The id in "Type/id", "id" or an absolute URL ending in Type/id; refuses the wrong type. */
export function parseReference(v: string, param: string): string {
  const target = REF_TARGET[param];
  // Last two path segments: [Type/]id (absolute URLs allowed).
  const segs = v.split('/');
  const id = segs[segs.length - 1] ?? '';
  const refType = segs.length > 1 ? segs[segs.length - 2] : undefined;
  const m = /^[A-Za-z0-9\-.]{1,64}$/.test(id) ? [v, refType, id] : null;
  if (!m || (m[1] && target && m[1] !== target))
    throw new FhirSearchError(`${param}: "${v}" is not a ${target ?? ''} reference`.replace('  ', ' '));
  return m[2]!;
}

function push<T>(into: Record<string, T[]>, key: string, value: T) {
  into[key] = [...(into[key] ?? []), value];
}

export function parseSearch(
  type: DirectoryType,
  query: Record<string, string | string[] | undefined>,
): ParsedSearch {
  const out: ParsedSearch = {
    ids: [],
    lastUpdated: [],
    strings: {},
    tokens: {},
    refs: {},
    include: [],
    count: DEFAULT_COUNT,
    offset: 0,
  };
  const known = SEARCH_PARAMS[type];
  for (const [rawName, rawValue] of Object.entries(query)) {
    if (rawValue === undefined) continue;
    const values = (Array.isArray(rawValue) ? rawValue : [rawValue]).map(String);
    const [name, modifier] = rawName.split(':') as [string, string | undefined];
    if (IGNORED.has(name)) continue;
    for (const value of values) {
      if (value.length > 500) throw new FhirSearchError(`${rawName}: value is longer than 500 characters`);
      // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
      if (/[\u0000-\u001f\u007f]/.test(value))
        throw new FhirSearchError(`${rawName}: control characters are not allowed`);
      if (name === '_count' || name === '_offset') {
        if (!/^\d{1,9}$/.test(value)) throw new FhirSearchError(`${name}: must be a whole number`);
        const n = Number(value);
        if (name === '_count') out.count = Math.min(Math.max(n, 0), MAX_COUNT);
        else out.offset = Math.min(n, 100_000);
        continue;
      }
      if (name === '_id') {
        out.ids.push(splitOr(value));
        continue;
      }
      if (name === '_lastUpdated') {
        out.lastUpdated.push(parseDateBound(value, '_lastUpdated'));
        continue;
      }
      if (name === '_include') {
        if (!INCLUDES[type]?.includes(value))
          throw new FhirSearchError(
            `_include: "${value}" is not supported for ${type} (supported: ${(INCLUDES[type] ?? []).join(', ') || 'none'})`,
            'not-supported',
          );
        out.include.push(value);
        continue;
      }
      // own keys only: "__proto__" or "constructor" must be an unknown parameter, not a crash
      const kind = Object.hasOwn(known, name) ? known[name] : undefined;
      if (!kind)
        throw new FhirSearchError(
          `Unknown search parameter "${rawName}" for ${type} (supported: ${['_id', '_lastUpdated', '_count', ...Object.keys(known)].join(', ')})`,
          'not-supported',
        );
      if (kind === 'string') {
        if (modifier && modifier !== 'exact' && modifier !== 'contains')
          throw new FhirSearchError(`${rawName}: modifier ":${modifier}" is not supported`, 'not-supported');
        const vals = splitOr(value).filter(Boolean);
        if (!vals.length) throw new FhirSearchError(`${rawName}: empty value`);
        push(out.strings, name, {
          mode: (modifier as 'exact' | 'contains') ?? 'start',
          values: vals,
        });
      } else if (kind === 'token') {
        if (modifier)
          throw new FhirSearchError(`${rawName}: modifiers are not supported on ${name}`, 'not-supported');
        const toks = splitOr(value)
          .map(parseToken)
          .filter((t) => t.code);
        if (!toks.length) throw new FhirSearchError(`${rawName}: empty value`);
        push(out.tokens, name, toks);
      } else {
        if (modifier && modifier !== REF_TARGET[name])
          throw new FhirSearchError(`${rawName}: modifier ":${modifier}" is not supported`, 'not-supported');
        push(
          out.refs,
          name,
          splitOr(value).map((v) => parseReference(v, name)),
        );
      }
    }
  }
  return out;
}
