import { decodeJwt } from 'jose';
import { Principal } from './principal';
import { TokenVerifier } from './token-verifier';

/**
 * Remembers tokens already verified, until they expire: a client sends the same token on every
 * request, and checking its signature each time costs more than the rest of a small request.
 * The cache is keyed by the whole token, so it can only answer for exactly what was verified.
 */
export class CachingTokenVerifier implements TokenVerifier {
  private readonly verified = new Map<string, { principal: Principal; expiresAt: number }>();

  constructor(
    private readonly inner: TokenVerifier,
    private readonly capacity = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  async verify(token: string): Promise<Principal> {
    const hit = this.verified.get(token);
    if (hit && hit.expiresAt > this.now()) return hit.principal;
    this.verified.delete(token);
    const principal = await this.inner.verify(token);
    const { exp } = decodeJwt(token);
    if (exp !== undefined) {
      if (this.verified.size >= this.capacity) this.verified.delete(this.verified.keys().next().value!);
      this.verified.set(token, { principal, expiresAt: exp * 1000 });
    }
    return principal;
  }
}
