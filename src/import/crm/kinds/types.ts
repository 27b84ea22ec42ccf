import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import type { Role } from '../../../db/tables/foundation';
import type { Cells } from '../cells';
import type { ImportContext } from '../context';
import type { FieldSpec } from '../mapping';
import type { UpsertCounts } from '../upsert';

export type Parsed<T> = { line: number; value: T };

/** One importable kind: its fields (the mapping targets), a row parser and a batch writer. */
export type ImportKind<T = Record<string, unknown>> = {
  kind: string;
  roles: readonly Role[];
  fields: FieldSpec[];
  /** Fields whose cells hold NPIs (preloaded in bulk). */
  npiFields: string[];
  parse: (c: Cells) => T | null;
  /** Rows that passed parsing; duplicates of a key within the file are reported by the runner. */
  key: (v: T) => string;
  write: (db: Kysely<DB>, rows: Parsed<T>[], ctx: ImportContext) => Promise<UpsertCounts>;
};
