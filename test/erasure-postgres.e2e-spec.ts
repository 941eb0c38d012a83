import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import { participantStream } from '@pathway/application';
import { SqliteEventStore } from '@pathway/event-store';
import { Sealed, unseal, unsealPersonalData } from '@pathway/privacy';
import { postgresTestDatabase, TestDatabase, testEngines } from '../libs/read-models/src/testing/read-model-engines';
import { entryProfile, framtidProject } from './support/fixtures';
import { removeDir, startApp, TestApp } from './support/test-app';
import { projected } from './support/wait-for';

/** The person of this file: distinctive values, so finding one in a table means it leaked. */
const HALVARD = {
  name: 'Halvard Ødegård-Plumtree',
  phone: '+46 72 404 77 18',
  email: 'halvard.plumtree@example.net',
  address: 'Snickarvrån 9, 703 40 Örebro',
  nationalIdentityNumber: '198402294417',
  notes: 'Keeps bees at the Fjärilsbacken allotment',
};
const PLAINTEXT = [...Object.values(HALVARD), 'Plumtree', 'Ødegård', 'Snickarvrån', 'Fjärilsbacken', '404 77 18'];

const HALVARD_ID = 'hp-participant-1';
const ENROL = '/api/v1/projects/22-015-S01/participants';
const TABLES_OF_THEIR_OWN = new Set(['data_keys', 'audit_log']);

// The global setup lists PostgreSQL when it answers (and fails a CI run when it does not).
const withPostgres = testEngines().includes('postgres') ? describe : describe.skip;

