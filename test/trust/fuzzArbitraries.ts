// fast-check arbitraries for the hostile-input fuzzer: values that follow an OpenAPI (JSON Schema)
// fragment, and values meant to break things (injection, traversal, unicode, huge numbers, deep JSON).
import fc from 'fast-check';

export type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean | number;
  exclusiveMaximum?: boolean | number;
  nullable?: boolean;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
};

export const HOSTILE_STRINGS = [
  "' OR 1=1 --",
  "'; DROP TABLE users; --",
  '" OR ""="',
  '1; SELECT pg_sleep(5)',
  "1' AND (SELECT 1 FROM pg_user)='1",
  '\\',
  "'",
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '{{7*7}}',
  '$' + '{7*7}', // template-injection probe, written in two halves so it is not a template literal
  '../../../../etc/passwd',
  '..%2F..%2F..%2Fetc%2Fpasswd',
  '..\\..\\..\\windows\\win.ini',
  '/etc/passwd\u0000.png',
  '\u0000',
  '%00',
  '%',
  '%E0%A4%A',
  '\r\nX-Injected: 1',
  '\uD800',
  '\uFFFF\uFFFE',
  '\u202Eevil',
  '👨‍👩‍👧‍👦𝕏😀',
  'Ω≈ç√∫˜µ≤≥÷',
  'ﷺ',
  'NaN',
  'Infinity',
  '-1',
  '0',
  '1e309',
  '99999999999999999999999999999999',
  '0x7fffffff',
  '__proto__',
  'constructor',
  '{"$gt":""}',
  'true',
  'null',
  '',
  ' ',
  'a'.repeat(10_000),
] as const;

export const HUGE_NUMBERS = [
  1e308,
  -1e308,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  2 ** 53 + 2,
  -(2 ** 53) - 2,
  2 ** 63,
  2 ** 31,
  -(2 ** 31) - 1,
  1e-320,
  -0,
  0.5,
  -1,
  1.000000000000001,
] as const;

export const hostileString = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  // long strings: a random piece repeated (generating 20,000 random characters one by one is slow)
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }),
        fc.integer({ min: 5000, max: 20_000 }),
      )
      .map(([piece, n]) => piece.repeat(Math.ceil(n / piece.length)).slice(0, n)),
  },
);

export const hugeNumber = fc.oneof(
  fc.constantFrom(...HUGE_NUMBERS),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);

/** A value nested `depth` levels deep, as arrays or objects. */
export function nested(depth: number, asObject: boolean): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = asObject ? { a: v } : [v];
  return v;
}

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 3, arbitrary: hugeNumber },
  { weight: 1, arbitrary: fc.integer({ min: 50, max: 400 }).map((d) => nested(d, d % 2 === 0)) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}) },
);

/** Whole request bodies sent as raw text: deep JSON, malformed JSON, prototype pollution. */
export const hostileRawBody = fc.oneof(
  fc.integer({ min: 1000, max: 20_000 }).map((d) => `${'['.repeat(d)}${']'.repeat(d)}`),
  fc.integer({ min: 1000, max: 20_000 }).map((d) => `${'{"a":'.repeat(d)}1${'}'.repeat(d)}`),
  fc.constantFrom(
    '{"__proto__":{"isAdmin":true}}',
    '{"constructor":{"prototype":{"role":"admin"}}}',
    '{"a":',
    '{"a":1,"a":2}',
    '123456789012345678901234567890',
    '[1e999]',
    '"\\ud800"',
    '\u0000',
    '',
    'null',
  ),
  hostileString.map((s) => JSON.stringify(s)),
);

const exclusive = (v: boolean | number | undefined, bound: number | undefined) =>
  typeof v === 'number' ? v : v === true ? bound : undefined;

function numberArb(s: JsonSchema): fc.Arbitrary<number> {
  const exMin = exclusive(s.exclusiveMinimum, s.minimum);
  const exMax = exclusive(s.exclusiveMaximum, s.maximum);
  const isInt = s.type === 'integer' || (Array.isArray(s.type) && s.type.includes('integer'));
  const min = exMin !== undefined ? exMin + (isInt ? 1 : 1e-9) : (s.minimum ?? -1e9);
  const max = exMax !== undefined ? exMax - (isInt ? 1 : 1e-9) : (s.maximum ?? 1e9);
  if (!isInt) return fc.double({ min, max, noNaN: true });
  const lo = Math.max(Math.ceil(min), Number.MIN_SAFE_INTEGER);
  const hi = Math.min(Math.floor(max), Number.MAX_SAFE_INTEGER);
  // Small values hit records that exist; the full range probes the bounds.
  return fc.oneof(fc.integer({ min: lo, max: Math.min(hi, lo + 40) }), fc.integer({ min: lo, max: hi }));
}

function stringArb(s: JsonSchema): fc.Arbitrary<string> {
  if (s.pattern) {
    try {
      return fc.stringMatching(new RegExp(s.pattern)).filter((x) => x.length <= (s.maxLength ?? 1e9));
    } catch {
      // a pattern fast-check cannot generate from: plain strings
    }
  }
  return fc.string({ minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 60, 60) });
}

/** Values that follow a JSON Schema fragment (as @fastify/swagger writes it for zod schemas). */
export function schemaArb(s: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!s || depth > 6) return fc.jsonValue({ maxDepth: 2 });
  const variants = s.anyOf ?? s.oneOf;
  let arb: fc.Arbitrary<unknown>;
  if (variants?.length) arb = fc.oneof(...variants.map((v) => schemaArb(v, depth + 1)));
  else if (s.allOf?.length) arb = schemaArb(s.allOf[0], depth + 1);
  else if (s.enum?.length) arb = fc.constantFrom(...s.enum);
  else if (s.const !== undefined) arb = fc.constant(s.const);
  else {
    const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
    switch (type) {
      case 'string':
        arb = stringArb(s);
        break;
      case 'integer':
      case 'number':
        arb = numberArb(s);
        break;
      case 'boolean':
        arb = fc.boolean();
        break;
      case 'array':
        arb = fc.array(schemaArb(s.items, depth + 1), {
          minLength: s.minItems ?? 0,
          maxLength: Math.min(s.maxItems ?? 5, 5),
        });
        break;
      case 'object': {
        const props = s.properties ?? {};
        const required = new Set(s.required ?? []);
        const shape = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, schemaArb(v, depth + 1)]));
        arb = fc.record(shape, {
          requiredKeys: Object.keys(props).filter((k) => required.has(k)),
        });
        break;
      }
      case 'null':
        arb = fc.constant(null);
        break;
      default:
        arb = fc.jsonValue({ maxDepth: 2 });
    }
  }
  return s.nullable || (Array.isArray(s.type) && s.type.includes('null'))
    ? fc.option(arb, { nil: null })
    : arb;
}

/** A body that follows the schema, with some fields swapped for hostile values or extra keys. */
export function mutatedBody(s: JsonSchema | undefined): fc.Arbitrary<unknown> {
  return fc
    .tuple(schemaArb(s), fc.array(fc.tuple(fc.nat(), hostileValue), { maxLength: 3 }), fc.boolean())
    .map(([body, swaps, extraKey]) => {
      if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
      const out = { ...(body as Record<string, unknown>) };
      const keys = Object.keys(s?.properties ?? out);
      for (const [i, v] of swaps) if (keys.length) out[keys[i % keys.length]!] = v;
      if (extraKey) out.__unexpected__ = "'; drop table users; --";
      return out;
    });
}
