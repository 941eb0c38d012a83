export * from './user-account';
export * from './user-store';
export * from './sqlite-user-store';
export * from './password-hashing';
export * from './session';
export * from './sign-in-throttle';
export * from './local-accounts';
