// Cell parsers shared by the CRM import kinds. Each returns a value or records a row error
// naming the field, so one pass reports every problem of a row at once.

import { localToInstant } from '../../core/crm/localTime';
import { countyFips, zip5 } from '../../core/crm/territory';
import { parseUsDate } from '../values';
import type { ImportContext } from './context';

export type ErrFn = (field: string, reason: string) => void;

export class Cells {
  constructor(
    readonly v: Record<string, string>,
    readonly ctx: ImportContext,
    readonly err: ErrFn,
  ) {}

  text(f: string, opts: { required?: boolean; max?: number } = {}): string | null {
    const s = (this.v[f] ?? '').trim();
    if (!s) {
      if (opts.required) this.err(f, 'is required');
      return null;
    }
    // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters
    if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(s)) {
      this.err(f, 'contains control characters');
      return null;
    }
    if (s.length > (opts.max ?? 10_000)) {
      this.err(f, `is longer than ${opts.max ?? 10_000} characters`);
      return null;
    }
    return s;
  }

  list(f: string): string[] {
    return (this.v[f] ?? '')
      .split(/[;|]/)
      .map((x) => x.trim())
      .filter(Boolean);
  }

  /** Enum values accept any case and spaces/hyphens for underscores ("Office Manager"). */
  oneOf<T extends string>(f: string, values: readonly T[], opts: { required?: boolean } = {}): T | null {
    const raw = this.text(f, opts);
    if (raw === null) return null;
    const k = raw.toLowerCase().replace(/[\s-]+/g, '_');
    const hit = values.find((x) => x.toLowerCase() === k);
    if (!hit) this.err(f, `"${raw}" is not one of ${values.join(', ')}`);
    return hit ?? null;
  }

  npi(f: string, opts: { required?: boolean; mustExist?: boolean } = {}): string | null {
    const raw = this.text(f, opts);
    if (raw === null) return null;
    if (!/^\d{10}$/.test(raw)) return this.fail(f, `"${raw}" is not a 10-digit NPI`);
    if (opts.mustExist !== false && !this.ctx.providers.has(raw))
      return this.fail(f, `NPI ${raw} is not in the provider directory`);
    return raw;
  }

  npis(f: string): string[] {
    const out: string[] = [];
    for (const n of this.list(f)) {
      if (!/^\d{10}$/.test(n)) this.err(f, `"${n}" is not a 10-digit NPI`);
      else if (!this.ctx.providers.has(n)) this.err(f, `NPI ${n} is not in the provider directory`);
      else out.push(n);
    }
    return out;
  }

  organization(npiField: string, nameField: string): number | null {
    const n = this.text(npiField);
    if (n) {
      const id = this.ctx.orgByNpi.get(n);
      return id ?? this.fail(npiField, `no organization with NPI ${n}`);
    }
    const name = this.text(nameField);
    if (!name) return null;
    const id = this.ctx.orgByName.get(name.toLowerCase());
    if (id === 'ambiguous')
      return this.fail(nameField, `several organizations are named "${name}"; use organization_npi`);
    return id ?? this.fail(nameField, `no organization named "${name}"`);
  }

  user(f: string, fallback: number | null): number | null {
    const e = this.text(f);
    if (!e) return fallback;
    const id = this.ctx.users.get(e.toLowerCase());
    return id ?? this.fail(f, `no Rounds user with e-mail ${e}`);
  }

  date(f: string, opts: { required?: boolean } = {}): string | null {
    const raw = this.text(f, opts);
    if (raw === null) return null;
    const d = parseUsDate(raw.slice(0, 10) === raw ? raw : raw.slice(0, 10));
    return d ?? this.fail(f, `"${raw}" is not a date (YYYY-MM-DD or MM/DD/YYYY)`);
  }

  instant(f: string, opts: { required?: boolean } = {}): Date | null {
    const raw = this.text(f, opts);
    if (raw === null) return null;
    const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(.*)$/.exec(raw);
    const iso = us
      ? `${us[3]}-${us[1]!.padStart(2, '0')}-${us[2]!.padStart(2, '0')}${us[4]!.replace(/^\s+/, 'T')}`
      : raw;
    return (
      localToInstant(iso, this.ctx.timeZone) ??
      this.fail(f, `"${raw}" is not a date-time (YYYY-MM-DDTHH:MM:SS)`)
    );
  }

  int(f: string, min: number, max: number): number | null {
    const raw = this.text(f);
    if (raw === null) return null;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max)
      return this.fail(f, `"${raw}" is not a whole number from ${min} to ${max}`);
    return n;
  }

  money(f: string): number | null {
    const raw = this.text(f, { required: true });
    if (raw === null) return null;
    const n = Number(raw.replace(/[$,\s]/g, ''));
    if (!Number.isFinite(n) || n < 0 || n > 1_000_000)
      return this.fail(f, `"${raw}" is not an amount in dollars`);
    return Math.round(n * 100) / 100;
  }

  email(f: string): string | null {
    const raw = this.text(f, { max: 254 });
    if (raw === null) return null;
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(raw)) return this.fail(f, `"${raw}" is not an e-mail address`);
    return raw.toLowerCase();
  }

  zips(f: string): string[] {
    return this.list(f).flatMap((z) => {
      const n = zip5(z);
      if (!n) this.err(f, `"${z}" is not a 5-digit ZIP`);
      return n ? [n] : [];
    });
  }

  counties(f: string): string[] {
    return this.list(f).flatMap((c) => {
      const n = countyFips(c);
      if (!n) this.err(f, `"${c}" is not a 5-digit county FIPS`);
      return n ? [n] : [];
    });
  }

  private fail(f: string, reason: string): null {
    this.err(f, reason);
    return null;
  }
}
