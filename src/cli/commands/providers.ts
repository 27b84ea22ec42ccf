// `rounds providers search|get|new-to-market`: the directory from the command line.
import type { Command } from 'commander';
import { NETWORK_STATUSES } from '../../commands/crm/organizations';
import { findProviders, SearchInputError } from '../../commands/directory/providerSearch';
import { SEGMENTS } from '../../core/referrals/types';
import { SERVICE_LINE_KEYS } from '../../core/serviceLines';
import { getProviderProfile } from '../../db/queries/directory/providerProfile';
import { CliError, printJson, withDatabase } from '../runtime';
import { registerGeocodeCommand } from './geocode';

type Hit = Awaited<ReturnType<typeof findProviders>>['items'][number];

function printHits(r: Awaited<ReturnType<typeof findProviders>>) {
  for (const h of r.items) {
    const place = [h.address.city, h.address.state, h.address.zip5].filter(Boolean).join(' ');
    const dist = h.distanceMi !== null ? ` ${h.distanceMi.toFixed(1)} mi` : '';
    console.log(
      `${h.npi}  ${h.name.padEnd(36)} ${(h.primaryTaxonomy?.name ?? '').padEnd(34)} ${place}${dist}${h.status === 'deactivated' ? ' [deactivated]' : ''}`,
    );
  }
  console.log(
    `${r.items.length} shown of ${r.totalIsExact ? r.total : `${r.total}+`} · data date ${r.dataDate ?? '—'}${r.nextCursor ? ` · next: --cursor ${r.nextCursor}` : ''}`,
  );
}

const int = (v: string | undefined, name: string) => {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new CliError(`${name} must be a positive number (got "${v}")`);
  return n;
};

