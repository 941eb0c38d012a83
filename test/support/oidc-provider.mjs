/**
 * A real OpenID Connect provider for the tests: the `oidc-provider` package (certified by the
 * OpenID Foundation) with its development login page, run as a child process because it is an
 * ES module with its own dependency tree. Started by test/support/oidc-provider.ts.
 *
 * Input: argv[2] is JSON { redirectUris: string[], postLogoutRedirectUris: string[] }.
 * Output: one line of JSON on stdout when listening: { issuer }.
 * Accounts (the login name is the account; the development page takes any password):
 *   anna: a caseworker of project 22-015-S01; nils: a role Pathway does not have; ada: an admin.
 * Clients: pathway-web (confidential, secret `pathway-web-secret`), pathway-web-public (public: PKCE
 * alone), other-app (another relying party).
 * Test control: POST /test-control/tamper with a mode (text) makes the next ID tokens from /token
 * wrong in one way; mode `none` stops it.
 */
import Provider from 'oidc-provider';
import { decodeJwt, exportJWK, generateKeyPair, importJWK, SignJWT } from 'jose';

const { redirectUris, postLogoutRedirectUris } = JSON.parse(process.argv[2] ?? '{}');

const ACCOUNTS = {
  anna: { email: 'anna@example.org', email_verified: true, name: 'Anna Karlsson', role: 'caseworker', projects: ['22-015-S01'] },
  nils: { email: 'nils@example.org', email_verified: true, name: 'Nils Ek', role: 'superuser', projects: ['22-015-S01'] },
  ada: { email: 'ada@example.org', email_verified: true, name: 'Ada Admin', role: 'admin', projects: [] },
};

const signing = await generateKeyPair('RS256', { extractable: true });
const privateJwk = { ...(await exportJWK(signing.privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
const stranger = (await generateKeyPair('RS256')).privateKey;

const client = (client_id, extra = {}) => ({
  client_id,
  client_secret: `${client_id}-secret`,
  redirect_uris: redirectUris,
  post_logout_redirect_uris: postLogoutRedirectUris,
  grant_types: ['authorization_code'],
  response_types: ['code'],
  token_endpoint_auth_method: 'client_secret_basic',
  ...extra,
});

const withoutSecret = ({ client_secret: _secret, ...rest }) => rest;

const configuration = {
  clients: [client('pathway-web'), client('other-app'), withoutSecret(client('pathway-web-public', { token_endpoint_auth_method: 'none' }))],
  jwks: { keys: [privateJwk] },
  cookies: { keys: ['test-cookie-key'] },
  pkce: { required: () => true },
  scopes: ['openid', 'profile', 'email', 'pathway'],
  claims: { openid: ['sub'], profile: ['name'], email: ['email', 'email_verified'], pathway: ['role', 'projects'] },
  // Keycloak and Entra ID put the mapped claims in the ID token; so does this provider.
  conformIdTokenClaims: false,
  features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
  findAccount: (_ctx, id) => (ACCOUNTS[id] ? { accountId: id, claims: () => ({ sub: id, ...ACCOUNTS[id] }) } : undefined),
  // A first-party app: no consent page, every scope asked for is granted.
  loadExistingGrant: async (ctx) => {
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope(ctx.oidc.params.scope ?? 'openid');
    await grant.save();
    return grant;
  },
  renderError: (ctx, out) => {
    ctx.type = 'html';
    ctx.body = `<!doctype html><title>Error</title><h1>${out.error}</h1><p>${out.error_description ?? ''}</p>`;
  },
};

const server = (await import('node:http')).createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;
const provider = new Provider(issuer, configuration);

let tamper = 'none';
provider.use(async (ctx, next) => {
  if (ctx.path === '/test-control/tamper' && ctx.method === 'POST') {
    tamper = await new Promise((resolve) => {
      let body = '';
      ctx.req.on('data', (chunk) => (body += chunk));
      ctx.req.on('end', () => resolve(body.trim()));
    });
    ctx.status = 204;
    return;
  }
  await next();
  if (ctx.path === '/token' && tamper !== 'none' && ctx.body?.id_token) ctx.body = { ...ctx.body, id_token: await tampered(ctx.body.id_token, tamper) };
});

/** The ID token made wrong in exactly one way (all but `signature` and `foreign-key` signed with the provider's real key). */
async function tampered(idToken, mode) {
  const claims = decodeJwt(idToken);
  const now = Math.floor(Date.now() / 1000);
  const sign = (payload, key) => new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid: 'test-key' }).sign(key);
  const key = await importJWK(privateJwk, 'RS256');
  switch (mode) {
    case 'signature': {
      const [header, , signature] = idToken.split('.');
      return `${header}.${Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url')}.${signature}`;
    }
    case 'foreign-key':
      return sign(claims, stranger);
    case 'aud':
      return sign({ ...claims, aud: 'other-app', azp: 'other-app' }, key);
    case 'iss':
      return sign({ ...claims, iss: 'https://id.example.org' }, key);
    case 'nonce':
      return sign({ ...claims, nonce: 'a-nonce-of-another-sign-in' }, key);
    case 'expired':
      return sign({ ...claims, iat: now - 7200, exp: now - 3600 }, key);
    default:
      throw new Error(`unknown tamper mode ${mode}`);
  }
}

server.on('request', provider.callback());
process.stdout.write(`${JSON.stringify({ issuer })}\n`);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
