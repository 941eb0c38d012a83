import { SignJWT } from 'jose';
import { LOCAL_AUDIENCE, LOCAL_ISSUER, LocalTokens } from './local-tokens';
import { InvalidTokenError } from './principal';

describe('LocalTokens', () => {
  const caseworker = { subject: 'u-anna', role: 'caseworker', projects: ['22-015-S01'] } as const;
  const tokens = LocalTokens.newKey().then((key) => LocalTokens.fromKey(key));

  it('verifies what it minted', async () => {
    const issuer = await tokens;
    await expect(issuer.verify(await issuer.mint(caseworker))).resolves.toEqual(caseworker);
  });

  it('refuses a token signed with another key', async () => {
    const other = await LocalTokens.fromKey(await LocalTokens.newKey());
    await expect((await tokens).verify(await other.mint(caseworker))).rejects.toThrow(InvalidTokenError);
  });

  it('refuses an expired, altered or malformed token', async () => {
    const issuer = await tokens;
    await expect(issuer.verify(await issuer.mint({ ...caseworker, expiresIn: '-1m' }))).rejects.toThrow(/"exp" claim timestamp check failed/);
    const [header, payload, signature] = (await issuer.mint(caseworker)).split('.');
    const asAdmin = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), role: 'admin' })).toString('base64url');
    await expect(issuer.verify(`${header}.${asAdmin}.${signature}`)).rejects.toThrow(InvalidTokenError);
    await expect(issuer.verify('not-a-token')).rejects.toThrow(InvalidTokenError);
  });

  it('refuses a token without an expiry or with a role it does not know', async () => {
    const key = await LocalTokens.newKey();
    const issuer = await LocalTokens.fromKey(key);
    const privateKey = await (await import('jose')).importJWK(key, 'ES256');
    const sign = (claims: Record<string, unknown>, expires: boolean) => {
      const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'ES256' }).setSubject('u-1').setIssuer(LOCAL_ISSUER).setAudience(LOCAL_AUDIENCE);
      return (expires ? jwt.setExpirationTime('1h') : jwt).sign(privateKey);
    };
    await expect(issuer.verify(await sign({ role: 'admin' }, false))).rejects.toThrow(/"exp"/);
    await expect(issuer.verify(await sign({ role: 'root' }, true))).rejects.toThrow(/role must be one of/);
  });
});
