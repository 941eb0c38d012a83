import { Request, Response } from 'express';
import { DEFAULT_SESSION_LIFETIME, SESSION_COOKIE } from '@pathway/users';

/** The session secret from the request's Cookie header, or undefined. (One cookie: no parser needed.) */
export function sessionSecretOf(request: Request): string | undefined {
  const header = request.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return value.join('=') || undefined;
  }
  return undefined;
}

/**
 * httpOnly (scripts cannot read it), SameSite=Strict (no other site's page sends it along,
 * the first defence against CSRF), Secure when the request came over HTTPS, Path=/.
 * The browser drops it after the absolute lifetime; the server ends it sooner when idle.
 */
export function setSessionCookie(request: Request, response: Response, secret: string): void {
  response.cookie(SESSION_COOKIE, secret, {
    httpOnly: true,
    sameSite: 'strict',
    secure: request.secure,
    path: '/',
    maxAge: DEFAULT_SESSION_LIFETIME.absoluteMs,
  });
}

export function clearSessionCookie(request: Request, response: Response): void {
  response.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure: request.secure, path: '/' });
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The second defence against CSRF, for requests that a session cookie authenticates: an unsafe
 * method must send `Content-Type: application/json` or `X-Requested-With`, which a plain HTML
 * form of another site cannot send without a CORS preflight (OWASP CSRF cheat sheet,
 * "custom request headers").
 */
export function looksCrossSite(request: Request): boolean {
  if (SAFE_METHODS.has(request.method)) return false;
  const json = /^application\/(.+\+)?json\b/i.test(request.header('Content-Type') ?? '');
  return !json && request.header('X-Requested-With') === undefined;
}
