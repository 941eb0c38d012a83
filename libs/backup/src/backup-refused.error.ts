/**
 * A backup or restore refused, with a stable code (`BACKUP.*`) and a message that says what to
 * do. The command line prints the message and exits non-zero; nothing was written in place.
 */
export class BackupRefusedError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'BackupRefusedError';
  }
}
