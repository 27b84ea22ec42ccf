// Recognises "the database went away" errors (server restart, network cut, pool exhausted) so the
// API answers 503 and keeps running instead of reporting a 500 bug.
const PG_UNAVAILABLE = new Set([
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '08000',
  '08001',
  '08003',
  '08004',
  '08006', // connection_failure
  '53300', // too_many_connections
]);
const NET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH']);
const MESSAGES =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|the database system is (shutting down|starting up)|terminating connection|Cannot use a pool after calling end|PGlite is closed|driver has already been destroyed/i;

export function isDatabaseUnavailable(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && (PG_UNAVAILABLE.has(code) || NET_CODES.has(code))) return true;
  const msg = (err as { message?: unknown }).message;
  return typeof msg === 'string' && MESSAGES.test(msg);
}
