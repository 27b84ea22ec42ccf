// Session cookie attributes. COOKIE_SECURE=auto marks the cookie Secure when the request came over
// TLS: directly (TLS_CERT_FILE/TLS_KEY_FILE) or via a proxy's X-Forwarded-Proto when TRUST_PROXY=true.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config';
import { SESSION_COOKIE } from './guard';

export const isSecureRequest = (config: Config, req: FastifyRequest) =>
  config.COOKIE_SECURE === 'auto' ? req.protocol === 'https' : config.COOKIE_SECURE === 'true';

export const cookieOptions = (config: Config, req: FastifyRequest) => ({
  path: '/',
  httpOnly: true,
  sameSite: 'lax' as const,
  secure: isSecureRequest(config, req),
});

export function setSessionCookie(reply: FastifyReply, config: Config, req: FastifyRequest, token: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    ...cookieOptions(config, req),
    maxAge: config.SESSION_ABSOLUTE_HOURS * 3600,
  });
}
