import { CryptoKey, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { framtidProject } from './support/fixtures';
import { pathway } from './support/cli';
import { removeDir, startApp, TestApp } from './support/test-app';

describe('hardening', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp(undefined, { RATE_LIMIT_PER_MINUTE: '5' });
  });
  afterAll(async () => {
    await t.close();
    removeDir(t.dataDir);
  });

  it('sends security headers and no framework banner', async () => {
    const { headers } = await t.anonymous().get('/health').expect(200);
    expect(headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'strict-transport-security': expect.stringContaining('max-age='),
      'content-security-policy': expect.stringContaining("default-src 'self'"),
    });
    expect(headers['x-powered-by']).toBeUndefined();
  });

  it('keeps CORS off unless origins are configured', async () => {
    const preflight = await t
      .anonymous()
      .options('/api/v1/indicators')
      .set('Origin', 'https://evil.example')
      .set('Access-Control-Request-Method', 'GET')
      .set('Access-Control-Request-Headers', 'authorization');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('limits requests per token: one caller at the limit does not stop another', async () => {
    const busy = await t.as('funder', ['22-015-S01'], 'busy-funder');
    for (let i = 0; i < 4; i++) await busy.get('/api/v1/indicators').expect(200);
    await busy.get('/api/v1/projects/22-015-S01/indicators/export?format=json').expect(404); // one budget across routes
    const limited = await busy.get('/api/v1/indicators').expect(429);
    expect(limited.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    await (await t.as('funder', ['22-015-S01'], 'calm-funder')).get('/api/v1/indicators').expect(200);
  });

  it('answers errors without stack traces or internals', async () => {
    const { body } = await t.admin.post('/api/v1/projects').set('Content-Type', 'application/json').send('{"id": ').expect(400);
    expect(JSON.stringify(body)).not.toMatch(/\bat \w|node_modules|\.ts:\d|SyntaxError/);
  });

  it.each([
    ['from', 'from=2026-02-30T00:00:00Z'],
    ['to', 'to=yesterday'],
    ['limit', 'limit=1001'],
    ['after', 'after=-1'],
    ['participantId', 'participantId=a%20b'],
  ])('refuses an audit query with a bad %s', async (field, query) => {
    const admin = await t.as('admin', [], `auditor-${field}`);
    const { body } = await admin.get(`/api/v1/audit?${query}`).expect(400);
    expect(body.errors).toEqual([expect.objectContaining({ field })]);
  });

  it('never quotes a malformed body back: JSON.parse would show the text around the error', async () => {
    const { body } = await t.caseworker
      .post('/api/v1/projects/22-015-S01/participants')
      .set('Content-Type', 'application/json')
      .send('{"personal": {"name": Zelda Quistgaard}}')
      .expect(400);
    expect(body).toMatchObject({
      status: 400,
      code: 'REQUEST.MALFORMED_JSON',
      title: expect.stringMatching(/JSON body is malformed/),
      errors: [{ field: 'body', reason: 'the body must be a well-formed JSON object' }],
    });
    expect(JSON.stringify(body)).not.toMatch(/Zelda|Quistgaard/);
  });

  it.each(['null', '"x"', '42'])('answers a body of %s, which is not a JSON object, with the field and reason', async (text) => {
    const { body } = await t.caseworker
      .post('/api/v1/projects/22-015-S01/participants')
      .set('Content-Type', 'application/json')
      .send(text)
      .expect(400);
    expect(body).toMatchObject({ code: 'REQUEST.MALFORMED_JSON', errors: [{ field: 'body' }] });
  });
});

describe('CORS, when origins are configured', () => {
  it('lets those origins in, and no other', async () => {
    const t = await startApp(undefined, { CORS_ORIGINS: 'https://pathway.example.org' });
    try {
      const preflight = (origin: string) =>
        t.anonymous().options('/api/v1/indicators').set('Origin', origin).set('Access-Control-Request-Method', 'GET').set('Access-Control-Request-Headers', 'authorization');
      expect((await preflight('https://pathway.example.org')).headers['access-control-allow-origin']).toBe('https://pathway.example.org');
      expect((await preflight('https://evil.example')).headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await t.close();
      removeDir(t.dataDir);
    }
  });
});

describe('pathway token', () => {
  it('mints a token the API accepts, for the role and projects asked', async () => {
    const t = await startApp();
    try {
      await t.admin.post('/api/v1/projects').send(framtidProject).expect(201);
      const { stdout } = await pathway(t.dataDir, 'token', '--role', 'caseworker', '--project', framtidProject.id, '--name', 'Anna Lindqvist');
      const token = stdout.trim();
      await t.anonymous().get(`/api/v1/projects/${framtidProject.id}`).set('Authorization', `Bearer ${token}`).expect(200);
      await t.anonymous().get('/api/v1/projections').set('Authorization', `Bearer ${token}`).expect(403);
      await expect(pathway(t.dataDir, 'token', '--role', 'root')).rejects.toMatchObject({ stderr: expect.stringMatching(/Allowed choices are caseworker, evaluator, funder, admin/) });
      await expect(pathway(t.dataDir, 'token', '--role', 'funder')).rejects.toMatchObject({ stderr: expect.stringMatching(/at least one --project/) });
    } finally {
      await t.close();
      removeDir(t.dataDir);
    }
  }, 60_000);
});

describe('with an OpenID Connect issuer', () => {
  let issuer: string;
  let server: Server;
  let key: CryptoKey;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    key = pair.privateKey;
    const jwks = { keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256' }] };
    server = createServer((req, res) => {
      const body = req.url === '/.well-known/openid-configuration' ? { issuer, jwks_uri: `${issuer}/jwks` } : jwks;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it("accepts the issuer's tokens for this audience and no local ones", async () => {
    const t = await startApp(undefined, { AUTH_ISSUER: issuer, AUTH_AUDIENCE: 'pathway-api' });
    try {
      const sign = (audience: string) =>
        new SignJWT({ role: 'admin', projects: [] }).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setSubject('oidc-admin').setIssuer(issuer).setAudience(audience).setExpirationTime('5m').sign(key);
      await t.anonymous().post('/api/v1/projects').set('Authorization', `Bearer ${await sign('pathway-api')}`).send(framtidProject).expect(201);
      await t.anonymous().get('/api/v1/projections').set('Authorization', `Bearer ${await sign('other-api')}`).expect(401);
      const { body } = await t.admin.get('/api/v1/projections').expect(401); // signed by the local key: not trusted here
      expect(body.code).toBe('AUTH.UNAUTHENTICATED');
    } finally {
      await t.close();
      removeDir(t.dataDir);
    }
  });
});
