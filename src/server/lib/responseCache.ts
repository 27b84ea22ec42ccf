// An in-process cache of GET answers for the hot, actor-independent reads (provider search and
// profile, referral base). A route opts in with `config: { cache: ['directory', …] }`: the kinds of
// data its answer is computed from. Each kind has a generation number here; an answer is stored
// with the generations seen BEFORE its handler ran and served only while they are unchanged, so a
// write that lands during a computation can never leave a stale answer behind.
// Generations move when (a) this process's own write requests finish (their audit entries say what
// they changed: src/db/changes.ts), before the reply is sent; (b) a change notification arrives from
// the database (every process's writes and imports, on commit). While the notification listener is
// down the cache is off. Entries also expire after `ttlMs` (READ_CACHE_MAX_AGE_S, 15 min) as a backstop
// for changes made outside Rounds, which send no notification. Bounded by entries and
// bytes (LRU). Keys are the role and the URL: a route may opt in only if its answer depends on
// nothing else (not on who asks within the role — no territory filter, no private records); the
// guard has already checked the role may call it. Keys also carry the UTC date, for answers that
// say something relative to today (a visit overdue).
// Per-provider CRM views (the relationship view: a provider's relationship fields and last visit)
// opt in with `cacheProvider: '<param>'` (the route parameter holding the NPI): their CRM part is
// stamped with the generation of CRM changes of unknown scope and that provider's own generation,
// so logging a visit with Dr A drops Dr A's cached view, not Dr B's (src/db/changes.ts).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';
import {
  type ChangeSignal,
  collectChanges,
  DATA_DOMAINS,
  type DataDomain,
  NO_PROVIDER,
} from '../../db/changes';
import type { Database } from '../../db/connection';
import type { App } from '../context';
import { listenForChanges } from './changeListener';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Cache this GET's answers; they are computed from these kinds of data, and depend only on the
     * URL and the caller's role (see responseCache.ts). */
    cache?: readonly DataDomain[];
    /** The route parameter naming the provider (NPI) whose CRM data this answer shows: CRM changes
     * scoped to other providers leave it cached. The answer must not show other CRM data. */
    cacheProvider?: string;
    /** This request's answer depends on more than the URL and role (e.g. a search naming "my"
     * book of business): answer it without the cache. */
    cacheSkip?: (req: FastifyRequest) => boolean;
  }
  interface FastifyRequest {
    changedDomains?: Set<ChangeSignal>;
    cacheSlot?: { key: string; stamp: string };
  }
}

type Entry = { body: string; type: string; stamp: string };
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export type ResponseCacheOptions = { maxEntries?: number; maxBytes?: number; ttlMs?: number };

export async function registerResponseCache(app: App, database: Database, opts: ResponseCacheOptions = {}) {
  const generation = Object.fromEntries(DATA_DOMAINS.map((d) => [d, 0])) as Record<DataDomain, number>;
  const entries = new LRUCache<string, Entry>({
    max: opts.maxEntries ?? 100_000, // a bound on count; READ_CACHE_MB bounds the memory
    maxSize: opts.maxBytes ?? 64 * 1024 * 1024,
    sizeCalculation: (e) => e.body.length + e.stamp.length + 64,
    ttl: opts.ttlMs ?? 60_000,
  });
  // CRM changes of unknown scope, and per provider (NPI) the changes scoped to it. The map is
  // bounded: emptying it moves `crmAll`, which every per-provider stamp includes.
  let crmAll = 0;
  let byProvider = new Map<string, number>();
  let listening = false;
  const bump = (changes: Iterable<ChangeSignal>) => {
    for (const c of changes) {
      if (c.startsWith('crm:')) {
        generation.crm++;
        const npi = c.slice(4);
        if (c !== NO_PROVIDER) byProvider.set(npi, (byProvider.get(npi) ?? 0) + 1);
      } else {
        generation[c as DataDomain]++;
        if (c === 'crm') crmAll++;
      }
    }
    if (byProvider.size > 100_000) {
      byProvider = new Map();
      crmAll++;
    }
  };
  const stampOf = (domains: readonly DataDomain[], npi: string | undefined) =>
    domains
      .map((d) =>
        d === 'crm' && npi !== undefined ? `${crmAll}/${byProvider.get(npi) ?? 0}` : generation[d],
      )
      .join('.');
  const stop = await listenForChanges(database, {
    onChange: bump,
    onState: (up) => {
      listening = up;
      entries.clear(); // notifications may have been missed while down
      bump(DATA_DOMAINS);
    },
  });
  app.addHook('onClose', async () => stop());

  // Writes collect the domains they change (see collectChanges) for the reply hook below.
  app.addHook('onRequest', (req, _reply, done) => {
    if (SAFE.has(req.method)) return done();
    req.changedDomains = new Set();
    collectChanges(req.changedDomains, done);
  });

  app.addHook('preHandler', async (req: FastifyRequest, reply: FastifyReply) => {
    const domains = req.routeOptions.config.cache;
    if (!domains || req.method !== 'GET' || !listening || !req.actor) return;
    if (req.routeOptions.config.cacheSkip?.(req)) return;
    const key = `${req.actor.role}|${new Date().toISOString().slice(0, 10)}|${req.url}`;
    const param = req.routeOptions.config.cacheProvider;
    const npi = param ? String((req.params as Record<string, unknown>)[param]) : undefined;
    const stamp = stampOf(domains, npi);
    const hit = entries.get(key);
    if (hit && hit.stamp === stamp)
      return reply.header('x-rounds-cache', 'hit').type(hit.type).send(hit.body);
    req.cacheSlot = { key, stamp };
  });

  app.addHook('onSend', async (req, reply, payload) => {
    if (req.changedDomains?.size) bump(req.changedDomains);
    const slot = req.cacheSlot;
    if (slot && reply.statusCode === 200 && typeof payload === 'string' && listening) {
      entries.set(slot.key, {
        body: payload,
        stamp: slot.stamp,
        type: String(reply.getHeader('content-type')),
      });
      reply.header('x-rounds-cache', 'miss');
    }
    return payload;
  });

  return { entries, generation, isListening: () => listening };
}
