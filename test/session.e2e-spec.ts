import { spawn } from 'node:child_process';
import request from 'supertest';
import { ROOT } from './support/cli';
import { framtidProject } from './support/fixtures';
import { removeDir, startApp, TestApp } from './support/test-app';

/** The web app's sign-in: local accounts, the session cookie, and the one access policy for both cookie and token. */
describe('sign-in with local accounts and the session cookie', () => {
  let t: TestApp;
  const anna = { email: 'anna@example.org', displayName: 'Anna K', role: 'caseworker', projects: ['22-015-S01'], password: 'correct horse battery staple' };

  beforeAll(async () => {
    t = await startApp();
    await t.admin.post('/api/v1/projects').send(framtidProject).expect(201);
    await t.admin.post('/api/v1/users').send(anna).expect(201);
  });
  afterAll(async () => {
    await t.close();
    removeDir(t.dataDir);
  });

  const server = () => t.app.getHttpServer();
  async function signIn(email = anna.email, password = anna.password): Promise<string> {
    const response = await request(server()).post('/api/v1/session').send({ email, password }).expect(200);
    const cookie = ([] as string[]).concat(response.headers['set-cookie'] ?? [])[0];
    return cookie.split(';')[0];
  }

  it('says the app signs in with passwords here, and that sign-in at a provider is off', async () => {
    expect((await request(server()).get('/api/v1/session/config').expect(200)).body).toEqual({ method: 'password' });
    expect((await request(server()).get('/api/v1/session/oidc/start').expect(404)).body.code).toBe('AUTH.OIDC_OFF');
    expect((await request(server()).get('/api/v1/session/oidc/callback?code=x&state=y').expect(404)).body.code).toBe('AUTH.OIDC_OFF');
  });

  it('sets an httpOnly, SameSite=Strict cookie and answers who signed in, without the password', async () => {
    const response = await request(server()).post('/api/v1/session').send({ email: 'ANNA@example.org', password: anna.password }).expect(200);
    expect(response.body).toEqual({ id: expect.stringMatching(/^local:/), email: anna.email, displayName: 'Anna K', role: 'caseworker', projects: ['22-015-S01'] });
    const cookie = ([] as string[]).concat(response.headers['set-cookie'])[0];
    expect(cookie).toMatch(/^pathway_session=[A-Za-z0-9_-]{43}; Max-Age=28800; Path=\/; Expires=.+; HttpOnly; SameSite=Strict$/);
    expect(cookie).not.toMatch(/Secure/);
  });

  it('marks the cookie Secure when the request came over HTTPS', async () => {
    t.app.set('trust proxy', 'loopback');
    try {
      const response = await request(server()).post('/api/v1/session').set('X-Forwarded-Proto', 'https').send({ email: anna.email, password: anna.password }).expect(200);
      expect(([] as string[]).concat(response.headers['set-cookie'])[0]).toMatch(/; Secure/);
    } finally {
      t.app.set('trust proxy', false);
    }
  });

  it('lets the session do what the role may, through the same policy as a token', async () => {
    const cookie = await signIn();
    expect((await request(server()).get('/api/v1/session').set('Cookie', cookie).expect(200)).body.email).toBe(anna.email);
    await request(server()).get('/api/v1/projects/22-015-S01/participants').set('Cookie', cookie).expect(200);
    // Another project answers as if it did not exist; a role's limits hold.
    await request(server()).get('/api/v1/projects/P-2/participants').set('Cookie', cookie).expect(404);
    const refused = await request(server()).get('/api/v1/audit').set('Cookie', cookie).expect(403);
    expect(refused.body.code).toBe('AUTH.FORBIDDEN');
    await request(server()).post('/api/v1/users').set('Cookie', cookie).send({ ...anna, email: 'x@example.org' }).expect(403);
  });

  it('refuses an unsafe request on a session without JSON or X-Requested-With (CSRF), and writes nothing', async () => {
    const cookie = await signIn();
    // What another site's form can send: a text/plain body (refused as not JSON) or none at all.
    const plain = await request(server()).post('/api/v1/projects/22-015-S01/participants').set('Cookie', cookie).set('Content-Type', 'text/plain').send('{"participantId":"csrf-1"}');
    expect(plain.status).toBe(415);
    const bodiless = await request(server()).post('/api/v1/projections/rebuild').set('Cookie', cookie).expect(403);
    expect(bodiless.body.code).toBe('AUTH.CSRF_SUSPECTED');
    const signOut = await request(server()).delete('/api/v1/session').set('Cookie', cookie).expect(403);
    expect(signOut.body.code).toBe('AUTH.CSRF_SUSPECTED');
    await request(server()).get('/api/v1/participants/csrf-1').set('Cookie', cookie).expect(404);
    await request(server()).get('/api/v1/session').set('Cookie', cookie).expect(200);
  });

  it('signs out: the session ends on the server and the cookie is cleared', async () => {
    const cookie = await signIn();
    const response = await request(server()).delete('/api/v1/session').set('Cookie', cookie).set('X-Requested-With', 'test').expect(204);
    expect(([] as string[]).concat(response.headers['set-cookie'])[0]).toMatch(/^pathway_session=; Path=\/; Expires=Thu, 01 Jan 1970/);
    const after = await request(server()).get('/api/v1/session').set('Cookie', cookie).expect(401);
    expect(after.body.code).toBe('AUTH.UNAUTHENTICATED');
  });

  it('answers a wrong password and an unknown address alike, and throttles after five failures even with the right password', async () => {
    await t.admin.post('/api/v1/users').send({ ...anna, email: 'bo@example.org' }).expect(201);
    const wrong = await request(server()).post('/api/v1/session').send({ email: 'bo@example.org', password: 'wrong' }).expect(401);
    const unknown = await request(server()).post('/api/v1/session').send({ email: 'nobody@example.org', password: 'wrong' }).expect(401);
    expect(wrong.body).toMatchObject({ code: 'AUTH.SIGN_IN_FAILED', status: 401 });
    expect(unknown.body.title).toBe(wrong.body.title);
    for (let i = 0; i < 4; i++) await request(server()).post('/api/v1/session').send({ email: 'bo@example.org', password: 'wrong' }).expect(401);
    const throttled = await request(server()).post('/api/v1/session').send({ email: 'bo@example.org', password: anna.password }).expect(429);
    expect(throttled.body.code).toBe('AUTH.SIGN_IN_THROTTLED');
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(800);
    expect(throttled.headers['set-cookie']).toBeUndefined();
  });

  it('validates a new user: 400 with the field, 409 for a taken address; a bearer token has no session', async () => {
    const invalid = await t.admin.post('/api/v1/users').send({ email: 'not-an-address', displayName: '', role: 'boss', password: 'short' }).expect(400);
    expect(invalid.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['displayName', 'email', 'password', 'role']);
    const noProject = await t.admin.post('/api/v1/users').send({ ...anna, email: 'c@example.org', projects: [] }).expect(400);
    expect(noProject.body.errors).toEqual([{ field: 'projects', reason: expect.stringContaining('at least one project') }]);
    const taken = await t.admin.post('/api/v1/users').send({ ...anna, email: 'Anna@Example.org' }).expect(409);
    expect(taken.body.code).toBe('USER.EMAIL_TAKEN');
    expect((await t.caseworker.get('/api/v1/session').expect(404)).body.code).toBe('SESSION.NONE');
  });

  it('`pathway users add` with a piped password makes an account that signs in', async () => {
    const child = spawn('node', ['-r', '@swc-node/register', 'apps/cli/src/main.ts', 'users', 'add', '--role', 'evaluator', '--email', 'eva@example.org', '--name', 'Eva L', '--project', '22-015-S01'], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: t.dataDir },
    });
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stdin.end('piped passphrase here\n');
    expect(await new Promise((resolve) => child.on('exit', resolve))).toBe(0);
    expect(stdout).toBe('');
    const cookie = await signIn('eva@example.org', 'piped passphrase here');
    expect((await request(server()).get('/api/v1/session').set('Cookie', cookie).expect(200)).body).toMatchObject({ role: 'evaluator', displayName: 'Eva L' });
  }, 60_000);
});
