import { randomUUID } from 'node:crypto';
import { RETENTION_ERASURE_REASON, runRetention } from '@pathway/runtime';
import { testEngines } from '../libs/read-models/src/testing/read-model-engines';
import { DataProtection } from '../apps/api/src/data-protection/data-protection';
import { pathwayWith } from './support/cli';
import { entryProfile, framtidProject } from './support/fixtures';
import { EngineTestApp, startAppOn } from './support/test-app';
import { projected } from './support/wait-for';

const FRAMTID = '22-015-S01';
/** Its retention end is the project's last day (2026-03-30), so it has passed; P-2 keeps its data to 2031. */
const DUE = ['rt-1', 'rt-2', 'rt-3'];
const ERASED_BEFORE = 'rt-4';
const KEPT = 'rt-kept';
const NAMES: Record<string, string> = { 'rt-1': 'Ingrid Tallmo', 'rt-2': 'Oskar Fjällgren', 'rt-3': 'Maja Ekbom', 'rt-4': 'Pär Lindhagen', 'rt-kept': 'Sune Åkervik' };

describe.each(testEngines())('retention with %s read models', (engine) => {
  let t: EngineTestApp;
  const cli = (...args: string[]) => pathwayWith(t.settings, t.dataDir, ...args);
  const indicators = async (projectId: string) => (await t.evaluator.get(`/api/v1/projects/${projectId}/indicators?to=2026-03-30`).expect(200)).body;
  const personalData = async (participantId: string) => (await t.caseworker.get(`/api/v1/participants/${participantId}`).expect(200)).body.personalData;
  const before: Record<string, unknown> = {};

  beforeAll(async () => {
    t = await startAppOn(engine);
    await t.admin.post('/api/v1/projects').send(framtidProject).expect(201);
    await t.admin.post('/api/v1/projects').send({ ...framtidProject, id: 'P-2', name: 'Projekt två' }).expect(201);
    for (const [i, id] of [...DUE, ERASED_BEFORE].entries()) {
      const profile = { ...entryProfile, gender: i % 2 ? 'man' : 'woman' };
      await t.caseworker.post(`/api/v1/projects/${FRAMTID}/participants`).send({ participantId: id, enrolledOn: `2024-0${i + 1}-10`, profile, personal: { name: NAMES[id] } }).expect(201);
      await t.caseworker.post(`/api/v1/participants/${id}/milestones`).send({ type: 'exited', occurredOn: '2025-01-20', reason: 'completed', situation: 'employed' }).expect(201);
    }
    await t.caseworker.post('/api/v1/projects/P-2/participants').send({ participantId: KEPT, enrolledOn: '2024-03-01', profile: entryProfile, personal: { name: NAMES[KEPT] } }).expect(201);
    await t.admin.delete(`/api/v1/participants/${ERASED_BEFORE}/personal-data`).send({ reason: 'Asked to be forgotten' }).expect(200);
    await projected(t);
    before.framtid = await indicators(FRAMTID);
    before.p2 = await indicators('P-2');
  }, 60_000);

  afterAll(async () => {
    await t?.stop();
  });

  it('records a retention end for admins only, from the ESF+ rule or as given, never before the project ends', async () => {
    await t.caseworker.put(`/api/v1/projects/${FRAMTID}/retention`).send({ retentionEnd: '2026-03-30', basis: 'Project closed' }).expect(403);
    const early = await t.admin.put(`/api/v1/projects/${FRAMTID}/retention`).send({ retentionEnd: '2026-03-29', basis: 'Too early' }).expect(422);
    expect(early.body.code).toBe('PROJECT.RETENTION_BEFORE_PROJECT_END');
    const neither = await t.admin.put(`/api/v1/projects/${FRAMTID}/retention`).send({ basis: 'No date' }).expect(400);
    expect(neither.body.errors).toEqual([expect.objectContaining({ field: 'retentionEnd' })]);
    // Both: neither silently wins (issue 15).
    const both = await t.admin.put(`/api/v1/projects/${FRAMTID}/retention`).send({ retentionEnd: '2026-03-30', lastPaymentOn: '2026-06-10', basis: 'Both given' }).expect(400);
    expect(both.body.errors).toEqual([expect.objectContaining({ field: 'lastPaymentOn' })]);

    const esf = await t.admin.put('/api/v1/projects/P-2/retention').send({ lastPaymentOn: '2026-06-10', basis: 'Regulation (EU) 2021/1060, Article 82' }).expect(200);
    expect(esf.body).toMatchObject({ projectId: 'P-2', retentionEnd: '2031-12-31', lastPaymentOn: '2026-06-10' });
    await t.admin.put(`/api/v1/projects/${FRAMTID}/retention`).send({ retentionEnd: '2026-03-30', basis: 'Closed early by the managing authority, decision 2026-17' }).expect(200);

    const shown = await t.caseworker.get(`/api/v1/projects/${FRAMTID}/retention`).expect(200);
    expect(shown.body).toMatchObject({ retentionEnd: '2026-03-30', timeZone: 'Europe/Stockholm', passed: true, today: expect.stringMatching(/^\d{4}-\d\d-\d\d$/) });
    expect((await t.caseworker.get('/api/v1/projects/P-2/retention').expect(200)).body.passed).toBe(false);
  });

  it('lists the projects past their retention end for admins', async () => {
    await t.caseworker.get('/api/v1/admin/retention').expect(403);
    const { body } = await t.admin.get('/api/v1/admin/retention').expect(200);
    expect(body.projects).toEqual([expect.objectContaining({ projectId: FRAMTID, retentionEnd: '2026-03-30', participantsToErase: DUE.length })]);
  });

  it('lists in a dry run who is due, by pseudonymous id only, and changes nothing', async () => {
    const { stdout } = await cli('retention', '--dry-run');
    for (const id of DUE) expect(stdout).toContain(`  ${id}\n`);
    for (const id of [ERASED_BEFORE, KEPT]) expect(stdout).not.toContain(id);
    for (const name of Object.values(NAMES)) expect(stdout).not.toContain(name);
    expect(stdout).toContain('Dry run: 3 participants would be erased');
    expect((await personalData('rt-1')).status).toBe('recorded');
  }, 60_000);

  it('erases them through the erasure path, resumes after an interruption, and leaves every indicator as it was', async () => {
    // A run cut short after its first erasure (a crash): what it did stays done.
    const dataProtection = t.app.get(DataProtection);
    const caller = { actor: 'system:retention', actorRole: 'admin', correlationId: randomUUID() };
    const interrupted = runRetention({ deps: dataProtection.deps, keys: dataProtection.keys, readModels: dataProtection.readModels }, {
      dryRun: false,
      caller,
      onErased: () => {
        throw new Error('power cut');
      },
    });
    await expect(interrupted).rejects.toThrow('power cut');

    const { stdout } = await cli('retention');
    expect(stdout).toContain('Erased 2 participants (reason "retention period ended")');
    await projected(t);
    for (const id of DUE) expect((await personalData(id)).status).toBe('erased');
    expect((await personalData(KEPT)).status).toBe('recorded');
    const record = await t.admin.get('/api/v1/participants/rt-2/erasure').expect(200);
    expect(record.body).toMatchObject({ erasedBy: 'system:retention', reason: { status: 'open', text: RETENTION_ERASURE_REASON } });

    expect(await indicators(FRAMTID)).toEqual(before.framtid);
    expect(await indicators('P-2')).toEqual(before.p2);
    expect((before.framtid as { position: number }).position).toBeGreaterThan(0);
  }, 60_000);

  it('does nothing on a second run', async () => {
    const { stdout } = await cli('retention');
    expect(stdout).toContain('Erased 0 participants');
    const { body } = await t.admin.get('/api/v1/admin/retention').expect(200);
    expect(body.projects).toEqual([expect.objectContaining({ projectId: FRAMTID, participantsToErase: 0 })]);
    expect(await indicators(FRAMTID)).toEqual(before.framtid);
  }, 60_000);
});
