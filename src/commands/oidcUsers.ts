// Single sign-on users: the role comes from an ID-token claim; users are created just in time on
// their first SSO sign-in and their role follows the identity provider on every sign-in.
import type { Kysely } from 'kysely';
import { recordAudit } from '../db/audit';
import { deleteUserSessions } from '../db/queries/sessions';
import type { DB } from '../db/schema';
import { ROLES, type Role } from '../db/tables/foundation';

export class SsoError extends Error {}

// Most privileged first: a person in several groups gets the highest role they were granted.
const BY_PRIVILEGE: Role[] = ['admin', 'manager', 'liaison', 'analyst'];

/**
 * The Rounds role named by a claim value: a string or list of strings (e.g. IdP groups), matched
 * case-insensitively as `admin`, `rounds-admin`, `rounds_admin` or `rounds:admin`.
 */
export function roleFromClaim(value: unknown, fallback: Role | 'none'): Role | null {
  const values = (Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[\s,]+/) : [])
    .filter((v): v is string => typeof v === 'string')
    .map((v) =>
      v
        .trim()
        .toLowerCase()
        .replace(/^rounds[-_:]/, ''),
    );
  const found = BY_PRIVILEGE.find((r) => values.includes(r));
  if (found) return found;
  return fallback === 'none' ? null : fallback;
}

export type SsoClaims = {
  sub: string;
  email?: unknown;
  email_verified?: unknown;
  name?: unknown;
  [k: string]: unknown;
};

/** Find (by subject, then by verified e-mail) or create the user for these claims; sync the role. */
export async function provisionSsoUser(
  db: Kysely<DB>,
  input: { issuer: string; claims: SsoClaims; roleClaim: string; defaultRole: Role | 'none'; ip?: string },
) {
  const { claims } = input;
  const subject = `${input.issuer}|${claims.sub}`;
  const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : '';
  const role = roleFromClaim(claims[input.roleClaim], input.defaultRole);
  if (!role)
    throw new SsoError(
      `Your identity provider sent no Rounds role (claim "${input.roleClaim}"); ask an admin for access`,
    );
  const name =
    (typeof claims.name === 'string' && claims.name.trim().slice(0, 120)) ||
    email ||
    `SSO user ${claims.sub}`;
  return db.transaction().execute(async (trx) => {
    let user = await trx
      .selectFrom('users')
      .selectAll()
      .where('oidc_subject', '=', subject)
      .executeTakeFirst();
    if (!user && email) {
      if (claims.email_verified !== true)
        throw new SsoError('Your identity provider did not confirm your e-mail address (email_verified)');
      user = await trx
        .selectFrom('users')
        .selectAll()
        .where((eb) => eb(eb.fn('lower', ['email']), '=', email))
        .executeTakeFirst();
      if (user?.oidc_subject) throw new SsoError(`${email} is already linked to another SSO identity`);
    }
    const actor = { actorUserId: user?.id ?? null, actorLabel: email || subject, ip: input.ip };
    if (!user) {
      if (!email) throw new SsoError('Your identity provider sent no e-mail address (scope "email")');
      user = await trx
        .insertInto('users')
        .values({ email, name, role, password_hash: null, oidc_subject: subject })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(trx, {
        ...actor,
        actorUserId: user.id,
        action: 'create',
        entity: 'user',
        entityId: user.id,
        detail: { via: 'sso', after: { email, name, role } },
      });
      return user;
    }
    if (user.disabled) throw new SsoError('This account is disabled');
    const patch: { oidc_subject?: string; role?: Role; updated_at?: Date } = {};
    if (!user.oidc_subject) patch.oidc_subject = subject;
    if (user.role !== role) patch.role = role;
    if (Object.keys(patch).length) {
      await trx
        .updateTable('users')
        .set({ ...patch, updated_at: new Date() })
        .where('id', '=', user.id)
        .execute();
      if (patch.role) await deleteUserSessions(trx, user.id);
      await recordAudit(trx, {
        ...actor,
        action: patch.role ? 'role_change' : 'update',
        entity: 'user',
        entityId: user.id,
        detail: {
          via: 'sso',
          before: { role: user.role, linked: !!user.oidc_subject },
          after: { role, linked: true },
        },
      });
    }
    return { ...user, ...patch };
  });
}

export const isRole = (r: string): r is Role => (ROLES as readonly string[]).includes(r);
