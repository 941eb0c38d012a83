import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Workbook } from 'exceljs';
import { CommandDependencies } from '@pathway/application';
import { COMMAND_DEPENDENCIES } from '@pathway/runtime';
import { testEngines } from '../libs/read-models/src/testing/read-model-engines';
import { pathwayWith } from './support/cli';
import { entryProfile, framtidProject } from './support/fixtures';
import { EngineTestApp, startAppOn } from './support/test-app';
import { projected } from './support/wait-for';

const PROJECT = framtidProject.id; // #framtid: 2023-03-31 to 2026-03-30, Europe/Stockholm
const FILES = `/api/v1/projects/${PROJECT}/participant-files`;
const ANNA = { name: 'Anna Testsson', nationalIdentityNumber: '200308142389' };
const BO = { name: 'Bo Exempel', nationalIdentityNumber: '199001019876' };
/** Protected identity (skyddad identitet): the file carries the replacement code, never these numbers. */
const EVA = { nationalIdentityNumber: '198507031237', protectedIdentity: true };
const FIA = { nationalIdentityNumber: '197711112222', protectedIdentity: true };
const GUS = { nationalIdentityNumber: '199203034567' };
const PROTECTED_INCOMPLETE = 'Skyddad identitet: ersättningskoden kan inte bildas (födelsedatum eller kön saknas i inskrivningsuppgifterna)';

/**
 * Issue 12.2: the monthly participant file for Statistics Sweden, with an injected clock across
 * month ends in the project's zone: a month's rows, identity numbers opened for admins only and
 * audited, a month recorded as sent, and the months to send again after a late enrolment, a
 * retracted exit and an erasure; a re-entry; protected identity written as the replacement code;
 * the months due and to resend on an admin's Today; and `pathway participant-file` on the same data.
 */
