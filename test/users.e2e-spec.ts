import request from 'supertest';
import { framtidProject } from './support/fixtures';
import { removeDir, startApp, TestApp } from './support/test-app';

/** Admins list local accounts, change their role and projects, and disable them (embedded mode). */
describe('users: local accounts changed by admins', () => {
  let t: TestApp;
  const password = 'correct horse battery staple';
  const account = (name: string, role: string, projects: string[]) => ({ email: `projects-${name}@example.org`, displayName: `Projects ${name}`, role, projects, password });

  beforeAll(async () => {
    t = await startApp();
    await t.admin.post('/api/v1/projects').send({ ...framtidProject, id: '24-313-D01' }).expect(201);
  });
  afterAll(async () => {
    await t.close();
    removeDir(t.dataDir);
  });

  const signIn = async (email: string) => {
    const response = await request(t.app.getHttpServer()).post('/api/v1/session').send({ email, password });
    return { status: response.status, body: response.body as unknown, cookie: ([] as string[]).concat(response.headers['set-cookie'] ?? [])[0]?.split(';')[0] };
  };
  const byEmail = async (email: string) => ((await t.admin.get('/api/v1/users').expect(200)).body.users as Array<{ email: string; id: string; version: number }>).find((u) => u.email === email)!;

  it('lists every account by e-mail, with role, projects, disabled and version; never a password hash', async () => {
    const added = await t.admin.post('/api/v1/users').send(account('cw', 'caseworker', ['24-313-D01'])).expect(201);
    expect(Object.keys(added.body).sort()).toEqual(['displayName', 'email', 'id', 'projects', 'role']);
    await t.admin.post('/api/v1/users').send(account('admin', 'admin', [])).expect(201);
    const { body } = await t.admin.get('/api/v1/users').expect(200);
    expect(body.source).toBe('local');
    expect(body.claims).toBeNull();
    expect(body.users.map((u: { email: string }) => u.email)).toEqual(['projects-admin@example.org', 'projects-cw@example.org']);
    expect(body.users[1]).toEqual({ id: added.body.id, email: 'projects-cw@example.org', displayName: 'Projects cw', role: 'caseworker', projects: ['24-313-D01'], disabled: false, version: 1 });
    expect(JSON.stringify(body)).not.toMatch(/argon2|password/i);
  });

  it('changes role and projects under If-Match; the next request of a signed-in user has the new role', async () => {
    const { cookie } = await signIn('projects-cw@example.org');
    const user = await byEmail('projects-cw@example.org');
    const changed = await t.admin.patch(`/api/v1/users/${encodeURIComponent(user.id)}`).set('If-Match', `"${user.version}"`).send({ role: 'evaluator', projects: ['24-313-D01', 'P-2'] }).expect(200);
    expect(changed.body).toMatchObject({ role: 'evaluator', projects: ['24-313-D01', 'P-2'], version: 2 });
    expect(changed.headers.etag).toBe('"2"');
    expect((await request(t.app.getHttpServer()).get('/api/v1/session').set('Cookie', cookie!).expect(200)).body.role).toBe('evaluator');

    const stale = await t.admin.patch(`/api/v1/users/${encodeURIComponent(user.id)}`).set('If-Match', '"1"').send({ role: 'funder' }).expect(409);
    expect(stale.body).toMatchObject({ code: 'CONCURRENCY.VERSION_MISMATCH' });
    expect((await byEmail('projects-cw@example.org')).version).toBe(2);
  });

  it('disables an account: its session ends and it cannot sign in; enabled again, it can', async () => {
    const { cookie } = await signIn('projects-cw@example.org');
    const user = await byEmail('projects-cw@example.org');
    await t.admin.patch(`/api/v1/users/${encodeURIComponent(user.id)}`).send({ disabled: true }).expect(200);
    await request(t.app.getHttpServer()).get('/api/v1/session').set('Cookie', cookie!).expect(401);
    // The right password is told the account is disabled; a wrong one learns nothing of it.
    const refused = await signIn('projects-cw@example.org');
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ status: 403, code: 'AUTH.ACCOUNT_DISABLED' });
    expect((await request(t.app.getHttpServer()).post('/api/v1/session').send({ email: 'projects-cw@example.org', password: 'not the password' })).status).toBe(401);
    await t.admin.patch(`/api/v1/users/${encodeURIComponent(user.id)}`).send({ disabled: false }).expect(200);
    expect((await signIn('projects-cw@example.org')).status).toBe(200);
  });

  it('refuses to leave no enabled admin (409 USER.LAST_ADMIN), a role without projects (400), an unknown user (404)', async () => {
    const admin = await byEmail('projects-admin@example.org');
    const last = await t.admin.patch(`/api/v1/users/${encodeURIComponent(admin.id)}`).send({ disabled: true }).expect(409);
    expect(last.body).toMatchObject({ status: 409, code: 'USER.LAST_ADMIN' });
    const noProjects = await t.admin.patch(`/api/v1/users/${encodeURIComponent(admin.id)}`).send({ role: 'caseworker' }).expect(400);
    expect(JSON.stringify(noProjects.body)).toContain('projects');
    expect((await t.admin.patch('/api/v1/users/local:nobody').send({ disabled: true }).expect(404)).body.code).toBe('USER.NOT_FOUND');
    await t.admin.patch(`/api/v1/users/${encodeURIComponent(admin.id)}`).send({ role: 'superuser' }).expect(400);
    await t.admin.patch(`/api/v1/users/${encodeURIComponent(admin.id)}`).send({ disabled: true, extra: 1 }).expect(400);
  });

  it('is for admins only', async () => {
    await t.caseworker.get('/api/v1/users').expect(403);
    await t.evaluator.patch('/api/v1/users/local:nobody').send({ disabled: true }).expect(403);
  });
});
