import { ROLE_LABEL, ROLES, type User } from '../../api/types';

export const roleOptions = ROLES.map((r) => ({ value: r, label: ROLE_LABEL[r] }));

/** Managers a user can report to: active admins and managers, except the user themself. */
export function managerOptions(users: User[] | undefined, exceptId?: number) {
  return [
    { value: '', label: 'No manager' },
    ...(users ?? [])
      .filter((u) => !u.disabled && (u.role === 'manager' || u.role === 'admin') && u.id !== exceptId)
      .map((u) => ({ value: String(u.id), label: u.name })),
  ];
}
