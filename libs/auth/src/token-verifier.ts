import { Principal } from './principal';

/** Checks a bearer token's signature, issuer, audience and expiry; throws InvalidTokenError. */
export interface TokenVerifier {
  verify(token: string): Promise<Principal>;
}