/** The same erasure story on PostgreSQL: read models, data keys and audit log in the database. */
withPostgres('erasure with PostgreSQL read models and key store', () => {
  const masterKey = randomBytes(32);
  let database: TestDatabase;
  let url: string;
  let pg: Client;
  let t: TestApp;
  const before: { report?: unknown; wrapped?: string; sealed?: Sealed } = {};

  const view = (agent: TestApp['caseworker']) => agent.get(`/api/v1/participants/${HALVARD_ID}`);
  const indicators = async () => (await t.evaluator.get('/api/v1/projects/22-015-S01/indicators?to=2026-03-30').expect(200)).body;
  const keyRow = async (participantId: string) =>
    (await pg.query<{ wrapped: string | null; destroyed_at: string | null }>('SELECT wrapped, destroyed_at FROM data_keys WHERE participant_id = $1', [participantId])).rows[0];

  /** Every row of every table in the public schema as text, by table. */
  async function dumpPublicSchema(): Promise<Record<string, string>> {
    const { rows } = await pg.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name",
    );
    const dump: Record<string, string> = {};
    for (const { table_name } of rows) {
      const { rows: texts } = await pg.query<{ row: string }>(`SELECT t::text AS row FROM public."${table_name.replace(/"/g, '""')}" t`);
      dump[table_name] = texts.map((r) => r.row).join('\n');
    }
    return dump;
  }
  const holding = (dump: Record<string, string>, needles: string[]) =>
    Object.entries(dump).flatMap(([table, text]) => needles.filter((needle) => text.includes(needle)).map((needle) => `${table}: ${needle}`));

  async function sealedEnrolment(): Promise<Sealed> {
    const store = new SqliteEventStore(join(t.dataDir, 'events.db'));
    try {
      const [enrolment] = await store.readStream(participantStream(HALVARD_ID));
      return enrolment.data.personal as Sealed;
    } finally {
      await store.close();
    }
  }

  beforeAll(async () => {
    database = await postgresTestDatabase();
    url = database.config.engine === 'postgres' ? database.config.url : '';
    t = await startApp(undefined, { READ_MODEL_DB: 'postgres', DATABASE_URL: url, MASTER_KEY: masterKey.toString('hex') });
    pg = new Client({ connectionString: url });
    await pg.connect();

    await t.admin.post('/api/v1/projects').send(framtidProject).expect(201);
    await t.caseworker.post(ENROL).send({ participantId: HALVARD_ID, enrolledOn: '2024-01-15', profile: entryProfile, personal: HALVARD }).expect(201);
    await t.caseworker
      .post(`/api/v1/participants/${HALVARD_ID}/milestones`)
      .send({ type: 'job-placed', occurredOn: '2024-10-14', employment: 'employee', contract: 'temporary', hoursPerWeek: 30 })
      .expect(201);
    // Another person with a key of their own, so data_keys is not empty after the erasure.
    await t.caseworker
      .post(ENROL)
      .send({ participantId: 'hp-participant-2', enrolledOn: '2024-02-01', profile: entryProfile, personal: { name: 'Signe Torvmark' } })
      .expect(201);
    await projected(t);

    const read = await view(t.caseworker).set('X-Correlation-Id', 'hp-read-1').expect(200);
    expect(read.body.personalData).toEqual({ status: 'recorded', data: HALVARD });

    before.report = await indicators();
    before.wrapped = (await keyRow(HALVARD_ID)).wrapped!;
    before.sealed = await sealedEnrolment();
    await t.admin.delete(`/api/v1/participants/${HALVARD_ID}/personal-data`).send({ reason: 'GDPR art. 17 request, ticket HP-88' }).expect(200);
    await projected(t);
  }, 30_000);

  afterAll(async () => {
    await pg?.end();
    await t?.close();
    if (t) removeDir(t.dataDir);
    await database?.drop();
  });

  it("had a key in data_keys that opened the enrolment's sealed block before the erasure", () => {
    const dataKey = unseal(JSON.parse(before.wrapped!) as Sealed, masterKey);
    expect(unsealPersonalData(before.sealed!, dataKey)).toEqual(HALVARD);
  });

  it('shows caseworker and evaluator that the data was erased', async () => {
    const erased = { status: 'erased', erasedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) };
    expect((await view(t.caseworker).expect(200)).body.personalData).toEqual(erased);
    expect((await view(t.evaluator).expect(200)).body.personalData).toEqual(erased);
  });

  it('leaves the indicator report exactly as it was', async () => {
    expect(await indicators()).toEqual(before.report);
    expect((before.report as { position: number }).position).toBeGreaterThan(0);
  });

  it('leaves a tombstone in data_keys: wrapped NULL, the time of destruction', async () => {
    expect(await keyRow(HALVARD_ID)).toEqual({ wrapped: null, destroyed_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
  });

  it("keeps the caseworker's read in the audit table", async () => {
    const { rows } = await pg.query('SELECT subject, role, action, project_id, correlation_id FROM audit_log WHERE participant_id = $1', [HALVARD_ID]);
    expect(rows).toEqual([{ subject: 'test-caseworker', role: 'caseworker', action: 'personal-data.read', project_id: '22-015-S01', correlation_id: 'hp-read-1' }]);
  });

  it('holds neither the clear text nor the sealed box in any read-model table', async () => {
    const dump = await dumpPublicSchema();
    const readModels = Object.fromEntries(Object.entries(dump).filter(([table]) => !TABLES_OF_THEIR_OWN.has(table)));
    // The search works: the read models do hold the participant.
    expect(holding(readModels, [HALVARD_ID]).length).toBeGreaterThan(0);
    expect(holding(readModels, [...PLAINTEXT, before.sealed!.ciphertext])).toEqual([]);
    expect(holding(dump, PLAINTEXT)).toEqual([]);
  });

  it("holds the destroyed key's wrapped bytes in no table", async () => {
    const { ciphertext } = JSON.parse(before.wrapped!) as Sealed;
    expect(holding(await dumpPublicSchema(), [ciphertext])).toEqual([]);
  });

  it("cannot open the enrolment's sealed block with any key left in data_keys", async () => {
    const { rows } = await pg.query<{ participant_id: string; wrapped: string }>('SELECT participant_id, wrapped FROM data_keys WHERE wrapped IS NOT NULL');
    expect(rows.map((r) => r.participant_id)).toEqual(['hp-participant-2']);
    for (const { wrapped } of rows) {
      const dataKey = unseal(JSON.parse(wrapped) as Sealed, masterKey);
      expect(() => unsealPersonalData(before.sealed!, dataKey)).toThrow();
    }
  });
});
