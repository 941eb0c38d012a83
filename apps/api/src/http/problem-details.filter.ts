import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { Request, Response } from 'express';
import { DomainError, DomainErrorKind } from '@pathway/domain';
import { DuplicateEventIdError, WrongExpectedVersionError } from '@pathway/event-store';
import { Problem, problemType, RequestValidationError } from './problem';

const STATUS_BY_KIND: Record<DomainErrorKind, number> = { 'not-found': 404, conflict: 409, rule: 422 };

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
    const problem = { ...this.toProblem(exception), instance: request.originalUrl };
    http.getResponse<Response>().status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
  }

  private toProblem(exception: unknown): Problem {
    if (exception instanceof RequestValidationError) {
      return {
        type: problemType('REQUEST.INVALID'),
        title: 'The request is not valid',
        status: 400,
        code: 'REQUEST.INVALID',
        detail: exception.errors.map((e) => `${e.field}: ${e.reason}`).join('; '),
        errors: exception.errors,
      };
    }
    if (exception instanceof DomainError) {
      const status = STATUS_BY_KIND[exception.kind];
      return { type: problemType(exception.code), title: exception.message, status, code: exception.code };
    }
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
        status: 409,
        code: 'IDEMPOTENCY.KEY_REUSED',
      };
    }
    if (exception instanceof HttpException) {
      return this.fromStatus(exception.getStatus(), exception.message);
    }
    const status = (exception as { status?: unknown })?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      // Raised by the body parser before any handler ran: malformed JSON, body too large.
      return this.fromStatus(status, (exception as Error).message);
    }
    this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    return {
      type: problemType('SERVER.ERROR'),
      title: 'Something went wrong on our side',
      status: 500,
      code: 'SERVER.ERROR',
    };
  }

  private fromStatus(status: number, detail: string): Problem {
    const code = `HTTP.${HttpStatus[status] ?? status}`;
    return { type: problemType(code), title: detail, status, code };
  }
}