describe.each(testEngines())('the monthly participant file (SCB) with %s read models', (engine) => {
  let t: EngineTestApp;
  let clock: Date;
  const at = (instant: string) => {
    clock = new Date(instant);
  };
  const enrol = (participantId: string, enrolledOn: string, personal?: object, profile: object = entryProfile) =>
    t.caseworker.post(`/api/v1/projects/${PROJECT}/participants`).send({ participantId, enrolledOn, profile, personal }).expect(201);
  const record = async (participantId: string, milestone: object) =>
    (await t.caseworker.post(`/api/v1/participants/${participantId}/milestones`).send(milestone).expect(201)).body.eventId as string;
  const months = async () => {
    await projected(t);
    const { body } = await t.admin.get(FILES).expect(200);
    return new Map<string, { status: string; changes: unknown; after: string | null; dueBy: string }>(body.map((m: { month: string }) => [m.month, m]));
  };
  const csvRows = async (month: string) => {
    await projected(t);
    const response = await t.admin.get(`${FILES}/${month}?format=csv`).expect(200);
    const lines = response.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    return { header: lines[0], rows: lines.slice(1), asKnownOn: response.headers['x-as-known-on'] as string, digest: response.headers.digest as string };
  };
  let boExit: string;
  let januaryFile: { asKnownOn: string; digest: string };

  beforeAll(async () => {
    t = await startAppOn(engine);
    t.app.get<CommandDependencies>(COMMAND_DEPENDENCIES, { strict: false }).now = () => clock;
    at('2024-01-10T09:00:00Z');
    await t.admin.post('/api/v1/projects').send(framtidProject).expect(201);
    await enrol('anna', '2024-01-08', ANNA);
    await enrol('bo', '2024-01-09', BO);
    at('2024-01-25T09:00:00Z');
    boExit = await record('bo', { type: 'exited', occurredOn: '2024-01-24', reason: 'completed', situation: 'job-searching' });
  }, 30_000);
  afterAll(async () => {
    await t?.stop();
  });

  it('lists no month before it has ended in Stockholm, then the ended ones with their due dates', async () => {
    at('2024-01-31T22:59:00Z'); // 23:59 on 31 January in Stockholm: January has not ended
    expect((await months()).has('2024-01')).toBe(false);
    at('2024-01-31T23:00:00Z'); // midnight: 1 February in Stockholm
    const listed = await months();
    expect([...listed.keys()][0]).toBe('2023-03');
    expect(listed.get('2024-01')).toMatchObject({ status: 'not-sent', dueBy: '2024-02-28', changes: null, after: null });
    expect(listed.get('2023-12')).toMatchObject({ status: 'overdue', dueBy: '2024-01-28' });
  });

  it("writes January: who started, and the end date of who ended, with their identity numbers", async () => {
    at('2024-02-02T09:00:00Z');
    const file = await csvRows('2024-01');
    expect(file.header).toBe('Personnummer,Startdatum,Slutdatum,Anmärkning');
    expect(file.rows).toEqual(['200308142389,2024-01-08,,', '199001019876,2024-01-09,2024-01-24,']);
    expect(file.asKnownOn).toBe('2024-02-02T09:00:00.000Z');
    januaryFile = file;
    const xlsx = await t.admin.get(`${FILES}/2024-01?format=xlsx`).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    }).expect(200);
    const workbook = new Workbook();
    await workbook.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Deltagare')!;
    expect(sheet.getRow(2).values).toEqual([undefined, '200308142389', '2024-01-08', '', '']);
    expect(typeof sheet.getCell('A3').value).toBe('string'); // the number keeps its digits as text
  });

  it('opens identity numbers for admins only, and audits each one opened', async () => {
    for (const agent of [t.caseworker, t.evaluator, t.funder]) {
      expect((await agent.get(`${FILES}/2024-01`)).status).toBe(403);
      expect((await agent.get(FILES)).status).toBe(403);
    }
    const { entries } = (await t.admin.get('/api/v1/audit?participantId=bo').expect(200)).body;
    expect(entries.filter((e: { action: string }) => e.action === 'participant-file.read')).toHaveLength(2); // the CSV and the XLSX
  });

  it('records January as sent, and refuses a month still running or outside the project', async () => {
    const { body } = await t.admin.post(`${FILES}/2024-01/sent`).send({ asKnownOn: januaryFile.asKnownOn, fileDigest: januaryFile.digest }).expect(201);
    expect(body).toMatchObject({ month: '2024-01', asKnownOn: januaryFile.asKnownOn, rows: 2, fileDigest: januaryFile.digest });
    expect((await months()).get('2024-01')).toMatchObject({ status: 'sent' });
    const running = await t.admin.post(`${FILES}/2024-02/sent`).send({ asKnownOn: '2024-02-02T09:00:00Z' });
    expect([running.status, running.body.code]).toEqual([422, 'PARTICIPANT_FILE.MONTH_NOT_ENDED']);
    const before = await t.admin.post(`${FILES}/2023-01/sent`).send({ asKnownOn: '2024-02-02T09:00:00Z' });
    expect([before.status, before.body.code]).toEqual([422, 'PARTICIPANT_FILE.OUTSIDE_PROJECT_PERIOD']);
    const future = await t.admin.post(`${FILES}/2024-01/sent`).send({ asKnownOn: '2024-02-03T09:00:00Z' });
    expect([future.status, future.body.errors?.[0]?.field]).toEqual([400, 'asKnownOn']);
    const badMonth = await t.admin.get(`${FILES}/2024-13`);
    expect([badMonth.status, badMonth.body.errors?.[0]?.field]).toEqual([400, 'month']);
    expect((await t.admin.get('/api/v1/projects/no-such/participant-files')).status).toBe(404);
    expect((await t.caseworker.post(`${FILES}/2024-01/sent`).send({ asKnownOn: januaryFile.asKnownOn })).status).toBe(403);
  });

  it('flags January and every later sent month after a late enrolment in January', async () => {
    at('2024-03-02T09:00:00Z');
    await enrol('cleo', '2024-02-10');
    const february = await csvRows('2024-02');
    expect(february.rows).toEqual([',2024-02-10,,Inget personnummer registrerat']);
    await t.admin.post(`${FILES}/2024-02/sent`).send({ asKnownOn: february.asKnownOn }).expect(201);
    expect((await months()).get('2024-02')).toMatchObject({ status: 'sent' });

    at('2024-03-05T09:00:00Z');
    await enrol('dan', '2024-01-30'); // recorded five weeks late
    const listed = await months();
    expect(listed.get('2024-01')).toMatchObject({
      status: 'resend',
      changes: { added: [{ participantId: 'dan', startDate: '2024-01-30', endDate: null }], removed: [] },
      after: null,
    });
    expect(listed.get('2024-02')).toMatchObject({ status: 'resend', changes: null, after: '2024-01' });
  });

  it("shows a retracted exit as January's changed row, and writes an erased person's row without the number", async () => {
    at('2024-03-06T09:00:00Z');
    await t.caseworker.post('/api/v1/participants/bo/retractions').send({ eventId: boExit, reason: 'Wrong participant' }).expect(201);
    expect((await months()).get('2024-01')).toMatchObject({
      changes: {
        added: [{ participantId: 'bo', startDate: '2024-01-09', endDate: null }, { participantId: 'dan', startDate: '2024-01-30', endDate: null }],
        removed: [{ participantId: 'bo', startDate: '2024-01-09', endDate: '2024-01-24' }],
      },
    });
    await t.admin.delete('/api/v1/participants/anna/personal-data').send({ reason: 'Art. 17 request, ticket 7' }).expect(200);
    at('2024-03-07T09:00:00Z');
    const file = await csvRows('2024-01');
    expect(file.rows).toEqual([
      ',2024-01-08,,Personuppgifterna är raderade: personnumret kan inte längre tas fram',
      '199001019876,2024-01-09,,',
      ',2024-01-30,,Inget personnummer registrerat',
    ]);
  });

  it('reports an exit and a re-entry in the same month as the end of one stay and the start of the next', async () => {
    at('2024-04-10T09:00:00Z');
    await record('cleo', { type: 'exited', occurredOn: '2024-04-05', reason: 'completed', situation: 'job-searching' });
    await record('cleo', { type: 're-entered', occurredOn: '2024-04-08' });
    at('2024-05-02T09:00:00Z');
    expect((await csvRows('2024-04')).rows.slice(0, 2)).toEqual([',2024-02-10,2024-04-05,Inget personnummer registrerat', ',2024-04-08,,Inget personnummer registrerat']);
  });

  it('writes the replacement code for a person with protected identity, never the number', async () => {
    at('2024-04-10T09:00:00Z');
    await enrol('eva', '2024-04-09', EVA, { ...entryProfile, birthDate: '1985-07-03', gender: 'woman' });
    await enrol('fia', '2024-04-09', FIA, { ...entryProfile, birthDate: '1977-11-11', gender: null }); // no gender: no code
    await enrol('gus', '2024-04-09', GUS, { ...entryProfile, birthDate: '1992-03-03', gender: 'man' });
    // Protected identity granted after enrolment: recorded as a change of the sealed details.
    await t.caseworker.patch('/api/v1/participants/gus/contact-details').send({ protectedIdentity: true }).expect(200);
    const refused = await t.caseworker.patch('/api/v1/participants/gus/contact-details').send({ protectedIdentity: 'yes' });
    expect([refused.status, refused.body.errors?.[0]?.field]).toEqual([400, 'protectedIdentity']);
    at('2024-05-02T10:00:00Z'); // a later instant than the last file's: a cut-off, once past, is kept
    const april = await csvRows('2024-04');
    expect(april.rows.slice(2)).toEqual(['19850703TF29,2024-04-09,,', `,2024-04-09,,${PROTECTED_INCOMPLETE}`, '19920303TM29,2024-04-09,,']);
    const text = april.rows.join('\n');
    for (const number of [EVA.nationalIdentityNumber, FIA.nationalIdentityNumber, GUS.nationalIdentityNumber]) expect(text).not.toContain(number);
    const { entries } = (await t.admin.get('/api/v1/audit?participantId=eva').expect(200)).body;
    expect(entries.filter((e: { action: string }) => e.action === 'participant-file.read')).toHaveLength(1);
  });

  it("shows an admin on Today the months due and to resend, and a caseworker nothing of it", async () => {
    at('2024-05-02T11:00:00Z');
    await projected(t);
    const { body } = await t.admin.get(`/api/v1/projects/${PROJECT}/worklist`).expect(200);
    expect(body.participantFiles.due).toContainEqual({ month: '2024-04', dueBy: '2024-05-28', overdue: false });
    expect(body.participantFiles.due).toContainEqual({ month: '2024-03', dueBy: '2024-04-28', overdue: true });
    expect(body.participantFiles.due.map((d: { month: string }) => d.month)).not.toContain('2024-01');
    expect(body.participantFiles.resend).toEqual([
      { month: '2024-01', reason: 'changed', added: 2, removed: 1, after: null },
      { month: '2024-02', reason: 'follows', added: 0, removed: 0, after: '2024-01' },
    ]);
    const caseworker = await t.caseworker.get(`/api/v1/projects/${PROJECT}/worklist`).expect(200);
    expect(caseworker.body).not.toHaveProperty('participantFiles');
  });

  it('keeps February to resend after January is sent again, as SCB reads every later month again', async () => {
    at('2024-05-03T09:00:00Z');
    const january = await csvRows('2024-01');
    await t.admin.post(`${FILES}/2024-01/sent`).send({ asKnownOn: january.asKnownOn, fileDigest: january.digest }).expect(201);
    const listed = await months();
    expect(listed.get('2024-01')).toMatchObject({ status: 'sent' });
    expect(listed.get('2024-02')).toMatchObject({ status: 'resend', changes: null, after: '2024-01' });
    const february = await csvRows('2024-02');
    await t.admin.post(`${FILES}/2024-02/sent`).send({ asKnownOn: february.asKnownOn }).expect(201);
    expect((await months()).get('2024-02')).toMatchObject({ status: 'sent' });
  });

  it('writes the same file from the command line, audited as the CLI, and lists the months with --status', async () => {
    await projected(t);
    const out = join(t.dataDir, 'april.csv');
    const written = await pathwayWith(t.settings, t.dataDir, 'participant-file', '--project', PROJECT, '--month', '2024-04', '--format', 'csv', '--out', out, '--actor', 'cli:admin-7');
    expect(written.stdout).toMatch(/april\.csv {2}sha-256=\S+ {2}as known on \d{4}-/);
    const lines = readFileSync(out, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('Personnummer,Startdatum,Slutdatum,Anmärkning');
    expect(lines).toContain('19850703TF29,2024-04-09,,');
    const { entries } = (await t.admin.get('/api/v1/audit?participantId=eva').expect(200)).body;
    expect(entries.filter((e: { action: string; subject: string }) => e.action === 'participant-file.read' && e.subject === 'cli:admin-7')).toHaveLength(1);

    const status = await pathwayWith(t.settings, t.dataDir, 'participant-file', '--project', PROJECT, '--status');
    expect(status.stdout).toMatch(/^2024-01 {2}sent {6}due 2024-02-28 {2}sent as known on 2024-05-03T09:00:00.000Z \(3 rows\)$/m);
    expect(status.stdout).toMatch(/^2024-04 {2}overdue {3}due 2024-05-28$/m); // the CLI runs on the real clock
    const json = JSON.parse((await pathwayWith(t.settings, t.dataDir, 'participant-file', '--project', PROJECT, '--status', '--json')).stdout);
    expect(json.find((m: { month: string }) => m.month === '2024-02')).toMatchObject({ status: 'sent', dueBy: '2024-03-28' });

    // Recorded as sent from the command line, with the cut-off and digest the file was written with (and the command it prints).
    const [, digest, asKnownOn] = /(sha-256=\S+) {2}as known on (\S+)/.exec(written.stdout)!;
    expect(written.stderr).toContain(`--month 2024-04 --record-sent --as-known-on ${asKnownOn} --file-digest ${digest}`);
    const recorded = await pathwayWith(t.settings, t.dataDir, 'participant-file', '--project', PROJECT, '--month', '2024-04', '--record-sent', '--as-known-on', asKnownOn!, '--file-digest', digest!, '--actor', 'cli:admin-7');
    expect(recorded.stdout).toBe(`2024-04 recorded as sent: as known on ${asKnownOn}, ${lines.length - 1} row(s), ${digest}\n`);
    expect((await pathwayWith(t.settings, t.dataDir, 'participant-file', '--project', PROJECT, '--status')).stdout).toMatch(/^2024-04 {2}sent /m);
    await expect(pathwayWith(t.settings, t.dataDir, 'participant-file', '--project', PROJECT, '--month', '2024-04', '--record-sent')).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('needs --as-known-on') });
    await expect(pathwayWith(t.settings, t.dataDir, 'participant-file', '--project', PROJECT, '--month', '2024-04', '--record-sent', '--as-known-on', 'yesterday')).rejects.toMatchObject({ stderr: expect.stringContaining('ISO 8601 instant') });

    await expect(pathwayWith(t.settings, t.dataDir, 'participant-file', '--project', PROJECT, '--month', '2024-04')).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('needs --out') });
    await expect(pathwayWith(t.settings, t.dataDir, 'participant-file', '--project', 'NO-SUCH', '--status')).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('No project NO-SUCH') });
  }, 120_000);
});
