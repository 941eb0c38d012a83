import { Role } from '@pathway/auth';

/**
 * A local user account of the embedded mode. `id` is the pseudonymous subject that events and
 * the audit log record (`local:<uuid>`); `email` and `displayName` are personal data: shown to
 * the user and admins only, never logged, never in an event.
 */
export interface UserAccount {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  /** Projects the user works in; an admin reaches every project whatever this says. */
  projects: readonly string[];
}

/** The store refuses a second account with the same e-mail address (compared case-insensitively). */
export class DuplicateUserError extends Error {
  constructor() {
    super('A user with this e-mail address already exists');
    this.name = 'DuplicateUserError';
  }
}

/** E-mail addresses are compared and stored in lower case: `Anna@X.se` and `anna@x.se` are one account. */
export const normaliseEmail = (email: string): string => email.trim().toLowerCase();
