/** The four roles of DESIGN.md §3; a token carries exactly one. */
export const ROLES = ['caseworker', 'evaluator', 'funder', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Who is calling, as the verified token says. `subject` is a pseudonymous user id and is what
 * events and the audit log record; `name` is shown to nobody and never logged.
 */
export interface Principal {
  subject: string;
  role: Role;
  /** The projects the caller works in; an admin's token may list none and still reach all. */
  projects: readonly string[];
}

export class InvalidTokenError extends Error {
  constructor(reason: string) {
    super(`Invalid token: ${reason}`);
    this.name = 'InvalidTokenError';
  }
}

/** The issuer's keys could not be fetched: not the caller's fault, so not a 401. */
export class IssuerUnavailableError extends Error {
  constructor(reason: string) {
    super(`The token issuer cannot be reached: ${reason}`);
    this.name = 'IssuerUnavailableError';
  }
}

/** The principal named by a verified token's claims: `sub`, `role` and `projects`. */
export function principalFromClaims(claims: Record<string, unknown>): Principal {
  const { sub, role, projects = [] } = claims;
  if (typeof sub !== 'string' || sub.length === 0) throw new InvalidTokenError('no subject');
  if (!ROLES.includes(role as Role)) throw new InvalidTokenError(`role must be one of ${ROLES.join(', ')}`);
  if (!Array.isArray(projects) || !projects.every((p) => typeof p === 'string')) {
    throw new InvalidTokenError('projects must be a list of project ids');
  }
  return { subject: sub, role: role as Role, projects };
}
