// Change signals for the server's read cache (src/server/lib/responseCache.ts). Every audited write
// and every finished import says which kinds of data it changed: on the channel below (PostgreSQL
// NOTIFY, delivered to every server process on commit — for audited writes, sent by the sealer that
// links them into the chain, without a round trip in the write itself) and, inside an HTTP request,
// to that request's own change set (so the process that wrote drops its stale answers before it
// replies: read-your-writes without waiting for the notification).
import { AsyncLocalStorage } from 'node:async_hooks';
import { type Kysely, sql } from 'kysely';
import { countsAsVisit } from '../core/crm/visitCadence';
import type { DB } from './schema';

/** Kinds of data a cached read can depend on. `auth` is users (names, roles: the relationship view
 * shows its owner's name). Sessions and tokens are in no cached answer: logins and token use
 * announce no change at all (the guard checks every request before the cache is consulted). Nor are
 * saved views (their routes are not cached): saving one must not empty everyone's cache. */
export const DATA_DOMAINS = ['directory', 'referrals', 'crm', 'auth'] as const;
export type DataDomain = (typeof DATA_DOMAINS)[number];
export const CHANGE_CHANNEL = 'rounds_changes';

const AUTH = new Set(['user']);
const IN_NO_CACHED_ANSWER = new Set(['session', 'api_token', 'calendar_token', 'saved_view']);
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

/**
 * What a change says to the read cache: a whole kind of data (`DataDomain`), or `crm:<npi>` — a CRM
 * change that alters, among views computed per provider (the relationship view), only that
 * provider's (it still changes CRM data as a whole). `crm:none` is a CRM change that alters no
 * per-provider view (a visit with contacts only). Any other word means everything.
 */
export type ChangeSignal = DataDomain | `crm:${string}`;
export const NO_PROVIDER = 'crm:none';
const NPI_RE = /^\d{10}$/;

/**
 * The changes one audit entry announces. Only writes that name every provider they touch are
 * scoped: a relationship's fields (the entity id is the NPI) and a newly logged activity (its
 * attendees' NPIs are in the entry, `detail.providers`). Every other CRM write — an edited or
 * deleted activity, whose former attendees the entry does not list, tasks, issues, … — counts as
 * changing every provider's CRM views. A new activity that is not an in-person visit (a call, an
 * email) changes no per-provider view: the relationship view shows only the last in-person visit.
 */
export function changesOfAudit(e: {
  entity?: string | null;
  entityId?: string | null;
  action: string;
  detail?: unknown;
}): ChangeSignal[] {
  const domains = domainsOfEntity(e.entity);
  if (!domains.length) return [];
  if (domains.length !== 1 || domains[0] !== 'crm') return domains;
  if (e.entity === 'provider_relationship' && e.entityId && NPI_RE.test(e.entityId))
    return [`crm:${e.entityId}`];
  const detail = e.detail as { providers?: unknown; after?: { type?: unknown } } | null;
  const providers = detail?.providers;
  if (
    e.entity === 'activity' &&
    e.action === 'create' &&
    Array.isArray(providers) &&
    providers.every((n) => typeof n === 'string' && NPI_RE.test(n))
  ) {
    const type = detail?.after?.type;
    if (typeof type === 'string' && !countsAsVisit(type)) return [NO_PROVIDER];
    return providers.length ? providers.map((n) => `crm:${n}` as const) : [NO_PROVIDER];
  }
  return domains;
}

/** A notification payload for these changes, within PostgreSQL's 8000-byte limit: too many
 * per-provider signals collapse into `crm` (every provider). */
export function changePayload(signals: Iterable<ChangeSignal>): string {
  const all = [...new Set(signals)];
  const text = all.join(',');
  if (text.length <= 7000) return text;
  return [...new Set(all.map((s) => (s.startsWith('crm:') ? 'crm' : s)))].join(',');
}

/** The domains an audited entity belongs to. Anything not listed (settings, service-line map,
 * imports, restores, …) counts as changing everything: a new kind of write can only make the
 * cache emptier, never staler. Organizations carry the network status the referral analytics read. */
export function domainsOfEntity(entity: string | null | undefined): DataDomain[] {
  if (entity && IN_NO_CACHED_ANSWER.has(entity)) return [];
  if (entity && AUTH.has(entity)) return ['auth'];
  if (entity && CRM.has(entity)) return ['crm'];
  if (entity && DIRECTORY.has(entity)) return ['directory', 'referrals'];
  return [...DATA_DOMAINS];
}

const requestChanges = new AsyncLocalStorage<Set<ChangeSignal>>();

/** Runs `fn` (an HTTP request's handling) collecting the changes its writes make into `changed`. */
export function collectChanges(changed: Set<ChangeSignal>, fn: () => void) {
  requestChanges.run(changed, fn);
}

/** Note, for the HTTP request being handled (if any), that its write changes `domains`; the
 * request's process drops its own cached answers before replying. Other processes hear of it when
 * the audit row is sealed (src/db/audit.ts sealAudit notifies for every row it links). */
export function noteChanged(domains: readonly ChangeSignal[]) {
  const mine = requestChanges.getStore();
  for (const d of domains) mine?.add(d);
}

/** Announce that `domains` changed, to every process. Inside a transaction it goes out on commit. */
export async function notifyChanged(db: Kysely<DB>, domains: readonly DataDomain[]) {
  noteChanged(domains);
  await sql`select pg_notify(${CHANGE_CHANNEL}, ${domains.join(',')})`.execute(db);
}

/** Parses a notification payload; unknown words mean "everything" (a newer process may know more). */
export function parseChangePayload(payload: string | undefined): ChangeSignal[] {
  const words = (payload ?? '').split(',').filter(Boolean);
  const known = (w: string) =>
    (DATA_DOMAINS as readonly string[]).includes(w) || w === NO_PROVIDER || /^crm:\d{10}$/.test(w);
  if (!words.length || !words.every(known)) return [...DATA_DOMAINS];
  return words as ChangeSignal[];
}
