import { createHash, randomBytes } from 'node:crypto';

/** The session cookie's name. `__Host-` would bind it to HTTPS, which the embedded default lacks. */
export const SESSION_COOKIE = 'pathway_session';

/** How long a session lives: `idleMs` since its last use, and never past `absoluteMs` since sign-in. */
export interface SessionLifetime {
  idleMs: number;
  absoluteMs: number;
}

/** OWASP's session management cheat sheet: 15-30 minutes idle for sensitive data; a working day at most. */
export const DEFAULT_SESSION_LIFETIME: SessionLifetime = { idleMs: 30 * 60_000, absoluteMs: 8 * 3_600_000 };

/** A new session secret: 256 random bits, base64url (43 characters), handed to the browser only. */
export const newSessionSecret = (): string => randomBytes(32).toString('base64url');

/** The store keeps only this SHA-256 of the secret: a copy of users.db opens no session. */
export const sessionIdOf = (secret: string): string => createHash('sha256').update(secret).digest('hex');

/** Whether a session created at `createdAt` and last used at `lastSeenAt` (ms since epoch) still holds at `now`. */
export function sessionHolds(createdAt: number, lastSeenAt: number, now: number, lifetime: SessionLifetime): boolean {
  return now < createdAt + lifetime.absoluteMs && now < lastSeenAt + lifetime.idleMs;
}
