// Loads users from Rounds' users.csv (email,name,role,manager_email,territory). Used by the demo
// loader and by admins setting up a team from a spreadsheet. Existing e-mails are left as they are.
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import type { Kysely } from 'kysely';
import { recordAudit } from '../db/audit';
import { findUserByEmail, insertUser } from '../db/queries/users';
import type { DB } from '../db/schema';
import { ROLES, type Role } from '../db/tables/foundation';
import { generatePassword, hashPassword } from '../server/auth/password';

export type ImportedUser = { email: string; name: string; role: Role; password: string; created: boolean };

export async function importUsersCsv(
  db: Kysely<DB>,
  file: string,
  opts: { password?: string; actorLabel?: string } = {},
): Promise<ImportedUser[]> {
  const rows: Record<string, string>[] = [];
  for await (const r of createReadStream(file).pipe(
    parse({ columns: true, trim: true, skip_empty_lines: true }),
  ))
    rows.push(r);
  const missing = ['email', 'name', 'role'].filter((c) => rows.length && !(c in rows[0]!));
  if (missing.length)
    throw Object.assign(new Error(`${file}: missing column(s) ${missing.join(', ')}`), { expected: true });
  rows.forEach((r, i) => {
    if (!ROLES.includes(r.role as Role))
      throw Object.assign(
        new Error(`${file} line ${i + 2}: role "${r.role}" is not one of ${ROLES.join(', ')}`),
        { expected: true },
      );
  });
  const out: ImportedUser[] = [];
  await db.transaction().execute(async (trx) => {
    for (const r of rows) {
      const existing = await findUserByEmail(trx, r.email!);
      if (existing) {
        out.push({
          email: existing.email,
          name: existing.name,
          role: existing.role,
          password: '',
          created: false,
        });
        continue;
      }
      const password = opts.password ?? generatePassword();
      const u = await insertUser(trx, {
        email: r.email!,
        name: r.name!,
        role: r.role as Role,
        password_hash: await hashPassword(password),
      });
      await recordAudit(trx, {
        actorLabel: opts.actorLabel ?? 'import',
        action: 'create',
        entity: 'user',
        entityId: u.id,
        detail: { after: { email: u.email, role: u.role }, source: file },
      });
      out.push({ email: u.email, name: u.name, role: u.role, password, created: true });
    }
    for (const r of rows) {
      if (!r.manager_email) continue;
      const manager = await findUserByEmail(trx, r.manager_email);
      if (!manager)
        throw Object.assign(
          new Error(`${file}: manager_email ${r.manager_email} of ${r.email} is not a user in the file`),
          { expected: true },
        );
      await trx
        .updateTable('users')
        .set({ manager_id: manager.id })
        .where((eb) => eb(eb.fn('lower', ['email']), '=', r.email!.toLowerCase()))
        .execute();
    }
  });
  return out;
}
