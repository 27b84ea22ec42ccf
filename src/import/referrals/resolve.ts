// Resolves what a referral row names into directory ids: the receiving facility (an organization NPI
// or a Rounds facility code), the receiving provider and their primary organization, and the
// service line (a Rounds key or a NUCC taxonomy code through service_line_map). Batched lookups
// with caches, so a file of millions of rows costs one query per batch of new values.
import type { Kysely } from 'kysely';
import { isServiceLineKey, serviceLineForTaxonomy } from '../../core/serviceLines';
import type { DB } from '../../db/schema';

export interface ReceivingProvider {
  npi: string;
  orgId: number | null;
  serviceLine: string | null;
}

const TAXONOMY_RE = /^[0-9A-Z]{9}X$/;

export class DestinationResolver {
  private facilities = new Map<string, number | null>();
  private providers = new Map<string, ReceivingProvider | null>();
  private taxonomyMap = new Map<string, string>();

  constructor(private db: Kysely<DB>) {}

  async init() {
    const rows = await this.db
      .selectFrom('service_line_map')
      .select(['taxonomy_code', 'service_line'])
      .execute();
    for (const r of rows) this.taxonomyMap.set(r.taxonomy_code.toUpperCase(), r.service_line);
  }

  /** Looks up every facility code/NPI and provider NPI of a batch not seen before. */
  async prefetch(facilities: Iterable<string>, providerNpis: Iterable<string>) {
    const fac = [...new Set(facilities)].filter((f) => f && !this.facilities.has(f));
    if (fac.length) {
      const found = await this.db
        .selectFrom('organizations')
        .select(['id', 'npi', 'facility_code'])
        .where((eb) => eb.or([eb('npi', 'in', fac), eb('facility_code', 'in', fac)]))
        .where('deleted_at', 'is', null)
        .execute();
      for (const f of fac) this.facilities.set(f, null);
      // a facility code wins over an NPI that happens to look the same
      for (const o of found)
        if (o.npi && fac.includes(o.npi) && this.facilities.get(o.npi) === null)
          this.facilities.set(o.npi, o.id);
      for (const o of found)
        if (o.facility_code && fac.includes(o.facility_code)) this.facilities.set(o.facility_code, o.id);
    }
    const provs = [...new Set(providerNpis)].filter((n) => n && !this.providers.has(n));
    if (provs.length) {
      const found = await this.db
        .selectFrom('providers as p')
        .select((eb) => [
          'p.npi',
          'p.primary_service_line',
          eb
            .selectFrom('memberships as m')
            .select('m.organization_id')
            .whereRef('m.provider_npi', '=', 'p.npi')
            .orderBy((e) =>
              e
                .case()
                .when('m.role', '=', 'primary')
                .then(0)
                .when('m.role', '=', 'secondary')
                .then(1)
                .else(2)
                .end(),
            )
            .orderBy('m.id')
            .limit(1)
            .as('org_id'),
        ])
        .where('p.npi', 'in', provs)
        .execute();
      for (const n of provs) this.providers.set(n, null);
      for (const p of found)
        this.providers.set(p.npi, {
          npi: p.npi,
          orgId: p.org_id ?? null,
          serviceLine: p.primary_service_line,
        });
    }
  }

  facility(code: string): number | null | undefined {
    return this.facilities.get(code);
  }

  provider(npi: string): ReceivingProvider | null | undefined {
    return this.providers.get(npi);
  }

  /** A Rounds service-line key, or a NUCC code mapped through service_line_map; null when neither. */
  serviceLine(value: string): string | null {
    const v = value.trim();
    if (isServiceLineKey(v.toLowerCase())) return v.toLowerCase();
    const code = v.toUpperCase();
    if (!TAXONOMY_RE.test(code)) return null;
    return this.taxonomyMap.get(code) ?? serviceLineForTaxonomy(code);
  }
}
