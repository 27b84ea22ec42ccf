// CRM spreadsheet importers — the same functions serve the CLI (`rounds import <kind>`), the
// upload API (/api/crm-import) and the demo loader (`rounds demo load`). Load order matters
// where rows refer to others: territories, contacts, relationships, activities, tasks, issues, spend.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { type CrmImportOptions, type CrmImportResult, importCrmFile } from './run';

export { IMPORT_KIND_NAMES, type ImportKindName } from './kinds';
export { parseMapArg } from './mapping';
export { type CrmImportOptions, type CrmImportResult, importCrmFile } from './run';

type Opts = Omit<CrmImportOptions, 'preview'>;
export const importContactsCsv = (db: Kysely<DB>, file: string, o: Opts): Promise<CrmImportResult> =>
  importCrmFile(db, 'contacts', file, o);
export const importActivitiesCsv = (db: Kysely<DB>, file: string, o: Opts) =>
  importCrmFile(db, 'activities', file, o);
export const importTasksCsv = (db: Kysely<DB>, file: string, o: Opts) => importCrmFile(db, 'tasks', file, o);
export const importIssuesCsv = (db: Kysely<DB>, file: string, o: Opts) =>
  importCrmFile(db, 'issues', file, o);
export const importRelationshipsCsv = (db: Kysely<DB>, file: string, o: Opts) =>
  importCrmFile(db, 'relationships', file, o);
export const importSpendCsv = (db: Kysely<DB>, file: string, o: Opts) => importCrmFile(db, 'spend', file, o);
export const importTerritoriesCsv = (db: Kysely<DB>, file: string, o: Opts) =>
  importCrmFile(db, 'territories', file, o);
