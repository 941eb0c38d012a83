import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { participantStream } from '@pathway/application';
import { SqliteEventStore } from '@pathway/event-store';
import { AUDIT_KEY_ID, BLIND_INDEX_KEY_ID, Sealed, unseal, unsealPersonalData } from '@pathway/privacy';
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
/** Free text typed about him: a qualification, a retraction's reason, the erasure's reason. */
const HALVARD_TEXT = {
  qualification: 'Truck licence for Halvard Ødegård-Plumtree 198402294417 (Körkortsprov)',
  retraction: 'Wrong person: Halvard Ødegård-Plumtree, see ticket (Felregistrering)',
  erasure: 'Halvard Ødegård-Plumtree wrote in: art. 17 request, ticket HP-88 (Raderingsbegäran)',
};
const PLAINTEXT = [...Object.values(HALVARD), ...Object.values(HALVARD_TEXT), 'Plumtree', 'Ødegård', 'Snickarvrån', 'Fjärilsbacken', '404 77 18', 'Körkortsprov', 'Felregistrering', 'Raderingsbegäran'];

const HALVARD_ID = 'hp-participant-1';
const ENROL = '/api/v1/projects/22-015-S01/participants';
const TABLES_OF_THEIR_OWN = new Set(['data_keys', 'audit_log', 'identity_index']);

// The global setup lists PostgreSQL when it answers (and fails a CI run when it does not).
const withPostgres = testEngines().includes('postgres') ? describe : describe.skip;

