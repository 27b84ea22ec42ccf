// An in-process cache of GET answers for the hot, actor-independent reads (provider search and
// profile, referral base). A route opts in with `config: { cache: ['directory', …] }`: the kinds of
// data its answer is computed from. Each kind has a generation number here; an answer is stored
// with the generations seen BEFORE its handler ran and served only while they are unchanged, so a
// write that lands during a computation can never leave a stale answer behind.
// Generations move when (a) this process's own write requests finish (their audit entries say what
// they changed: src/db/changes.ts), before the reply is sent; (b) a change notification arrives from
// the database (every process's writes and imports, on commit). While the notification listener is
// down the cache is off. Entries also expire after `ttlMs` as a backstop. Bounded by entries and
// bytes (LRU). Keys are the role and the URL: a route may opt in only if its answer depends on
// nothing else (not on who asks within the role — no territory filter, no private records); the
// guard has already checked the role may call it.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';
import { collectChanges, DATA_DOMAINS, type DataDomain } from '../../db/changes';
import type { Database } from '../../db/connection';
import type { App } from '../context';
import { listenForChanges } from './changeListener';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Cache this GET's answers; they are computed from these kinds of data, and depend only on the
     * URL and the caller's role (see responseCache.ts). */
    cache?: readonly DataDomain[];
  }
  interface FastifyRequest {
    changedDomains?: Set<DataDomain>;
    cacheSlot?: { key: string; stamp: string };
  }
}

type Entry = { body: string; type: string; stamp: string };
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export type ResponseCacheOptions = { maxEntries?: number; maxBytes?: number; ttlMs?: number };

export async function registerResponseCache(app: App, database: Database, opts: ResponseCacheOptions = {}) {
  const generation = Object.fromEntries(DATA_DOMAINS.map((d) => [d, 0])) as Record<DataDomain, number>;
  const entries = new LRUCache<string, Entry>({
    max: opts.maxEntries ?? 5000,
    maxSize: opts.maxBytes ?? 64 * 1024 * 1024,
    sizeCalculation: (e) => e.body.length + e.stamp.length + 64,
    ttl: opts.ttlMs ?? 60_000,
  });
  let listening = false;
  const bump = (domains: Iterable<DataDomain>) => {
    for (const d of domains) generation[d]++;
  };
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
    const key = `${req.actor.role}|${req.url}`;
    const stamp = domains.map((d) => generation[d]).join('.');
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
