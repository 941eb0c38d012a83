import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { Request, Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { DomainError, DomainErrorKind } from '@pathway/domain';
import { DuplicateEventIdError, WrongExpectedVersionError } from '@pathway/event-store';
import { IssuerUnavailableError } from '@pathway/auth';
import { KeyDestroyedError, KeyUnreadableError } from '@pathway/privacy';
import { ReadModelBehindError } from '@pathway/runtime';
import { EdgeRefusal, Problem, problemType, RequestValidationError } from './problem';
import { storageProblem } from './storage-errors';
import { AccessDeniedError, AuthenticationError, AuthProblem } from '../auth/auth-errors';

const STATUS_BY_KIND: Record<DomainErrorKind, number> = { 'not-found': 404, conflict: 409, rule: 422 };

/** What the framework's own refusals say: our validation errors never reach this far. */
const TITLES: Record<number, string> = {
  400: 'The request cannot be read: the JSON body or the path is malformed',
  404: 'No such resource',
  429: 'Too many requests; try again after Retry-After seconds',
  413: 'The request body is too large',
  415: 'The request body has an unsupported encoding',
};

/** A broken rule as a problem: its status by kind, its code, and its params when it names any. */
export function domainProblem(error: DomainError): Problem {
  const { code, message, params } = error;
  return { type: problemType(code), title: message, status: STATUS_BY_KIND[error.kind], code, ...(params ? { params } : {}) };
}

/**
 * Every error leaves as application/problem+json. Expected errors say what went wrong;
 * anything else is a 500 that says nothing about its cause (it is logged, without request data).
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    // The path only: a query string can carry what a caller typed into a filter (issue 14 §6).
    const problem = { ...(storageProblem(exception, request, response) ?? this.toProblem(exception)), instance: request.originalUrl.split('?')[0] };
    if (exception instanceof ReadModelBehindError) response.setHeader('Retry-After', String(exception.retryAfterSeconds));
    if (exception instanceof AuthenticationError) {
      // RFC 6750 §3: how to authenticate, and whether the token given was the trouble.
      response.setHeader('WWW-Authenticate', exception.tokenGiven ? 'Bearer error="invalid_token"' : 'Bearer');
    }
    response.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
  }

  private toProblem(exception: unknown): Problem {
    if (exception instanceof AuthenticationError) {
      return { type: problemType('AUTH.UNAUTHENTICATED'), title: exception.message, status: 401, code: 'AUTH.UNAUTHENTICATED' };
    }
    if (exception instanceof AccessDeniedError) {
      return { type: problemType('AUTH.FORBIDDEN'), title: exception.message, status: 403, code: 'AUTH.FORBIDDEN' };
    }
    if (exception instanceof AuthProblem) {
      return { type: problemType(exception.code), title: exception.message, status: exception.status, code: exception.code };
    }
    if (exception instanceof IssuerUnavailableError) {
      this.logger.error(exception.message);
      return { type: problemType('AUTH.ISSUER_UNAVAILABLE'), title: 'Sign-in cannot be checked just now; try again shortly', status: 503, code: 'AUTH.ISSUER_UNAVAILABLE' };
    }
    if (exception instanceof KeyDestroyedError) {
      return { type: problemType('PARTICIPANT.PERSONAL_DATA_ERASED'), title: "The participant's personal data was erased", status: 409, code: 'PARTICIPANT.PERSONAL_DATA_ERASED' };
    }
    if (exception instanceof ReadModelBehindError) {
      return {
        type: problemType('REPORT.READ_MODEL_BEHIND'),
        title: 'The figures are not yet up to date with everything the report must count; try again after Retry-After seconds',
        status: 503,
        code: 'REPORT.READ_MODEL_BEHIND',
        detail: exception.message,
      };
    }
    if (exception instanceof KeyUnreadableError) {
      return { type: problemType('PARTICIPANT.KEY_UNREADABLE'), title: exception.message, status: 409, code: 'PARTICIPANT.KEY_UNREADABLE' };
    }
    if (exception instanceof RequestValidationError) {
      return {
        type: problemType(exception.code),
        title: exception.message,
        status: 400,
        code: exception.code,
        detail: exception.errors.map((e) => `${e.field}: ${e.reason}`).join('; '),
        errors: exception.errors,
      };
    }
    if (exception instanceof EdgeRefusal) {
      const { status, code, title, errors } = exception;
      return { type: problemType(code), title, status, code, ...(errors ? { detail: errors.map((e) => e.reason).join('; '), errors } : {}) };
    }
    if (exception instanceof DomainError) return domainProblem(exception);
    if (exception instanceof WrongExpectedVersionError) {
      return {
        type: problemType('CONCURRENCY.VERSION_MISMATCH'),
        title: 'The participant was changed by someone else; reload and try again',
        status: 409,
        code: 'CONCURRENCY.VERSION_MISMATCH',
        detail: `Expected version ${exception.expected}, current version ${exception.actual}`,
        currentVersion: exception.actual,
      };
    }
    if (exception instanceof DuplicateEventIdError) {
      return {
        type: problemType('IDEMPOTENCY.KEY_REUSED'),
        title: 'This Idempotency-Key was already used for a different request',
        status: 422,
        code: 'IDEMPOTENCY.KEY_REUSED',
      };
    }
    // Raised by the framework or the body parser before any handler ran. Their messages can
    // quote the request (JSON.parse shows the text around the error, which may be personal
    // data), so the answer names the status only.
    const status = exception instanceof HttpException ? exception.getStatus() : (exception as { status?: unknown })?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) return this.fromStatus(status);
    // The error's name and where it was thrown, not its message: messages can quote the data.
    const where = exception instanceof Error ? exception.stack?.split('\n').find((line) => line.trim().startsWith('at ')) : undefined;
    this.logger.error(`Unexpected ${exception instanceof Error ? exception.name : typeof exception} ${where?.trim() ?? ''}`);
    return {
      type: problemType('SERVER.ERROR'),
      title: 'Something went wrong on our side',
      status: 500,
      code: 'SERVER.ERROR',
    };
  }

  private fromStatus(status: number): Problem {
    const code = `HTTP.${HttpStatus[status] ?? status}`;
    return { type: problemType(code), title: TITLES[status] ?? STATUS_CODES[status] ?? 'The request cannot be served', status, code };
  }
}