export function registerProviderCommands(program: Command) {
  const providers = program.command('providers').description('search the provider directory');
  registerGeocodeCommand(providers);
  providers
    .command('search [text...]')
    .description('fuzzy name / NPI search with filters')
    .option('--specialty <text>', 'taxonomy code or specialty name')
    .option('--service-line <key>', `one of ${SERVICE_LINE_KEYS.join(', ')}`)
    .option('--near <zip>', 'a ZIP code or lat,lon to search around')
    .option('--radius-mi <n>', 'radius around --near in miles (default 25)')
    .option('--city <name>')
    .option('--zip <zip>', '5-digit ZIP or 3-digit prefix')
    .option('--county <fips-or-name>')
    .option('--org <id>', 'organization id')
    .option('--status <status>', 'active (default), deactivated or all')
    .option('--tier <tiers>', 'relationship tier(s), e.g. A or A,B')
    .option('--owner <user>', "a user id (their book of business) or 'none' (nobody's)")
    .option('--territory <id>', 'practicing in this territory')
    .option('--overdue', 'has a visit frequency and is past it')
    .option('--segment <segments>', 'referral segment(s): loyalist, splitter, opportunity, low_volume')
    .option(
      '--network-status <statuses>',
      "the primary organization's network status, e.g. ours or independent,competitor",
    )
    .option('--sort <sort>', 'relevance, name or distance')
    .option('--limit <n>', 'rows per page (max 200)', '25')
    .option('--cursor <cursor>', 'next page cursor from a previous search')
    .option('--json', 'print JSON')
    .action((text: string[], o: Record<string, string | boolean | undefined>) =>
      withDatabase(async ({ db }) => {
        const s = (k: string) => (typeof o[k] === 'string' ? (o[k] as string) : undefined);
        const serviceLine = s('serviceLine');
        if (serviceLine && !(SERVICE_LINE_KEYS as readonly string[]).includes(serviceLine))
          throw new CliError(`--service-line must be one of ${SERVICE_LINE_KEYS.join(', ')}`);
        const status = s('status');
        if (status && !['active', 'deactivated', 'all'].includes(status))
          throw new CliError('--status must be active, deactivated or all');
        const sort = s('sort');
        if (sort && !['relevance', 'name', 'distance'].includes(sort))
          throw new CliError('--sort must be relevance, name or distance');
        const list = (k: string, flag: string, allowed: readonly string[]) => {
          const v = s(k)
            ?.split(',')
            .map((x) => x.trim());
          const bad = v?.find((x) => !allowed.includes(x));
          if (bad !== undefined)
            throw new CliError(`${flag} must be among ${allowed.join(', ')} (got "${bad}")`);
          return v;
        };
        const owner = s('owner');
        if (owner !== undefined && !/^(none|\d{1,9})$/.test(owner))
          throw new CliError("--owner must be a user id or 'none'");
        const territory = s('territory');
        if (territory !== undefined && !/^\d{1,9}$/.test(territory))
          throw new CliError('--territory must be a territory id');
        try {
          const r = await findProviders(db, {
            q: text.join(' ') || undefined,
            specialty: s('specialty'),
            serviceLine,
            near: s('near'),
            radiusMi: int(s('radiusMi'), '--radius-mi'),
            city: s('city'),
            zip: s('zip'),
            county: s('county'),
            org: int(s('org'), '--org'),
            status: status as 'active' | undefined,
            tier: list('tier', '--tier', ['A', 'B', 'C']) as ('A' | 'B' | 'C')[] | undefined,
            owner,
            territory,
            overdue: o.overdue === true || undefined,
            networkStatus: list('networkStatus', '--network-status', NETWORK_STATUSES),
            segment: list('segment', '--segment', SEGMENTS),
            sort: sort as 'name' | undefined,
            limit: int(s('limit'), '--limit'),
            cursor: s('cursor'),
            facets: o.json === true,
          });
          if (o.json) printJson(r);
          else printHits(r);
        } catch (e) {
          if (e instanceof SearchInputError) throw new CliError(e.message);
          throw e;
        }
      }),
    );
  providers
    .command('get <npi>')
    .description('everything the directory knows about one provider')
    .option('--json', 'print JSON')
    .action((npi: string, o: { json?: boolean }) =>
      withDatabase(async ({ db }) => {
        if (!/^\d{10}$/.test(npi)) throw new CliError(`npi must be 10 digits (got "${npi}")`);
        const p = await getProviderProfile(db, npi);
        if (!p) throw new CliError(`provider ${npi} is not in the directory`);
        if (o.json) return void printJson(p);
        const n = p.name;
        console.log(
          `${[n.prefix, n.first, n.middle, n.last, n.suffix].filter(Boolean).join(' ')}${n.credential ? `, ${n.credential}` : ''} · NPI ${p.npi} · ${p.entityType} · ${p.status}`,
        );
        for (const t of p.taxonomies)
          console.log(
            `  ${t.isPrimary ? '*' : ' '} ${t.code} ${t.name ?? ''} (${t.serviceLine})${t.license ? ` license ${t.license} ${t.licenseState ?? ''}` : ''}`,
          );
        for (const l of p.locations)
          console.log(
            `  ${l.kind}: ${[l.line1, l.line2, l.city, l.state, l.zip5].filter(Boolean).join(', ')}${l.point ? ` (${l.point.lat.toFixed(4)}, ${l.point.lon.toFixed(4)} ${l.point.precision})` : ''}`,
          );
        for (const org of p.organizations)
          console.log(`  org: ${org.name} (${org.type}, ${org.networkStatus}, ${org.role})`);
        console.log(
          `  enumerated ${p.dates.enumeration ?? '—'} · updated ${p.dates.lastUpdate ?? '—'}${p.dates.deactivation ? ` · deactivated ${p.dates.deactivation}` : ''} · source ${p.source} · data date ${p.dataDate ?? '—'}`,
        );
      }),
    );
  providers
    .command('new-to-market')
    .description('providers newly enumerated or newly arrived since the previous import')
    .option('--since <date>', 'arrivals since YYYY-MM-DD instead')
    .option('--service-line <key>')
    .option('--limit <n>', 'rows (max 200)', '200')
    .option('--json', 'print JSON')
    .action((o: { since?: string; serviceLine?: string; limit?: string; json?: boolean }) =>
      withDatabase(async ({ db }) => {
        if (o.since && !/^\d{4}-\d{2}-\d{2}$/.test(o.since)) throw new CliError('--since must be YYYY-MM-DD');
        const r = await findProviders(db, {
          newToMarket: true,
          since: o.since,
          serviceLine: o.serviceLine,
          sort: 'name',
          facets: false,
          limit: int(o.limit, '--limit'),
        });
        if (o.json) return void printJson(r);
        printHits(r);
        const reasons = new Map<string, number>();
        for (const h of r.items as Hit[])
          reasons.set(h.arrivalReason ?? '?', (reasons.get(h.arrivalReason ?? '?') ?? 0) + 1);
        console.log([...reasons].map(([k, v]) => `${k}: ${v}`).join(' · '));
      }),
    );
}
