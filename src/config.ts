// Configuration from environment variables (and an optional .env), validated once at start-up.
// An invalid value stops the process with one line naming the variable.
import { existsSync } from 'node:fs';
import path from 'node:path';
import dotenv from 'dotenv';
import { z } from 'zod';

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  ROUNDS_DEMO: z.enum(['0', '1']).default('1'),
  ROUNDS_DEMO_SEED: z.coerce.number().int().min(0).default(42),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .default(60 * 8),
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .default(24 * 7),
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  TLS_CERT_FILE: z.string().optional(),
  TLS_KEY_FILE: z.string().optional(),
  LOGIN_RATE_LIMIT_PER_MIN: z.coerce.number().int().min(1).default(20),
  MAX_UPLOAD_MB: z.coerce.number().int().min(1).max(10_000).default(200),
  ROUTING_URL: z.string().url().optional(),
  ROUTING_ENGINE: z.enum(['osrm', 'valhalla']).optional(),
  GEOCODER_URL: z.string().url().optional(),
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_REDIRECT_URL: z.string().url().optional(),
  OIDC_ROLE_CLAIM: z.string().default('rounds_role'),
  OIDC_DEFAULT_ROLE: z.enum(['admin', 'manager', 'liaison', 'analyst', 'none']).default('none'),
  OIDC_SCOPES: z.string().default('openid email profile'),
  RATE_LIMIT_WRITES_PER_MIN: z.coerce.number().int().min(1).default(600),
  RATE_LIMIT_EXPORTS_PER_MIN: z.coerce.number().int().min(1).default(30),
  RATE_LIMIT_UPLOADS_PER_MIN: z.coerce.number().int().min(1).default(10),
  BACKUP_DIR: z.string().optional(),
  BACKUP_INTERVAL_HOURS: z.coerce.number().min(0).default(0),
  BACKUP_KEEP: z.coerce.number().int().min(1).default(7),
  PUBLIC_URL: z.string().url().optional(),
  // Notifications by e-mail (commands/notificationMailer.ts): an SMTP server as a URL
  // (smtp://user:pass@host:587, smtps://…:465); without it Rounds sends no e-mail.
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^/]+/, 'must look like smtp://user:password@host:587 or smtps://host:465')
    .optional(),
  MAIL_FROM: z.string().min(3).optional(),
  // the daily digest goes out after this hour of the server's local time
  MAIL_DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(7),
  MAIL_CHECK_SECONDS: z.coerce.number().int().min(5).max(3600).default(30),
  // PostgreSQL connections per server process (PGlite always uses one).
  DB_POOL_SIZE: z.coerce.number().int().min(2).max(200).default(10),
  // In-process cache of hot reads (src/server/lib/responseCache.ts): size in MB, 0 turns it off.
  READ_CACHE_MB: z.coerce.number().int().min(0).max(4096).default(64),
  // Backstop age of a cached answer. Answers are dropped on change notifications; the age only bounds
  // how long a change made outside Rounds (hand-written SQL) can go unseen.
  READ_CACHE_MAX_AGE_S: z.coerce.number().int().min(1).max(86_400).default(900),
});

export type Config = z.infer<typeof schema> & { dataDir: string };

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  if (env === process.env && existsSync('.env')) dotenv.config({ quiet: true });
  const result = schema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const name = String(issue.path[0]);
    throw new ConfigError(`Invalid configuration: ${name}=${JSON.stringify(env[name])} — ${issue.message}`);
  }
  if (result.data.SMTP_URL && !result.data.PUBLIC_URL)
    throw new ConfigError(
      'Invalid configuration: SMTP_URL is set but PUBLIC_URL is not — e-mails link back to Rounds, so set PUBLIC_URL to the address users open (e.g. https://rounds.example.org)',
    );
  return { ...result.data, dataDir: path.resolve(result.data.DATA_DIR) };
}
