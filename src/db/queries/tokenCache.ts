// In-process memory of recently verified Bearer tokens, so a busy integration does not cost a
// token lookup (and a last-used write) on every request. Bounds, documented in docs/security.md:
// - a token revoked by this process (revokeApiToken) stops working here at once; revoked elsewhere (another server process, `rounds tokens revoke`) it keeps
//   working here for at most TOKEN_CACHE_MS;
// - only valid tokens are remembered: an unknown or revoked token is looked up every time.
// Sessions are not cached: logout and revocation must act at once across processes.
import type { Kysely } from 'kysely';
import type { DB } from '../schema';
import type { Role } from '../tables/foundation';

export const TOKEN_CACHE_MS = 2000;
const MAX_ENTRIES = 1000;

export type VerifiedToken = { id: number; name: string; role: Role };
type Entry = { tok: VerifiedToken; until: number };

const byDatabase = new WeakMap<Kysely<DB>, Map<string, Entry>>();
const notedAt = new WeakMap<Kysely<DB>, Map<number, number>>();

const mapOf = <K, V>(w: WeakMap<Kysely<DB>, Map<K, V>>, d: Kysely<DB>) => {
  const m = w.get(d) ?? new Map<K, V>();
  w.set(d, m);
  return m;
};

export function cachedToken(d: Kysely<DB>, hash: string): VerifiedToken | undefined {
  const e = byDatabase.get(d)?.get(hash);
  if (!e) return undefined;
  if (e.until > Date.now()) return e.tok;
  byDatabase.get(d)!.delete(hash);
  return undefined;
}

export function rememberToken(d: Kysely<DB>, hash: string, tok: VerifiedToken) {
  const m = mapOf(byDatabase, d);
  if (m.size >= MAX_ENTRIES) m.clear();
  m.set(hash, { tok, until: Date.now() + TOKEN_CACHE_MS });
}

export function forgetTokens(d: Kysely<DB>) {
  byDatabase.get(d)?.clear();
}

/**
 * Whether this process moved the token's last_used_at within the last minute: the database
 * would then refuse to move it again (it moves at most once a minute), so the write is skipped.
 */
export function notedRecently(d: Kysely<DB>, tokenId: number): boolean {
  const at = notedAt.get(d)?.get(tokenId);
  return at !== undefined && Date.now() - at < 60_000;
}

export function markNoted(d: Kysely<DB>, tokenId: number) {
  const m = mapOf(notedAt, d);
  if (m.size >= MAX_ENTRIES) m.clear();
  m.set(tokenId, Date.now());
}
