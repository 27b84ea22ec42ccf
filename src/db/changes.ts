// Change signals for the server's read cache (src/server/lib/responseCache.ts). Every audited write
// and every finished import says which kinds of data it changed: on the channel below (PostgreSQL
// NOTIFY, delivered to every server process on commit — for audited writes, sent by the sealer that
// links them into the chain, without a round trip in the write itself) and, inside an HTTP request,
// to that request's own change set (so the process that wrote drops its stale answers before it
// replies: read-your-writes without waiting for the notification).
import { AsyncLocalStorage } from 'node:async_hooks';
import { type Kysely, sql } from 'kysely';
import type { DB } from './schema';

/** Kinds of data a cached read can depend on. `auth` (sessions, tokens, users) is what no cached
 * answer depends on: logins and token use do not empty the cache. */
export const DATA_DOMAINS = ['directory', 'referrals', 'crm', 'auth'] as const;
export type DataDomain = (typeof DATA_DOMAINS)[number];
export const CHANGE_CHANNEL = 'rounds_changes';

const AUTH = new Set(['user', 'session', 'api_token', 'calendar_token']);
const DIRECTORY = new Set(['provider', 'organization', 'location', 'directory']);
const CRM = new Set([
  'activity',
  'task',
  'physician_issue',
  'route_plan',
  'goal',
  'goals',
  'contact',
  'target_list',
  'target_list_member',
  'target_weights',
  'spend_entry',
  'provider_relationship',
  'checkin',
  'scheduled_report',
  'territory',
]);

/** The domains an audited entity belongs to. Anything not listed (settings, service-line map,
 * imports, restores, …) counts as changing everything: a new kind of write can only make the
 * cache emptier, never staler. Organizations carry the network status the referral analytics read. */
export function domainsOfEntity(entity: string | null | undefined): DataDomain[] {
  if (entity && AUTH.has(entity)) return ['auth'];
  if (entity && CRM.has(entity)) return ['crm'];
  if (entity && DIRECTORY.has(entity)) return ['directory', 'referrals'];
  return [...DATA_DOMAINS];
}

const requestChanges = new AsyncLocalStorage<Set<DataDomain>>();

/** Runs `fn` (an HTTP request's handling) collecting the domains its writes change into `changed`. */
export function collectChanges(changed: Set<DataDomain>, fn: () => void) {
  requestChanges.run(changed, fn);
}

/** Note, for the HTTP request being handled (if any), that its write changes `domains`; the
 * request's process drops its own cached answers before replying. Other processes hear of it when
 * the audit row is sealed (src/db/audit.ts sealAudit notifies for every row it links). */
export function noteChanged(domains: readonly DataDomain[]) {
  const mine = requestChanges.getStore();
  for (const d of domains) mine?.add(d);
}

/** Announce that `domains` changed, to every process. Inside a transaction it goes out on commit. */
export async function notifyChanged(db: Kysely<DB>, domains: readonly DataDomain[]) {
  noteChanged(domains);
  await sql`select pg_notify(${CHANGE_CHANNEL}, ${domains.join(',')})`.execute(db);
}

/** Parses a notification payload; unknown words mean "everything" (a newer process may know more). */
export function parseChangePayload(payload: string | undefined): DataDomain[] {
  const words = (payload ?? '').split(',').filter(Boolean);
  if (!words.length || words.some((w) => !(DATA_DOMAINS as readonly string[]).includes(w)))
    return [...DATA_DOMAINS];
  return words as DataDomain[];
}
