// The one error envelope of the HTTP API: every error — ours, a schema validation failure, a plugin's (CSRF,
// rate limit, multipart), an unknown route, a bad input file — leaves as `{ error: { code, message } }` with
// the status of its code. Routes throw ApiError; everything else is mapped here, once.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiErrorBody } from '../model/api.js';
import { InputError } from '../errors.js';
import { StoreError } from '../store/types.js';

export const ERROR_STATUS = {
  'bad-request': 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'too-large': 413,
  'rate-limited': 429,
  internal: 500,
  /** a capability this host lacks (PDF output without Chromium) */
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class ApiError extends Error {
  readonly statusCode: number;
  constructor(readonly code: ErrorCode, message: string) {
    super(message);
    this.name = 'ApiError';
    this.statusCode = ERROR_STATUS[code];
  }
}

export const badRequest = (m: string): ApiError => new ApiError('bad-request', m);
export const notFound = (m = 'not found'): ApiError => new ApiError('not-found', m);
export const conflict = (m: string): ApiError => new ApiError('conflict', m);
/** 401 for the public (sign in first), 403 for a signed-in user without the right */
export const denied = (signedIn: boolean, m = 'not allowed'): ApiError =>
  signedIn ? new ApiError('forbidden', m) : new ApiError('unauthenticated', 'sign in first');

function codeForStatus(status: number): ErrorCode {
  const found = (Object.entries(ERROR_STATUS) as [ErrorCode, number][]).find(([, s]) => s === status);
  if (found) return found[0];
  return status >= 500 ? 'internal' : 'bad-request';
}

export function envelope(code: ErrorCode, message: string): ApiErrorBody {
  return { error: { code, message } };
}

/** Maps any thrown error to its status and envelope; unexpected errors are logged and never leak details. */
export function toEnvelope(err: unknown, req: FastifyRequest): { status: number; body: ApiErrorBody } {
  if (err instanceof ApiError) return { status: err.statusCode, body: envelope(err.code, err.message) };
  if (err instanceof InputError) return { status: 400, body: envelope('bad-request', err.message) };
  if (err instanceof StoreError) return { status: ERROR_STATUS[err.code], body: envelope(err.code, err.message) };
  const fe = err as Partial<FastifyError> & { validation?: unknown };
  if (fe.validation) return { status: 400, body: envelope('bad-request', fe.message ?? 'invalid request') };
  const status = typeof fe.statusCode === 'number' ? fe.statusCode : 500;
  if (status >= 500) {
    req.log.error({ err }, 'request failed');
    return { status: 500, body: envelope('internal', 'internal error') };
  }
  return { status, body: envelope(codeForStatus(status), fe.message ?? 'request failed') };
}

/** The error handler; the not-found handler (API envelope or the web app's fallback) is set in app.ts. */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((err, req, reply: FastifyReply) => {
    const { status, body } = toEnvelope(err, req);
    return reply.status(status).type('application/json; charset=utf-8').send(body);
  });
}
