import { Response } from 'express';
import { EdgeRefusal, RequestValidationError } from './problem';

/** The stream version travels as a strong ETag; clients send it back in If-Match. */
export function setVersion(response: Response, version: number): void {
  response.setHeader('ETag', `"${version}"`);
}

/**
 * If-Match, compared strongly (RFC 9110 §13.1.1): one strong entity tag, the quoted stream
 * version (`"3"`), or `*` (any current version: no version check). A weak tag (`W/"3"`) can never
 * match strongly, so it is 412 `PRECONDITION.WEAK_ETAG`; anything else, a list of tags included,
 * is 400. A participant that does not exist answers 404 as it would without the header (§13.2.1).
 */
export function parseIfMatch(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (trimmed === '*') return undefined;
  if (/^W\/"[^"]*"$/.test(trimmed)) {
    throw new EdgeRefusal(412, 'PRECONDITION.WEAK_ETAG', 'If-Match compares strongly: send the ETag as given, without W/');
  }
  const match = /^"(\d{1,15})"$/.exec(trimmed);
  if (!match) {
    throw new RequestValidationError([{ field: 'If-Match', reason: 'If-Match must be one stream version in quotes, e.g. "3", or *' }]);
  }
  return Number(match[1]);
}
