import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { entryProfile, framtidProject } from './support/fixtures';
import { projected } from './support/wait-for';
import { Agent, removeDir, startApp, TestApp } from './support/test-app';

/** The evaluator's copy as known on a date, built as a job in the API and downloaded as SQLite (issue 11, evaluator item 4). */
describe('evaluator copies: POST /projections/evaluator-copies, follow the job, download the file', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp();
    await t.admin.post('/api/v1/projects').send(framtidProject).expect(201);
    await t.caseworker
      .post(`/api/v1/projects/${framtidProject.id}/participants`)
      .send({ participantId: 'p-copy-1', enrolledOn: '2024-01-15', profile: entryProfile, personal: { name: 'Copy Person' } })
      .expect(201);
    await projected(t);
  });
  afterAll(async () => {
    await t.close();
    removeDir(t.dataDir);
  });

  const finished = async (agent: Agent, jobId: string) => {
    for (const deadline = Date.now() + 30_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 50))) {
      const { body } = await agent.get(`/api/v1/projections/evaluator-copies/${jobId}`).expect(200);
      if (body.status !== 'running') return body;
    }
    throw new Error('the copy did not finish');
  };
  const download = async (agent: Agent, path: string) => {
    const response = await agent.get(path).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    return response;
  };

  it('builds a copy as known on an instant for an evaluator naming every project, then serves it as SQLite without personal data', async () => {
    const evaluator = t.evaluator; // names every project registered (and more)
    const started = await evaluator.post('/api/v1/projections/evaluator-copies').send({ asKnownOn: new Date().toISOString() }).expect(202);
    expect(started.body).toMatchObject({ status: 'running', processed: 0, download: null });
    const job = await finished(evaluator, started.body.jobId);
    expect(job).toMatchObject({ status: 'succeeded', error: null, download: `/api/v1/projections/evaluator-copies/${started.body.jobId}/file` });
    expect(job.processed).toBe(job.total);
    expect(job.total).toBeGreaterThanOrEqual(2);

    const file = await download(evaluator, job.download);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toContain('application/vnd.sqlite3');
    expect(file.headers['content-disposition']).toMatch(/^attachment; filename="pathway-as-known-on-\d{4}-\d{2}-\d{2}\.sqlite"$/);
    const bytes = file.body as Buffer;
    expect(bytes.includes(Buffer.from('Copy Person'))).toBe(false);
    const path = join(t.dataDir, 'downloaded.sqlite');
    writeFileSync(path, bytes);
    const db = new Database(path, { readonly: true });
    try {
      expect(db.prepare('select project_id from projects').all()).toEqual([{ project_id: framtidProject.id }]);
      expect(db.prepare('select participant_id from participants').all()).toEqual([{ participant_id: 'p-copy-1' }]);
    } finally {
      db.close();
    }
    expect(readFileSync(path).subarray(0, 15).toString()).toBe('SQLite format 3');
  });

  it('builds a copy as known on a date before anything was recorded: empty', async () => {
    const started = await t.admin.post('/api/v1/projections/evaluator-copies').send({ asKnownOn: '2020-01-01' }).expect(202);
    const job = await finished(t.admin, started.body.jobId);
    expect(job.status).toBe('succeeded');
    const path = join(t.dataDir, 'empty.sqlite');
    writeFileSync(path, (await download(t.admin, job.download)).body as Buffer);
    const db = new Database(path, { readonly: true });
    try {
      expect(db.prepare('select count(*) as n from projects').get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });

  it('refuses an evaluator whose token does not name every project, a caseworker, a cut-off to come, and a job that does not exist', async () => {
    const partial = await t.as('evaluator', ['P-2'], 'evaluator-of-another');
    // The status says who may start one, so the web app offers it only to them.
    expect((await partial.get('/api/v1/projections').expect(200)).body.mayRebuild).toBe(false);
    expect((await t.evaluator.get('/api/v1/projections').expect(200)).body.mayRebuild).toBe(true);
    expect((await t.admin.get('/api/v1/projections').expect(200)).body.mayRebuild).toBe(true);
    expect((await partial.post('/api/v1/projections/evaluator-copies').send({ asKnownOn: '2024-01-01' }).expect(403)).body.code).toBe('AUTH.FORBIDDEN');
    expect((await t.caseworker.post('/api/v1/projections/evaluator-copies').send({ asKnownOn: '2024-01-01' }).expect(403)).body.code).toBe('AUTH.FORBIDDEN');
    const future = await t.admin.post('/api/v1/projections/evaluator-copies').send({ asKnownOn: '2999-01-01' }).expect(400);
    expect(future.body.code).toBe('REPORT.AS_KNOWN_ON_IN_FUTURE');
    const malformed = await t.admin.post('/api/v1/projections/evaluator-copies').send({ asKnownOn: 'yesterday' }).expect(400);
    expect(malformed.body.errors[0].field).toBe('asKnownOn');
    const missing = await t.admin.get('/api/v1/projections/evaluator-copies/00000000-0000-4000-8000-000000000000').expect(404);
    expect(missing.body.code).toBe('EVALUATOR_COPY.NOT_FOUND');
    await t.admin.get('/api/v1/projections/evaluator-copies/00000000-0000-4000-8000-000000000000/file').expect(404);
  });
});
