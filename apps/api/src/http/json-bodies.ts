import { NestExpressApplication } from '@nestjs/platform-express';
import { NextFunction, raw, Request, Response } from 'express';
import { DEFAULT_ZIP_LIMITS, XLSX_MEDIA_TYPE } from '@pathway/import';
import { inspectJson, MAX_JSON_DEPTH } from './body-inspection';
import { EdgeRefusal, RequestValidationError } from './problem';

/** The media types a body may have: JSON, and JSON-based types such as `application/merge-patch+json`. */
export const JSON_TYPES = ['application/json', 'application/*+json'];

/**
 * Request bodies are JSON and nothing else, read once under `BODY_LIMIT_KB` and inspected before
 * any route sees them:
 * - a body of any other type or charset is 415 `REQUEST.UNSUPPORTED_MEDIA_TYPE`, on every route (also those
 *   that take no body): a `text/plain` report submission once recorded a report because the
 *   unread body looked empty, and form-encoded bodies skipped the size limit; the spreadsheet
 *   upload alone takes `IMPORT_TYPES` and refuses any other, JSON too, with 415
 *   `IMPORT.UNSUPPORTED_MEDIA_TYPE` (`importMediaTypeRefusal`), naming XLSX and CSV;
 * - text that is not JSON, or JSON whose top level is not an object or array, is 400
 *   `REQUEST.MALFORMED_JSON` with the field `body`;
 * - JSON nested deeper than `MAX_JSON_DEPTH` is 400 `REQUEST.TOO_DEEP`;
 * - control characters or lone surrogates in any string of the body or the query string are 400
 *   `REQUEST.INVALID` with the field.
 * Must run before the app is initialised: Nest then adds no parser of its own.
 */
export function useJsonBodies(app: NestExpressApplication, limitKb: number): void {
  // Spreadsheet uploads (POST /projects/{id}/imports) alone take a file as the body, read raw under their own limit.
  app.use((request: Request, response: Response, next: NextFunction) => (isImportUpload(request) ? rawImportBody(request, response, next) : next()));
  app.use(requireJsonBody);
  app.useBodyParser('json', { limit: `${limitKb}kb`, type: JSON_TYPES });
  app.use(malformedJson);
  // Never reached (form bodies are refused above), but Nest would otherwise add one without the limit.
  app.useBodyParser('urlencoded', { limit: `${limitKb}kb`, extended: false });
  app.use(inspectRequest);
}

/** The media types a spreadsheet upload may be sent as (the content decides between XLSX and CSV). */
export const IMPORT_TYPES = [XLSX_MEDIA_TYPE, 'text/csv', 'application/vnd.ms-excel', 'application/octet-stream'];
/** The largest spreadsheet an import takes, also the XLSX guard's file limit (see libs/import). */
export const IMPORT_LIMIT_BYTES = DEFAULT_ZIP_LIMITS.maxFileBytes;
const IMPORT_ROUTE = /^\/api\/v1\/projects\/[^/]+\/imports$/;

const isImportRoute = (request: Request) => request.method === 'POST' && IMPORT_ROUTE.test(request.path);
const isImportUpload = (request: Request) => isImportRoute(request) && typeof request.is(IMPORT_TYPES) === 'string';

/**
 * The import route's 415, for a body of another type (JSON too) or none: it names the types the
 * route takes, not JSON as every other route's does.
 */
export const importMediaTypeRefusal = () =>
  new EdgeRefusal(415, 'IMPORT.UNSUPPORTED_MEDIA_TYPE', `Send the spreadsheet as the body: XLSX (Content-Type ${XLSX_MEDIA_TYPE}) or CSV (Content-Type text/csv)`, [
    { field: 'Content-Type', reason: `the body must be an XLSX or CSV file, sent as one of ${IMPORT_TYPES.join(', ')}` },
  ]);

const rawImportBody = raw({ type: IMPORT_TYPES, limit: IMPORT_LIMIT_BYTES });

/** A body is present when the request says so (RFC 9112 §6.3): a non-zero length or a transfer coding. */
function hasBody(request: Request): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** The charset a Content-Type names, lower-cased, or undefined when it names none. */
function charsetOf(contentType: string | undefined): string | undefined {
  return /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '')?.[1].toLowerCase();
}

function requireJsonBody(request: Request, _response: Response, next: NextFunction): void {
  if (!hasBody(request)) return next();
  if (isImportUpload(request)) return next();
  if (isImportRoute(request)) return next(importMediaTypeRefusal());
  // JSON exchanged between systems is UTF-8 (RFC 8259 §8.1); other charsets are refused here too.
  const charset = charsetOf(request.headers['content-type']);
  if (!request.is(JSON_TYPES) || (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8')) {
    return next(new EdgeRefusal(415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE', 'The request body must be JSON in UTF-8 (Content-Type: application/json)'));
  }
  next();
}

/**
 * The JSON parser's own refusal (text that is not JSON, or a top level that is not an object or
 * array) as a problem with the field: its message would quote the body, which may be personal data.
 */
function malformedJson(error: unknown, _request: Request, _response: Response, next: NextFunction): void {
  if ((error as { type?: unknown } | null)?.type !== 'entity.parse.failed') return next(error);
  const reason = 'the body must be a well-formed JSON object';
  next(new EdgeRefusal(400, 'REQUEST.MALFORMED_JSON', 'The request cannot be read: the JSON body is malformed', [{ field: 'body', reason }]));
}

function inspectRequest(request: Request, _response: Response, next: NextFunction): void {
  const fault = inspectJson(request.body) ?? inspectJson(request.query);
  if (fault?.kind === 'too-deep') {
    const reason = `the JSON body must not nest deeper than ${MAX_JSON_DEPTH} levels`;
    next(new EdgeRefusal(400, 'REQUEST.TOO_DEEP', 'The JSON body is nested too deeply', [{ field: 'body', reason }]));
  } else if (fault?.kind === 'text') {
    next(new RequestValidationError(fault.errors));
  } else {
    next();
  }
}