/** The same erasure story on PostgreSQL: read models, data keys and audit log in the database. */
withPostgres('erasure with PostgreSQL read models and key store', () => {
  const masterKey = randomBytes(32);
  let database: TestDatabase;
  let url: string;
  let pg: Client;
  let t: TestApp;
  const before: { report?: unknown; wrapped?: string; sealed?: Sealed; texts?: Sealed[]; erasureReason?: Sealed } = {};

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
    return (await sealedBoxes()).personal;
  }

  /** Halvard's sealed boxes as the log holds them: personal data, free text, the erasure's reason. */
  async function sealedBoxes(): Promise<{ personal: Sealed; texts: Sealed[]; erasureReason?: Sealed }> {
    const store = new SqliteEventStore(join(t.dataDir, 'events.db'));
    try {
      const events = await store.readStream(participantStream(HALVARD_ID));
      const texts = events.flatMap((e) => [e.type === 'QualificationGained' ? e.data.qualification : null, e.type === 'MilestoneRetracted' ? e.data.reason : null]).filter(Boolean);
      const erasure = events.find((e) => e.type === 'PersonalDataErased');
      return { personal: events[0]!.data.personal as Sealed, texts: texts as Sealed[], erasureReason: erasure?.data.reason as Sealed | undefined };
    } finally {
      await store.close();
    }
  }
  const freeTextIn = async (agent: TestApp['caseworker']) => {
    const { body } = await view(agent).expect(200);
    return body.timeline.flatMap((m: any) => [m.details.qualification, m.retracted?.reason].filter(Boolean));
  };

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
    await t.caseworker
      .post(`/api/v1/participants/${HALVARD_ID}/milestones`)
      .send({ type: 'qualification-gained', occurredOn: '2024-09-01', qualification: HALVARD_TEXT.qualification })
      .expect(201);
    const mistake = await t.caseworker.post(`/api/v1/participants/${HALVARD_ID}/milestones`).send({ type: 'job-search-started', occurredOn: '2024-09-02' }).expect(201);
    await t.caseworker.post(`/api/v1/participants/${HALVARD_ID}/retractions`).send({ eventId: mistake.body.eventId, reason: HALVARD_TEXT.retraction }).expect(201);
    // Another person with a key of their own, so data_keys is not empty after the erasure.
    await t.caseworker
      .post(ENROL)
      .send({ participantId: 'hp-participant-2', enrolledOn: '2024-02-01', profile: entryProfile, personal: { name: 'Signe Torvmark' } })
      .expect(201);
    await projected(t);

    const read = await view(t.caseworker).set('X-Correlation-Id', 'hp-read-1').expect(200);
    expect(read.body.personalData).toEqual({ status: 'recorded', data: HALVARD });
    expect(JSON.stringify(read.body.timeline)).toContain(HALVARD_TEXT.qualification);
    expect(await freeTextIn(t.evaluator)).toEqual([{ status: 'sealed' }, { status: 'sealed' }]);

    before.report = await indicators();
    before.wrapped = (await keyRow(HALVARD_ID)).wrapped!;
    before.sealed = await sealedEnrolment();
    before.texts = (await sealedBoxes()).texts;
    await t.admin.delete(`/api/v1/participants/${HALVARD_ID}/personal-data`).send({ reason: HALVARD_TEXT.erasure }).expect(200);
    before.erasureReason = (await sealedBoxes()).erasureReason;
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

  it('forgets the free text typed about him for everyone; admins alone read the erasure reason', async () => {
    expect(await freeTextIn(t.caseworker)).toEqual([{ status: 'erased' }, { status: 'erased' }]);
    expect(await freeTextIn(t.evaluator)).toEqual([{ status: 'erased' }, { status: 'erased' }]);
    const record = await t.admin.get(`/api/v1/participants/${HALVARD_ID}/erasure`).expect(200);
    expect(record.body.reason).toEqual({ status: 'open', text: HALVARD_TEXT.erasure });
    expect((await t.evaluator.get(`/api/v1/participants/${HALVARD_ID}/history`).expect(200)).body.events.at(-1).data.reason).toEqual({ status: 'sealed' });
  });

  it('holds none of the free text in clear in the log files', () => {
    const logFiles = readdirSync(t.dataDir).filter((name) => name.startsWith('events.db')).map((name) => join(t.dataDir, name));
    expect(logFiles.length).toBeGreaterThan(0);
    const found = logFiles.flatMap((file) => PLAINTEXT.filter((needle) => readFileSync(file).includes(Buffer.from(needle, 'utf8'))));
    expect(found).toEqual([]);
  });

  it('leaves the indicator report exactly as it was', async () => {
    expect(await indicators()).toEqual(before.report);
    expect((before.report as { position: number }).position).toBeGreaterThan(0);
  });

  it('leaves a tombstone in data_keys: wrapped NULL, the time of destruction', async () => {
    expect(await keyRow(HALVARD_ID)).toEqual({ wrapped: null, destroyed_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
  });

  it('leaves him out of the blind index, so his identity number finds no one', async () => {
    expect((await pg.query('SELECT participant_id FROM identity_index')).rows).toEqual([]);
    const found = await t.caseworker.get(`${ENROL}?identityNumber=${HALVARD.nationalIdentityNumber}`).expect(200);
    expect(found.body.items).toEqual([]);
  });

  it("keeps the caseworker's read in the audit table", async () => {
    const { rows } = await pg.query('SELECT subject, role, action, project_id, correlation_id FROM audit_log WHERE participant_id = $1', [HALVARD_ID]);
    expect(rows).toEqual([
      { subject: 'test-caseworker', role: 'caseworker', action: 'personal-data.read', project_id: '22-015-S01', correlation_id: 'hp-read-1' },
      // The admin's reading of the erasure reason (the test above).
      { subject: 'test-admin', role: 'admin', action: 'erasure-reason.read', project_id: '22-015-S01', correlation_id: expect.any(String) },
    ]);
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
    const { rows } = await pg.query<{ participant_id: string; wrapped: string }>('SELECT participant_id, wrapped FROM data_keys WHERE wrapped IS NOT NULL ORDER BY participant_id');
    // The blind-index key is an HMAC key: it seals nothing, and opens nothing either.
    expect(rows.map((r) => r.participant_id)).toEqual(['hp-participant-2', AUDIT_KEY_ID, BLIND_INDEX_KEY_ID]);
    expect(before.texts).toHaveLength(2);
    for (const { wrapped } of rows) {
      const dataKey = unseal(JSON.parse(wrapped) as Sealed, masterKey);
      expect(() => unsealPersonalData(before.sealed!, dataKey)).toThrow();
      for (const box of before.texts!) expect(() => unseal(box, dataKey)).toThrow();
    }
    // The erasure's reason is sealed with the installation's audit key, which stays: accountability.
    expect(before.erasureReason).toMatchObject({ key: { id: AUDIT_KEY_ID, version: 1 } });
    const auditKey = unseal(JSON.parse(rows.find((r) => r.participant_id === AUDIT_KEY_ID)!.wrapped) as Sealed, masterKey);
    expect(unseal(before.erasureReason!, auditKey).toString('utf8')).toBe(HALVARD_TEXT.erasure);
  });

  it('reports a key lost from data_keys as missing (not erased), mints none, and reads again once restored', async () => {
    const saved = (await pg.query('SELECT * FROM data_keys WHERE participant_id = $1', ['hp-participant-2'])).rows[0];
    await pg.query('DELETE FROM data_keys WHERE participant_id = $1', ['hp-participant-2']);
    const other = (agent: TestApp['caseworker']) => agent.get('/api/v1/participants/hp-participant-2').expect(200);
    expect((await other(t.caseworker)).body.personalData).toEqual({ status: 'key-missing' });
    const change = await t.caseworker.patch('/api/v1/participants/hp-participant-2/contact-details').send({ phone: '+46 70 222 33 44' });
    expect([change.status, change.body.code]).toEqual([409, 'PARTICIPANT.KEY_MISSING']);
    expect((await pg.query('SELECT 1 FROM data_keys WHERE participant_id = $1', ['hp-participant-2'])).rowCount).toBe(0);
    await pg.query('INSERT INTO data_keys (participant_id, wrapped, destroyed_at, version) VALUES ($1, $2, $3, $4)', [saved.participant_id, saved.wrapped, saved.destroyed_at, saved.version]);
    expect((await other(t.caseworker)).body.personalData).toEqual({ status: 'recorded', data: { name: 'Signe Torvmark' } });
  });
});
