// One error shape for every error: RFC 9457 problem+json. Route code throws HttpError;
// everything else is mapped here so a client never sees a stack trace.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

export class HttpError extends Error {
  constructor(
    public status: number,
    message: string,
    public extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const badRequest = (msg: string, extra?: Record<string, unknown>) => new HttpError(400, msg, extra);
export const notFound = (what: string) => new HttpError(404, `${what} not found`);
export const forbidden = (msg = 'Your role may not do this') => new HttpError(403, msg);
export const conflict = (msg: string, extra?: Record<string, unknown>) => new HttpError(409, msg, extra);

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  423: 'Locked',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function sendProblem(
  reply: FastifyReply,
  status: number,
  detail: string,
  extra: Record<string, unknown> = {},
) {
  return reply
    .status(status)
    .type('application/problem+json')
    .send({ type: 'about:blank', title: titles[status] ?? 'Error', status, detail, ...extra });
}

function describeValidation(err: FastifyError): {
  detail: string;
  errors: { field: string; message: string }[];
} {
  // fastify-type-provider-zod puts the zod issue's path in instancePath ("/a/0/b"), its code in
  // keyword and the rest (e.g. unrecognized keys) in params.
  const errors = (err.validation ?? []).map((v) => {
    const params = v.params as { keys?: string[] } | undefined;
    const ctx = (err as { validationContext?: string }).validationContext ?? 'body';
    const segs = (v.instancePath ?? '').split('/').filter(Boolean);
    if (v.keyword === 'unrecognized_keys' && params?.keys?.length) segs.push(params.keys.join(', '));
    const field = [ctx, ...segs].join('.');
    return { field, message: v.message ?? 'invalid' };
  });
  const detail = errors.map((e) => `${e.field}: ${e.message}`).join('; ') || err.message;
  return { detail, errors };
}

export function errorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (err instanceof HttpError) return sendProblem(reply, err.status, err.message, err.extra);
  if (hasZodFastifySchemaValidationErrors(err) || err.validation) {
    const { detail, errors } = describeValidation(err);
    return sendProblem(reply, 400, detail, { errors });
  }
  const code = (err as { code?: string }).code;
  if (code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err instanceof SyntaxError)
    return sendProblem(reply, 400, 'body: malformed JSON');
  if (code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return sendProblem(reply, 400, 'body: empty JSON body');
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE')
    return sendProblem(reply, 413, 'body: request body is too large');
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
    return sendProblem(reply, 415, `Unsupported Content-Type ${req.headers['content-type'] ?? ''}`);
  if (code === '22P02' || code === '22003' || code === '22007' || code === '22008')
    return sendProblem(reply, 400, 'A parameter has an invalid value');
  if (code === '23505') return sendProblem(reply, 409, 'A record with these values already exists');
  if (code === '23503')
    return sendProblem(reply, 409, 'A referenced record does not exist or is still in use');
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500)
    return sendProblem(reply, err.statusCode, err.message);
  req.log.error({ err }, 'unhandled error');
  return sendProblem(reply, 500, 'Something went wrong on our side; it has been logged.');
}
