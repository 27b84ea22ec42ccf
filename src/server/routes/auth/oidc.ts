// Single sign-on routes (public by necessity: the browser arrives here before it has a session).
// start → redirect to the identity provider with PKCE; callback → exchange the code, provision the
// user (role from the claim), open a session and go back into the app.
import { sql } from 'kysely';
import { z } from 'zod';
import { provisionSsoUser, SsoError } from '../../../commands/oidcUsers';
import { recordAudit } from '../../../db/audit';
import { createSession } from '../../../db/queries/sessions';
import { setSessionCookie } from '../../auth/cookies';
import { finishLogin, redirectUrl, ssoEnabled, startLogin } from '../../auth/oidc';
import type { App, ServerContext } from '../../context';
import { HttpError } from '../../lib/errors';
import { rateLimitFor } from '../../lib/rateLimits';

const PENDING_MINUTES = 10;
// Only same-site paths: never an open redirect to another origin.
const safeReturn = (p: string | undefined) => (p && /^\/(?![/\\])[\x21-\x7e]*$/.test(p) ? p : '/');

export default async function oidcRoutes(app: App, { database, config }: ServerContext) {
  const db = database.db;
  const origin = (req: { protocol: string; host: string }) => `${req.protocol}://${req.host}`;
  const notConfigured = () =>
    new HttpError(404, 'Single sign-on is not configured (set OIDC_ISSUER and OIDC_CLIENT_ID)');

  app.get('/api/auth/oidc/start', {
    config: { public: true, rateLimit: rateLimitFor('auth', config) },
    schema: {
      tags: ['auth'],
      summary: 'Begin single sign-on: redirects to the identity provider (Authorization Code + PKCE)',
      querystring: z.strictObject({ returnTo: z.string().max(500).optional() }),
    },
    handler: async (req, reply) => {
      if (!ssoEnabled(config)) throw notConfigured();
      const start = await startLogin(config, redirectUrl(config, origin(req))).catch((e) => {
        req.log.warn({ err: e }, 'OIDC discovery failed');
        throw new HttpError(503, 'The identity provider cannot be reached; try again shortly');
      });
      await db.deleteFrom('oidc_logins').where('expires_at', '<', sql<Date>`now()`).execute();
      await db
        .insertInto('oidc_logins')
        .values({
          state: start.state,
          code_verifier: start.codeVerifier,
          nonce: start.nonce,
          return_to: safeReturn(req.query.returnTo),
          expires_at: new Date(Date.now() + PENDING_MINUTES * 60_000),
        })
        .execute();
      return reply.redirect(start.url, 302);
    },
  });

  app.get('/api/auth/oidc/callback', {
    config: { public: true, rateLimit: rateLimitFor('auth', config) },
    schema: {
      tags: ['auth'],
      summary:
        'Where the identity provider sends the browser back; opens a session and redirects into the app',
      // The provider decides which extra parameters it sends (iss, session_state, …): not strict.
      querystring: z.object({
        state: z.string().max(500).optional(),
        code: z.string().max(4000).optional(),
        error: z.string().max(200).optional(),
        error_description: z.string().max(1000).optional(),
      }),
    },
    handler: async (req, reply) => {
      if (!ssoEnabled(config)) throw notConfigured();
      const failTo = async (reason: string, label = 'sso') => {
        await recordAudit(db, {
          actorLabel: label,
          action: 'login_failed',
          entity: 'user',
          ip: req.ip,
          detail: { via: 'sso', reason },
        });
        return reply.redirect(`/login?sso_error=${encodeURIComponent(reason)}`, 302);
      };
      const state = req.query.state;
      const pending = state
        ? await db
            .deleteFrom('oidc_logins')
            .where('state', '=', state)
            .where('expires_at', '>', sql<Date>`now()`)
            .returningAll()
            .executeTakeFirst()
        : undefined;
      if (req.query.error)
        return failTo(`The identity provider refused: ${req.query.error_description ?? req.query.error}`);
      if (!pending) return failTo('This sign-in link expired or was already used; start again');
      let result: Awaited<ReturnType<typeof finishLogin>>;
      try {
        const here = new URL(req.url, redirectUrl(config, origin(req)));
        result = await finishLogin(config, here, {
          state: pending.state,
          nonce: pending.nonce,
          codeVerifier: pending.code_verifier,
        });
      } catch (e) {
        req.log.warn({ err: e }, 'OIDC code exchange failed');
        return failTo('The identity provider’s answer could not be verified');
      }
      let user: Awaited<ReturnType<typeof provisionSsoUser>>;
      try {
        user = await provisionSsoUser(db, {
          issuer: result.issuer,
          claims: result.claims,
          roleClaim: config.OIDC_ROLE_CLAIM,
          defaultRole: config.OIDC_DEFAULT_ROLE,
          ip: req.ip,
        });
      } catch (e) {
        if (e instanceof SsoError) return failTo(e.message, String(result.claims.email ?? result.claims.sub));
        throw e;
      }
      const { token } = await createSession(db, user.id, {
        absoluteHours: config.SESSION_ABSOLUTE_HOURS,
        ip: req.ip,
        userAgent: req.headers['user-agent'],
      });
      await recordAudit(db, {
        actorUserId: user.id,
        actorLabel: user.email,
        action: 'login',
        entity: 'user',
        entityId: user.id,
        ip: req.ip,
        detail: { via: 'sso' },
      });
      setSessionCookie(reply, config, req, token);
      return reply.redirect(safeReturn(pending.return_to), 302);
    },
  });
}

export const _internal = { safeReturn };
