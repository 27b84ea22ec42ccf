// Runs every migration in src/db/migrations in name order (names start with a timestamp).
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';

const folder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

// Our own provider (not Kysely's FileMigrationProvider) so the import goes through the same
// loader as the rest of our code (tsx at run time, Vite in tests).
const provider: MigrationProvider = {
  async getMigrations() {
    const out: Record<string, Migration> = {};
    for (const f of readdirSync(folder).sort()) {
      if (!/^\d{8}_.*\.ts$/.test(f) || f.endsWith('.d.ts') || f.includes('.test.')) continue;
      out[f.replace(/\.ts$/, '')] = (await import(pathToFileURL(path.join(folder, f)).href)) as Migration;
    }
    return out;
  },
};

export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  // Areas land their migrations independently; a dev database may have run a later-numbered one first.
  const migrator = new Migrator({ db, provider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${(error as Error).message}`);
  }
  return (results ?? []).map((r) => r.migrationName);
}
