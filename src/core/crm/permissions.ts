// Who may change a CRM record someone owns. Liaisons edit their own; a manager edits the records
// of the people who report to them (users.manager_id); admins edit everything; analysts only read.
import type { Role } from '../../db/tables/foundation';

export type Editor = { id: number | null; role: Role };
export type OwnerInfo = { ownerId: number | null; ownerManagerId: number | null };

export function canEditOwned(editor: Editor, owner: OwnerInfo): boolean {
  if (editor.role === 'admin') return true;
  if (editor.role === 'analyst' || editor.id === null) return false;
  if (owner.ownerId === null) return editor.role === 'manager';
  if (owner.ownerId === editor.id) return true;
  return editor.role === 'manager' && owner.ownerManagerId === editor.id;
}

/** The default scope of a list for a role: liaisons see their own book, managers their team. */
export type ListScope = 'mine' | 'team' | 'all';
export function defaultScope(role: Role): ListScope {
  return role === 'liaison' ? 'mine' : role === 'manager' ? 'team' : 'all';
}
