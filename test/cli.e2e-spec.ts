import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { pathway, ROOT } from './support/cli';
import { entryProfile, framtidProject } from './support/fixtures';
import { removeDir, startApp, TEST_PROJECTS, TestApp } from './support/test-app';

describe('pathway events', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp();
    await t.admin.post('/api/v1/projects').send(framtidProject).expect(201);
    const anna = await t.as('caseworker', TEST_PROJECTS, 'caseworker-anna');
    await anna.post('/api/v1/projects/22-015-S01/participants').send({ participantId: 'p-cli', enrolledOn: '2024-01-15', profile: entryProfile }).expect(201);
    await anna.post('/api/v1/participants/p-cli/milestones').send({ type: 'job-search-started', occurredOn: '2024-02-01' }).expect(201);
  });
  afterAll(async () => {
    await t.close();
    removeDir(t.dataDir);
  });

  it('prints a participant history, one event a line', async () => {
    const { stdout } = await pathway(t.dataDir, 'events', '--participant', 'p-cli');
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^v1 {2}\d{4}-\d\d-\d\dT.*Z {2}caseworker-anna {2}ParticipantEnrolled {2}[0-9a-f-]{36} {2}\{"projectId":"22-015-S01"/);
    expect(lines[1]).toMatch(/^v2 .* JobSearchStarted .*\{"occurredOn":"2024-02-01"\}$/);
  });

  it('prints JSON on request', async () => {
    const { stdout } = await pathway(t.dataDir, 'events', '--participant', 'p-cli', '--json');
    const events = JSON.parse(stdout) as Array<{ type: string; metadata: object }>;
    expect(events.map((e) => e.type)).toEqual(['ParticipantEnrolled', 'JobSearchStarted']);
    for (const { metadata } of events) expect(metadata).toMatchObject({ actor: 'caseworker-anna', actorRole: 'caseworker' });
  });

  it('says so, and fails, for an unknown participant', async () => {
    await expect(pathway(t.dataDir, 'events', '--participant', 'nobody')).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('No participant nobody'),
    });
  });

  it('names a bad configuration variable', async () => {
    await expect(
      promisify(execFile)('node', ['-r', '@swc-node/register', 'apps/cli/src/main.ts', 'events', '--participant', 'p-cli'], {
        cwd: ROOT,
        env: { ...process.env, EVENT_STORE: 'oracle' },
      }),
    ).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('EVENT_STORE must be one of') });
  });
});
