// Builds the Fastify app: security headers, cookies, rate limits, OpenAPI, auth guard, routes,
// one problem+json error shape, and the built web app at /.
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyError } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import pino from 'pino';
import { startBackupScheduler } from '../commands/backupSchedule';
import { startNotificationMailer } from '../commands/notificationMailer';
import { startReminders } from '../commands/reminders';
import { registerGuard, SESSION_COOKIE } from './auth/guard';
import type { App, ServerContext } from './context';
import { startAuditSealer } from './lib/auditSealer';
import { errorHandler, sendProblem } from './lib/errors';
import { isDatabaseUnavailable } from './lib/faults';
import { registerResponseCache } from './lib/responseCache';
import { registerSecurityHeaders } from './lib/securityHeaders';
import { loadStartHints } from './lib/startHints';
import { routeModules } from './routes';

export const WEB_DIST = path.resolve('dist/web');
const GUARDED = Symbol('rounds.errorGuarded');

/** Log fields that may carry secrets: always replaced by [Redacted]. */
export const LOG_REDACT_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.token',
  '*.csrfToken',
  '*.client_secret',
  '*.code_verifier',
  '*.access_token',
  '*.id_token',
];

/** The server's logger (use this in `serve`): JSON lines, secrets redacted. */
export function createLogger(level: string, destination?: pino.DestinationStream): FastifyBaseLogger {
  return pino({ level, redact: LOG_REDACT_PATHS }, destination) as FastifyBaseLogger;
}

export async function buildApp(
  ctx: ServerContext,
  opts: { logger?: FastifyBaseLogger; https?: { cert: Buffer; key: Buffer } } = {},
): Promise<App> {
  const app = Fastify({
    ...(opts.logger ? { loggerInstance: opts.logger } : { logger: false }),
    bodyLimit: 1024 * 1024,
    trustProxy: ctx.config.TRUST_PROXY === 'true',
    ...(opts.https ? { https: opts.https } : {}),
    ajv: { customOptions: { coerceTypes: false } },
  }).withTypeProvider<ZodTypeProvider>() as unknown as App;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // A connection that dies while checked out emits 'error' on its client, which node-postgres
  // leaves unhandled (only idle clients are covered) — that would crash the process. The failing
  // query still rejects, so the request gets its 503 below.
  ctx.database.pool.on('acquire', (client) => {
    const c = client as typeof client & { [GUARDED]?: true };
    if (c[GUARDED]) return;
    c[GUARDED] = true;
    c.on('error', (err) => app.log.warn({ err }, 'database connection lost'));
  });
  // A lost database connection is the server's trouble but not a bug: 503 with a retry hint.
  app.setErrorHandler((err, req, reply) =>
    isDatabaseUnavailable(err)
      ? sendProblem(reply.header('retry-after', '5'), 503, 'The database is unavailable; try again shortly.')
      : errorHandler(err as FastifyError, req, reply),
  );

  registerSecurityHeaders(app);
  await app.register(fastifyCookie);
  await app.register(rateLimit, { global: false });
  // Uploads go through src/server/lib/upload.ts (streams to a temp file, checks size and type).
  await app.register(multipart, {
    limits: { fileSize: ctx.config.MAX_UPLOAD_MB * 1024 * 1024, files: 1, fields: 50, parts: 60 },
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Rounds API',
        version: '0.1.0',
        description:
          'Physician relationship management and referral intelligence. Authenticate with the session cookie (plus X-CSRF-Token on writes) or `Authorization: Bearer <token>`.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          cookie: { type: 'apiKey', in: 'cookie', name: 'rounds_session' },
        },
      },
      security: [{ bearer: [] }, { cookie: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  registerGuard(app, ctx.database, { idleMinutes: ctx.config.SESSION_IDLE_MINUTES });
  if (ctx.config.READ_CACHE_MB > 0)
    await registerResponseCache(app, ctx.database, {
      maxBytes: ctx.config.READ_CACHE_MB * 1024 * 1024,
      ttlMs: ctx.config.READ_CACHE_MAX_AGE_S * 1000,
    });

  for (const mod of routeModules) await mod(app, ctx);

  // Scheduled backups (BACKUP_INTERVAL_HOURS > 0); with N processes one takes each backup (advisory lock).
  // The audit sealer links each write's audit rows into the hash chain once the write has answered.
  let stopBackups = () => {};
  let stopMailer = () => {};
  let stopReminders = () => {};
  let sealer: ReturnType<typeof startAuditSealer> | null = null;
  app.addHook('onReady', async () => {
    stopBackups = startBackupScheduler(ctx.database, ctx.config, app.log);
    stopMailer = startNotificationMailer(ctx.database, ctx.config, app.log); // SMTP_URL set: notifications by e-mail
    stopReminders = startReminders(ctx.database, ctx.config, app.log); // each morning: overdue tasks, old issues
    sealer = startAuditSealer(ctx.database, app.log);
  });
  app.addHook('onResponse', async (req) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') sealer?.soon();
  });
  app.addHook('onClose', async () => {
    stopBackups();
    stopMailer();
    stopReminders();
    await sealer?.stop();
  });

  const hasWeb = existsSync(path.join(WEB_DIST, 'index.html'));
  // Built assets under /assets/ carry a content hash in their name: browsers may keep them for a year
  // without asking again. Everything else (index.html, sw.js, the manifest) is revalidated each time so
  // a new release is picked up. The build writes .gz/.br copies that are sent when the browser accepts them.
  if (hasWeb)
    await app.register(fastifyStatic, {
      root: WEB_DIST,
      wildcard: false,
      index: ['index.html'],
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, file) => {
        const hashed = file.startsWith(path.join(WEB_DIST, 'assets') + path.sep);
        reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  const appHtml = hasWeb ? loadStartHints(WEB_DIST) : null;
  app.setNotFoundHandler((req, reply) => {
    // Built files (and API paths) that do not exist are 404s, never the app's page: a precache or a
    // lazy chunk must fail loudly rather than store HTML under a .js name.
    const isApi = /^\/(api|fhir|assets|icons|geo)(\/|$)/.test(req.url);
    if (!isApi && req.method === 'GET' && appHtml)
      return reply
        .type('text/html')
        .header('cache-control', 'no-cache')
        .send(appHtml(req.url, !!req.cookies?.[SESSION_COOKIE]));
    return sendProblem(reply, 404, `No route ${req.method} ${req.url.split('?')[0]}`);
  });
  return app;
}
