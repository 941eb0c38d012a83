import { CryptoKey, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { OidcTokenVerifier } from './oidc-token-verifier';
import { InvalidTokenError, IssuerUnavailableError } from './principal';

/** A real (if tiny) OpenID issuer over HTTP: a discovery document and a key set. */
describe('OidcTokenVerifier', () => {
  let server: Server;
  let issuer: string;
  let privateKey: CryptoKey;
  let requests = 0;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    const jwks = { keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' }] };
    server = createServer((req, res) => {
      requests++;
      const body = req.url === '/realms/pathway/.well-known/openid-configuration' ? { issuer, jwks_uri: `${issuer}/certs` } : req.url === '/realms/pathway/certs' ? jwks : null;
      res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' }).end(JSON.stringify(body ?? {}));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/realms/pathway`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const sign = (claims: Record<string, unknown>, { iss = issuer, aud = 'pathway-api', key = privateKey } = {}) =>
    new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setSubject('u-7').setIssuer(iss).setAudience(aud).setExpirationTime('5m').sign(key);

  it('accepts a token of the issuer for this audience, fetching its keys once', async () => {
    const verifier = new OidcTokenVerifier(issuer, 'pathway-api');
    const before = requests;
    await expect(verifier.verify(await sign({ role: 'evaluator', projects: ['P1'] }))).resolves.toEqual({ subject: 'u-7', role: 'evaluator', projects: ['P1'] });
    await verifier.verify(await sign({ role: 'funder' }));
    expect(requests - before).toBe(2);
  });

  it('refuses another audience, another issuer and another key', async () => {
    const verifier = new OidcTokenVerifier(issuer, 'pathway-api');
    await expect(verifier.verify(await sign({ role: 'admin' }, { aud: 'other-api' }))).rejects.toThrow(InvalidTokenError);
    await expect(verifier.verify(await sign({ role: 'admin' }, { iss: 'https://evil.example' }))).rejects.toThrow(InvalidTokenError);
    const stranger = (await generateKeyPair('RS256')).privateKey;
    await expect(verifier.verify(await sign({ role: 'admin' }, { key: stranger }))).rejects.toThrow(InvalidTokenError);
  });

  it('says so, without blaming the token, when the issuer cannot be reached', async () => {
    const verifier = new OidcTokenVerifier('http://127.0.0.1:9/nowhere', 'pathway-api');
    await expect(verifier.verify(await sign({ role: 'admin' }))).rejects.toThrow(IssuerUnavailableError);
  });
});
