/** No token, or one that fails verification: 401. */
export class AuthenticationError extends Error {
  constructor(readonly tokenGiven: boolean) {
    super(tokenGiven ? 'The bearer token is not valid' : 'A bearer token is required');
    this.name = 'AuthenticationError';
  }
}

/** The caller's role may not do this at all: 403. (Another project's things are answered 404.) */
export class AccessDeniedError extends Error {
  constructor() {
    super('Your role may not do this');
    this.name = 'AccessDeniedError';
  }
}

/**
 * A refusal of the sign-in and session routes, with its status and stable code:
 * `AUTH.SIGN_IN_FAILED` (401), `AUTH.SIGN_IN_THROTTLED` (429), `AUTH.CSRF_SUSPECTED` (403),
 * `AUTH.LOCAL_ACCOUNTS_OFF` (404), `USER.EMAIL_TAKEN` (409), `SESSION.NONE` (404).
 */
export class AuthProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'AuthProblem';
  }
}
