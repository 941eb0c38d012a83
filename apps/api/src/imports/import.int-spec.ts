import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandDependencies, registerProject } from '@pathway/application';
import { SqliteEventStore } from '@pathway/event-store';
import { ImportOptions, runImport } from '@pathway/import';
import { csvOf, workbookOf, xlsxOf } from '../../../../libs/import/src/testing/sample-files';
import { IdentityIndex, MasterKeys, SqliteKeyStore } from '@pathway/privacy';
import { validateEnrolmentBody } from './enrolment-body-validator';
import { milestoneRecorder, validateMilestoneBody } from './milestone-body-validator';

const HEADER = 'Deltagar-id|Personnummer|Inskrivningsdatum|Namn|Kön|Labour market status|Födelsedatum|E-post';
const ROWS = [
  '|811218-9876|2024-01-15|Åsa Öberg|woman|unemployed|1981-12-18|asa@example.org',
  'p-imp-2||2024-02-01|Bo Ek|man|long-term-unemployed|vill inte uppge|',
  'p-imp-3||2024-02-01|Cy|not disclosed|employed||not-an-email',
  'p-imp-4||2021-01-01|Di|woman|inactive||',
];

describe('importing a spreadsheet into a project (SQLite)', () => {
  let dir: string;
  let store: SqliteEventStore;
  let keys: SqliteKeyStore;
  let deps: CommandDependencies;
  const caller = { actor: 'cw-1', actorRole: 'caseworker', correlationId: 'c-1' };
  const options = (dryRun: boolean, actor = caller): ImportOptions => ({
    projectId: 'IMP-1',
    dryRun,
    validateBody: validateEnrolmentBody,
    milestones: { validate: validateMilestoneBody, record: milestoneRecorder(deps, keys) },
    request: actor,
  });
  const run = (file: Buffer, dryRun: boolean, actor = caller) => runImport({ commands: deps, keys, identities: new IdentityIndex(keys, () => '2026-11-30') }, file, options(dryRun, actor));
  const file = (rows = ROWS) => csvOf([HEADER, ...rows], 'windows-1252');
  const positions = async () => (await store.readAll(0, 10_000)).length;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pathway-import-'));
    store = new SqliteEventStore(join(dir, 'events.db'));
    keys = new SqliteKeyStore(join(dir, 'keys.db'), new MasterKeys(randomBytes(32)));
    deps = { store, now: () => new Date('2026-11-30T10:00:00Z'), newId: randomUUID };
    await registerProject(
      deps,
      { projectId: 'IMP-1', name: 'Import', owner: 'O', fund: 'ESF+', programme: 'X', specificObjective: 'A2A', region: 'SE12', startDate: '2023-03-31', endDate: '2026-12-31', plannedParticipants: 80, timeZone: 'Europe/Stockholm' },
      { actor: 'admin-1', actorRole: 'admin', correlationId: 'c-0' },
    );
  });
  afterAll(async () => {
    await keys.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a dry run checks every row by the API DTO and the domain rules, and writes nothing', async () => {
    const before = await positions();
    const report = await run(file(), true);
    expect(await positions()).toBe(before);
    expect(report.counts).toEqual({ new: 2, enrolled: 0, unchanged: 0, conflict: 0, invalid: 2 });
    expect(report.encoding).toBe('windows-1252');
    expect(report.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [4, 'E-post', 'IMPORT.INVALID_VALUE'],
      [5, 'Inskrivningsdatum', 'PARTICIPANT.ENROLMENT_OUTSIDE_PROJECT_PERIOD'],
    ]);
    expect(JSON.stringify(report)).not.toMatch(/Åsa|811218|not-an-email/);
  });

  it('a commit enrols the valid rows through the command path, sealed and filed by identity number', async () => {
    const report = await run(file(), false);
    expect(report.counts).toMatchObject({ enrolled: 2, invalid: 2 });
    const enrolled = report.rows.filter((r) => r.outcome === 'enrolled');
    expect(enrolled.map((r) => r.participantId)).toContain('p-imp-2');
    const fromNumber = enrolled.find((r) => r.row === 2)!.participantId!;
    const [event] = await store.readStream(`participant-${fromNumber}`);
    expect(event!.type).toBe('ParticipantEnrolled');
    expect(JSON.stringify(event!.data)).not.toMatch(/Åsa|811218/);
    expect(await new IdentityIndex(keys, () => '2026-11-30').find('198112189876')).toEqual([fromNumber]);
  });

  it('the same file again, by the same or another caseworker, records nothing new', async () => {
    const before = await positions();
    expect((await run(file(), false)).counts).toMatchObject({ enrolled: 0, unchanged: 2 });
    expect((await run(await xlsxOf([HEADER.split('|'), ...ROWS.map((r) => r.split('|'))]), false, { ...caller, actor: 'cw-2' })).counts).toMatchObject({ enrolled: 0, unchanged: 2 });
    expect(await positions()).toBe(before);
  });

  it('a row changed since the last import is a conflict, never overwritten; a new row is still enrolled', async () => {
    const before = await positions();
    const changed = [ROWS[0]!.replace('unemployed', 'inactive'), ROWS[1]!, 'p-imp-5||2024-03-01|Ed|man|employed||'];
    const report = await run(file(changed), false);
    expect(report.rows.map((r) => [r.row, r.outcome])).toEqual([[2, 'conflict'], [3, 'unchanged'], [4, 'enrolled']]);
    expect(report.problems.map((p) => [p.row, p.code])).toEqual([[2, 'IMPORT.ROW_CHANGED']]);
    expect(await positions()).toBe(before + 1);
  });

  it('an interrupted import completes when run again', async () => {
    const rows = ['p-imp-6||2024-03-01|F|man|employed||', 'p-imp-7||2024-03-02|G|woman|employed||'];
    expect((await run(file(rows.slice(0, 1)), false)).counts.enrolled).toBe(1);
    expect((await run(file(rows), false)).rows.map((r) => r.outcome)).toEqual(['unchanged', 'enrolled']);
  });

  describe('milestone rows (a second sheet)', () => {
    const PARTICIPANTS = [
      ['Deltagar-id', 'Personnummer', 'Inskrivningsdatum', 'Kön', 'Ställning på arbetsmarknaden'],
      ['p-ms-1', null, '2024-04-01', 'woman', 'unemployed'],
      [null, '19850305-1230', '2024-04-02', 'man', 'unemployed'],
    ];
    const HEADER = ['Deltagar-id', 'Personnummer', 'Händelse', 'Datum', 'employment', 'contract', 'Timmar per vecka', 'qualification', 'reason', 'situation'];
    const MILESTONES = [
      HEADER,
      ['p-ms-1', null, 'Fick arbete', '2024-05-01', 'employee', 'permanent', '37,5', null, null, null],
      [null, '850305-1230', 'qualification-gained', '2024-05-02', null, null, null, 'Truckkort B', null, null],
      ['p-ms-unknown', null, 'exited', '2024-05-03', null, null, null, null, 'completed', 'employed'],
      ['p-ms-1', null, 'Job placed', '2024-05-04', 'employee', null, null, null, null, null],
      ['p-ms-1', null, 'exited', '2024-03-01', null, null, null, null, 'completed', 'employed'],
    ];
    const book = (milestones = MILESTONES) => workbookOf({ Deltagare: PARTICIPANTS, Milstolpar: milestones });
    const outcomes = (report: { milestoneRows: { row: number; outcome: string }[] }) => report.milestoneRows.map((r) => [r.row, r.outcome]);

    it('a dry run checks each milestone row by its DTO, its participant and the decider on the would-be state, by sheet, row and column, and writes nothing', async () => {
      const before = await positions();
      const report = await run(await book(), true);
      expect(await positions()).toBe(before);
      expect(outcomes(report)).toEqual([[2, 'new'], [3, 'new'], [4, 'invalid'], [5, 'invalid'], [6, 'invalid']]);
      expect(report.problems.filter((p) => p.sheet === 'Milstolpar').map((p) => [p.row, p.column, p.code])).toEqual([
        [4, 'Deltagar-id', 'IMPORT.MILESTONE_PARTICIPANT_UNKNOWN'],
        [5, 'contract', 'IMPORT.INVALID_VALUE'],
        [6, 'Datum', 'MILESTONE.BEFORE_ENROLMENT'],
      ]);
      expect(JSON.stringify(report)).not.toMatch(/Truckkort|850305/);
    });

    it('a commit records them after the participants through the milestone command path (free text sealed); domain refusals are the row\'s problems', async () => {
      const report = await run(await book(), false);
      expect(report.counts).toMatchObject({ enrolled: 2 });
      expect(outcomes(report)).toEqual([[2, 'recorded'], [3, 'recorded'], [4, 'invalid'], [5, 'invalid'], [6, 'invalid']]);
      expect(report.problems.find((p) => p.sheet === 'Milstolpar' && p.row === 6)).toMatchObject({ column: 'Datum', code: 'MILESTONE.BEFORE_ENROLMENT' });
      const events = await store.readStream('participant-p-ms-1');
      expect(events.map((e) => e.type)).toEqual(['ParticipantEnrolled', 'JobPlaced']);
      const qualification = (await store.readStream(`participant-${report.milestoneRows[1]!.participantId}`)).at(-1)!;
      expect(JSON.stringify(qualification.data)).not.toContain('Truckkort');
    });

    it('the same file again, by another caseworker, records nothing new; a changed milestone row is a conflict', async () => {
      const before = await positions();
      const again = await run(await book(), false, { ...caller, actor: 'cw-2' });
      expect(again.counts).toMatchObject({ enrolled: 0, unchanged: 2 });
      expect(outcomes(again).slice(0, 2)).toEqual([[2, 'unchanged'], [3, 'unchanged']]);
      expect(await positions()).toBe(before);
      const changed = MILESTONES.map((row) => (row[3] === '2024-05-01' ? row.map((cell) => (cell === '37,5' ? '20' : cell)) : row));
      const report = await run(await book(changed), false);
      expect(outcomes(report)[0]).toEqual([2, 'conflict']);
      expect(report.problems.find((p) => p.row === 2 && p.sheet === 'Milstolpar')).toMatchObject({ code: 'IMPORT.MILESTONE_CHANGED' });
      expect(await positions()).toBe(before);
    });

    it('a CSV whose header names milestone columns holds milestones only, of participants enrolled before; its problems name no sheet', async () => {
      const csv = csvOf(['Deltagar-id|Händelse|Datum|Slag', 'p-ms-1|Gruppträff|2024-05-06|workshop', 'p-ms-unknown|Gruppträff|2024-05-06|workshop'], 'utf-8-bom');
      const dry = await run(csv, true);
      expect(dry).toMatchObject({ format: 'csv', rowsRead: 0, rows: [], milestoneRowsRead: 2 });
      expect(outcomes(dry)).toEqual([[2, 'new'], [3, 'invalid']]);
      expect(dry.problems).toEqual([{ row: 3, column: 'Deltagar-id', code: 'IMPORT.MILESTONE_PARTICIPANT_UNKNOWN', severity: 'error' }]);
      expect(outcomes(await run(csv, false))).toEqual([[2, 'recorded'], [3, 'invalid']]);
      expect((await store.readStream('participant-p-ms-1')).at(-1)!.type).toBe('GroupSessionAttended');
      expect(outcomes(await run(csv, false))).toEqual([[2, 'unchanged'], [3, 'invalid']]);
    });

    it('reports progress in rows of both sheets together, from 0 to the total', async () => {
      const seen: { done: number; total: number }[] = [];
      await runImport({ commands: deps, keys, identities: new IdentityIndex(keys, () => '2026-11-30') }, await book(), { ...options(true), onProgress: (p) => seen.push(p) });
      // Two participant rows and five milestone rows that read (each decided once).
      expect(seen.map((p) => p.done)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
      expect(new Set(seen.map((p) => p.total))).toEqual(new Set([7]));
    });
  });
});
