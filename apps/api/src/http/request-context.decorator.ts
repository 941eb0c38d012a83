import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { RequestContext } from '@pathway/application';
import { parseIfMatch } from './etag';
import { RequestValidationError } from './problem';
import { fingerprintOf } from './request-fingerprint';
import { principalOf } from '../auth/authenticated-request';

/**
 * X-Correlation-Id is stored in event metadata (the Idempotency-Key only as hashes), so both hold
 * no text: a UUID or another token of 1 to 64 letters, digits and . _ : - (no spaces, no @ for an
 * email address).
 */
export const HEADER_TOKEN = /^[A-Za-z0-9._:-]{1,64}$/;

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
      throw new RequestValidationError([{ field: name, reason: `${name} must be 1 to 64 letters, digits or . _ : -` }]);
    }
    return value;
  };
  const correlationId = header('X-Correlation-Id') ?? randomUUID();
  response.setHeader('X-Correlation-Id', correlationId);
  const { subject, role } = principalOf(request);
  const idempotencyKey = header('Idempotency-Key');
  return {
    actor: subject,
    actorRole: role,
    correlationId,
    expectedVersion: parseIfMatch(request.header('If-Match')),
    idempotencyKey,
    requestFingerprint: idempotencyKey === undefined ? undefined : fingerprintOf(request, idempotencyKey, subject),
  };
});
