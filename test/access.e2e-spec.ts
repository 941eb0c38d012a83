import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Role, ROLES } from '@pathway/auth';
import { openLocalTokens } from '@pathway/config';
import { ReadModelDb } from '@pathway/read-models';
import { READ_MODELS, RebuildJobs } from '@pathway/runtime';
import { ACCESS_POLICY, Action } from '../apps/api/src/auth/access-policy';
import { entryProfile, framtidProject } from './support/fixtures';
import { projected } from './support/wait-for';
import { Agent, removeDir, startApp, TestApp } from './support/test-app';

const OWN = framtidProject.id;
const OTHER = 'P-OTHER';
type Scope = 'own' | 'other';

interface Call {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  path: string;
  body?: object;
  headers?: Record<string, string>;
}

/** Every route, with what a successful call answers and how to make one for a project. */
interface Route {
  action: Action;
  method: Call['method'];
  /** The OpenAPI path, to prove every route is in this table. */
  route: string;
  ok: number;
  /** Whether the route belongs to a project (else own and other are the same call). */
  scoped: boolean;
  call(project: string): Promise<Call>;
}

describe('access: every role, every route, own and other project', () => {
  let t: TestApp;
  /** A caseworker of each project, to set up participants there. */
  const caseworkerOf: Record<string, Agent> = {};
  let rebuildJob: string;

  const enrolled = async (project: string) => {
    const participantId = `p-${randomUUID()}`;
    await caseworkerOf[project]!.post(`/api/v1/projects/${project}/participants`)
      .send({ participantId, enrolledOn: '2024-01-15', profile: entryProfile, personal: { name: 'Matrix Person' } })
      .expect(201);
    return participantId;
  };
  let copyJob: string;
  /** The evaluator copy of the matrix, built (its file is served only then). */
  const copyBuilt = async () => {
    for (const deadline = Date.now() + 30_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 50))) {
      if ((await t.admin.get(`/api/v1/projections/evaluator-copies/${copyJob}`)).body.status !== 'running') return;
    }
  };
  /** One rebuild at a time (409 otherwise): a call that starts one waits for the first to end. */
  const rebuildsSettled = async () => {
    for (const deadline = Date.now() + 30_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 50))) {
      const { body } = await t.admin.get(`/api/v1/projections/rebuild/${rebuildJob}`);
      if (body.status === 'succeeded') return;
    }
    throw new Error('the first rebuild did not finish');
  };
  const milestone = () => ({ type: 'intervention-started', occurredOn: '2024-02-01', interventionId: `iv-${randomUUID()}`, kind: 'ips' });

  const ROUTES: Route[] = [
    { action: 'projects.register', method: 'post', route: '/api/v1/projects', ok: 201, scoped: false, call: async () => ({ method: 'post', path: '/api/v1/projects', body: { ...framtidProject, id: `P-${randomUUID().slice(0, 8)}` } }) },
    { action: 'projects.read', method: 'get', route: '/api/v1/projects/{projectId}', ok: 200, scoped: true, call: async (p) => ({ method: 'get', path: `/api/v1/projects/${p}` }) },
    { action: 'worklist.read', method: 'get', route: '/api/v1/projects/{projectId}/worklist', ok: 200, scoped: true, call: async (p) => ({ method: 'get', path: `/api/v1/projects/${p}/worklist` }) },
    { action: 'projects.read', method: 'get', route: '/api/v1/projects/{projectId}/participants', ok: 200, scoped: true, call: async (p) => ({ method: 'get', path: `/api/v1/projects/${p}/participants` }) },
    {
      action: 'participants.enrol',
      method: 'post',
      route: '/api/v1/projects/{projectId}/participants',
      ok: 201,
      scoped: true,
      call: async (p) => ({ method: 'post', path: `/api/v1/projects/${p}/participants`, body: { participantId: `p-${randomUUID()}`, enrolledOn: '2024-01-15', profile: entryProfile } }),
    },
    { action: 'participants.record', method: 'post', route: '/api/v1/participants/{participantId}/milestones', ok: 201, scoped: true, call: async (p) => ({ method: 'post', path: `/api/v1/participants/${await enrolled(p)}/milestones`, body: milestone() }) },
    {
      action: 'participants.record',
      method: 'post',
      route: '/api/v1/participants/{participantId}/retractions',
      ok: 201,
      scoped: true,
      call: async (p) => {
        const participantId = await enrolled(p);
        const { body } = await caseworkerOf[p]!.post(`/api/v1/participants/${participantId}/milestones`).send(milestone()).expect(201);
        return { method: 'post', path: `/api/v1/participants/${participantId}/retractions`, body: { eventId: body.eventId, reason: 'recorded twice' } };
      },
    },
    {
      action: 'participants.record',
      method: 'post',
      route: '/api/v1/participants/{participantId}/corrections',
      ok: 201,
      scoped: true,
      call: async (p) => ({ method: 'post', path: `/api/v1/participants/${await enrolled(p)}/corrections`, body: { corrected: { gender: 'man' }, reason: 'typed wrong' } }),
    },
    {
      action: 'participants.record',
      method: 'post',
      route: '/api/v1/participants/{participantId}/withdrawal',
      ok: 201,
      scoped: true,
      call: async (p) => ({ method: 'post', path: `/api/v1/participants/${await enrolled(p)}/withdrawal`, body: { ground: 'never-took-part', reason: 'never came' } }),
    },
    {
      action: 'participants.record',
      method: 'post',
      route: '/api/v1/projects/{projectId}/group-sessions',
      ok: 200,
      scoped: true,
      call: async (p) => ({
        method: 'post',
        path: `/api/v1/projects/${p}/group-sessions`,
        headers: { 'Idempotency-Key': randomUUID() },
        body: { occurredOn: '2024-03-01', kind: 'workshop', participantIds: [await enrolled(p)] },
      }),
    },
    { action: 'participants.record', method: 'patch', route: '/api/v1/participants/{participantId}/contact-details', ok: 200, scoped: true, call: async (p) => ({ method: 'patch', path: `/api/v1/participants/${await enrolled(p)}/contact-details`, body: { phone: '+46 70 000 00 00' } }) },
    { action: 'participants.erase', method: 'delete', route: '/api/v1/participants/{participantId}/personal-data', ok: 200, scoped: true, call: async (p) => ({ method: 'delete', path: `/api/v1/participants/${await enrolled(p)}/personal-data`, body: { reason: 'art. 17 request' } }) },
    {
      action: 'participants.erase',
      method: 'get',
      route: '/api/v1/participants/{participantId}/erasure',
      ok: 200,
      scoped: true,
      call: async (p) => {
        const participantId = await enrolled(p);
        await t.admin.delete(`/api/v1/participants/${participantId}/personal-data`).send({ reason: 'art. 17 request' }).expect(200);
        return { method: 'get', path: `/api/v1/participants/${participantId}/erasure` };
      },
    },
    {
      action: 'participants.read',
      method: 'get',
      route: '/api/v1/participants/{participantId}',
      ok: 200,
      scoped: true,
      call: async (p) => {
        const participantId = await enrolled(p);
        await projected(t); // the pathway view is a read model
        return { method: 'get', path: `/api/v1/participants/${participantId}` };
      },
    },
    { action: 'participants.subject-access', method: 'get', route: '/api/v1/participants/{participantId}/subject-access', ok: 200, scoped: true, call: async (p) => ({ method: 'get', path: `/api/v1/participants/${await enrolled(p)}/subject-access` }) },
    { action: 'projects.read', method: 'get', route: '/api/v1/projects/{projectId}/details', ok: 200, scoped: true, call: async (p) => ({ method: 'get', path: `/api/v1/projects/${p}/details` }) },
    {
      action: 'projects.change',
      method: 'put',
      route: '/api/v1/projects/{projectId}/details',
      ok: 200,
      scoped: true,
      call: async (p) => ({
        method: 'put',
        path: `/api/v1/projects/${p}/details`,
        body: { name: framtidProject.name, startDate: framtidProject.startDate, endDate: framtidProject.endDate, plannedParticipants: 81 + Math.floor(Math.random() * 1000), timeZone: 'Europe/Stockholm', reason: 'Amended funding decision' },
      }),
    },
    { action: 'projects.retention', method: 'put', route: '/api/v1/projects/{projectId}/retention', ok: 200, scoped: true, call: async (p) => ({ method: 'put', path: `/api/v1/projects/${p}/retention`, body: { retentionEnd: '2030-12-31', basis: 'Regulation (EU) 2021/1060, Article 82' } }) },
    {
      action: 'projects.read',
      method: 'get',
      route: '/api/v1/projects/{projectId}/retention',
      ok: 200,
      scoped: true,
      call: async (p) => {
        await t.admin.put(`/api/v1/projects/${p}/retention`).send({ lastPaymentOn: '2026-06-10', basis: 'Regulation (EU) 2021/1060, Article 82' }).expect(200);
        return { method: 'get', path: `/api/v1/projects/${p}/retention` };
      },
    },
    { action: 'retention.read', method: 'get', route: '/api/v1/admin/retention', ok: 200, scoped: false, call: async () => ({ method: 'get', path: '/api/v1/admin/retention' }) },
    { action: 'participants.read', method: 'get', route: '/api/v1/participants/{participantId}/history', ok: 200, scoped: true, call: async (p) => ({ method: 'get', path: `/api/v1/participants/${await enrolled(p)}/history` }) },
    {
      action: 'participants.read',
      method: 'get',
      route: '/api/v1/participants/{participantId}/indicators',
      ok: 200,
      scoped: true,
      call: async (p) => {
        const participantId = await enrolled(p);
        await projected(t); // counted from the outcome read model
        return { method: 'get', path: `/api/v1/participants/${participantId}/indicators` };
      },
    },
    { action: 'indicators.catalogue', method: 'get', route: '/api/v1/indicators', ok: 200, scoped: false, call: async () => ({ method: 'get', path: '/api/v1/indicators' }) },
    { action: 'indicators.report', method: 'get', route: '/api/v1/projects/{projectId}/indicators', ok: 200, scoped: true, call: async (p) => ({ method: 'get', path: `/api/v1/projects/${p}/indicators?to=2025-12-31` }) },
    { action: 'indicators.export', method: 'get', route: '/api/v1/projects/{projectId}/indicators/export', ok: 200, scoped: true, call: async (p) => ({ method: 'get', path: `/api/v1/projects/${p}/indicators/export?format=json&from=2025-10-01&to=2025-12-31&asKnownOn=2026-01-31` }) },
    { action: 'indicators.drill-down', method: 'get', route: '/api/v1/projects/{projectId}/indicators/{code}/participants', ok: 200, scoped: true, call: async (p) => ({ method: 'get', path: `/api/v1/projects/${p}/indicators/EECO01/participants?to=2025-12-31` }) },
    { action: 'indicators.compare', method: 'get', route: '/api/v1/projects/{projectId}/indicators/comparison', ok: 200, scoped: true, call: async (p) => ({ method: 'get', path: `/api/v1/projects/${p}/indicators/comparison?to=2025-12-31&asKnownOnA=2025-01-01` }) },
    {
      action: 'indicators.compare',
      method: 'get',
      route: '/api/v1/projects/{projectId}/reports/{reportId}/comparison',
      ok: 200,
      scoped: true,
      call: async (p) => {
        const { body } = await t.admin.post(`/api/v1/projects/${p}/reports`).send({ to: '2025-12-31' }).expect(201);
        return { method: 'get', path: `/api/v1/projects/${p}/reports/${body.eventId}/comparison` };
      },
    },
    { action: 'reports.read', method: 'get', route: '/api/v1/projects/{projectId}/reports', ok: 200, scoped: true, call: async (p) => ({ method: 'get', path: `/api/v1/projects/${p}/reports` }) },
    { action: 'reports.submit', method: 'post', route: '/api/v1/projects/{projectId}/reports', ok: 201, scoped: true, call: async (p) => ({ method: 'post', path: `/api/v1/projects/${p}/reports`, body: { to: '2025-12-31' } }) },
    { action: 'projections.read', method: 'get', route: '/api/v1/projections', ok: 200, scoped: false, call: async () => ({ method: 'get', path: '/api/v1/projections' }) },
    { action: 'projections.rebuild', method: 'post', route: '/api/v1/projections/rebuild', ok: 202, scoped: false, call: async () => (await rebuildsSettled(), { method: 'post', path: '/api/v1/projections/rebuild' }) },
    { action: 'projections.read', method: 'get', route: '/api/v1/projections/rebuild/{jobId}', ok: 200, scoped: false, call: async () => ({ method: 'get', path: `/api/v1/projections/rebuild/${rebuildJob}` }) },
    { action: 'projections.copy', method: 'post', route: '/api/v1/projections/evaluator-copies', ok: 202, scoped: false, call: async () => ({ method: 'post', path: '/api/v1/projections/evaluator-copies', body: { asKnownOn: '2025-01-01' } }) },
    { action: 'projections.copy', method: 'get', route: '/api/v1/projections/evaluator-copies/{jobId}', ok: 200, scoped: false, call: async () => ({ method: 'get', path: `/api/v1/projections/evaluator-copies/${copyJob}` }) },
    { action: 'projections.copy', method: 'get', route: '/api/v1/projections/evaluator-copies/{jobId}/file', ok: 200, scoped: false, call: async () => (await copyBuilt(), { method: 'get', path: `/api/v1/projections/evaluator-copies/${copyJob}/file` }) },
    { action: 'projects.read', method: 'get', route: '/api/v1/projects', ok: 200, scoped: false, call: async () => ({ method: 'get', path: '/api/v1/projects' }) },
    { action: 'participantFiles.read', method: 'get', route: '/api/v1/projects/{projectId}/participant-files', ok: 200, scoped: true, call: async (p) => ({ method: 'get', path: `/api/v1/projects/${p}/participant-files` }) },
    { action: 'participantFiles.read', method: 'get', route: '/api/v1/projects/{projectId}/participant-files/{month}', ok: 200, scoped: true, call: async (p) => ({ method: 'get', path: `/api/v1/projects/${p}/participant-files/2025-01?format=csv` }) },
    {
      action: 'participantFiles.record',
      method: 'post',
      route: '/api/v1/projects/{projectId}/participant-files/{month}/sent',
      ok: 201,
      scoped: true,
      call: async (p) => ({ method: 'post', path: `/api/v1/projects/${p}/participant-files/2025-01/sent`, body: { asKnownOn: '2025-02-05T09:00:00Z' } }),
    },
    {
      action: 'participants.import',
      method: 'post',
      route: '/api/v1/projects/{projectId}/imports',
      ok: 202,
      scoped: true,
      call: async (p) => ({ method: 'post', path: `/api/v1/projects/${p}/imports?dryRun=true`, body: Buffer.from('Deltagar-id;Inskrivningsdatum;Labour market status\r\nimp-1;2024-01-15;employed\r\n'), headers: { 'Content-Type': 'text/csv' } }),
    },
    // A job of no import: the route answers the roles it lets in 404 IMPORT.JOB_NOT_FOUND.
    {
      action: 'participants.import',
      method: 'get',
      route: '/api/v1/projects/{projectId}/imports/{jobId}',
      ok: 404,
      scoped: true,
      call: async (p) => ({ method: 'get', path: `/api/v1/projects/${p}/imports/00000000-0000-4000-8000-000000000000` }),
    },
    {
      action: 'participants.import',
      method: 'get',
      route: '/api/v1/projects/{projectId}/imports/{jobId}/problems',
      ok: 404,
      scoped: true,
      call: async (p) => ({ method: 'get', path: `/api/v1/projects/${p}/imports/00000000-0000-4000-8000-000000000000/problems?lang=sv` }),
    },
    { action: 'participants.import', method: 'get', route: '/api/v1/imports/template', ok: 200, scoped: false, call: async () => ({ method: 'get', path: '/api/v1/imports/template' }) },
    { action: 'audit.read', method: 'get', route: '/api/v1/audit', ok: 200, scoped: false, call: async () => ({ method: 'get', path: '/api/v1/audit' }) },
    // A bearer token is no session: who-am-I answers 404 SESSION.NONE to every role it lets in.
    { action: 'session.read', method: 'get', route: '/api/v1/session', ok: 404, scoped: false, call: async () => ({ method: 'get', path: '/api/v1/session' }) },
    {
      action: 'users.add',
      method: 'post',
      route: '/api/v1/users',
      ok: 201,
      scoped: false,
      call: async () => ({ method: 'post', path: '/api/v1/users', body: { email: `u-${randomUUID()}@example.org`, displayName: 'Matrix User', role: 'evaluator', projects: [OWN], password: 'a long enough passphrase' } }),
    },
    { action: 'users.read', method: 'get', route: '/api/v1/users', ok: 200, scoped: false, call: async () => ({ method: 'get', path: '/api/v1/users' }) },
    {
      action: 'users.change',
      method: 'patch',
      route: '/api/v1/users/{userId}',
      ok: 200,
      scoped: false,
      call: async () => {
        const { body } = await t.admin.post('/api/v1/users').send({ email: `u-${randomUUID()}@example.org`, displayName: 'Matrix User', role: 'evaluator', projects: [OWN], password: 'a long enough passphrase' }).expect(201);
        return { method: 'patch', path: `/api/v1/users/${encodeURIComponent(body.id)}`, body: { role: 'funder' } };
      },
    },
  ];
  /** Open to anyone: the probes and metrics, and signing in and out of the web app (test/session.e2e-spec.ts). */
  const PUBLIC = ['get /health', 'get /health/live', 'get /health/ready', 'get /metrics', 'post /api/v1/session', 'delete /api/v1/session', 'get /api/v1/session/config'];

  beforeAll(async () => {
    t = await startApp();
    for (const id of [OWN, OTHER]) await t.admin.post('/api/v1/projects').send({ ...framtidProject, id }).expect(201);
    caseworkerOf[OWN] = t.caseworker;
    caseworkerOf[OTHER] = await t.as('caseworker', [OTHER], 'caseworker-of-other');
    rebuildJob = (await t.admin.post('/api/v1/projections/rebuild').expect(202)).body.jobId;
    copyJob = (await t.admin.post('/api/v1/projections/evaluator-copies').send({ asKnownOn: '2025-01-01' }).expect(202)).body.jobId;
  });
  afterAll(async () => {
    await t.close();
    removeDir(t.dataDir);
  });

  const send = (agent: Agent, { method, path, body, headers }: Call) => {
    const request = agent[method](path);
    if (headers) request.set(headers);
    return body ? request.send(body) : request;
  };
  /** A caller in OWN only (admin's token names none: admin reaches every project). */
  const callerFor = (role: Role) => (role === 'admin' ? t.admin : t.as(role, [OWN], `matrix-${role}`));

  it('covers every route the API serves', async () => {
    const { body } = await t.anonymous().get('/docs-json').expect(200);
    const served = Object.entries(body.paths as Record<string, object>).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m} ${path}`));
    const covered = ROUTES.map((r) => `${r.method} ${r.route}`);
    expect(served.filter((route) => !PUBLIC.includes(route)).sort()).toEqual([...new Set(covered)].sort());
  });

  const cases = ROUTES.flatMap((route) => ROLES.flatMap((role) => (route.scoped ? (['own', 'other'] as Scope[]) : (['own'] as Scope[])).map((scope) => ({ route, role, scope }))));

  it.each(cases.map((c) => [c.route.method.toUpperCase(), c.route.route, c.role, c.scope, c] as const))('%s %s as %s, %s project', async (_m, _r, role, scope, { route }) => {
    const agent = await callerFor(role);
    const call = await route.call(scope === 'own' ? OWN : OTHER);
    const response = await send(agent, call);
    // A rebuild and an evaluator copy touch every project: the matrix's evaluator names only OWN (see the test below and test/evaluator-copies.e2e-spec.ts).
    const allowed = (ACCESS_POLICY[route.action] as readonly Role[]).includes(role) && !((route.action === 'projections.rebuild' || route.action === 'projections.copy') && role === 'evaluator');

    if (!allowed) {
      expect(response.status).toBe(403);
      expect(response.body).toMatchObject({ code: 'AUTH.FORBIDDEN', title: 'Your role may not do this' });
    } else if (scope === 'other' && role !== 'admin') {
      // Exactly the answer for something that does not exist: nothing tells it apart.
      expect(response.status).toBe(404);
      const missing = await send(agent, { ...call, path: call.path.replace(/participants\/p-[^/?]+/, 'participants/p-missing').replace(/projects\/P-OTHER/, 'projects/P-MISSING') });
      expect(missing.status).toBe(404);
      expect({ ...response.body, instance: undefined }).toEqual({ ...missing.body, instance: undefined });
    } else {
      expect(response.status).toBe(route.ok);
    }
    // Personal data is opened for the project's own caseworkers in the pathway view, and for admins in a subject-access document only.
    const opens =
      (role === 'caseworker' && scope === 'own' && route.route === '/api/v1/participants/{participantId}') ||
      (role === 'admin' && route.route === '/api/v1/participants/{participantId}/subject-access');
    expect(JSON.stringify(response.body).includes('Matrix Person')).toBe(opens);
  }, 60_000); // the rebuild route waits for the one before to end (a worker thread, on a busy machine)

  it('lets an evaluator start a rebuild only with a token naming every project, and one at a time', async () => {
    await rebuildsSettled();
    const partial = await t.as('evaluator', [OWN], 'evaluator-of-one');
    expect((await partial.post('/api/v1/projections/rebuild').expect(403)).body.code).toBe('AUTH.FORBIDDEN');
    await projected(t);
    const registered = await t.app.get<ReadModelDb>(READ_MODELS).db.selectFrom('projects').select('project_id').execute();
    const everywhere = await t.as('evaluator', registered.map((p) => p.project_id), 'evaluator-of-all');
    // The matrix's own rebuild may still run: wait until none is requested or running.
    const jobs = new RebuildJobs(t.app.get<ReadModelDb>(READ_MODELS).db);
    for (const deadline = Date.now() + 50_000; (await jobs.active()) !== null; await new Promise((resolve) => setTimeout(resolve, 100))) {
      if (Date.now() > deadline) throw new Error('the rebuild before did not end');
    }
    const first = await everywhere.post('/api/v1/projections/rebuild').expect(202);
    const second = await t.admin.post('/api/v1/projections/rebuild').expect(409);
    expect(second.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(second.body).toMatchObject({ status: 409, code: 'REBUILD.ALREADY_RUNNING', job: { jobId: first.body.jobId } });
  }, 60_000);

  it('lists and counts only the caller project: another project is not there at all', async () => {
    await projected(t);
    const evaluator = await t.as('evaluator', [OWN]);
    const { body } = await evaluator.get(`/api/v1/projects/${OWN}/participants?limit=500`).expect(200);
    const ids: string[] = body.items.map((p: { participantId: string }) => p.participantId);
    const { body: other } = await t.admin.get(`/api/v1/projects/${OTHER}/participants?limit=500`).expect(200);
    expect(other.items.length).toBeGreaterThan(0);
    expect(other.items.some((p: { participantId: string }) => ids.includes(p.participantId))).toBe(false);
    expect(body.total).toBe(ids.length);
  });

  describe('without a valid token: 401, and nothing else is said', () => {
    const path = `/api/v1/projects/${OWN}`;

    it('asks for a token when there is none', async () => {
      const response = await t.anonymous().get(path).expect(401);
      expect(response.headers['www-authenticate']).toBe('Bearer');
      expect(response.body).toMatchObject({ status: 401, code: 'AUTH.UNAUTHENTICATED' });
    });

    it.each([
      ['another scheme', 'Basic dXNlcjpwYXNz'],
      ['a malformed token', 'Bearer not-a-jwt'],
      ['an empty bearer', 'Bearer '],
    ])('refuses %s', async (_name, header) => {
      const response = await t.anonymous().get(path).set('Authorization', header).expect(401);
      expect(response.body.code).toBe('AUTH.UNAUTHENTICATED');
    });

    it('refuses an expired token, and one from another installation', async () => {
      const tokens = await openLocalTokens(t.dataDir);
      const expired = await tokens.mint({ subject: 'u-1', role: 'admin', projects: [], expiresIn: '-5m' });
      const response = await t.anonymous().get(path).set('Authorization', `Bearer ${expired}`).expect(401);
      expect(response.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
      const elsewhere = mkdtemp();
      try {
        const foreign = await (await openLocalTokens(elsewhere)).mint({ subject: 'u-1', role: 'admin', projects: [] });
        await t.anonymous().get(path).set('Authorization', `Bearer ${foreign}`).expect(401);
      } finally {
        removeDir(elsewhere);
      }
    });

    it('keeps health and the API description open', async () => {
      await t.anonymous().get('/health').expect(200);
      await t.anonymous().get('/health/live').expect(200);
      await t.anonymous().get('/health/ready').expect(200);
      await t.anonymous().get('/metrics').expect(200);
      await t.anonymous().get('/docs-json').expect(200);
    });
  });
});

function mkdtemp(): string {
  return mkdtempSync(join(tmpdir(), 'pathway-foreign-'));
}
