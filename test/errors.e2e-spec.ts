import { entryProfile, framtidProject } from './support/fixtures';
import { removeDir, startApp, TestApp } from './support/test-app';

/** Bad input gets a clear answer and loses nothing: every refusal leaves the log as it was. */
describe('errors over HTTP', () => {
  let t: TestApp;
  let headBefore: number;

  beforeAll(async () => {
    t = await startApp();
    await t.admin.post('/api/v1/projects').send(framtidProject).expect(201);
    await t.caseworker.post('/api/v1/projects/22-015-S01/participants').send({ participantId: 'p-1', enrolledOn: '2024-01-15', profile: entryProfile }).expect(201);
    await t.caseworker
      .post('/api/v1/participants/p-1/milestones')
      .send({ type: 'exited', occurredOn: '2024-09-30', reason: 'completed', situation: 'job-searching' })
      .expect(201);
  });
  afterAll(async () => {
    await t.close();
    removeDir(t.dataDir);
  });

  const head = async () => (await t.anonymous().get('/health')).body.eventStore.headPosition as number;
  beforeEach(async () => {
    headBefore = await head();
  });
  afterEach(async () => {
    expect(await head()).toBe(headBefore);
  });

  const milestone = (body: object) => t.caseworker.post('/api/v1/participants/p-1/milestones').send(body);
  const enrol = (body: object) => t.caseworker.post('/api/v1/projects/22-015-S01/participants').send(body);

  describe('validation: 400 with the field and the reason', () => {
    const expectInvalid = async (answer: Promise<{ status: number; headers: Record<string, string>; body: any }>, field: string, reason: RegExp) => {
      const { status, headers, body } = await answer;
      expect(status).toBe(400);
      expect(headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(body).toMatchObject({ type: 'urn:pathway:problem:REQUEST.INVALID', status: 400, code: 'REQUEST.INVALID' });
      expect(body.errors).toContainEqual({ field, reason: expect.stringMatching(reason) });
    };

    it.each([
      ['id', { id: 'has spaces' }, /letters, digits/],
      ['name', { name: '' }, /longer than or equal to 1/],
      ['startDate', { startDate: '2023-02-30' }, /YYYY-MM-DD/],
      ['endDate', { endDate: '31/03/2026' }, /YYYY-MM-DD/],
      ['plannedParticipants', { plannedParticipants: 'eighty' }, /integer/],
      ['plannedParticipants', { plannedParticipants: 0 }, /not be less than 1/],
      ['owner', { owner: undefined }, /string/],
      ['unexpected', { unexpected: true }, /should not exist/],
    ])('project %s', async (field, change, reason) => {
      await expectInvalid(t.admin.post('/api/v1/projects').send({ ...framtidProject, id: 'P-2', ...change }), field, reason);
    });

    it.each([
      ['enrolledOn', { enrolledOn: 'yesterday' }, /YYYY-MM-DD/],
      ['participantId', { participantId: '../etc' }, /letters, digits/],
      ['profile', { profile: undefined }, /should not be null or undefined/],
      ['profile.labourMarketStatus', { profile: { ...entryProfile, labourMarketStatus: undefined } }, /one of/],
      ['profile.labourMarketStatus', { profile: { ...entryProfile, labourMarketStatus: null } }, /one of/],
      ['profile.gender', { profile: { ...entryProfile, gender: 'female' } }, /woman, man, non-binary/],
      ['profile.educationLevel', { profile: { ...entryProfile, educationLevel: 'isced-9' } }, /one of/],
      ['profile.birthDate', { profile: { ...entryProfile, birthDate: '2003-13-01' } }, /YYYY-MM-DD/],
      ['profile.homeless', { profile: { ...entryProfile, homeless: 'no' } }, /boolean/],
      ['profile.name', { profile: { ...entryProfile, name: 'Anna Andersson' } }, /should not exist/],
    ])('enrolment %s', async (field, change, reason) => {
      await expectInvalid(enrol({ participantId: 'p-new', enrolledOn: '2024-02-01', profile: entryProfile, ...change }), field, reason);
    });

    it.each([
      ['type', { type: 'promoted', occurredOn: '2024-10-01' }, /one of: intervention-started/],
      ['type', { occurredOn: '2024-10-01' }, /one of/],
      ['occurredOn', { type: 'job-search-started' }, /YYYY-MM-DD/],
      ['kind', { type: 'intervention-started', occurredOn: '2024-10-01', kind: 'yoga' }, /one of/],
      ['interventionId', { type: 'intervention-ended', occurredOn: '2024-10-01', outcome: 'completed' }, /letters, digits/],
      ['outcome', { type: 'intervention-ended', occurredOn: '2024-10-01', interventionId: 'x', outcome: 'done' }, /one of/],
      ['level', { type: 'school-completed', occurredOn: '2024-10-01', level: 'university' }, /one of/],
      ['qualification', { type: 'qualification-gained', occurredOn: '2024-10-01' }, /string/],
      ['programme', { type: 'education-entered', occurredOn: '2024-10-01', programme: 'phd' }, /one of/],
      ['contract', { type: 'job-placed', occurredOn: '2024-10-01', employment: 'employee', contract: 'forever' }, /one of/],
      ['hoursPerWeek', { type: 'job-placed', occurredOn: '2024-10-01', employment: 'employee', contract: 'permanent', hoursPerWeek: 200 }, /not be greater than 168/],
      ['reason', { type: 'exited', occurredOn: '2024-10-01', reason: 'bored', situation: 'inactive' }, /one of/],
      ['monthsAfterExit', { type: 'follow-up-recorded', occurredOn: '2025-04-01', monthsAfterExit: 6.5, situation: 'employed' }, /integer/],
      ['situation', { type: 'follow-up-recorded', occurredOn: '2025-04-01', monthsAfterExit: 6, situation: 'rich' }, /one of/],
      ['improvedSituation', { type: 'follow-up-recorded', occurredOn: '2025-04-01', monthsAfterExit: 6, situation: 'employed', improvedSituation: 'yes' }, /boolean/],
      ['note', { type: 're-entered', occurredOn: '2025-04-01', note: 'free text' }, /should not exist/],
    ])('milestone %s', async (field, body, reason) => {
      await expectInvalid(milestone(body), field, reason);
    });

    it.each([
      ['eventId', { eventId: 'not-a-uuid', reason: 'wrong' }, /UUID/],
      ['reason', { eventId: '5f0c6a32-57c8-4a53-9f8c-0c6f2d2c2f10' }, /string/],
    ])('retraction %s', async (field, body, reason) => {
      await expectInvalid(t.caseworker.post('/api/v1/participants/p-1/retractions').send(body), field, reason);
    });

    it('refuses a bad path id, If-Match, header or JSON body', async () => {
      await expectInvalid(t.caseworker.post('/api/v1/participants/a%20b/milestones').send({ type: 'job-search-started', occurredOn: '2024-10-01' }), 'participantId', /letters/);
      await expectInvalid(milestone({ type: 'job-search-started', occurredOn: '2024-10-01' }).set('If-Match', 'latest'), 'If-Match', /stream version/);
      await expectInvalid(milestone({ type: 'job-search-started', occurredOn: '2024-10-01' }).set('Idempotency-Key', 'a key with spaces'), 'Idempotency-Key', /letters/);
      const malformed = await t.admin.post('/api/v1/projects').set('Content-Type', 'application/json').send('{"id": ');
      expect(malformed.status).toBe(400);
      expect(malformed.headers['content-type']).toMatch(/^application\/problem\+json/);
    });

    it('refuses a body over the size limit with 413', async () => {
      const { status, body } = await milestone({ type: 'qualification-gained', occurredOn: '2024-10-01', qualification: 'x'.repeat(200_000) });
      expect(status).toBe(413);
      expect(body.status).toBe(413);
    });
  });

  describe('domain rules: 404, 409 and 422 with a stable code', () => {
    const expectProblem = async (answer: Promise<{ status: number; body: any }>, status: number, code: string) => {
      const response = await answer;
      expect(response.body).toMatchObject({ status, code, type: `urn:pathway:problem:${code}` });
      expect(response.status).toBe(status);
    };

    it.each([
      [404, 'PARTICIPANT.NOT_FOUND', '/api/v1/participants/nobody/milestones', { type: 'job-search-started', occurredOn: '2024-10-01' }],
      [404, 'PROJECT.NOT_FOUND', '/api/v1/projects/nope/participants', { enrolledOn: '2024-02-01', profile: entryProfile }],
      [409, 'PARTICIPANT.ALREADY_ENROLLED', '/api/v1/projects/22-015-S01/participants', { participantId: 'p-1', enrolledOn: '2024-02-01', profile: entryProfile }],
      [409, 'PROJECT.ALREADY_REGISTERED', '/api/v1/projects', framtidProject],
      [422, 'PROJECT.INVALID_PERIOD', '/api/v1/projects', { ...framtidProject, id: 'P-3', endDate: '2020-01-01' }],
      [422, 'PARTICIPANT.ENROLMENT_OUTSIDE_PROJECT_PERIOD', '/api/v1/projects/22-015-S01/participants', { enrolledOn: '2023-01-01', profile: entryProfile }],
      [422, 'PARTICIPANT.ALREADY_EXITED', '/api/v1/participants/p-1/milestones', { type: 'intervention-started', occurredOn: '2024-10-01', kind: 'ips' }],
      [422, 'MILESTONE.BEFORE_ENROLMENT', '/api/v1/participants/p-1/milestones', { type: 'job-search-started', occurredOn: '2023-12-31' }],
      [422, 'MILESTONE.DATE_IN_FUTURE', '/api/v1/participants/p-1/milestones', { type: 'job-search-started', occurredOn: '2999-01-01' }],
      [422, 'MILESTONE.BEFORE_EXIT', '/api/v1/participants/p-1/milestones', { type: 're-entered', occurredOn: '2024-09-01' }],
      [422, 'MILESTONE.NOT_FOUND', '/api/v1/participants/p-1/retractions', { eventId: '5f0c6a32-57c8-4a53-9f8c-0c6f2d2c2f10', reason: 'typo' }],
    ])('%d %s', async (status, code, path, body) => {
      // Only an admin registers projects; a caseworker enrols and records.
      const caller = path === '/api/v1/projects' ? t.admin : t.caseworker;
      await expectProblem(caller.post(path).send(body), status, code);
    });

    it('answers a history of an unknown participant with 404', async () => {
      await expectProblem(t.evaluator.get('/api/v1/participants/nobody/history'), 404, 'PARTICIPANT.NOT_FOUND');
    });

    it('answers an unknown route with a 404 problem', async () => {
      await expectProblem(t.evaluator.get('/api/v1/nowhere'), 404, 'HTTP.NOT_FOUND');
    });
  });
});
