// Loads the parts of a generated demo market the alert evaluation needs into a database: organizations
// (with parents, facility codes, network status, service lines), minimal provider rows and memberships,
// then referrals.csv through the real importer (src/import/referrals). An evaluation harness only —
// the product's demo loader lives in src/demo.
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '../../src/db/connection';
import { readCsvBatches } from '../../src/import/csv/records';
import { importReferralsCsv } from '../../src/import/referrals/csv';

async function readCsv(path: string): Promise<Record<string, string>[]> {
  const out: Record<string, string>[] = [];
  let header: string[] | null = null;
  for await (const batch of readCsvBatches(createReadStream(path), { encoding: 'utf8' })) {
    for (const r of batch) {
      if (!header) header = r.fields;
      else out.push(Object.fromEntries(header.map((h, i) => [h, r.fields[i] ?? ''])));
    }
  }
  return out;
}

export async function loadMarket(database: Database, dir: string) {
  const db = database.db;
  const orgs = await readCsv(join(dir, 'organizations.csv'));
  const idByNpi = new Map<string, number>();
  for (let i = 0; i < orgs.length; i += 500) {
    const rows = await db
      .insertInto('organizations')
      .values(
        orgs.slice(i, i + 500).map((o) => ({
          npi: o.npi!,
          name: o.name!,
          type: o.type as 'hospital',
          network_status: o.network_status as 'ours',
          facility_code: o.facility_code || null,
          service_lines: (o.service_lines ?? '').split(';').filter(Boolean),
        })),
      )
      .returning(['id', 'npi'])
      .execute();
    for (const r of rows) idByNpi.set(r.npi!, r.id);
  }
  for (const o of orgs)
    if (o.parent_npi) await db.updateTable('organizations').set({ parent_id: idByNpi.get(o.parent_npi)! }).where('npi', '=', o.npi!).execute();
  const members = await readCsv(join(dir, 'memberships.csv'));
  const providerNpis = new Set(members.map((m) => m.provider_npi!));
  // receiving providers without a membership (solo practitioners) still belong in the directory
  for await (const batch of readCsvBatches(createReadStream(join(dir, 'referrals.csv')), { encoding: 'utf8' }))
    for (const r of batch) if (/^\d{10}$/.test(r.fields[1] ?? '')) providerNpis.add(r.fields[1]!);
  const provs = [...providerNpis];
  for (let i = 0; i < provs.length; i += 1000)
    await db.insertInto('providers').values(provs.slice(i, i + 1000).map((npi) => ({ npi }) as never)).execute();
  const mrows = members.filter((m) => idByNpi.has(m.organization_npi!)).map((m) => ({ provider_npi: m.provider_npi!, organization_id: idByNpi.get(m.organization_npi!)!, role: m.role as 'primary', source: 'demo' as const }));
  for (let i = 0; i < mrows.length; i += 1000) await db.insertInto('memberships').values(mrows.slice(i, i + 1000)).onConflict((oc) => oc.doNothing()).execute();
  return importReferralsCsv(database, join(dir, 'referrals.csv'), { startedBy: 'eval' });
}
