import { CachingTokenVerifier } from './caching-token-verifier';
import { LocalTokens } from './local-tokens';
import { InvalidTokenError, Principal } from './principal';
import { TokenVerifier } from './token-verifier';

describe('CachingTokenVerifier', () => {
  const caseworker: Principal = { subject: 'u-1', role: 'caseworker', projects: ['P'] };
  let issuer: LocalTokens;
  let calls: number;
  let clock: number;
  const counting = (): TokenVerifier => ({
    verify: (token) => {
      calls++;
      return issuer.verify(token);
    },
  });

  beforeEach(async () => {
    issuer ??= await LocalTokens.fromKey(await LocalTokens.newKey());
    calls = 0;
    clock = Date.now();
  });

  it('checks a token once, then answers from memory until it expires, then asks again', async () => {
    const verifier = new CachingTokenVerifier(counting(), 10, () => clock);
    const token = await issuer.mint({ ...caseworker, expiresIn: '10m' });
    await expect(verifier.verify(token)).resolves.toEqual(caseworker);
    await expect(verifier.verify(token)).resolves.toEqual(caseworker);
    expect(calls).toBe(1);
    clock += 11 * 60_000; // past its expiry by the cache's clock (the inner verifier keeps the real one)
    await verifier.verify(token);
    expect(calls).toBe(2);
  });

  it('never remembers a refusal, and never answers for a token it did not verify', async () => {
    const verifier = new CachingTokenVerifier(counting(), 10, () => clock);
    const token = await issuer.mint(caseworker);
    const forged = `${token.slice(0, -4)}AAAA`;
    await expect(verifier.verify(forged)).rejects.toThrow(InvalidTokenError);
    await expect(verifier.verify(forged)).rejects.toThrow(InvalidTokenError);
    expect(calls).toBe(2);
  });

  it('keeps at most its capacity, forgetting the oldest first', async () => {
    const verifier = new CachingTokenVerifier(counting(), 2, () => clock);
    const tokens = await Promise.all(['a', 'b', 'c'].map((subject) => issuer.mint({ ...caseworker, subject })));
    for (const token of tokens) await verifier.verify(token);
    await verifier.verify(tokens[2]!);
    await verifier.verify(tokens[0]!);
    expect(calls).toBe(4);
  });
});
