import { Workbook } from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathway } from './support/cli';
import { entryProfile, framtidProject } from './support/fixtures';
import { removeDir, startApp, TestApp } from './support/test-app';
import { projected } from './support/wait-for';

/** The person of this file: distinctive values, so finding one where it must not be means it leaked. */
const ASTRID = { name: 'Astrid Lövkvist-Rönnholm', phone: '+46 70 313 42 17', nationalIdentityNumber: '199203037788' };
const ASTRID_TEXT = {
  qualification: 'Forklift licence (Truckkort A) for Astrid',
  retraction: 'Recorded on the wrong person (Felpost 12)',
  correction: 'Day of birth typed wrong (Födelsedag 15)',
  erasure: 'Asked by phone to be forgotten (art. 17), ticket AL-31',
};
const ASTRID_ID = 'al-participant-1';
const BENGT_ID = 'al-participant-2';
const ENROL = '/api/v1/projects/22-015-S01/participants';
const ACCESS = (id: string) => `/api/v1/participants/${id}/subject-access`;

type Section = { id: string; title: string; explanation: string; columns: Array<{ key: string; label: string }>; rows: Array<Record<string, unknown>> };
const section = (document: { sections: Section[] }, id: string) => document.sections.find((s) => s.id === id)!;

describe('subject access (GDPR articles 15 and 20)', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startApp();
    await t.admin.post('/api/v1/projects').send(framtidProject).expect(201);
    await t.caseworker.post(ENROL).send({ participantId: ASTRID_ID, enrolledOn: '2024-01-15', profile: entryProfile, personal: ASTRID }).expect(201);
    const record = (body: object) => t.caseworker.post(`/api/v1/participants/${ASTRID_ID}/milestones`).send(body).expect(201);
    ids.training = (await record({ type: 'intervention-started', occurredOn: '2024-02-01', interventionId: 'iv-1', kind: 'training-course' })).body.eventId;
    ids.qualification = (await record({ type: 'qualification-gained', occurredOn: '2024-06-01', qualification: ASTRID_TEXT.qualification, iscedLevel: 'isced-3-4' })).body.eventId;
    ids.job = (await record({ type: 'job-placed', occurredOn: '2024-09-02', employment: 'employee', contract: 'temporary', hoursPerWeek: 30 })).body.eventId;
    ids.retraction = (await t.caseworker.post(`/api/v1/participants/${ASTRID_ID}/retractions`).send({ eventId: ids.job, reason: ASTRID_TEXT.retraction }).expect(201)).body.eventId;
    ids.correction = (await t.caseworker.post(`/api/v1/participants/${ASTRID_ID}/corrections`).send({ corrected: { birthDate: '2003-08-15' }, reason: ASTRID_TEXT.correction }).expect(201)).body.eventId;
    await t.caseworker.post(ENROL).send({ participantId: BENGT_ID, enrolledOn: '2024-02-01', profile: entryProfile, personal: { name: 'Bengt Ystad' } }).expect(201);
    await t.caseworker.post(`/api/v1/participants/${BENGT_ID}/withdrawal`).send({ ground: 'never-took-part', reason: 'Signed up but never came' }).expect(201);
    await projected(t);
    await t.caseworker.get(`/api/v1/participants/${ASTRID_ID}`).expect(200); // a caseworker's read: audited
    await t.admin.delete(`/api/v1/participants/${ASTRID_ID}/personal-data`).send({ reason: ASTRID_TEXT.erasure }).expect(200);
    await projected(t);
  }, 30_000);

  afterAll(async () => {
    await t?.close();
    if (t) removeDir(t.dataDir);
  });

  it('answers admins only', async () => {
    for (const agent of [t.caseworker, t.evaluator, t.funder]) {
      const refused = await agent.get(ACCESS(ASTRID_ID)).expect(403);
      expect(refused.body.code).toBe('AUTH.FORBIDDEN');
    }
    await t.anonymous().get(ACCESS(ASTRID_ID)).expect(401);
    expect((await t.admin.get(ACCESS('no-such-person')).expect(404)).body.code).toBe('PARTICIPANT.NOT_FOUND');
    expect((await t.admin.get(`${ACCESS(ASTRID_ID)}?format=pdf`).expect(400)).body.errors).toEqual([expect.objectContaining({ field: 'format' })]);
  });

  it('tells an erased person everything held about their pathway, what was erased and when, and who read their data', async () => {
    const { body: doc, headers } = await t.admin.get(ACCESS(ASTRID_ID)).set('X-Correlation-Id', 'sar-astrid-1').expect(200);
    expect(headers['cache-control']).toBe('no-store');
    expect(doc).toMatchObject({ schema: 'pathway.subject-access.v1', language: 'en', title: 'Everything Pathway holds about you', participantId: ASTRID_ID });
    expect(doc.sections.map((s: Section) => s.id)).toEqual(['about', 'entry-profile', 'personal-data', 'records', 'retractions', 'corrections', 'reads', 'notices', 'erasure']);
    for (const s of doc.sections as Section[]) expect(s.explanation.length).toBeGreaterThan(40);

    expect(section(doc, 'about').rows).toContainEqual({ item: 'Project', value: '22-015-S01 #framtid' });
    expect(section(doc, 'entry-profile').rows).toEqual([
      { field: 'Enrolment date', value: '2024-01-15', note: null },
      // As corrected, with the value first recorded beside it.
      { field: 'Birth date', value: '2003-08-15', note: expect.stringMatching(/^corrected \d{4}-\d\d-\d\dT.*Z; first recorded: 2003-08-14$/) },
      { field: 'Gender', value: 'Woman', note: null },
      { field: 'Situation on the labour market', value: 'Long-term unemployed', note: null },
      { field: 'Highest education (ISCED)', value: 'Compulsory school or less (ISCED 0–2)', note: null },
      { field: 'In education or training', value: 'no', note: null },
      { field: 'Disability', value: 'not disclosed', note: null },
      { field: 'Citizen of a country outside the EU', value: 'no', note: null },
      { field: 'Foreign background', value: 'yes', note: null },
      { field: 'Minority', value: 'not disclosed', note: null },
      { field: 'Homeless or excluded from housing', value: 'no', note: null },
      { field: 'Living in a rural area', value: 'no', note: null },
    ]);
    expect(section(doc, 'personal-data').rows).toEqual([{ field: 'Status', value: 'Your personal details were erased (see the erasure sheet).' }]);

    const records = section(doc, 'records').rows;
    expect(records.map((r) => [r.entry, r.occurredOn, r.recordedBy, r.role])).toEqual([
      ['Enrolled', '2024-01-15', 'test-caseworker', 'Caseworker'],
      ['Activity started', '2024-02-01', 'test-caseworker', 'Caseworker'],
      ['Gained a qualification', '2024-06-01', 'test-caseworker', 'Caseworker'],
      ['Got a job', '2024-09-02', 'test-caseworker', 'Caseworker'],
      ['Milestone retracted', null, 'test-caseworker', 'Caseworker'],
      ['Entry answers corrected', null, 'test-caseworker', 'Caseworker'],
      ['Personal data erased', null, 'test-admin', 'Administrator'],
    ]);
    expect(records.map((r) => r.eventId).slice(1, 5)).toEqual([ids.training, ids.qualification, ids.job, ids.retraction]);
    for (const r of records) expect(r.recordedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/);
    expect(records[1]!.details).toBe('Activity id: iv-1; Kind: Training course');
    // Free text typed about her went with her key.
    expect(records[2]!.details).toBe('Level (ISCED): Upper secondary or post-secondary (ISCED 3–4); Qualification: [erased]');
    expect(records[3]!.status).toMatch(/^Milestone retracted \d{4}-/);
    expect(records[0]!.status).toBeNull();

    expect(section(doc, 'retractions').rows).toEqual([
      { recordedAt: records[4]!.recordedAt, retractedEntry: 'Got a job', occurredOn: '2024-09-02', reason: '[erased]', recordedBy: 'test-caseworker', role: 'Caseworker', retractedEntryId: ids.job },
    ]);
    expect(section(doc, 'corrections').rows).toEqual([
      { recordedAt: records[5]!.recordedAt, entry: 'Entry answers corrected', details: expect.stringMatching(/^Corrected on: \d{4}-\d\d-\d\d; Birth date: 2003-08-15; Reason: \[erased\]$/), recordedBy: 'test-caseworker', role: 'Caseworker', eventId: ids.correction },
    ]);

    const reads = section(doc, 'reads').rows;
    expect(reads.map((r) => [r.who, r.role, r.action])).toEqual([
      ['test-caseworker', 'Caseworker', 'Personal data read'],
      ['test-admin', 'Administrator', 'Subject access document'],
    ]);

    expect(section(doc, 'notices').rows.map((r) => [r.notice, r.occurredOn, r.status])).toEqual([
      ['Enrolled', '2024-01-15', 'not sent (no connected systems)'],
      ['Activity started', '2024-02-01', 'not sent (no connected systems)'],
      ['Gained a qualification', '2024-06-01', 'not sent (no connected systems)'],
      ['Got a job', '2024-09-02', 'not sent (no connected systems)'],
      ['Milestone retracted', null, 'not sent (no connected systems)'],
      ['Personal data erased', null, 'not sent (no connected systems)'],
    ]);
    expect(JSON.parse(section(doc, 'notices').rows[3]!.message as string)).toMatchObject({ participantId: ASTRID_ID, codes: { employment: 'employee', contract: 'temporary', hoursPerWeek: 30 } });

    expect(section(doc, 'erasure').rows).toEqual([
      { erasedAt: records[6]!.recordedAt, erasedBy: 'test-admin', reason: ASTRID_TEXT.erasure, erased: expect.stringContaining('key that opens them was destroyed') },
    ]);
    // Nothing of what was erased comes back.
    const text = JSON.stringify(doc);
    for (const gone of [ASTRID.name, ASTRID.phone, ASTRID.nationalIdentityNumber, ASTRID_TEXT.qualification, ASTRID_TEXT.retraction, ASTRID_TEXT.correction]) expect(text).not.toContain(gone);

    // The read itself is in the audit log, under the request's correlation id.
    const audit = await t.admin.get(`/api/v1/audit?participantId=${ASTRID_ID}`).expect(200);
    expect(audit.body.entries).toContainEqual(expect.objectContaining({ action: 'subject-access.read', subject: 'test-admin', correlationId: 'sar-astrid-1', projectId: '22-015-S01' }));
  });

  it('opens the personal data and free text of a person not erased, and audits that read', async () => {
    const { body: doc } = await t.admin.get(ACCESS(BENGT_ID)).expect(200);
    expect(section(doc, 'personal-data').rows).toEqual([{ field: 'Name', value: 'Bengt Ystad' }]);
    expect(section(doc, 'corrections').rows).toEqual([
      expect.objectContaining({ entry: 'Enrolment withdrawn as made in error', details: expect.stringMatching(/Ground: The person never took part; Already enrolled as: not recorded; Reason: Signed up but never came$/) }),
    ]);
    expect(section(doc, 'notices').rows.map((r) => r.notice)).toEqual(['Enrolled', 'Enrolment withdrawn as made in error']);
    expect(section(doc, 'erasure').rows).toEqual([]);
    expect(section(doc, 'reads').rows).toEqual([expect.objectContaining({ who: 'test-admin', action: 'Subject access document' })]);
  });

  it('writes the same document as a workbook, one sheet per section, in Swedish too', async () => {
    const response = await t.admin
      .get(`${ACCESS(ASTRID_ID)}?format=xlsx&lang=sv`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const workbook = new Workbook();
    await workbook.xlsx.load(response.body as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Om dokumentet',
      'Inskrivning',
      'Personuppgifter',
      'Vägen',
      'Återkallat',
      'Rättelser',
      'Läsningar',
      'Skickade meddelanden',
      'Radering',
    ]);
    const records = workbook.getWorksheet('Vägen')!;
    expect(records.getCell('A1').value).toBe('Allt som registrerats om din väg');
    expect(records.getRow(4).values).toEqual([undefined, 'Registrerat', 'Vad', 'Datum då det hände', 'Detaljer', 'Status', 'Registrerat av', 'Roll', 'Antecknings-id']);
    expect(records.getCell('B5').value).toBe('Inskriven');
    expect(records.getCell('D7').value).toBe('Nivå (ISCED): Gymnasial eller eftergymnasial (ISCED 3–4); Kvalifikation: [raderat]');
    expect(records.getCell('G5').value).toBe('Handläggare');
    const erasure = workbook.getWorksheet('Radering')!;
    expect(erasure.getCell('B5').value).toBe('test-admin');
    expect(erasure.getCell('C5').value).toBe(ASTRID_TEXT.erasure);
  });

  it('gives the same document from the command line, audited under the admin it names', async () => {
    const out = join(t.dataDir, 'astrid.json');
    await pathway(t.dataDir, 'subject-access', '--participant', ASTRID_ID, '--out', out, '--actor', 'admin-cli-7');
    const fromCli = JSON.parse(readFileSync(out, 'utf8'));
    const { body: fromApi } = await t.admin.get(ACCESS(ASTRID_ID)).expect(200);
    const withoutTimes = (doc: { sections: Section[] }) => doc.sections.filter((s) => !['about', 'reads'].includes(s.id));
    expect(withoutTimes(fromCli)).toEqual(withoutTimes(fromApi));
    expect(section(fromApi, 'reads').rows).toContainEqual(expect.objectContaining({ who: 'admin-cli-7', role: 'Administrator', action: 'Subject access document' }));
    await expect(pathway(t.dataDir, 'subject-access', '--participant', 'nobody-here')).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('No participant nobody-here') });
  }, 60_000);
});
