import { randomUUID } from 'node:crypto';
import { CommandDependencies, enrolParticipant, recordMilestone, registerProject, retractMilestone } from '@pathway/application';
import { Gender, LabourMarketStatus, Milestone, Situation } from '@pathway/domain';
import { indicatorReport, IndicatorReportDocument } from './indicator-report';
import { ProjectionRunner } from '../projection/projection-runner';
import { rebuildReadModels } from '../projection/rebuild';
import { LIVE_PROJECTION } from '../schema/ensure-schema';
import { ReadModelDb } from '../schema/open-read-model-db';
import { LIVE_TABLES } from '../schema/table-set';
import { dumpTables } from '../testing/dump-tables';
import { liveAndReplay } from '../testing/live-and-replay';
import { testEngines } from '../testing/read-model-engines';

/**
 * The settled situation upon leaving (issue 9, item 2) through the command path and the SQL read
 * models: live, as known on an earlier instant, and rebuilt. Everyone exits on 2024-06-01 (28 days
 * after is 2024-06-29); events are recorded in date order, each at noon on its date.
 */
describe.each(testEngines())('results upon leaving on %s', (engine) => {
  const { store, open } = liveAndReplay(engine);
  let rm: ReadModelDb;
  let clock = new Date();
  const deps = (): CommandDependencies => ({ store, now: () => clock, newId: randomUUID });
  const caller = { actor: 'caseworker-1', actorRole: 'caseworker', correlationId: 'fixture' };

  type Step = [on: string, id: string, milestone: Omit<Milestone, 'occurredOn'> | 'retract-placement'];
  const exit = (situation: Situation) => ({ type: 'exited', reason: 'completed', situation }) as const;
  const placed = { type: 'job-placed', employment: 'employee', contract: 'permanent', hoursPerWeek: 40 } as const;
  const jobSearch = { type: 'job-search-started' } as const;
  const followUp = { type: 'follow-up-recorded', monthsAfterExit: 6, situation: 'employed', improvedSituation: true } as const;
  const people: Array<[id: string, gender: Gender, status: LabourMarketStatus]> = [
    ['a', 'woman', 'unemployed'], // (a) unknown exit, placed 10 days after: employed
    ['b', 'man', 'unemployed'], // (b) job-searching exit, placed 10 days after: employed only; followed up improved
    ['c', 'non-binary', 'unemployed'], // (c) placed 5 days before an unknown exit: employed
    ['d', 'woman', 'unemployed'], // placed and left employed in a first stay; re-entered; unknown exit: missing
    ['e', 'man', 'unemployed'], // job-searching exit, placed 10 days after, the placement retracted on 2024-07-15
    ['f', 'woman', 'unemployed'], // left for education, placed on day 28: both
    ['g', 'man', 'unemployed'], // unknown exit, placed on day 29: missing
    ['h', 'non-binary', 'unemployed'], // unknown exit, placed, then a job search started: job searching
    ['i', 'woman', 'employed'], // employed at entry and upon leaving, followed up improved: EECR06
  ];
  const steps: Step[] = [
    ['2024-02-01', 'd', placed], ['2024-02-10', 'd', exit('employed')], ['2024-03-01', 'd', { type: 're-entered' }],
    ['2024-05-27', 'c', placed],
    ...people.map(([id]): Step => [
      '2024-06-01', id, exit(({ b: 'job-searching', e: 'job-searching', f: 'in-education-or-training', i: 'employed' } as Record<string, Situation>)[id] ?? 'unknown'),
    ]),
    ['2024-06-04', 'h', placed],
    ['2024-06-11', 'a', placed], ['2024-06-11', 'b', placed], ['2024-06-11', 'e', placed],
    ['2024-06-16', 'h', jobSearch],
    ['2024-06-29', 'f', placed], ['2024-06-30', 'g', placed],
    ['2024-07-15', 'e', 'retract-placement'],
    ['2024-12-01', 'b', followUp], ['2024-12-01', 'i', followUp],
  ];

  beforeAll(async () => {
    rm = await open();
    const at = (date: string) => (clock = new Date(`${date}T12:00:00Z`));
    at('2024-01-01');
    await registerProject(deps(), { projectId: 'P', name: 'Leaving', owner: 'O', fund: 'ESF+', programme: 'X', specificObjective: 'A2A', region: 'SE12', startDate: '2024-01-01', endDate: '2026-12-31', plannedParticipants: 10, timeZone: 'Europe/Stockholm' }, caller);
    at('2024-01-15');
    for (const [participantId, gender, labourMarketStatus] of people) {
      await enrolParticipant(deps(), { projectId: 'P', participantId, enrolledOn: '2024-01-15', profile: {
        birthDate: '1990-01-01', gender, labourMarketStatus, inEducationOrTraining: false, educationLevel: 'isced-3-4',
        disability: false, thirdCountryNational: false, foreignBackground: false, minority: false, homeless: false, ruralArea: false,
      } }, caller);
    }
    const placements = new Map<string, string>();
    for (const [on, id, milestone] of steps) {
      at(on);
      if (milestone === 'retract-placement') {
        await retractMilestone(deps(), id, { eventId: placements.get(id)!, reason: null }, caller);
        continue;
      }
      const { eventIds } = await recordMilestone(deps(), id, { ...milestone, occurredOn: on } as Milestone, caller);
      if (milestone.type === 'job-placed') placements.set(id, eventIds[0]!);
    }
    await new ProjectionRunner(store, rm.db, { name: LIVE_PROJECTION, tables: LIVE_TABLES, batchSize: 3 }).catchUp();
  }, 30_000);

  // As known on an instant counts what the store committed by then (its own commit clock).
  const report = async (asKnownOn: string | null = null) => {
    const cutOffPosition = asKnownOn ? await store.cutOffAt(asKnownOn) : undefined;
    return (await indicatorReport(rm.db, 'P', { from: null, to: '2025-06-30', asKnownOn, cutOffPosition }))!;
  };
  // [total, women, men, nonBinary, genderNotDisclosed, dataMissing]
  const line = (r: IndicatorReportDocument, code: string) => {
    const { women, men, nonBinary, genderNotDisclosed, total, dataMissing } = r.indicators.find((i) => i.code === code)!;
    return [total, women, men, nonBinary, genderNotDisclosed, dataMissing];
  };
  const rate = (r: IndicatorReportDocument, code: string) => {
    const { numerator, denominator } = r.rates.find((x) => x.code === code)!;
    return [numerator, denominator];
  };

  it('counts one settled situation per leaver, with data missing only where nothing is known (d, g)', async () => {
    const r = await report();
    expect(line(r, 'EECR04')).toEqual([5, 3, 1, 1, 0, 2]); // a, b, c, f, i
    expect(line(r, 'EECR01')).toEqual([2, 0, 1, 1, 0, 2]); // e (placement retracted), h (job search after the placement)
    expect(line(r, 'EECR02')).toEqual([1, 1, 0, 0, 0, 2]); // f, also in EECR04
    expect(rate(r, 'PLACEMENT_RATE')).toEqual([5, 9]);
    expect(rate(r, 'EDUCATION_OR_WORK_RATE')).toEqual([5, 9]);
  });

  it('restricts EECR06 to those employed at entry: b improved but was unemployed at entry', async () => {
    const r = await report();
    expect(line(r, 'EECR05')).toEqual([2, 1, 1, 0, 0, 7]);
    expect(line(r, 'EECR06')).toEqual([1, 1, 0, 0, 0, 0]);
  });

  it('as known before the retraction, counts e as employed', async () => {
    const r = await report('2024-07-01T23:59:59.999Z');
    expect(line(r, 'EECR04')).toEqual([6, 3, 2, 1, 0, 2]);
    expect(line(r, 'EECR01')).toEqual([1, 0, 0, 1, 0, 2]);
  });

  it('gives the same rows and figures after a rebuild from the log', async () => {
    const rebuilt = await open();
    try {
      await rebuildReadModels(store, rebuilt.db);
      expect(await dumpTables(rebuilt.db)).toEqual(await dumpTables(rm.db));
      const again = (await indicatorReport(rebuilt.db, 'P', { from: null, to: '2025-06-30', asKnownOn: null }))!;
      expect(again).toEqual(await report());
    } finally {
      await rebuilt.db.destroy();
    }
  });
});
