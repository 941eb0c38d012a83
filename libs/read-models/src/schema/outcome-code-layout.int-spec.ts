import { currentEntry, deriveOutcome, EnrolmentFact } from '@pathway/indicators';
import { ensureSchema } from './ensure-schema';
import { openReadModelDb, ReadModelDb } from './open-read-model-db';
import { participantRow } from '../projection/rows';
import { OUTCOME_CODE_LAYOUT, storeOutcomeCodes } from '../queries/report-cells';
import { testDatabase, testEngines, TestDatabase } from '../testing/read-model-engines';

const enrolment = (participantId: string, gender: 'woman' | 'man'): EnrolmentFact => ({
  participantId,
  projectId: 'P',
  enrolledOn: '2025-02-03',
  recordedAt: '2025-02-03T09:00:00.000Z',
  position: 1,
  profile: {
    birthDate: '1999-04-01', gender, labourMarketStatus: 'unemployed', educationLevel: 'isced-3-4', inEducationOrTraining: false,
    disability: null, thirdCountryNational: false, foreignBackground: true, minority: null, homeless: false, ruralArea: false,
  },
});

/** The report's stored codes (participants.outcome_code) are stored again when the classes they hold change. */
describe.each(testEngines())('outcome code layout on %s', (engine) => {
  let database: TestDatabase;
  let rm: ReadModelDb;

  beforeAll(async () => {
    database = await testDatabase(engine);
    rm = openReadModelDb(database.config);
  });
  afterAll(async () => {
    await rm.db.destroy();
    await database.drop();
  });

  const codes = async () => (await rm.db.selectFrom('participants').select(['participant_id', 'outcome_code']).orderBy('participant_id').execute());
  const layout = async () => (await rm.db.selectFrom('read_model_meta').select('value').where('key', '=', 'outcome_code_layout').executeTakeFirst())?.value;

  it('stores every code again at start when the layout that wrote them is not the current one', async () => {
    await ensureSchema(rm.db);
    expect(await layout()).toBe(OUTCOME_CODE_LAYOUT);
    const rows = [enrolment('a', 'woman'), enrolment('b', 'man')].map((e) => participantRow(e, currentEntry(e, []), deriveOutcome(e, []), 1));
    await rm.db.insertInto('participants').values(rows).execute();
    await storeOutcomeCodes(rm.db, 'participants', 'all');
    const stored = await codes();
    expect(stored.every((row) => row.outcome_code !== null)).toBe(true);
    // Two participants differing in gender, a field the report counts by class: two codes.
    expect(stored[0]!.outcome_code).not.toBe(stored[1]!.outcome_code);

    // Codes written by an older layout, which would be read as other classes.
    await rm.db.updateTable('participants').set({ outcome_code: 7 }).execute();
    await rm.db.updateTable('read_model_meta').set({ value: '[["gender",["man","woman"]]]' }).where('key', '=', 'outcome_code_layout').execute();
    expect(await ensureSchema(rm.db)).toEqual({ recreated: false });
    expect(await codes()).toEqual(stored);
    expect(await layout()).toBe(OUTCOME_CODE_LAYOUT);
  });
});
