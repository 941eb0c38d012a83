import { Role } from '@pathway/auth';
import { UserAccount } from './user-account';

/** A local account as admins see it in the list: besides who it is, whether it may sign in, and its version. */
export interface ListedAccount extends UserAccount {
  /** A disabled account cannot sign in; its sessions ended when it was disabled. */
  disabled: boolean;
  /** Counts the account's changes (1 when added): If-Match for a change, so no admin overwrites another's unseen. */
  version: number;
}

/** What an admin may change of an account; what is left out stays. */
export interface AccountChange {
  role?: Role;
  projects?: readonly string[];
  disabled?: boolean;
}

/** No account with this id (`USER.NOT_FOUND`, 404). */
export class UserNotFoundError extends Error {
  constructor() {
    super('No such user');
    this.name = 'UserNotFoundError';
  }
}

/** The change would take away the last enabled admin account, so no one could sign in to mend accounts (`USER.LAST_ADMIN`, 409). */
export class LastAdminError extends Error {
  constructor() {
    super('At least one enabled admin must remain');
    this.name = 'LastAdminError';
  }
}

/** The account changed since the version the admin saw (`CONCURRENCY.VERSION_MISMATCH`, 409). */
export class AccountVersionMismatchError extends Error {
  constructor(
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`The account is at version ${actual}, not ${expected}: it changed since you read it`);
    this.name = 'AccountVersionMismatchError';
  }
}
