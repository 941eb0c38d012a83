import ExcelJS from 'exceljs';
import { importTemplate } from './import-template';
import { milestoneColumnOfHeader, milestoneTypeOf } from './milestone-columns';
import { parseMilestoneSheet } from './parse-milestone-sheet';
import { CellValue, Sheet } from './read-table';

const TODAY = '2026-11-30';
const sheetOf = (rows: CellValue[][]): Sheet => ({ name: 'Milstolpar', rows: rows.map((cells, i) => ({ row: i + 1, cells })), mergedInto: new Map() });
const at = (problems: { sheet?: string; row: number | null; column: string | null; code: string }[]) => problems.map((p) => [p.sheet, p.row, p.column, p.code]);

describe('the milestone sheet of an import', () => {
  it('matches types by API code or Swedish or English words, and headers by either language or the DTO field name', () => {
    expect(milestoneTypeOf('job-placed')).toBe('job-placed');
    expect(milestoneTypeOf('Fick arbete')).toBe('job-placed');
    expect(milestoneTypeOf(' job placed ')).toBe('job-placed');
    expect(milestoneTypeOf('Avslutad')).toBe('exited');
    expect(milestoneTypeOf('promoted')).toBeUndefined();
    expect(milestoneColumnOfHeader('Händelse / Milestone type *')?.field).toBe('type');
    expect(milestoneColumnOfHeader('hoursPerWeek')?.field).toBe('hoursPerWeek');
    expect(milestoneColumnOfHeader('Timmar per vecka')?.field).toBe('hoursPerWeek');
    expect(milestoneColumnOfHeader('Personnummer')?.field).toBe('nationalIdentityNumber');
  });

  it('reads rows into the API body: type code, ISO date, yes/no, decimal commas; empty cells left out', () => {
    const parsed = parseMilestoneSheet(
      sheetOf([
        ['Deltagar-id', 'Händelse', 'Datum', 'employment', 'contract', 'Timmar per vecka', 'Fullständiga betyg', 'level'],
        ['p-1', 'Fick arbete', 45306, 'employed', 'permanent', '37,5', null, null],
        [null, null, null, null, null, null, null, null],
        ['p-1', 'school-completed', '2024-02-01', null, null, null, 'ja', 'upper-secondary'],
      ]),
      TODAY,
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.rowsRead).toBe(2);
    expect(parsed.rows.map((r) => [r.row, r.identity, r.body])).toEqual([
      [2, { kind: 'participant-id', value: 'p-1' }, { type: 'job-placed', occurredOn: '2024-01-15', employment: 'employed', contract: 'permanent', hoursPerWeek: 37.5 }],
      [4, { kind: 'participant-id', value: 'p-1' }, { type: 'school-completed', occurredOn: '2024-02-01', fullGrades: true, level: 'upper-secondary' }],
    ]);
  });

  it('reports unknown columns, unknown types, bad dates and identity numbers, rows without a participant, and duplicates, by sheet, row and column, never the content', () => {
    const parsed = parseMilestoneSheet(
      sheetOf([
        ['Personnummer', 'Milestone type', 'Occurred on', 'Favoritfärg', 'reason', 'situation'],
        ['811218-9876', 'Exited', '2024-03-01', 'blå', 'completed', 'employed'],
        ['811218-9876', 'promoted', '2024-03-01', null, null, null],
        ['811218-9877', 'Exited', '2024-03-01', null, null, null],
        [null, 'Exited', '2024-13-01', null, null, null],
        [null, 'Exited', '2024-03-01', null, null, null],
        ['811218-9876', 'exited', '2024-03-01', null, 'completed', 'employed'],
        ['811218-9876', 'exited', '2024-03-01', null, 'other', 'employed'],
      ]),
      TODAY,
    );
    expect(at(parsed.problems)).toEqual([
      ['Milstolpar', 1, 'Favoritfärg', 'IMPORT.UNKNOWN_COLUMN'],
      ['Milstolpar', 3, 'Milestone type', 'IMPORT.NOT_IN_LIST'],
      ['Milstolpar', 4, 'Personnummer', 'IMPORT.INVALID_IDENTITY_NUMBER'],
      ['Milstolpar', 5, 'Occurred on', 'IMPORT.INVALID_DATE'],
      ['Milstolpar', 6, null, 'IMPORT.NO_IDENTITY'],
      ['Milstolpar', 7, null, 'IMPORT.DUPLICATE_ROW'],
      // The same milestone with other fields: neither row can be the right one (issue 12).
      ['Milstolpar', 2, null, 'IMPORT.DUPLICATE_IDENTITY'],
      ['Milstolpar', 8, null, 'IMPORT.DUPLICATE_IDENTITY'],
    ]);
    expect(parsed.rows).toEqual([]);
    expect(parsed.invalidRows).toEqual([2, 3, 4, 5, 6, 8]);
    expect(JSON.stringify(parsed.problems)).not.toMatch(/811218|blå/);
  });

  it('needs a type, a date and a participant column', () => {
    const parsed = parseMilestoneSheet(sheetOf([['Namn', 'kind'], ['x', 'y']]), TODAY);
    expect(parsed.problems.map((p) => p.code)).toEqual(['IMPORT.UNKNOWN_COLUMN', 'IMPORT.MISSING_COLUMN', 'IMPORT.MISSING_COLUMN', 'IMPORT.NO_IDENTITY_COLUMN']);
    expect(parsed.rows).toEqual([]);
  });

  it('the template has a milestone sheet with a drop-down of types, whose headers read back', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await importTemplate()) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Milstolpar - Milestones')!;
    const headers = (sheet.getRow(1).values as string[]).slice(1);
    expect(headers.map((h) => milestoneColumnOfHeader(h)?.field)).not.toContain(undefined);
    const typeColumn = headers.findIndex((h) => milestoneColumnOfHeader(h)?.field === 'type') + 1;
    const validation = sheet.getCell(2, typeColumn).dataValidation;
    expect(validation).toMatchObject({ type: 'list' });
    expect(validation.formulae![0]).toContain('Fick arbete');
    expect(parseMilestoneSheet(sheetOf([headers]), TODAY).problems).toEqual([]);
  });
});
