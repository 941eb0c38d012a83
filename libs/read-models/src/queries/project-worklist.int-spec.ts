import { Insertable, KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { addDays } from '@pathway/domain';
import { projectWorklist } from './project-worklist';
import { MilestonesTable, ParticipantsTable } from '../schema/read-model-schema';
import { openTestReadModelDb, testEngines, TestReadModelDb } from '../testing/read-model-engines';

const PARTICIPANTS = 5_000;
/**
 * Generous: the machine is shared and often loaded many times over (seen at 200-900 ms on SQLite
 * and PostgreSQL at a load of 12 on 2 cores). The query count below is the real guard against one
 * query per participant.
 */
const BUDGET_MS = 5_000;

/** Counts the statements Kysely sends. */
class QueryCounter implements KyselyPlugin {
  count = 0;
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.count += 1;
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

/** The worklist of a project of 5,000 participants with four milestones each, straight from the tables. */
describe.each(testEngines())('the worklist of 5,000 participants on %s', (engine) => {
  let rm: TestReadModelDb;

  beforeAll(async () => {
    rm = await openTestReadModelDb(engine);
    const participants: Insertable<ParticipantsTable>[] = [];
    const milestones: Insertable<MilestonesTable>[] = [];
    for (let i = 0; i < PARTICIPANTS; i++) {
      const id = `p-${String(i).padStart(5, '0')}`;
      const enrolledOn = addDays('2025-01-01', i % 365);
      const exitedOn = i % 3 === 0 ? addDays(enrolledOn, 200) : null;
      participants.push({
        participant_id: id, project_id: 'P-BIG', enrolled_on: enrolledOn, recorded_entry: '{}', enrolment_recorded_at: `${enrolledOn}T12:00:00Z`, enrolment_position: i,
        birth_date: null, gender: 'woman', labour_market_status: 'unemployed', in_education_or_training: 0, education_level: null, disability: null,
        third_country_national: null, foreign_background: null, minority: null, homeless: null, rural_area: null, age_at_entry: null,
        status: exitedOn ? 'exited' : 'active', last_entry_on: enrolledOn, last_exit_on: exitedOn, exit_reason: exitedOn ? 'completed' : null,
        exit_situation: exitedOn ? 'unknown' : null, leaving_job_searching: null, leaving_in_education: null, leaving_employed: null, leaving_qualified: null,
        six_month_point_on: null, follow_up_situation: null, follow_up_improved: null, school_completed: 0, first_placement_on: null, days_to_first_placement: null,
        last_position: i,
      });
      const fact = (n: number, type: string, on: string, details: object): Insertable<MilestonesTable> => ({
        event_id: `${id}-${n}`, participant_id: id, project_id: 'P-BIG', position: PARTICIPANTS + i * 4 + n, type, occurred_on: on,
        recorded_at: `${on}T12:00:00Z`, details: JSON.stringify(details), recorded_by: 'cw', retracted_by: null, retracted_at: null, retracted_position: null,
      });
      milestones.push(
        fact(0, 'InterventionStarted', addDays(enrolledOn, 5), { interventionId: 'a', kind: 'ips' }),
        fact(1, 'InterventionEnded', addDays(enrolledOn, 50), { interventionId: 'a', outcome: 'completed' }),
        fact(2, 'InterventionStarted', addDays(enrolledOn, 60), { interventionId: 'b', kind: 'mentoring' }),
        fact(3, 'JobSearchStarted', addDays(enrolledOn, 70), {}),
      );
    }
    for (let i = 0; i < participants.length; i += 500) await rm.db.insertInto('participants').values(participants.slice(i, i + 500)).execute();
    for (let i = 0; i < milestones.length; i += 1000) await rm.db.insertInto('milestones').values(milestones.slice(i, i + 1000)).execute();
  }, 120_000);
  afterAll(async () => {
    await rm.drop();
  });

  it(`answers in three queries and within ${BUDGET_MS} ms, one item per open intervention and quiet participant`, async () => {
    await projectWorklist(rm.db, 'P-BIG', '2026-06-01'); // warm up
    const counter = new QueryCounter();
    const started = performance.now();
    const items = await projectWorklist(rm.db.withPlugin(counter), 'P-BIG', '2026-06-01');
    const elapsed = performance.now() - started;
    console.info(`worklist of ${PARTICIPANTS} participants on ${engine}: ${Math.round(elapsed)} ms`);
    const active = PARTICIPANTS - Math.ceil(PARTICIPANTS / 3);
    // Every active participant has intervention b open since day 60 and has been quiet since day 70 (at most 435 days before).
    expect(items.filter((i) => i.kind === 'intervention-open-long')).toHaveLength(active);
    expect(items.filter((i) => i.kind === 'no-recent-milestone')).toHaveLength(active);
    expect(counter.count).toBe(3);
    expect(elapsed).toBeLessThan(BUDGET_MS);
  });

  it('does not count a correction of the entry profile as contact: the quiet participant stays on the list (issue 15)', async () => {
    const row = (await rm.db.selectFrom('participants').selectAll().where('participant_id', '=', 'p-00001').executeTakeFirstOrThrow()) as Insertable<ParticipantsTable>;
    await rm.db.insertInto('participants').values({ ...row, participant_id: 'p-corr', project_id: 'P-CORR', status: 'active', last_entry_on: '2026-01-10', last_exit_on: null, exit_reason: null, exit_situation: null }).execute();
    const fact = (n: number, type: string, on: string): Insertable<MilestonesTable> => ({
      event_id: `p-corr-${n}`, participant_id: 'p-corr', project_id: 'P-CORR', position: 10 * PARTICIPANTS + n, type, occurred_on: on,
      recorded_at: `${on}T12:00:00Z`, details: '{}', recorded_by: 'cw', retracted_by: null, retracted_at: null, retracted_position: null,
    });
    await rm.db.insertInto('milestones').values([fact(0, 'JobSearchStarted', '2026-02-01'), fact(1, 'EntryProfileCorrected', '2026-05-30')]).execute();
    const items = await projectWorklist(rm.db, 'P-CORR', '2026-06-01');
    expect(items.filter((i) => i.kind === 'no-recent-milestone').map((i) => [i.participantId, i.since])).toEqual([['p-corr', '2026-02-01']]);
  });
});
