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

/** A token names a role Pathway does not have (or none): the provider's account needs a Pathway role. */
export class UnknownRoleError extends InvalidTokenError {
  constructor() {
    super(`role must be one of ${ROLES.join(', ')}`);
    this.name = 'UnknownRoleError';
  }
}

/**
 * Where the role and the projects are among a token's claims: a claim's name, or a dotted path
 * into nested claims (Keycloak's `realm_access.roles`). Set by AUTH_ROLE_CLAIM and AUTH_PROJECTS_CLAIM.
 */
export interface ClaimNames {
  role: string;
  projects: string;
}

export const DEFAULT_CLAIM_NAMES: ClaimNames = { role: 'role', projects: 'projects' };

const claimAt = (claims: Record<string, unknown>, path: string): unknown =>
  path.split('.').reduce<unknown>((value, key) => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), claims);

/**
 * The principal named by a verified token's claims: `sub`, the role and the projects (claim names
 * in `names`). The role claim is one role, or a list in which exactly one entry is a Pathway role
 * (providers put their own roles beside it, e.g. `offline_access`). Missing projects mean none.
 * Throws UnknownRoleError when no single Pathway role is found, InvalidTokenError for the rest.
 */
export function principalFromClaims(claims: Record<string, unknown>, names: ClaimNames = DEFAULT_CLAIM_NAMES): Principal {
  const { sub } = claims;
  const role = claimAt(claims, names.role);
  const projects = claimAt(claims, names.projects) ?? [];
  if (typeof sub !== 'string' || sub.length === 0) throw new InvalidTokenError('no subject');
  const roles = (Array.isArray(role) ? role : [role]).filter((r): r is Role => ROLES.includes(r as Role));
  if (roles.length !== 1) throw new UnknownRoleError();
  if (!Array.isArray(projects) || !projects.every((p) => typeof p === 'string')) {
    throw new InvalidTokenError('projects must be a list of project ids');
  }
  return { subject: sub, role: roles[0]!, projects };
}
