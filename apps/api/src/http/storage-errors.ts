import { Logger } from '@nestjs/common';
import { Request, Response } from 'express';
import { classifyStorageError, STORAGE_FAILURE_TITLES, StorageFailureCode } from '@pathway/event-store';
import { Problem, problemType } from './problem';

/** When to ask again (s): a lock is usually gone in a moment; space and permissions need an operator. */
const RETRY_AFTER_SECONDS: Record<StorageFailureCode, number> = {
  'STORAGE.BUSY': 1,
  'STORAGE.UNAVAILABLE': 5,
  'STORAGE.FULL': 60,
  'STORAGE.READ_ONLY': 60,
};

const logger = new Logger('Storage');

/**
 * A store that is locked, full, read-only or gone answers 503 with a stable code and
 * Retry-After (never a bare 500); the engine's cause is logged with the route's pattern, not
 * the URL or any values, so no personal data reaches the log. Null for any other error.
 */
export function storageProblem(exception: unknown, request: Request, response: Response): Problem | null {
  const failure = classifyStorageError(exception);
  if (!failure) return null;
  const route = (request.route as { path?: string } | undefined)?.path ?? 'unrouted';
  logger.error(`${failure.code} (${failure.cause}) on ${request.method} ${route}`);
  response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS[failure.code]));
  return { type: problemType(failure.code), title: STORAGE_FAILURE_TITLES[failure.code], status: 503, code: failure.code };
}
