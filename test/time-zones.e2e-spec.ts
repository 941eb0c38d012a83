import { CommandDependencies } from '@pathway/application';
import { COMMAND_DEPENDENCIES } from '@pathway/runtime';
import { entryProfile } from './support/fixtures';
import { removeDir, startApp, TestApp } from './support/test-app';
import { projected } from './support/wait-for';

/**
 * Each project lives in its own time zone: "today", "in the future", the default report end and a
 * date-only asKnownOn are its local dates. The clock is injected (CommandDependencies.now).
 */
describe('project time zones over HTTP', () => {
  let t: TestApp;
  let clock: Date;
  const at = (instant: string) => {
    clock = new Date(instant);
  };
  const project = (id: string, timeZone?: string) => ({
    id,
    name: `Project ${id}`,
    owner: 'Stiftelsen Activa, Örebro',
    fund: 'ESF+',
    programme: '2021SE05SFPR',
    specificObjective: 'A2A',
    region: 'SE12',
    startDate: '2026-01-01',
    endDate: '2027-12-31',
    plannedParticipants: 80,
    ...(timeZone ? { timeZone } : {}),
  });
  const enrol = (projectId: string, participantId: string, enrolledOn: string) =>
    t.caseworker.post(`/api/v1/projects/${projectId}/participants`).send({ participantId, enrolledOn, profile: entryProfile });
  const jobSearch = (participantId: string, occurredOn: string) =>
    t.caseworker.post(`/api/v1/participants/${participantId}/milestones`).send({ type: 'job-search-started', occurredOn });
  const total = async (projectId: string, query: string) => {
    const { body } = await t.evaluator.get(`/api/v1/projects/${projectId}/indicators?${query}`).expect(200);
    return { total: body.indicators.find((f: { code: string }) => f.code === 'EECO01').total as number, body };
  };

  beforeAll(async () => {
    t = await startApp();
    const deps = t.app.get<CommandDependencies>(COMMAND_DEPENDENCIES, { strict: false });
    deps.now = () => clock;
    at('2026-01-01T12:00:00Z');
    await t.admin.post('/api/v1/projects').send(project('P-2')).expect(201);
    await t.admin.post('/api/v1/projects').send(project('P-3', 'Pacific/Auckland')).expect(201);
  });
  afterAll(async () => {
    await t.close();
    removeDir(t.dataDir);
  });

  it('registers a project in the DEFAULT_TIME_ZONE unless it names its own, and refuses a zone that is not IANA', async () => {
    await projected(t);
    expect((await t.evaluator.get('/api/v1/projects/P-2').expect(200)).body.timeZone).toBe('Europe/Stockholm');
    expect((await t.evaluator.get('/api/v1/projects/P-3').expect(200)).body.timeZone).toBe('Pacific/Auckland');
    for (const timeZone of ['Mars/Olympus', '+01:00', 'CET', 42]) {
      const { body } = await t.admin.post('/api/v1/projects').send({ ...project('P-9'), timeZone }).expect(400);
      expect(body.errors).toEqual([{ field: 'timeZone', reason: expect.stringMatching(/IANA time zone/) }]);
    }
  });

  // The clock only moves forward, as the store's commit stamps do: Auckland's 14 March ends first.
  describe('an Auckland project, ahead of UTC', () => {
    it('takes "today" as the Auckland date, the next UTC day long before UTC midnight', async () => {
      at('2026-03-14T10:30:00Z'); // 23:30 on 14 March in Auckland (UTC+13)
      await enrol('P-3', 'akl-1', '2026-03-14').expect(201);
      expect((await enrol('P-3', 'akl-2', '2026-03-15').expect(422)).body.code).toBe('ENROLMENT.DATE_IN_FUTURE');

      at('2026-03-14T11:30:00Z'); // 00:30 on 15 March in Auckland, still 14 March in UTC
      await enrol('P-3', 'akl-2', '2026-03-15').expect(201);
      await jobSearch('akl-1', '2026-03-15').expect(201);
      expect((await jobSearch('akl-1', '2026-03-16').expect(422)).body.code).toBe('MILESTONE.DATE_IN_FUTURE');
      await projected(t);

      const known = await total('P-3', 'to=2026-03-15&asKnownOn=2026-03-14');
      expect(known.body.asKnownOn).toBe('2026-03-14T10:59:59.999Z');
      expect(known.total).toBe(1);
      const now = await total('P-3', '');
      expect(now.body.period.to).toBe('2026-03-15');
      expect(now.total).toBe(2);
    });
  });

  describe('a Stockholm project', () => {
    // [the day, just before local midnight (UTC), just after local midnight (UTC, still the same UTC day)]
    const days: Array<[string, string, string, string]> = [
      ['winter time', '2026-03-14', '2026-03-14T22:30:00Z', '2026-03-14T23:30:00Z'],
      ['the day clocks go forward', '2026-03-29', '2026-03-29T21:30:00Z', '2026-03-29T22:30:00Z'],
      ['the day clocks go back', '2026-10-25', '2026-10-25T22:30:00Z', '2026-10-25T23:30:00Z'],
    ];
    const next = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

    it.each(days)('on %s, takes "today" as the local date', async (_, day, lateThatDay, earlyNextDay) => {
      at(lateThatDay);
      await enrol('P-2', `in-${day}`, day).expect(201);
      // 23:30 local: the next day is still in the future.
      const refused = await jobSearch(`in-${day}`, next(day)).expect(422);
      expect(refused.body.code).toBe('MILESTONE.DATE_IN_FUTURE');

      at(earlyNextDay);
      // 00:30 local, still the previous day in UTC: a milestone and an enrolment dated today are accepted.
      await jobSearch(`in-${day}`, next(day)).expect(201);
      await enrol('P-2', `after-${day}`, next(day)).expect(201);
      await projected(t);
      const { body } = await total('P-2', '');
      expect(body.period.to).toBe(next(day));
    });

    it.each([
      ['2026-03-14', '2026-03-14T22:59:59.999Z', 1],
      ['2026-03-29', '2026-03-29T21:59:59.999Z', 3],
      ['2026-10-25', '2026-10-25T22:59:59.999Z', 5],
    ])('counts asKnownOn=%s to the end of that day in Stockholm (%s): %i enrolled', async (day, cutOff, enrolled) => {
      const { total: counted, body } = await total('P-2', `to=2026-10-26&asKnownOn=${day}`);
      expect(body.asKnownOn).toBe(cutOff);
      // The enrolment recorded at 00:30 on the next day, local time, is not known on `day`.
      expect(counted).toBe(enrolled);
    });
  });

  it('names the zone in the export metadata and cuts a date-only asKnownOn there', async () => {
    at('2026-10-26T12:00:00Z');
    const evaluator = await t.evaluator.get('/api/v1/projects/P-3/indicators/export?format=json&to=2026-03-15&asKnownOn=2026-03-14').expect(200);
    expect(evaluator.body.meta).toMatchObject({ timeZone: 'Pacific/Auckland', asKnownOn: '2026-03-14T10:59:59.999Z', period: { from: null, to: '2026-03-15' } });
    // A funder's quarter as known on its month end: the end of 31 March in Auckland (UTC+13 until 5 April).
    const funder = await t.funder.get('/api/v1/projects/P-3/indicators/export?format=json&from=2026-01-01&to=2026-03-31&asKnownOn=2026-03-31').expect(200);
    expect(funder.body.meta).toMatchObject({ timeZone: 'Pacific/Auckland', asKnownOn: '2026-03-31T10:59:59.999Z' });
  });
});
