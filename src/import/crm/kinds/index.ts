import { activitiesKind } from './activities';
import { contactsKind } from './contacts';
import { issuesKind } from './issues';
import { relationshipsKind } from './relationships';
import { spendKind } from './spend';
import { tasksKind } from './tasks';
import { territoriesKind } from './territories';
import type { ImportKind } from './types';

export const IMPORT_KINDS = {
  contacts: contactsKind,
  activities: activitiesKind,
  tasks: tasksKind,
  issues: issuesKind,
  relationships: relationshipsKind,
  spend: spendKind,
  territories: territoriesKind,
} as const;

/** The kinds seen through one shape (each kind's row type stays private to it). */
// biome-ignore lint/suspicious/noExplicitAny: erasing each kind's row type for the generic runner
export const kindOf = (k: ImportKindName) => IMPORT_KINDS[k] as unknown as ImportKind<any>;

export type ImportKindName = keyof typeof IMPORT_KINDS;
export const IMPORT_KIND_NAMES = Object.keys(IMPORT_KINDS) as ImportKindName[];
