import { Request } from 'express';
import { requestFingerprint } from '@pathway/application';

/**
 * The fingerprint an Idempotency-Key is bound to: the operation (method and path, which name
 * the project or participant) and the JSON body as sent, canonicalised (key order and spacing do
 * not count), keyed by the caller and the key (see `requestFingerprint`). Server defaults (an
 * omitted `asKnownOn`, a generated intervention id) are not part of it: a retry of the same
 * request matches although its defaults would differ.
 */
export function fingerprintOf(request: Request, idempotencyKey: string, actor: string): string {
  const path = request.originalUrl.split('?')[0];
  return requestFingerprint(idempotencyKey, actor, `${request.method} ${path}`, { body: request.body ?? null, query: request.query });
}
