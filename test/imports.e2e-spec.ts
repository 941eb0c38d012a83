import { Workbook } from 'exceljs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandDependencies } from '@pathway/application';
import { COMMAND_DEPENDENCIES } from '@pathway/runtime';
import { framtidProject } from './support/fixtures';
import { pathway } from './support/cli';
import { removeDir, startApp, TestApp } from './support/test-app';
import { projected } from './support/wait-for';

const PROJECT = framtidProject.id; // 2023-03-31 to 2026-03-30
const IMPORTS = `/api/v1/projects/${PROJECT}/imports`;
const CSV = [
  'Personnummer;Inskrivningsdatum;Namn;Kön;Ställning på arbetsmarknaden;Favoritfärg',
  '811218-9876;2024-01-15;Åsa Öberg;woman;unemployed;blå',
  '811218-9877;2024-13-01;Bo Ek;man;employed;grön',
  '',
  ';;;;;',
].join('\r\n');

/** Issue 12.1: the upload route (dry run, commit, again), its refusals, the template, and the command line. */
describe('importing from the project spreadsheet over HTTP and the CLI', () => {
  let t: TestApp;
  const upload = (body: Buffer, dryRun: boolean, type = 'text/csv') => t.caseworker.post(`${IMPORTS}?dryRun=${dryRun}`).set('Content-Type', type).send(body);
  /** The job an upload started, followed until it ends: `{ body }` is the finished job's report (as the synchronous route once answered). */
  const imported = async (started: { status: number; body: { jobId: string }; headers: Record<string, string> }) => {
    const job = await ended(started);
    if (job.status === 'failed') throw new Error(`import failed: ${JSON.stringify(job.problem)}`);
    expect(job.rowsDone).toBe(job.rowsTotal);
    return { body: job.report, jobId: job.jobId as string, headers: started.headers };
  };
  /** The job an upload started, once it has succeeded or failed. */
  const ended = async (started: { status: number; body: { jobId: string }; headers: Record<string, string> }) => {
    expect(started.status).toBe(202);
    expect(started.headers.location).toBe(`${IMPORTS}/${started.body.jobId}`);
    for (const deadline = Date.now() + 60_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 50))) {
      const { body: job } = await t.caseworker.get(`${IMPORTS}/${started.body.jobId}`).expect(200);
      if (job.status !== 'running') return job;
    }
    throw new Error('import did not end in 60 s');
  };

  beforeAll(async () => {
    t = await startApp();
    await t.admin.post('/api/v1/projects').send(framtidProject).expect(201);
  });
  afterAll(async () => {
    await t.close();
    removeDir(t.dataDir);
  });

  it('answers a dry run with the report by row, column and code, without any cell content, and writes nothing', async () => {
    const { body } = await imported(await upload(Buffer.from(CSV, 'latin1'), true));
    expect(body).toMatchObject({ dryRun: true, format: 'csv', encoding: 'windows-1252', separator: ';', rowsRead: 2, counts: { new: 1, invalid: 1 } });
    expect(body.rows.map((r: { row: number; outcome: string }) => [r.row, r.outcome])).toEqual([
      [2, 'new'],
      [3, 'invalid'],
    ]);
    expect(body.problems.map((p: { row: number; column: string; code: string }) => [p.row, p.column, p.code])).toEqual([
      [1, 'Favoritfärg', 'IMPORT.UNKNOWN_COLUMN'],
      [3, 'Personnummer', 'IMPORT.INVALID_IDENTITY_NUMBER'],
      [3, 'Inskrivningsdatum', 'IMPORT.INVALID_DATE'],
    ]);
    expect(JSON.stringify(body)).not.toMatch(/Åsa|811218|blå/);
    expect(await t.app.get<CommandDependencies>(COMMAND_DEPENDENCIES, { strict: false }).store.readStream(`participant-${body.rows[0].participantId}`)).toEqual([]);
  });

  it('commits, and the same upload again records nothing new', async () => {
    const first = await imported(await upload(Buffer.from(CSV, 'latin1'), false));
    expect(first.body.counts).toMatchObject({ enrolled: 1 });
    const participantId = first.body.rows[0].participantId as string;
    // The pathway and the search read the read models, which follow the log a moment later.
    await projected(t, 30_000);
    const { body: pathwayView } = await t.caseworker.get(`/api/v1/participants/${participantId}`).expect(200);
    expect(pathwayView.participantId).toBe(participantId);
    const again = await imported(await upload(Buffer.from(CSV, 'latin1'), false).set('Idempotency-Key', 'ignored-here').set('X-Correlation-Id', 'import-2'));
    expect(again.headers['x-correlation-id']).toBe('import-2');
    expect(again.body.counts).toMatchObject({ enrolled: 0, unchanged: 1 });
    const { body: search } = await t.caseworker.get(`/api/v1/projects/${PROJECT}/participants?identityNumber=198112189876`);
    expect(JSON.stringify(search)).toContain(participantId);
  });

  it('refuses what is no spreadsheet, bodies of other types, and callers outside the project', async () => {
    await upload(Buffer.from('PK\u0003\u0004broken'), true, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').expect(422);
    const json = await t.caseworker.post(`${IMPORTS}?dryRun=true`).send({ rows: [] }).expect(415);
    expect(json.body.code).toBe('IMPORT.UNSUPPORTED_MEDIA_TYPE');
    await t.caseworker.post(`${IMPORTS}?dryRun=maybe`).set('Content-Type', 'text/csv').send(Buffer.from(CSV)).expect(400);
    const outsider = await t.as('caseworker', ['P-2']);
    await outsider.post(`${IMPORTS}?dryRun=true`).set('Content-Type', 'text/csv').send(Buffer.from(CSV)).expect(404);
    await (await t.as('evaluator')).post(`${IMPORTS}?dryRun=true`).set('Content-Type', 'text/csv').send(Buffer.from(CSV)).expect(403);
    const tooLarge = await upload(Buffer.alloc(11 * 1024 * 1024, 0x41), true);
    expect(tooLarge.status).toBe(413);
  });

  it('refuses before a job starts what is no spreadsheet, an empty or header-only file, and names XLSX and CSV for other types (issue 12)', async () => {
    const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
    const random = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    const workbook = new Workbook();
    workbook.addWorksheet('Deltagare').addRow(['Personnummer', 'Inskrivningsdatum', 'Ställning på arbetsmarknaden']);
    const headerOnlyXlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    // The same zip with its workbook part renamed (names are stored as written): a zip, but no spreadsheet.
    const noWorkbook = Buffer.from(headerOnlyXlsx.toString('latin1').replaceAll('xl/workbook.xml', 'xl/notebook.xml'), 'latin1');
    for (const [body, type] of [
      [png, xlsx],
      [random, xlsx],
      [noWorkbook, xlsx],
      [png, 'text/csv'],
    ] as const) {
      const refused = await upload(body, true, type);
      expect([refused.status, refused.body.code]).toEqual([422, 'IMPORT.NOT_A_SPREADSHEET']);
    }
    const empty = await upload(Buffer.alloc(0), true);
    expect([empty.status, empty.body.code]).toEqual([422, 'IMPORT.EMPTY_FILE']);
    const headerOnly = await upload(Buffer.from('Personnummer;Inskrivningsdatum;Ställning på arbetsmarknaden\r\n'), true);
    expect([headerOnly.status, headerOnly.body.code]).toEqual([422, 'IMPORT.NO_DATA_ROWS']);
    // An XLSX's rows are known only once it is read: it is read before any job starts, and refused the same way.
    for (const dryRun of [true, false]) {
      const headerOnlyWorkbook = await upload(headerOnlyXlsx, dryRun, xlsx);
      expect([headerOnlyWorkbook.status, headerOnlyWorkbook.body.code]).toEqual([422, 'IMPORT.NO_DATA_ROWS']);
      expect(headerOnlyWorkbook.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(headerOnlyWorkbook.headers.location).toBeUndefined();
    }
    for (const type of ['text/plain', 'image/png', 'multipart/form-data; boundary=x', 'application/json']) {
      const refused = await upload(Buffer.from('{"a":1}'), true, type);
      expect([type, refused.status, refused.body.code]).toEqual([type, 415, 'IMPORT.UNSUPPORTED_MEDIA_TYPE']);
      expect(refused.body.title).toMatch(/XLSX.*CSV/);
    }
    const none = await t.caseworker.post(`${IMPORTS}?dryRun=true`);
    expect([none.status, none.body.code]).toEqual([415, 'IMPORT.UNSUPPORTED_MEDIA_TYPE']);
  });

  it('lists and counts every row with a problem as invalid, and the same person twice on both rows (issue 12)', async () => {
    const csv = [
      'Deltagar-id;Personnummer;Inskrivningsdatum;Födelsedatum;Kön;Ställning på arbetsmarknaden;Skyddad identitet',
      '24-313-G01;811218-9877;2024-05-15;;woman;unemployed;nej',
      '24-313-G02;;2024-13-01;;man;employed;',
      '24-313-G03;;15/01/2024;;man;employed;',
      '24-313-G04;;2024-05-15;;man;;',
      '24-313-G05;;2024-05-15;;kvinna?;employed;',
      '24-313-G06;;2026-12-15;;man;employed;',
      '24-313-G07;640823-3234;2024-05-15;1964-08-23;man;employed;ja',
      '24-313-G08;701063-2391;2024-05-15;;woman;employed;',
      '24-313-G09;197010632391;2024-06-01;;woman;employed;',
    ].join('\r\n');
    const { body } = await imported(await upload(Buffer.from(csv, 'utf8'), true));
    expect(body.rowsRead).toBe(9);
    expect(body.counts).toMatchObject({ new: 1, invalid: 8 });
    expect(body.rows.map((r: { row: number; outcome: string }) => [r.row, r.outcome])).toEqual([
      [2, 'invalid'],
      [3, 'invalid'],
      [4, 'invalid'],
      [5, 'invalid'],
      [6, 'invalid'],
      [7, 'invalid'],
      [8, 'new'],
      [9, 'invalid'],
      [10, 'invalid'],
    ]);
    expect(body.problems.map((p: { row: number; column: string; code: string }) => [p.row, p.column, p.code])).toEqual([
      [2, 'Personnummer', 'IMPORT.INVALID_IDENTITY_NUMBER'],
      [3, 'Inskrivningsdatum', 'IMPORT.INVALID_DATE'],
      [4, 'Inskrivningsdatum', 'IMPORT.INVALID_DATE'],
      [5, 'Ställning på arbetsmarknaden', 'IMPORT.REQUIRED'],
      [6, 'Kön', 'IMPORT.NOT_IN_LIST'],
      [7, 'Inskrivningsdatum', 'ENROLMENT.DATE_IN_FUTURE'],
      [9, null, 'IMPORT.DUPLICATE_IDENTITY'],
      [10, null, 'IMPORT.DUPLICATE_IDENTITY'],
    ]);
    expect(JSON.stringify(body)).not.toMatch(/811218|640823|701063|kvinna/);
  });

  it('imports protected identity so the SCB file writes the replacement code, and names the columns of a changed row (issue 12)', async () => {
    const header = 'Deltagar-id;Personnummer;Inskrivningsdatum;Födelsedatum;Kön;Ställning på arbetsmarknaden;Protected identity';
    const row = '24-313-G11;640823-3234;2024-07-15;1964-08-23;man;employed;yes';
    const { body } = await imported(await upload(Buffer.from([header, row].join('\r\n')), false));
    expect(body.counts).toMatchObject({ enrolled: 1, invalid: 0 });
    await projected(t, 30_000);
    const file = await t.admin.get(`/api/v1/projects/${PROJECT}/participant-files/2024-07?format=csv`).expect(200);
    expect(file.text).toContain('19640823TM');
    expect(file.text).not.toContain('6408233234');
    const changed = await imported(await upload(Buffer.from([header, row.replace(';man;', ';woman;').replace('2024-07-15', '2024-07-16')].join('\r\n')), true));
    expect(changed.body.counts).toMatchObject({ conflict: 1 });
    expect(changed.body.problems).toEqual([{ row: 2, column: null, code: 'IMPORT.ROW_CHANGED', params: { columns: 'Inskrivningsdatum, Kön' }, severity: 'error' }]);
  });

  it('serves the template: headers in Swedish and English, drop-downs with "not disclosed", instructions', async () => {
    const response = await t.caseworker.get('/api/v1/imports/template').buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    }).expect(200);
    const workbook = new Workbook();
    await workbook.xlsx.load(response.body as unknown as ArrayBuffer);
    const [sheet, milestones] = workbook.worksheets;
    const instructions = workbook.worksheets.find((w) => /Instruktioner/.test(w.name));
    expect(milestones!.name).toBe('Milstolpar - Milestones');
    expect(sheet!.getRow(1).values).toEqual(expect.arrayContaining(['Personnummer / Identity number', 'Kön / Gender', 'Inskrivningsdatum / Enrolment date *']));
    const genderColumn = (sheet!.getRow(1).values as string[]).indexOf('Kön / Gender');
    const validation = sheet!.getCell(2, genderColumn).dataValidation;
    expect(validation.type).toBe('list');
    expect(validation.formulae![0]).toContain('not disclosed');
    const protectedColumn = (sheet!.getRow(1).values as string[]).indexOf('Skyddad identitet / Protected identity');
    expect(sheet!.getCell(2, protectedColumn).dataValidation.formulae![0]).toMatch(/ja.*nej/);
    expect(instructions!.name).toMatch(/Instruktioner/);
    // The template itself reads without a problem, and has no rows to import: refused before a job starts.
    const dry = await upload(response.body as Buffer, true, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect([dry.status, dry.body.code]).toEqual([422, 'IMPORT.NO_DATA_ROWS']);
  });

  it('imports a milestone sheet after the participants: dry run, commit, again nothing; a milestone of no known participant is refused', async () => {
    const workbook = new Workbook();
    const participants = workbook.addWorksheet('Deltagare');
    participants.addRow(['Deltagar-id', 'Inskrivningsdatum', 'Ställning på arbetsmarknaden']);
    participants.addRow(['p-e2e-ms', '2024-03-01', 'unemployed']);
    const milestones = workbook.addWorksheet('Milestones');
    milestones.addRow(['Participant id', 'Milestone type', 'Occurred on', 'kind', 'reason', 'situation']);
    milestones.addRow(['p-e2e-ms', 'Insats påbörjad', '2024-03-05', 'ips', null, null]);
    milestones.addRow(['p-e2e-ms', 'exited', '2024-06-30', null, 'completed', 'employed']);
    milestones.addRow(['p-nobody', 'exited', '2024-06-30', null, 'completed', 'employed']);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const dry = await imported(await upload(file, true, xlsx));
    expect(dry.body).toMatchObject({ milestoneRowsRead: 3, milestoneCounts: { new: 2, invalid: 1 } });
    expect(dry.body.problems).toEqual([{ sheet: 'Milestones', row: 4, column: 'Participant id', code: 'IMPORT.MILESTONE_PARTICIPANT_UNKNOWN', severity: 'error' }]);
    const store = t.app.get<CommandDependencies>(COMMAND_DEPENDENCIES, { strict: false }).store;
    expect(await store.readStream('participant-p-e2e-ms')).toEqual([]);
    const commit = await imported(await upload(file, false, xlsx));
    expect(commit.body).toMatchObject({ counts: { enrolled: 1 }, milestoneCounts: { recorded: 2, invalid: 1 } });
    // The log, not the read model (which catches up on its own time).
    expect((await store.readStream('participant-p-e2e-ms')).map((e) => e.type)).toEqual(['ParticipantEnrolled', 'InterventionStarted', 'ParticipantExited']);
    const again = await imported(await upload(file, false, xlsx));
    expect(again.body).toMatchObject({ counts: { unchanged: 1 }, milestoneCounts: { recorded: 0, unchanged: 2 } });
    expect((await store.readStream('participant-p-e2e-ms')).length).toBe(3);
  });

  it('imports milestones from a CSV recognised by its headers, against the participants enrolled before', async () => {
    // The first row's participant by identity number (enrolled by the CSV above), the second's by an id no one has.
    const csv = ['Deltagar-id;Personnummer;Händelse;Datum;Slag', ';811218-9876;Gruppträff;2024-04-02;workshop', 'p-nobody;;Gruppträff;2024-04-02;workshop'].join('\r\n');
    const dry = await imported(await upload(Buffer.from(csv, 'utf8'), true));
    expect(dry.body).toMatchObject({ format: 'csv', rowsRead: 0, milestoneRowsRead: 2, milestoneCounts: { new: 1, invalid: 1 } });
    expect(dry.body.problems).toEqual([{ row: 3, column: 'Deltagar-id', code: 'IMPORT.MILESTONE_PARTICIPANT_UNKNOWN', severity: 'error' }]);
    const commit = await imported(await upload(Buffer.from(csv, 'utf8'), false));
    expect(commit.body.milestoneCounts).toMatchObject({ recorded: 1 });
    const store = t.app.get<CommandDependencies>(COMMAND_DEPENDENCIES, { strict: false }).store;
    expect((await store.readStream(`participant-${commit.body.milestoneRows[0].participantId}`)).map((e) => e.type)).toEqual(['ParticipantEnrolled', 'GroupSessionAttended']);
  });

  it('gives one problem per cell, however many rules refuse it (issue 12)', async () => {
    // `1.234,5` is neither a number, nor at least 0, nor at most 168: one cell, one problem.
    const csv = ['Personnummer;Händelse;Datum;Anställningsform;Avtal;Timmar per vecka', '811218-9876;Fick arbete;2024-04-05;employee;permanent;1.234,5'].join('\r\n');
    const dry = await imported(await upload(Buffer.from(csv, 'utf8'), true));
    expect(dry.body.milestoneCounts).toMatchObject({ invalid: 1 });
    expect(dry.body.problems.map((p: { row: number; column: string; code: string }) => [p.row, p.column, p.code])).toEqual([[2, 'Timmar per vecka', 'IMPORT.INVALID_VALUE']]);
  });

  it('reports progress while running, and serves the problems as an XLSX in Swedish or English', async () => {
    const started = await upload(Buffer.from(CSV, 'latin1'), true).expect(202);
    expect(started.body).toMatchObject({ projectId: PROJECT, dryRun: true, status: 'running', rowsDone: 0, report: null, problem: null });
    const early = await t.caseworker.get(`${IMPORTS}/${started.body.jobId}/problems`);
    expect([200, 409]).toContain(early.status);
    const { jobId } = await imported(started);
    const download = (lang: string) =>
      t.caseworker.get(`${IMPORTS}/${jobId}/problems?lang=${lang}`).buffer(true).parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    const sv = await download('sv').expect(200);
    expect(sv.headers['content-type']).toContain('spreadsheetml');
    const workbook = new Workbook();
    await workbook.xlsx.load(sv.body as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Problem');
    expect(sheet.getRow(1).values).toEqual([undefined, 'Blad', 'Rad', 'Kolumn', 'Typ', 'Kod', 'Orsak']);
    expect(sheet.getRow(2).getCell(5).value).toBe('IMPORT.UNKNOWN_COLUMN');
    expect(String(sheet.getRow(2).getCell(6).value)).toContain('Favoritfärg');
    expect(sheet.rowCount).toBe(4);
    const english = new Workbook();
    await english.xlsx.load((await download('en').expect(200)).body as unknown as ArrayBuffer);
    expect(english.worksheets[0]!.getRow(4).getCell(6).value).toBe('The date does not exist or is written wrong; write YYYY-MM-DD.');
    const cells = JSON.stringify([sheet.getSheetValues(), english.worksheets[0]!.getSheetValues()]);
    expect(cells).not.toMatch(/Åsa|811218|blå|2024-13-01/);
    await download('de').expect(400);
    expect((await t.caseworker.get(`${IMPORTS}/00000000-0000-4000-8000-000000000000`).expect(404)).body.code).toBe('IMPORT.JOB_NOT_FOUND');
    await (await t.as('caseworker', ['P-2'])).get(`${IMPORTS}/${jobId}`).expect(404);
  });

  it('imports on the command line with progress on stderr and no personal data there', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pathway-import-cli-'));
    try {
      const file = join(dir, 'deltagare.csv');
      writeFileSync(file, Buffer.from(CSV.replace('2024-13-01', '2024-02-01').replace('811218-9877', 'p-cli-2').replace('Personnummer;', 'Personnummer;'), 'latin1'));
      const dry = await pathway(t.dataDir, 'import', '--project', PROJECT, '--dry-run', file).catch((e: { stdout: string; stderr: string }) => e);
      expect(dry.stderr).toContain('dry run: nothing written');
      expect(dry.stderr).not.toMatch(/Åsa|811218/);
      expect(JSON.parse(dry.stdout).dryRun).toBe(true);
      // A row that does not read is counted among the invalid (issue 12).
      writeFileSync(file, Buffer.from(CSV, 'latin1'));
      const invalid = await pathway(t.dataDir, 'import', '--project', PROJECT, '--dry-run', file).catch((e: { stdout: string; stderr: string }) => e);
      expect(invalid.stderr).toContain('1 invalid');
    } finally {
      removeDir(dir);
    }
  });
});
