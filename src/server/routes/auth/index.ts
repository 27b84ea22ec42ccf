import { z } from 'zod';
import { checkPassword } from '../../../core/passwordPolicy';
import { recordAudit } from '../../../db/audit';
import { createSession, deleteSession, deleteUserSessions } from '../../../db/queries/sessions';
import { findUserByEmail, findUserById } from '../../../db/queries/users';
import { setSessionCookie } from '../../auth/cookies';
import { ALL_ROLES, actorOf, SESSION_COOKIE } from '../../auth/guard';
import { hashPassword, verifyPassword } from '../../auth/password';
import type { App, ServerContext } from '../../context';
import { badRequest, HttpError } from '../../lib/errors';
import { emailField } from '../../lib/schemas';
import oidcRoutes from './oidc';

const MAX_FAILURES = 5;
const LOCK_MINUTES = 15;

export default async function authRoutes(app: App, { database, config }: ServerContext) {
  const db = database.db;
  await oidcRoutes(app, { database, config });

  app.post('/api/auth/login', {
    config: { public: true, rateLimit: { max: config.LOGIN_RATE_LIMIT_PER_MIN, timeWindow: '1 minute' } },
    schema: {
      tags: ['auth'],
      summary: 'Sign in with e-mail and password; sets the session cookie',
      body: z.strictObject({ email: emailField, password: z.string().min(1).max(256) }),
    },
    handler: async (req, reply) => {
      const { email, password } = req.body;
      const user = await findUserByEmail(db, email);
      const fail = async (reason: string) => {
        await recordAudit(db, {
          actorUserId: user?.id ?? null,
          actorLabel: email,
          action: 'login_failed',
          entity: 'user',
          entityId: user?.id,
          ip: req.ip,
          detail: { reason },
        });
        return new HttpError(401, 'E-mail or password is wrong');
      };
      if (!user || user.disabled) throw await fail(user ? 'disabled' : 'unknown user');
      if (user.locked_until && user.locked_until > new Date()) {
        await recordAudit(db, {
          actorUserId: user.id,
          actorLabel: email,
          action: 'login_failed',
          entity: 'user',
          entityId: user.id,
          ip: req.ip,
          detail: { reason: 'locked' },
        });
        throw new HttpError(
          423,
          `Account locked after ${MAX_FAILURES} failed sign-ins; try again after ${user.locked_until.toISOString()}`,
        );
      }
      if (!(await verifyPassword(password, user.password_hash))) {
        const failures = user.failed_logins + 1;
        await db
          .updateTable('users')
          .set({
            failed_logins: failures,
            locked_until: failures >= MAX_FAILURES ? new Date(Date.now() + LOCK_MINUTES * 60_000) : null,
          })
          .where('id', '=', user.id)
          .execute();
        throw await fail('wrong password');
      }
      await db
        .updateTable('users')
        .set({ failed_logins: 0, locked_until: null })
        .where('id', '=', user.id)
        .execute();
      const { token, csrf } = await createSession(db, user.id, {
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
      });
      setSessionCookie(reply, config, req, token);
      return {
        user: {
          id: user.id,
          email: user.email,
          name: user.name,
          role: user.role,
          mustChangePassword: user.must_change_password,
        },
        csrfToken: csrf,
      };
    },
  });

  app.post('/api/auth/logout', {
    config: { roles: ALL_ROLES },
    schema: { tags: ['auth'], summary: 'End this session' },
    handler: async (req, reply) => {
      const token = req.cookies[SESSION_COOKIE];
      if (token) await deleteSession(db, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true };
    },
  });

  app.get('/api/auth/me', {
    config: { roles: ALL_ROLES },
    schema: { tags: ['auth'], summary: 'The signed-in user and the CSRF token for writes' },
    handler: async (req) => {
      const a = actorOf(req);
      const u = a.id ? await findUserById(db, a.id) : undefined;
      return {
        user: {
          id: a.id,
          email: a.email,
          name: a.name,
          role: a.role,
          mustChangePassword: u?.must_change_password ?? false,
        },
        csrfToken: a.csrf ?? null,
      };
    },
  });

  app.post('/api/auth/password', {
    config: { roles: ALL_ROLES, rateLimit: { max: config.LOGIN_RATE_LIMIT_PER_MIN, timeWindow: '1 minute' } },
    schema: {
      tags: ['auth'],
      summary: 'Change your own password (ends your other sessions)',
      body: z.strictObject({
        currentPassword: z.string().min(1).max(256),
        newPassword: z.string().min(1).max(256),
      }),
    },
    handler: async (req, reply) => {
      const a = actorOf(req);
      if (!a.id) throw badRequest('API tokens have no password');
      const u = (await findUserById(db, a.id))!;
      if (!(await verifyPassword(req.body.currentPassword, u.password_hash)))
        throw new HttpError(400, 'currentPassword: is wrong');
      const problem = checkPassword(req.body.newPassword, { email: u.email, name: u.name });
      if (problem) throw badRequest(`newPassword: ${problem}`);
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('users')
          .set({
            password_hash: await hashPassword(req.body.newPassword),
            must_change_password: false,
            updated_at: new Date(),
          })
          .where('id', '=', u.id)
          .execute();
        await deleteUserSessions(trx, u.id);
        await recordAudit(trx, {
          actorUserId: u.id,
          actorLabel: u.email,
          action: 'password_change',
          entity: 'user',
          entityId: u.id,
          ip: req.ip,
        });
      });
      const { token, csrf } = await createSession(db, u.id, {
        absoluteHours: config.SESSION_ABSOLUTE_HOURS,
        ip: req.ip,
        userAgent: req.headers['user-agent'],
      });
      setSessionCookie(reply, config, req, token);
      return { ok: true, csrfToken: csrf };
    },
  });
}
