// Authentication and authorization at the edge. Every /api and /fhir route must declare
// `config: { roles: [...] }` (who may call it) or `config: { public: true }`; the app refuses to
// start otherwise. Sessions come from the HttpOnly cookie; machine clients send a Bearer token.
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type { Database } from '../../db/connection';
import { findActiveSession } from '../../db/queries/sessions';
import { cachedToken, rememberToken } from '../../db/queries/tokenCache';
import type { Role } from '../../db/tables/foundation';
import { HttpError } from '../lib/errors';
import { noteTokenUse } from './tokenUse';

export const SESSION_COOKIE = 'rounds_session';

export type Actor = {
  id: number | null;
  email: string;
  name: string;
  role: Role;
  via: 'session' | 'token';
  csrf?: string;
  tokenId?: number;
};

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyInstance {
    routeCatalog: RouteInfo[];
  }
  interface FastifyContextConfig {
    roles?: readonly Role[];
    public?: boolean;
  }
}

/** What the app knows about each API route (used by the access and bad-input test catalogues). */
export type RouteInfo = {
  method: string;
  url: string;
  roles: readonly Role[] | 'public';
  hasBody: boolean;
  hasParams: boolean;
  hasQuery: boolean;
};

export const ALL_ROLES: readonly Role[] = ['admin', 'manager', 'liaison', 'analyst'];
export const STAFF: readonly Role[] = ['admin', 'manager', 'liaison'];
export const MANAGERS: readonly Role[] = ['admin', 'manager'];
export const ADMIN: readonly Role[] = ['admin'];

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function registerGuard(app: FastifyInstance, database: Database, opts: { idleMinutes: number }) {
  app.decorateRequest('actor', null);
  app.decorate('routeCatalog', [] as RouteInfo[]);

  app.addHook('onRoute', (route: RouteOptions) => {
    if (!/^\/(api|fhir)(\/|$)/.test(route.url) || route.url.startsWith('/api/docs')) return;
    const cfg = route.config as { roles?: Role[]; public?: boolean } | undefined;
    if (!cfg?.public && !cfg?.roles?.length)
      throw new Error(`Route ${route.method} ${route.url} declares no roles`);
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      app.routeCatalog.push({
        method,
        url: route.url,
        roles: cfg.public ? 'public' : cfg.roles!,
        hasBody: !!route.schema?.body,
        hasParams: !!route.schema?.params,
        hasQuery: !!route.schema?.querystring,
      });
    }
  });

  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    const cfg = req.routeOptions.config as { roles?: Role[]; public?: boolean } | undefined;
    if (!cfg || (!cfg.roles && !cfg.public)) return; // non-API routes (static files)
    req.actor = await identify(database, req, opts.idleMinutes);
    if (cfg.public) return;
    if (!req.actor) throw new HttpError(401, 'Sign in first (no valid session or token)');
    if (!cfg.roles!.includes(req.actor.role))
      throw new HttpError(403, `The ${req.actor.role} role may not do this`);
    if (req.actor.via === 'session' && !SAFE_METHODS.has(req.method)) {
      const sent = req.headers['x-csrf-token'];
      if (sent !== req.actor.csrf) throw new HttpError(403, 'Missing or wrong X-CSRF-Token header');
    }
    void reply;
  });
}

async function identify(database: Database, req: FastifyRequest, idleMinutes: number): Promise<Actor | null> {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) {
    const hash = createHash('sha256').update(auth.slice(7).trim()).digest('hex');
    let tok = cachedToken(database.db, hash);
    if (!tok) {
      tok = await database.db
        .selectFrom('api_tokens')
        .select(['id', 'name', 'role'])
        .where('token_hash', '=', hash)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      if (!tok) throw new HttpError(401, 'Invalid or revoked API token');
      rememberToken(database.db, hash, tok);
    }
    await noteTokenUse(database, tok, req);
    return {
      id: null,
      email: `token:${tok.name}`,
      name: tok.name,
      role: tok.role,
      via: 'token',
      tokenId: tok.id,
    };
  }
  const token = req.cookies?.[SESSION_COOKIE];
  if (!token) return null;
  const s = await findActiveSession(database.db, token, idleMinutes);
  if (!s) return null;
  return { id: s.id, email: s.email, name: s.name, role: s.role, via: 'session', csrf: s.csrf_token };
}

/** The acting user, for handlers of routes that require one. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new HttpError(401, 'Sign in first');
  return req.actor;
}
