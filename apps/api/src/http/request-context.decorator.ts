import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { RequestContext } from '@pathway/application';
import { RequestValidationError } from './problem';
import { principalOf } from '../auth/authenticated-request';

const HEADER_TOKEN = /^[A-Za-z0-9._:@-]{1,128}$/;

/**
 * Who asks (the subject and role of the verified token), the correlation id (X-Correlation-Id,
 * made if absent, echoed back), the version the caller last saw (If-Match) and the Idempotency-Key.
 */
export const Caller = createParamDecorator((_: unknown, context: ExecutionContext): RequestContext => {
  const request = context.switchToHttp().getRequest<Request>();
  const response = context.switchToHttp().getResponse<Response>();
  const header = (name: string) => {
    const value = request.header(name);
    if (value !== undefined && !HEADER_TOKEN.test(value)) {
      throw new RequestValidationError([{ field: name, reason: `${name} must be 1 to 128 letters, digits or ._:@-` }]);
    }
    return value;
  };
  const correlationId = header('X-Correlation-Id') ?? randomUUID();
  response.setHeader('X-Correlation-Id', correlationId);
  const { subject, role } = principalOf(request);
  return {
    actor: subject,
    actorRole: role,
    correlationId,
    expectedVersion: parseIfMatch(request.header('If-Match')),
    idempotencyKey: header('Idempotency-Key'),
  };
});

function parseIfMatch(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const match = /^(?:W\/)?"?(\d{1,15})"?$/.exec(value.trim());
  if (!match) {
    throw new RequestValidationError([{ field: 'If-Match', reason: 'If-Match must be a stream version, e.g. "3"' }]);
  }
  return Number(match[1]);
}
