export * from './principal';
export * from './token-verifier';
export * from './local-tokens';
export * from './oidc-token-verifier';
export * from './caching-token-verifier';
export * from './oidc-sign-in';
