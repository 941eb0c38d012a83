import { CommandDependencies } from '@pathway/application';
import { COMMAND_DEPENDENCIES } from '@pathway/runtime';
import { testEngines } from '../libs/read-models/src/testing/read-model-engines';
import { entryProfile } from './support/fixtures';
import { EngineTestApp, startAppOn } from './support/test-app';
import { projected } from './support/wait-for';

const PROJECT = 'P-2';
const WORKLIST = `/api/v1/projects/${PROJECT}/worklist`;

/**
 * Issue 10, item 2: the caseworker's worklist over HTTP, on both read-model engines, with the
 * clock injected (CommandDependencies.now) and "today" taken in the project's zone (Stockholm).
 */
describe.each(testEngines())('the worklist with %s read models', (engine) => {
  let t: EngineTestApp;
  let clock = new Date('2026-03-10T12:00:00Z');
  const enrol = (participantId: string, enrolledOn: string) =>
    t.caseworker.post(`/api/v1/projects/${PROJECT}/participants`).send({ participantId, enrolledOn, profile: entryProfile, personal: { name: 'Worklist Person' } }).expect(201);
  const record = async (participantId: string, milestone: object) =>
    (await t.caseworker.post(`/api/v1/participants/${participantId}/milestones`).send(milestone).expect(201)).body.eventId as string;
  const exit = (participantId: string, occurredOn: string, situation = 'unknown') => record(participantId, { type: 'exited', occurredOn, reason: 'completed', situation });
  const worklistAt = async (instant: string) => {
    clock = new Date(instant);
    await projected(t);
    return (await t.caseworker.get(WORKLIST).expect(200)).body;
  };
  const brief = (body: { items: Array<{ participantId: string; kind: string }> }) => body.items.map((i) => `${i.kind} ${i.participantId}`);
  let placement: string;

  beforeAll(async () => {
    t = await startAppOn(engine);
    t.app.get<CommandDependencies>(COMMAND_DEPENDENCIES, { strict: false }).now = () => clock;
    await t.admin
      .post('/api/v1/projects')
      .send({ id: PROJECT, name: 'Worklist', owner: 'Stiftelsen Activa, Örebro', fund: 'ESF+', programme: '2021SE05SFPR', specificObjective: 'A2A', region: 'SE12', startDate: '2025-01-01', endDate: '2027-12-31', plannedParticipants: 80, timeZone: 'Europe/Stockholm' })
      .expect(201);
    // Left on 1 March, situation unknown: due until 29 March (day 28), missed from the 30th.
    await enrol('w-leaving', '2026-01-05');
    await exit('w-leaving', '2026-03-01');
    // The same, but placed in a job on 5 March: nothing to do (until the placement is retracted).
    await enrol('w-placed', '2026-01-05');
    await exit('w-placed', '2026-03-01');
    placement = await record('w-placed', { type: 'job-placed', occurredOn: '2026-03-05', employment: 'employee', contract: 'permanent', hoursPerWeek: 40 });
    // Left on 20 February and came back on 1 March: taking part again, the exit off the list.
    await enrol('w-reentry', '2026-01-05');
    await exit('w-reentry', '2026-02-20');
    await record('w-reentry', { type: 're-entered', occurredOn: '2026-03-01' });
    // Left on 31 August 2025 looking for work: the six-month point is 28 February, the window closes 31 May.
    await enrol('w-followup', '2025-02-01');
    await exit('w-followup', '2025-08-31', 'job-searching');
    // An intervention started on 1 December 2025 and nothing since: open 90 days on 1 March, quiet 60 days on 30 January.
    await enrol('w-quiet', '2025-12-01');
    await record('w-quiet', { type: 'intervention-started', occurredOn: '2025-12-01', interventionId: 'ips-7', kind: 'ips' });
  }, 60_000);
  afterAll(async () => {
    await t?.stop();
  });

  it('lists each kind with its dates and rule, most urgent first, with no personal data', async () => {
    const body = await worklistAt('2026-03-29T12:00:00Z');
    expect(body).toMatchObject({ projectId: PROJECT, today: '2026-03-29', timeZone: 'Europe/Stockholm', thresholds: { leavingWindowDays: 28, interventionOpenDays: 90, noMilestoneDays: 60 } });
    expect(brief(body)).toEqual([
      'situation-upon-leaving-due w-leaving',
      'follow-up-overdue w-followup',
      'intervention-open-long w-quiet',
      'no-recent-milestone w-quiet',
    ]);
    expect(body.items[0]).toEqual({ participantId: 'w-leaving', kind: 'situation-upon-leaving-due', rule: 'ESF+.EECR01-04.UPON_LEAVING', since: '2026-03-01', dueOn: '2026-03-29', closesOn: '2026-03-29', daysLeft: 0, daysOverdue: 0 });
    expect(body.items[1]).toMatchObject({ dueOn: '2026-02-28', closesOn: '2026-05-31', daysOverdue: 29, rule: 'ESF+.EECR05-06.SIX_MONTH_FOLLOW_UP' });
    expect(body.items[2]).toMatchObject({ since: '2025-12-01', dueOn: '2026-03-01', daysOverdue: 28, intervention: { interventionId: 'ips-7', kind: 'ips' } });
    expect(body.items[3]).toMatchObject({ since: '2025-12-01', dueOn: '2026-01-30', daysOverdue: 58 });
    expect(JSON.stringify(body)).not.toContain('Worklist Person');
  });

  it("turns day 28 into day 29 at midnight in Stockholm, summer time (22:00 UTC on 29 March), not at midnight UTC", async () => {
    expect(brief(await worklistAt('2026-03-29T21:59:59.000Z'))).toContain('situation-upon-leaving-due w-leaving');
    const after = await worklistAt('2026-03-29T22:00:00.000Z');
    expect(after.today).toBe('2026-03-30');
    expect(after.items.find((i: { participantId: string }) => i.participantId === 'w-leaving')).toMatchObject({ kind: 'situation-upon-leaving-missed', daysOverdue: 1 });
  });

  it('puts a participant back on the list when the milestone that settled it is retracted', async () => {
    clock = new Date('2026-03-20T12:00:00Z');
    await t.caseworker.post(`/api/v1/participants/w-placed/retractions`).send({ eventId: placement, reason: 'wrong person' }).expect(201);
    const body = await worklistAt('2026-03-20T12:00:00Z');
    expect(body.items.find((i: { participantId: string }) => i.participantId === 'w-placed')).toMatchObject({ kind: 'situation-upon-leaving-due', daysLeft: 9 });
    expect(body.items.some((i: { participantId: string }) => i.participantId === 'w-reentry')).toBe(false);
  });

  it('answers 403 to an evaluator and a funder, 404 for another project and an unknown one', async () => {
    expect((await t.evaluator.get(WORKLIST).expect(403)).body.code).toBe('AUTH.FORBIDDEN');
    expect((await t.funder.get(WORKLIST).expect(403)).body.code).toBe('AUTH.FORBIDDEN');
    const elsewhere = await t.as('caseworker', ['P-3']);
    expect((await elsewhere.get(WORKLIST).expect(404)).body.code).toBe('PROJECT.NOT_FOUND');
    expect((await t.admin.get('/api/v1/projects/P-NOPE/worklist').expect(404)).body.code).toBe('PROJECT.NOT_FOUND');
    expect((await t.admin.get(WORKLIST).expect(200)).body.items.length).toBeGreaterThan(0);
  });
  it('lists likely duplicates to the caseworkers of the project only, each pair gone once one of it is withdrawn', async () => {
    const DUPS = 'P-4';
    await t.admin
      .post('/api/v1/projects')
      .send({ id: DUPS, name: 'Duplicates', owner: 'Stiftelsen Activa, Örebro', fund: 'ESF+', programme: '2021SE05SFPR', specificObjective: 'A2A', region: 'SE12', startDate: '2025-01-01', endDate: '2027-12-31', plannedParticipants: 80, timeZone: 'Europe/Stockholm' })
      .expect(201);
    const caseworker = await t.as('caseworker', [DUPS]);
    const enrolIn = (participantId: string, birthDate: string, personal: object) =>
      caseworker.post(`/api/v1/projects/${DUPS}/participants`).send({ participantId, enrolledOn: '2026-01-05', profile: { ...entryProfile, birthDate }, personal }).expect(201);
    // One identity number in two written forms, different names and birth dates.
    await enrolIn('d-id-1', '1990-01-01', { name: 'Sara Nilsson', nationalIdentityNumber: '19900101-2385' });
    await enrolIn('d-id-2', '1990-01-02', { name: 'Sara Nilsen', nationalIdentityNumber: '900101-2385' });
    // One birth date and one name but for case, diacritics, spacing and word order; a third born that day named otherwise.
    await enrolIn('d-nm-1', '1985-05-05', { name: 'Åsa Östlund' });
    await enrolIn('d-nm-2', '1985-05-05', { name: 'östlund  ASA' });
    await enrolIn('d-nm-3', '1985-05-05', { name: 'Åsa Berg' });
    // Both reasons at once.
    await enrolIn('d-both-1', '1970-07-07', { name: 'Bo Ek', nationalIdentityNumber: 'AB 123' });
    await enrolIn('d-both-2', '1970-07-07', { name: 'Bo Ek', nationalIdentityNumber: 'ab 123' });
    await projected(t);

    const url = `/api/v1/projects/${DUPS}/worklist`;
    const body = (await caseworker.get(url).expect(200)).body;
    expect(body.likelyDuplicates).toEqual([
      { participantIds: ['d-both-1', 'd-both-2'], reasons: ['same-identity-number', 'same-birth-date-and-name'] },
      { participantIds: ['d-id-1', 'd-id-2'], reasons: ['same-identity-number'] },
      { participantIds: ['d-nm-1', 'd-nm-2'], reasons: ['same-birth-date-and-name'] },
    ]);
    expect(JSON.stringify(body)).not.toMatch(/Östlund|Nilsson|2385|1985-05-05/);

    // The names were opened for the check: audited as a search for those it found, as a name search is.
    const audit = (await t.admin.get(`/api/v1/audit?participantId=d-nm-1`).expect(200)).body;
    expect(JSON.stringify(audit)).toContain('personal-data.search');

    // An admin reads the worklist without them (no names opened); an evaluator, another project's caseworker not at all.
    expect((await t.admin.get(url).expect(200)).body).not.toHaveProperty('likelyDuplicates');
    expect((await (await t.as('evaluator', [DUPS])).get(url).expect(403)).body.code).toBe('AUTH.FORBIDDEN');
    expect((await t.caseworker.get(url).expect(404)).body.code).toBe('PROJECT.NOT_FOUND');

    // Resolved: one of the pair withdrawn as a duplicate of the other, the pair is gone, the others stay.
    await caseworker.post('/api/v1/participants/d-id-2/withdrawal').send({ ground: 'duplicate', duplicateOf: 'd-id-1', reason: 'Enrolled twice' }).expect(201);
    await projected(t);
    expect((await caseworker.get(url).expect(200)).body.likelyDuplicates.map((d: { participantIds: string[] }) => d.participantIds.join(' '))).toEqual(['d-both-1 d-both-2', 'd-nm-1 d-nm-2']);
  });
});
