import { entryProfile, framtidProject } from './support/fixtures';
import { removeDir, startApp, TEST_PROJECTS, TestApp } from './support/test-app';

describe('a participant pathway over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp();
    await t.admin.post('/api/v1/projects').send(framtidProject).expect(201);
  });
  afterAll(async () => {
    await t.close();
    removeDir(t.dataDir);
  });

  it('records a whole pathway as events, each with who recorded it and when', async () => {
    const anna = await t.as('caseworker', TEST_PROJECTS, 'caseworker-anna');
    const bo = await t.as('caseworker', TEST_PROJECTS, 'caseworker-bo');
    const enrolled = await anna
      .post('/api/v1/projects/22-015-S01/participants')
      .set('X-Correlation-Id', 'walk-through-1')
      .send({ enrolledOn: '2024-01-15', profile: entryProfile })
      .expect(201);
    expect(enrolled.body).toEqual({ participantId: expect.stringMatching(/^[0-9a-f-]{36}$/), version: 1 });
    expect(enrolled.headers.etag).toBe('"1"');
    const id = enrolled.body.participantId;

    const milestones = [
      { type: 'intervention-started', occurredOn: '2024-02-01', interventionId: 'ips-1', kind: 'ips' },
      { type: 'intervention-ended', occurredOn: '2024-06-28', interventionId: 'ips-1', outcome: 'completed' },
      { type: 'school-completed', occurredOn: '2024-06-10', level: 'compulsory', fullGrades: true },
      { type: 'qualification-gained', occurredOn: '2024-07-01', qualification: 'Forklift licence B' },
      { type: 'exited', occurredOn: '2024-09-30', reason: 'completed', situation: 'job-searching' },
      { type: 'job-search-started', occurredOn: '2024-10-01' },
      { type: 'job-placed', occurredOn: '2024-10-14', employment: 'employee', contract: 'temporary', hoursPerWeek: 30 },
      { type: 'follow-up-recorded', occurredOn: '2025-03-31', monthsAfterExit: 6, situation: 'employed', improvedSituation: true },
      { type: 're-entered', occurredOn: '2025-04-07' },
      { type: 'education-entered', occurredOn: '2025-08-18', programme: 'vocational' },
    ];
    const eventIds: string[] = [];
    for (const [index, milestone] of milestones.entries()) {
      const answer = await anna
        .post(`/api/v1/participants/${id}/milestones`)
        .set('If-Match', `"${index + 1}"`)
        .send(milestone)
        .expect(201);
      expect(answer.body).toEqual({ eventId: expect.any(String), version: index + 2 });
      expect(answer.headers.etag).toBe(`"${index + 2}"`);
      eventIds.push(answer.body.eventId);
    }

    const retracted = await bo
      .post(`/api/v1/participants/${id}/retractions`)
      .send({ eventId: eventIds[3], reason: 'The licence was for another participant' })
      .expect(201);
    expect(retracted.body.version).toBe(12);

    const history = await t.evaluator.get(`/api/v1/participants/${id}/history`).expect(200);
    expect(history.headers.etag).toBe('"12"');
    expect(history.body.events.map((e: { type: string }) => e.type)).toEqual([
      'ParticipantEnrolled',
      'InterventionStarted',
      'InterventionEnded',
      'SchoolCompleted',
      'QualificationGained',
      'ParticipantExited',
      'JobSearchStarted',
      'JobPlaced',
      'FollowUpRecorded',
      'ParticipantReEntered',
      'EducationEntered',
      'MilestoneRetracted',
    ]);
    const [enrolment, ...rest] = history.body.events;
    expect(enrolment.data).toEqual({ participantId: id, projectId: '22-015-S01', enrolledOn: '2024-01-15', profile: entryProfile });
    expect(enrolment.metadata).toEqual({
      recordedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      actor: 'caseworker-anna',
      actorRole: 'caseworker',
      correlationId: 'walk-through-1',
      causationId: 'walk-through-1',
      projectId: '22-015-S01',
      schemaVersion: 1,
    });
    // Free text is sealed with the participant's key: the evaluator sees that there is some, never what.
    expect(rest[3].data).toEqual({
      participantId: id,
      occurredOn: '2024-07-01',
      qualification: { status: 'sealed' },
      iscedLevel: null,
    });
    expect(rest[3].metadata.schemaVersion).toBe(2);
    expect(rest.at(-1)).toMatchObject({
      data: { retractedEventId: eventIds[3], reason: { status: 'sealed' } },
      metadata: { actor: 'caseworker-bo', actorRole: 'caseworker', projectId: '22-015-S01', schemaVersion: 2 },
    });
    // The project's caseworkers read it.
    const opened = (await anna.get(`/api/v1/participants/${id}/history`).expect(200)).body.events;
    expect(opened[4].data.qualification).toEqual({ status: 'open', text: 'Forklift licence B' });
    expect(opened.at(-1).data.reason).toEqual({ status: 'open', text: 'The licence was for another participant' });
    expect(history.body.events.map((e: { version: number }) => e.version)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });

  it('makes an intervention id when none is given', async () => {
    const { body } = await t.caseworker
      .post('/api/v1/projects/22-015-S01/participants')
      .send({ participantId: 'p-iv', enrolledOn: '2024-03-01', profile: { labourMarketStatus: 'inactive' } })
      .expect(201);
    expect(body.participantId).toBe('p-iv');
    await t.caseworker
      .post('/api/v1/participants/p-iv/milestones')
      .send({ type: 'intervention-started', occurredOn: '2024-03-02', kind: 'mentoring' })
      .expect(201);
    const history = await t.caseworker.get('/api/v1/participants/p-iv/history').expect(200);
    expect(history.body.events[0].data.profile).toEqual({
      birthDate: null,
      gender: null,
      labourMarketStatus: 'inactive',
      inEducationOrTraining: null,
      educationLevel: null,
      disability: null,
      thirdCountryNational: null,
      foreignBackground: null,
      minority: null,
      homeless: null,
      ruralArea: null,
    });
    expect(history.body.events[1].data.interventionId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves health and the OpenAPI document', async () => {
    const health = await t.anonymous().get('/health').expect(200);
    expect(health.body).toMatchObject({ status: 'up', eventStore: { status: 'up' } });
    expect(health.body.eventStore.headPosition).toBeGreaterThan(0);
    const docs = await t.anonymous().get('/docs-json').expect(200);
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/projects',
        '/api/v1/projects/{projectId}/participants',
        '/api/v1/participants/{participantId}/milestones',
        '/api/v1/participants/{participantId}/retractions',
        '/api/v1/participants/{participantId}/history',
      ]),
    );
  });
});
