import { createRemoteJWKSet, jwtVerify, JWTVerifyGetKey } from 'jose';
import { ClaimNames, DEFAULT_CLAIM_NAMES, InvalidTokenError, IssuerUnavailableError, Principal, principalFromClaims } from './principal';
import { TokenVerifier } from './token-verifier';

/**
 * Production: tokens from an OpenID Connect issuer, checked against the keys it publishes
 * (found through its discovery document, fetched again when it rotates them).
 */
export class OidcTokenVerifier implements TokenVerifier {
  private keys: Promise<JWTVerifyGetKey> | null = null;

  constructor(
    private readonly issuer: string,
    private readonly audience: string,
    private readonly claimNames: ClaimNames = DEFAULT_CLAIM_NAMES,
  ) {}

  async verify(token: string): Promise<Principal> {
    const keys = await this.discover();
    try {
      const { payload } = await jwtVerify(token, keys, { issuer: this.issuer, audience: this.audience, requiredClaims: ['exp'] });
      return principalFromClaims(payload, this.claimNames);
    } catch (error) {
      throw asVerificationError(error);
    }
  }

  private discover(): Promise<JWTVerifyGetKey> {
    this.keys ??= (async () => {
      const url = `${this.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
      const response = await fetch(url);
      if (!response.ok) throw new IssuerUnavailableError(`${url} answered ${response.status}`);
      const { jwks_uri } = (await response.json()) as { jwks_uri?: string };
      if (!jwks_uri) throw new IssuerUnavailableError(`${url} names no jwks_uri`);
      return createRemoteJWKSet(new URL(jwks_uri));
    })().catch((error: unknown) => {
      this.keys = null; // try again on the next request: the issuer may have been down
      throw error instanceof IssuerUnavailableError ? error : new IssuerUnavailableError((error as Error).message);
    });
    return this.keys;
  }
}

/** jose errors that blame the issuer's key set rather than the token. */
const ISSUER_FAULTS = new Set(['ERR_JWKS_TIMEOUT', 'ERR_JWKS_INVALID', 'ERR_JOSE_GENERIC']);

/** jose's other errors say what is wrong with the token; anything else (a network failure) is the issuer's. */
function asVerificationError(error: unknown): Error {
  if (error instanceof InvalidTokenError || error instanceof IssuerUnavailableError) return error;
  const code = (error as { code?: unknown }).code;
  const tokenFault = typeof code === 'string' && code.startsWith('ERR_J') && !ISSUER_FAULTS.has(code);
  return tokenFault ? new InvalidTokenError((error as Error).message) : new IssuerUnavailableError((error as Error).message);
}
