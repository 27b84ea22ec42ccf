// User administration, shared by the CLI (`rounds users ...`) and the Admin API.
import type { Kysely } from 'kysely';
import { checkPassword } from '../core/passwordPolicy';
import { recordAudit } from '../db/audit';
import { deleteUserSessions } from '../db/queries/sessions';
import { findUserByEmail, findUserById, insertUser } from '../db/queries/users';
import type { DB } from '../db/schema';
import type { Role } from '../db/tables/foundation';
import { generatePassword, hashPassword } from '../server/auth/password';

export class UserError extends Error {
  constructor(
    message: string,
    public status = 400,
  ) {
    super(message);
  }
}

type Actor = { id: number | null; label: string; ip?: string };

export async function addUser(
  db: Kysely<DB>,
  actor: Actor,
  input: { email: string; name: string; role: Role; password?: string; managerId?: number | null },
) {
  if (await findUserByEmail(db, input.email))
    throw new UserError(`email: a user with ${input.email} already exists`, 409);
  let password = input.password;
  let generated = false;
  if (password) {
    const problem = checkPassword(password, input);
    if (problem) throw new UserError(`password: ${problem}`);
  } else {
    password = generatePassword();
    generated = true;
  }
  return db.transaction().execute(async (trx) => {
    const user = await insertUser(trx, {
      email: input.email,
      name: input.name,
      role: input.role,
      password_hash: await hashPassword(password),
      must_change_password: generated,
      manager_id: input.managerId ?? null,
    });
    await recordAudit(trx, {
      actorUserId: actor.id,
      actorLabel: actor.label,
      action: 'create',
      entity: 'user',
      entityId: user.id,
      ip: actor.ip,
      detail: { after: { email: user.email, name: user.name, role: user.role } },
    });
    return { user, oneTimePassword: generated ? password : undefined };
  });
}

export async function updateUser(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
  patch: { role?: Role; disabled?: boolean; name?: string; managerId?: number | null },
) {
  const before = await findUserById(db, id);
  if (!before) throw new UserError(`user ${id} not found`, 404);
  if (actor.id === id && (patch.disabled || (patch.role && patch.role !== 'admin')))
    throw new UserError('You cannot disable yourself or remove your own admin role', 409);
  return db.transaction().execute(async (trx) => {
    const after = await trx
      .updateTable('users')
      .set({
        ...(patch.role ? { role: patch.role } : {}),
        ...(patch.disabled !== undefined ? { disabled: patch.disabled } : {}),
        ...(patch.name ? { name: patch.name } : {}),
        ...(patch.managerId !== undefined ? { manager_id: patch.managerId } : {}),
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .returning(['id', 'email', 'name', 'role', 'disabled', 'manager_id'])
      .executeTakeFirstOrThrow();
    if (patch.disabled || (patch.role && patch.role !== before.role)) await deleteUserSessions(trx, id);
    const action = patch.role && patch.role !== before.role ? 'role_change' : 'update';
    await recordAudit(trx, {
      actorUserId: actor.id,
      actorLabel: actor.label,
      action,
      entity: 'user',
      entityId: id,
      ip: actor.ip,
      detail: {
        before: { role: before.role, disabled: before.disabled, name: before.name },
        after: { role: after.role, disabled: after.disabled, name: after.name },
      },
    });
    return after;
  });
}

export async function resetPassword(db: Kysely<DB>, actor: Actor, id: number, password?: string) {
  const user = await findUserById(db, id);
  if (!user) throw new UserError(`user ${id} not found`, 404);
  if (password) {
    const problem = checkPassword(password, user);
    if (problem) throw new UserError(`password: ${problem}`);
  }
  const pw = password ?? generatePassword();
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({
        password_hash: await hashPassword(pw),
        must_change_password: !password,
        failed_logins: 0,
        locked_until: null,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    await deleteUserSessions(trx, id);
    await recordAudit(trx, {
      actorUserId: actor.id,
      actorLabel: actor.label,
      action: 'password_reset',
      entity: 'user',
      entityId: id,
      ip: actor.ip,
    });
  });
  return { oneTimePassword: password ? undefined : pw };
}
