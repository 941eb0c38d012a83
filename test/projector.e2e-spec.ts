import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { entryProfile, framtidProject } from './support/fixtures';
import { removeDir, startApp, TestApp } from './support/test-app';
import { projected } from './support/wait-for';

/** The production split: the API only writes and reads; apps/projector, its own process, projects. */
describe('apps/projector as its own process', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'pathway-split-'));
  let api: TestApp;
  let projector: ChildProcess | null = null;

  const startProjector = () =>
    spawn('node', ['-r', '@swc-node/register', 'apps/projector/src/main.ts'], {
      cwd: join(__dirname, '..'),
      env: { ...process.env, DATA_DIR: dataDir, PROJECTION_POLL_MS: '20' },
      stdio: 'ignore',
    });

  beforeAll(async () => {
    // The projector owns the read-model schema: it starts first, the API waits for it.
    projector = startProjector();
    api = await startApp(dataDir, { RUN_PROJECTOR: 'false' });
  });
  afterAll(async () => {
    projector?.kill('SIGKILL');
    await api.close();
    removeDir(dataDir);
  });

  it('projects what the API records, and carries on after being killed', async () => {
    await api.admin.post('/api/v1/projects').send(framtidProject).expect(201);
    await api.caseworker.post('/api/v1/projects/22-015-S01/participants').send({ participantId: 'p-1', enrolledOn: '2024-01-15', profile: entryProfile }).expect(201);
    await projected(api, 15_000);
    expect((await api.evaluator.get('/api/v1/projects/22-015-S01').expect(200)).body.participants.enrolled).toBe(1);

    projector!.kill('SIGKILL');
    await api.caseworker.post('/api/v1/projects/22-015-S01/participants').send({ participantId: 'p-2', enrolledOn: '2024-02-01', profile: entryProfile }).expect(201);
    projector = startProjector();
    await projected(api, 15_000);
    expect((await api.evaluator.get('/api/v1/projects/22-015-S01').expect(200)).body.participants.enrolled).toBe(2);
  });
});
