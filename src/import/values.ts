// Value cleaning shared by the importers: masked values, dates, ZIPs, phones, search text.

/** NPPES masks some values (`<UNAVAIL>`, runs of `$`, `*`, `_`): they mean "not available". */
const MASKED = /^(<UNAVAIL>|[$*_]+)$/;

export function clean(v: string | undefined): string | null {
  if (v === undefined) return null;
  const t = v.trim();
  if (t === '' || MASKED.test(t)) return null;
  return t;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** 'MM/DD/YYYY' (or ISO 'YYYY-MM-DD') → 'YYYY-MM-DD'; undefined when present but invalid. */
export function parseUsDate(v: string | null): string | null | undefined {
  if (v === null) return null;
  let m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v);
  let y: number;
  let mo: number;
  let d: number;
  if (m) {
    mo = Number(m[1]);
    d = Number(m[2]);
    y = Number(m[3]);
  } else {
    m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
    if (!m) return undefined;
    y = Number(m[1]);
    mo = Number(m[2]);
    d = Number(m[3]);
  }
  if (y < 1900 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > DAYS_IN_MONTH[mo - 1]!) return undefined;
  if (mo === 2 && d === 29 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) return undefined;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** US ZIP (5 or 9 digits, hyphen tolerated) → { zip5, zip9 }. */
export function splitZip(v: string | null): { zip5: string | null; zip9: string | null } {
  if (!v) return { zip5: null, zip9: null };
  const digits = v.replace(/[-\s]/g, '');
  if (/^\d{9}$/.test(digits)) return { zip5: digits.slice(0, 5), zip9: digits };
  if (/^\d{5}$/.test(digits)) return { zip5: digits, zip9: null };
  return { zip5: null, zip9: null };
}

export function digitsOnly(v: string | null): string | null {
  if (!v) return null;
  const d = v.replace(/\D/g, '');
  return d === '' ? null : d;
}

const NON_ASCII = /[^ -~\t\r\n]/;

/** Lower-case, accent-free, punctuation-free text for trigram search. */
export function searchText(...parts: (string | null | undefined)[]): string {
  const text = parts.filter(Boolean).join(' ');
  // most names are plain ASCII: no accents to strip
  if (!NON_ASCII.test(text))
    return text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
