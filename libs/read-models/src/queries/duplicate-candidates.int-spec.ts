import { Insertable } from 'kysely';
import { duplicateCandidates } from './duplicate-candidates';
import { ParticipantsTable } from '../schema/read-model-schema';
import { openTestReadModelDb, testEngines, TestReadModelDb } from '../testing/read-model-engines';

const PARTICIPANTS = 3_000;

const row = (id: string, projectId: string, birthDate: string | null, status = 'active', i = 0): Insertable<ParticipantsTable> => ({
  participant_id: id, project_id: projectId, enrolled_on: '2025-01-01', recorded_entry: '{}', enrolment_recorded_at: '2025-01-01T12:00:00Z', enrolment_position: i,
  birth_date: birthDate, gender: 'woman', labour_market_status: 'unemployed', in_education_or_training: 0, education_level: null, disability: null,
  third_country_national: null, foreign_background: null, minority: null, homeless: null, rural_area: null, age_at_entry: null,
  status, last_entry_on: '2025-01-01', last_exit_on: null, exit_reason: null, exit_situation: null, leaving_job_searching: null, leaving_in_education: null,
  leaving_employed: null, leaving_qualified: null, six_month_point_on: null, follow_up_situation: null, follow_up_improved: null, school_completed: 0,
  first_placement_on: null, days_to_first_placement: null, last_position: i,
});

/** The likely-duplicates check's candidates, straight from the tables, on each engine. */
describe.each(testEngines())('duplicate candidates on %s', (engine) => {
  let rm: TestReadModelDb;

  beforeAll(async () => {
    rm = await openTestReadModelDb(engine);
    // 3,000 participants born on distinct days (day i after 1950-01-01), but for the few below.
    const rows: Insertable<ParticipantsTable>[] = [];
    for (let i = 0; i < PARTICIPANTS; i++) rows.push(row(`p-${String(i).padStart(5, '0')}`, 'P-DUP', new Date(Date.UTC(1950, 0, 1 + i)).toISOString().slice(0, 10), 'active', i));
    rows.push(
      row('d-1', 'P-DUP', '2003-08-14'),
      row('d-2', 'P-DUP', '2003-08-14', 'exited'),
      row('d-3', 'P-DUP', '2003-08-14', 'withdrawn'),
      row('w-1', 'P-DUP', '1999-01-01'),
      row('w-2', 'P-DUP', '1999-01-01', 'withdrawn'),
      row('n-1', 'P-DUP', null),
      row('n-2', 'P-DUP', null),
      row('o-1', 'P-OTHER', '2003-08-14'),
    );
    for (let i = 0; i < rows.length; i += 500) await rm.db.insertInto('participants').values(rows.slice(i, i + 500)).execute();
  }, 120_000);
  afterAll(async () => {
    await rm.drop();
  });

  it('answers the participants not withdrawn, and those sharing a birth date with another of them', async () => {
    const { participantIds, sharingBirthDate } = await duplicateCandidates(rm.db, 'P-DUP');
    expect(participantIds.size).toBe(PARTICIPANTS + 5);
    expect(participantIds.has('d-3')).toBe(false);
    expect(participantIds.has('o-1')).toBe(false);
    // A withdrawn twin shares nothing; no birth date is no shared one; another project is apart.
    expect(sharingBirthDate).toEqual([
      { participantId: 'd-1', birthDate: '2003-08-14' },
      { participantId: 'd-2', birthDate: '2003-08-14' },
    ]);
  });

  it('answers nothing for a project of no participants', async () => {
    expect(await duplicateCandidates(rm.db, 'P-NONE')).toEqual({ participantIds: new Set(), sharingBirthDate: [] });
  });
});
