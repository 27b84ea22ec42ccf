// A provider's name composed in SQL as "FIRST LAST, CREDENTIAL" (null when all are empty), for the
// queries that build it in the statement; their rows go through core's casedComposedName, which re-cases
// the part before the comma as people write names and keeps the credential as written.
import { type RawBuilder, sql } from 'kysely';

export function personNameSql(alias: string): RawBuilder<string | null> {
  const col = (c: string) => sql.ref(`${alias}.${c}`);
  return sql<
    string | null
  >`nullif(concat_ws(', ', nullif(trim(concat_ws(' ', ${col('first_name')}, ${col('last_name')})), ''),
    nullif(trim(${col('credential')}), '')), '')`;
}
