// Per-route rate limits others can attach: `config: { roles: STAFF, rateLimit: rateLimitFor('write', config) }`.
// Limits count per caller (user id or API token id; the IP address when nobody is signed in), so one
// busy liaison never slows another, and one IP cannot sidestep a limit by rotating tokens.
import type { FastifyRequest } from 'fastify';
import type { Config } from '../../config';

export type RateLimitKind = 'write' | 'export' | 'upload' | 'auth';

export function callerKey(req: FastifyRequest): string {
  const a = req.actor;
  if (a?.via === 'token' && a.tokenId) return `token:${a.tokenId}`;
  if (a?.id) return `user:${a.id}`;
  return `ip:${req.ip}`;
}

/** The per-minute budget of each kind, from the configuration (RATE_LIMIT_*_PER_MIN). */
export function perMinute(kind: RateLimitKind, config: Config): number {
  switch (kind) {
    case 'write':
      return config.RATE_LIMIT_WRITES_PER_MIN;
    case 'export':
      return config.RATE_LIMIT_EXPORTS_PER_MIN;
    case 'upload':
      return config.RATE_LIMIT_UPLOADS_PER_MIN;
    case 'auth':
      return config.LOGIN_RATE_LIMIT_PER_MIN;
  }
}

export function rateLimitFor(kind: RateLimitKind, config: Config) {
  return {
    max: perMinute(kind, config),
    timeWindow: '1 minute',
    keyGenerator: callerKey,
    // Keyed per route (the plugin default), so exports never use up the write budget.
  };
}
