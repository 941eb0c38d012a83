import { CryptoKey, exportJWK, generateKeyPair, importJWK, JWK, jwtVerify, SignJWT } from 'jose';
import { InvalidTokenError, Principal, principalFromClaims } from './principal';
import { TokenVerifier } from './token-verifier';

export const LOCAL_ISSUER = 'urn:pathway:local';
export const LOCAL_AUDIENCE = 'pathway';
const ALGORITHM = 'ES256';

export interface TokenRequest extends Principal {
  /** Who holds it, for people reading the token; the API keeps only the subject. */
  name?: string;
  /** How long the token holds, e.g. '8h' or '15m'. */
  expiresIn?: string;
}

/**
 * Embedded mode's issuer: one signing key (kept in the data directory, see openLocalTokens)
 * that both verifies the API's tokens and mints them for `pathway token`.
 */
export class LocalTokens implements TokenVerifier {
  private constructor(
    private readonly privateKey: CryptoKey,
    private readonly publicKey: CryptoKey,
  ) {}

  /** A new private signing key, as a JWK to keep. */
  static async newKey(): Promise<JWK> {
    return exportJWK((await generateKeyPair(ALGORITHM, { extractable: true })).privateKey);
  }

  static async fromKey(jwk: JWK): Promise<LocalTokens> {
    const { d: _private, ...publicJwk } = jwk;
    return new LocalTokens((await importJWK(jwk, ALGORITHM)) as CryptoKey, (await importJWK(publicJwk, ALGORITHM)) as CryptoKey);
  }

  mint({ subject, role, projects, name, expiresIn = '8h' }: TokenRequest): Promise<string> {
    return new SignJWT({ role, projects, ...(name === undefined ? {} : { name }) })
      .setProtectedHeader({ alg: ALGORITHM })
      .setSubject(subject)
      .setIssuer(LOCAL_ISSUER)
      .setAudience(LOCAL_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(expiresIn)
      .sign(this.privateKey);
  }

  async verify(token: string): Promise<Principal> {
    try {
      const { payload } = await jwtVerify(token, this.publicKey, { issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, algorithms: [ALGORITHM], requiredClaims: ['exp'] });
      return principalFromClaims(payload);
    } catch (error) {
      throw error instanceof InvalidTokenError ? error : new InvalidTokenError((error as Error).message);
    }
  }
}
