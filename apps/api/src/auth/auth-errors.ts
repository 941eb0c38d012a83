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
