import { Response } from 'express';

/** The stream version travels as a strong ETag; clients send it back in If-Match. */
export function setVersion(response: Response, version: number): void {
  response.setHeader('ETag', `"${version}"`);
}
