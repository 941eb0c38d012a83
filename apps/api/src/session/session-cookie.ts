import { Request, Response } from 'express';
import { DEFAULT_SESSION_LIFETIME, PENDING_SIGN_IN_MS, SESSION_COOKIE } from '@pathway/users';

/** A cookie's value from the request's Cookie header, or undefined. (Two cookies: no parser needed.) */
function cookieOf(request: Request, cookie: string): string | undefined {
  const header = request.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === cookie) return value.join('=') || undefined;
  }
  return undefined;
}

/** The session secret from the request's Cookie header, or undefined. */
export const sessionSecretOf = (request: Request): string | undefined => cookieOf(request, SESSION_COOKIE);

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

/** Names the sign-in at the provider this browser started (the secret of a PendingSignIn). */
const PENDING_SIGN_IN_COOKIE = 'pathway_sign_in';
const PENDING_SIGN_IN_PATH = '/api/v1/session/oidc';

export const pendingSignInOf = (request: Request): string | undefined => cookieOf(request, PENDING_SIGN_IN_COOKIE);

/**
 * SameSite=Lax, unlike the session cookie: the provider sends the browser back with a top-level
 * navigation from its own site, on which a Strict cookie would not come along. It opens nothing
 * by itself (the callback also needs the provider's code, state and PKCE), is sent only to the
 * sign-in's own paths, and lasts the 10 minutes a sign-in may take.
 */
export function setPendingSignInCookie(request: Request, response: Response, secret: string): void {
  response.cookie(PENDING_SIGN_IN_COOKIE, secret, { httpOnly: true, sameSite: 'lax', secure: request.secure, path: PENDING_SIGN_IN_PATH, maxAge: PENDING_SIGN_IN_MS });
}

export function clearPendingSignInCookie(request: Request, response: Response): void {
  response.clearCookie(PENDING_SIGN_IN_COOKIE, { httpOnly: true, sameSite: 'lax', secure: request.secure, path: PENDING_SIGN_IN_PATH });
}
