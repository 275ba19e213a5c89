import type { FastifyError } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ERROR_CODES, type TApiError } from '@portcullis/contracts';
import { AppError, isAppError } from './app-error.ts';
import { mapDatabaseError } from './map-database-error.ts';

export type TErrorReply = { statusCode: number; body: TApiError };

const CONTEXT_LABELS: Record<string, string> = {
  body: 'the request body',
  querystring: 'the query string',
  params: 'the path',
  headers: 'the headers',
};

// Fastify's own refusals of a request it could not read, in words a person can act on.
const FRAMEWORK_MESSAGES: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'the request body is not valid JSON; check quotes and commas',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'the request body is empty; send a JSON object',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'send the request body as application/json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'the request body is too large',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'the request body does not match its Content-Length',
};

function toFieldPath(instancePath: string): string {
  return instancePath.split('/').filter(Boolean).join('.');
}

function describeIssue(field: string, message: string): string {
  if (/received undefined$/.test(message)) return `${field} is required`;

  return `${field}: ${message}`;
}

function fromValidation(error: FastifyError): AppError {
  const issue = hasZodFastifySchemaValidationErrors(error) ? error.validation[0] : undefined;
  const context = CONTEXT_LABELS[error.validationContext ?? 'body'] ?? 'the request';
  if (!issue) return new AppError('VALIDATION_FAILED', `${context} is not valid`);

  const field = toFieldPath(issue.instancePath);
  if (!field) {
    return new AppError('VALIDATION_FAILED', `${context} must be a JSON object`);
  }

  const message = describeIssue(field, issue.message ?? 'is not valid');

  return new AppError('VALIDATION_FAILED', message, { field });
}

function toAppError(error: unknown): AppError | undefined {
  if (isAppError(error)) return error;

  const fromDatabase = mapDatabaseError(error);
  if (fromDatabase) return fromDatabase;

  const fastifyError = error as Partial<FastifyError>;
  if (fastifyError.validation) return fromValidation(fastifyError as FastifyError);

  const known = fastifyError.code ? FRAMEWORK_MESSAGES[fastifyError.code] : undefined;
  if (known) return new AppError('VALIDATION_FAILED', known);

  const status = fastifyError.statusCode ?? 500;
  if (status === 401) return new AppError('UNAUTHENTICATED', 'sign in first');
  if (status === 404) return new AppError('NOT_FOUND', 'nothing is here');
  if (status >= 400 && status < 500) {
    return new AppError('VALIDATION_FAILED', fastifyError.message ?? 'the request is not valid');
  }

  return undefined;
}

/**
 * The single translation from anything thrown during a request to the reply a
 * client sees: 4xx bodies say what to fix, 5xx bodies stay generic (the details go
 * to the log, never to the client).
 */
export function toErrorReply(error: unknown): TErrorReply {
  const appError = toAppError(error);
  if (!appError) {
    return {
      statusCode: ERROR_CODES.INTERNAL,
      body: { error: { code: 'INTERNAL', message: 'something went wrong on our side' } },
    };
  }

  const body: TApiError = { error: { code: appError.code, message: appError.message } };
  if (appError.field) body.error.field = appError.field;

  return { statusCode: appError.statusCode, body };
}
