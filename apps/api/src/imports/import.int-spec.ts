import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandDependencies, registerProject } from '@pathway/application';
import { SqliteEventStore } from '@pathway/event-store';
import { ImportOptions, runImport } from '@pathway/import';
import { csvOf, xlsxOf } from '../../../../libs/import/src/testing/sample-files';
import { IdentityIndex, MasterKeys, SqliteKeyStore } from '@pathway/privacy';
import { validateEnrolmentBody } from './enrolment-body-validator';

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
  const options = (dryRun: boolean, actor = caller): ImportOptions => ({ projectId: 'IMP-1', dryRun, validateBody: validateEnrolmentBody, request: actor });
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
});
