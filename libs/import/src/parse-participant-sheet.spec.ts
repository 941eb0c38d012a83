import { parseDecimal, readCell, readDate } from './cells';
import { columnLetter, parseParticipantSheet } from './parse-participant-sheet';
import { columnOfHeader } from './participant-columns';
import { CellValue, readTable, Sheet } from './read-table';
import { checkIdentityNumber } from './swedish-identity-number';
import { csvOf, SV_HEADER, xlsxOf } from './testing/sample-files';

const TODAY = '2026-11-30';
const sheetOf = (rows: CellValue[][], mergedInto = new Map<number, Set<number>>()): Sheet => ({ name: 's', rows: rows.map((cells, i) => ({ row: i + 1, cells })), mergedInto });
const codes = (problems: { code: string }[]) => problems.map((p) => p.code);

describe('cells of an import', () => {
  it('reads Excel date serials, date cells and ISO text, and refuses 2024-13-01 clearly', () => {
    expect(readDate(45306)).toEqual({ ok: true, value: '2024-01-15' });
    expect(readDate(45306.75)).toEqual({ ok: true, value: '2024-01-15' });
    expect(readDate(60)).toEqual({ ok: true, value: '1900-02-28' });
    expect(readDate(new Date(Date.UTC(2024, 0, 15)))).toEqual({ ok: true, value: '2024-01-15' });
    expect(readDate('2024-01-15 00:00:00')).toEqual({ ok: true, value: '2024-01-15' });
    expect(readDate('2024-13-01')).toEqual({ ok: false, code: 'IMPORT.INVALID_DATE', params: { expected: 'YYYY-MM-DD' } });
    expect(readDate('2023-02-29')).toMatchObject({ ok: false });
    expect(readDate('15/01/2024')).toMatchObject({ ok: false, code: 'IMPORT.INVALID_DATE' });
    expect(readDate(-3)).toMatchObject({ ok: false });
  });

  it('reads decimal commas and thousands spaces', () => {
    expect(parseDecimal('7,5')).toBe(7.5);
    expect(parseDecimal('1 234,25')).toBe(1234.25);
    expect(parseDecimal('7.5')).toBe(7.5);
    expect(parseDecimal('sju')).toBeNull();
  });

  it('reads yes/no and closed lists in either language, "not disclosed" where it is an answer', () => {
    expect(readCell('Ja', 'yes-no')).toEqual({ ok: true, value: true });
    expect(readCell('no', 'yes-no')).toEqual({ ok: true, value: false });
    expect(readCell(true, 'yes-no')).toEqual({ ok: true, value: true });
    expect(readCell('kanske', 'yes-no')).toMatchObject({ ok: false, code: 'IMPORT.NOT_YES_OR_NO' });
    expect(readCell('Vill inte uppge', 'yes-no', true)).toEqual({ ok: true, value: null });
    expect(readCell('not disclosed', { oneOf: ['woman'] }, false)).toMatchObject({ ok: false, code: 'IMPORT.NOT_IN_LIST' });
    expect(readCell('Long term unemployed', { oneOf: ['long-term-unemployed'] })).toEqual({ ok: true, value: 'long-term-unemployed' });
  });

  it('checks Swedish personal identity and coordination numbers, accepts other numbers as text', () => {
    expect(checkIdentityNumber('811218-9876', TODAY)).toBe('swedish-valid');
    expect(checkIdentityNumber('198112189876', TODAY)).toBe('swedish-valid');
    expect(checkIdentityNumber('701063-2391', TODAY)).toBe('swedish-valid');
    expect(checkIdentityNumber('811218-9877', TODAY)).toBe('swedish-invalid');
    expect(checkIdentityNumber('20240230-0000', TODAY)).toBe('swedish-invalid');
    expect(checkIdentityNumber('DE 1234 5678', TODAY)).toBe('other');
  });

  it('matches headers in Swedish, English and the template form', () => {
    expect(columnOfHeader('Personnummer')?.field).toBe('nationalIdentityNumber');
    expect(columnOfHeader('labour market status')?.field).toBe('labourMarketStatus');
    expect(columnOfHeader('Kön / Gender')?.field).toBe('gender');
    expect(columnOfHeader('Inskrivningsdatum / Enrolment date *')?.field).toBe('enrolledOn');
    expect(columnOfHeader('Favoritfärg')).toBeUndefined();
    expect(columnLetter(0)).toBe('A');
    expect(columnLetter(27)).toBe('AB');
  });
});

describe('the participant sheet', () => {
  const header = ['Personnummer', 'Enrolment date', 'Namn', 'Kön', 'Labour market status', 'Favoritfärg'];

  it('makes each row the enrolment request the API takes, and reports unknown columns', () => {
    const { rows, problems } = parseParticipantSheet(sheetOf([header, ['811218-9876', 45306, 'Åsa', 'woman', 'unemployed', 'blå']]), TODAY);
    expect(problems).toEqual([{ row: 1, column: 'Favoritfärg', code: 'IMPORT.UNKNOWN_COLUMN', params: { header: 'Favoritfärg' }, severity: 'warning' }]);
    expect(rows).toEqual([
      {
        row: 2,
        identity: { kind: 'identity-number', value: '811218-9876' },
        body: { enrolledOn: '2024-01-15', profile: { gender: 'woman', labourMarketStatus: 'unemployed' }, personal: { nationalIdentityNumber: '811218-9876', name: 'Åsa' } },
        headers: expect.any(Object) as unknown,
      },
    ]);
  });

  it('lists problems by row and column without the cell content', () => {
    const { rows, problems } = parseParticipantSheet(
      sheetOf([header, ['811218-9877', '2024-13-01', 'Åsa', 'kvinna?', null, null], [null, '2024-01-15', 'Bo', null, 'employed', null]]),
      TODAY,
    );
    expect(rows).toEqual([]);
    expect(problems.filter((p) => p.severity === 'error').map((p) => [p.row, p.column, p.code])).toEqual([
      [2, 'Personnummer', 'IMPORT.INVALID_IDENTITY_NUMBER'],
      [2, 'Enrolment date', 'IMPORT.INVALID_DATE'],
      [2, 'Kön', 'IMPORT.NOT_IN_LIST'],
      [2, 'Labour market status', 'IMPORT.REQUIRED'],
      [3, null, 'IMPORT.NO_IDENTITY'],
    ]);
    expect(JSON.stringify(problems)).not.toMatch(/Åsa|811218|kvinna/);
  });

  it('skips an exact duplicate row with a warning and refuses the same person with other values on both rows', () => {
    const row = ['811218-9876', '2024-01-15', 'Åsa', 'woman', 'unemployed', null];
    const { rows, invalidRows, problems } = parseParticipantSheet(sheetOf([header, row, [...row], ['811218-9876', '2024-02-01', 'Åsa', 'woman', 'unemployed', null]]), TODAY);
    expect(rows).toEqual([]);
    expect(invalidRows).toEqual([2, 4]);
    expect(problems.map((p) => [p.row, p.code, p.params?.firstRow ?? p.params?.otherRow, p.severity])).toEqual([
      [1, 'IMPORT.UNKNOWN_COLUMN', undefined, 'warning'],
      [3, 'IMPORT.DUPLICATE_ROW', 2, 'warning'],
      [2, 'IMPORT.DUPLICATE_IDENTITY', 4, 'error'],
      [4, 'IMPORT.DUPLICATE_IDENTITY', 2, 'error'],
    ]);
  });

  it('knows one person under two participant ids by the identity number, however written (issue 12)', () => {
    const withId = ['Deltagar-id', 'Personnummer', 'Inskrivningsdatum', 'Ställning på arbetsmarknaden'];
    const { rows, invalidRows, problems } = parseParticipantSheet(
      sheetOf([withId, ['P-1', '811218-9876', '2024-01-15', 'unemployed'], ['P-2', '198112189876', '2024-02-01', 'employed'], ['P-3', 'AB1234567', '2024-01-15', 'employed']]),
      TODAY,
    );
    expect(rows.map((r) => r.row)).toEqual([4]);
    expect(invalidRows).toEqual([2, 3]);
    expect(problems.map((p) => [p.row, p.code, p.params?.otherRow])).toEqual([
      [2, 'IMPORT.DUPLICATE_IDENTITY', 3],
      [3, 'IMPORT.DUPLICATE_IDENTITY', 2],
    ]);
  });

  it('lists every row that did not read among the invalid rows (issue 12)', () => {
    const ok = ['811218-9876', '2024-01-15', 'Åsa', 'woman', 'unemployed', null];
    const { rows, invalidRows } = parseParticipantSheet(
      sheetOf([
        header,
        ['811218-9877', '2024-01-15', 'Bo', 'man', 'employed', null],
        ['640823-3234', '2024-13-01', 'Cay', 'man', 'employed', null],
        ['701063-2391', '15/01/2024', 'Dan', 'man', 'employed', null],
        ['AB1234567', '2024-01-15', 'Eva', 'woman', null, null],
        ['CD7654321', '2024-01-15', 'Fia', 'kvinna?', 'employed', null],
        ok,
      ]),
      TODAY,
    );
    expect(invalidRows).toEqual([2, 3, 4, 5, 6]);
    expect(rows.map((r) => r.row)).toEqual([7]);
  });

  it('reads protected identity as the sealed flag the enrolment takes (issue 12)', () => {
    const { rows, problems } = parseParticipantSheet(
      sheetOf([['Personnummer', 'Inskrivningsdatum', 'Ställning på arbetsmarknaden', 'Skyddad identitet / Protected identity'], ['811218-9876', '2024-01-15', 'unemployed', 'Ja']]),
      TODAY,
    );
    expect(problems).toEqual([]);
    expect(rows[0]!.body.personal).toEqual({ nationalIdentityNumber: '811218-9876', protectedIdentity: true });
  });

  it('finds the header below a title row', () => {
    const { rows, problems } = parseParticipantSheet(sheetOf([['Deltagare 2024', null], [null, null], header, ['811218-9876', '2024-01-15', 'Åsa', 'woman', 'unemployed', null]]), TODAY);
    expect(rows.map((r) => r.row)).toEqual([4]);
    expect(problems.map((p) => [p.row, p.code])).toEqual([[3, 'IMPORT.ROWS_ABOVE_HEADER'], [3, 'IMPORT.UNKNOWN_COLUMN']]);
  });

  it('refuses a file without the required or identity columns, and warns of a merged header cell', () => {
    const { problems } = parseParticipantSheet(sheetOf([['Namn', 'Kön', null]], new Map([[1, new Set([2])]])), TODAY);
    expect(codes(problems)).toEqual(['IMPORT.MERGED_HEADER', 'IMPORT.MISSING_COLUMN', 'IMPORT.MISSING_COLUMN', 'IMPORT.NO_IDENTITY_COLUMN']);
    expect(codes(parseParticipantSheet(sheetOf([]), TODAY).problems)).toEqual(['IMPORT.EMPTY_FILE']);
  });

  it('reads the same participants from a Windows-1252 CSV and from an XLSX', async () => {
    const lines = [SV_HEADER, '811218-9876|2024-01-15|Åsa Öberg|woman|unemployed|vill inte uppge|asa@example.org'];
    const fromCsv = parseParticipantSheet((await readTable(csvOf(lines, 'windows-1252'))).sheets[0]!, TODAY);
    const xlsx = await xlsxOf(lines.map((line) => line.split('|')).map((cells, i) => (i === 0 ? cells : [cells[0]!, new Date(Date.UTC(2024, 0, 15)), ...cells.slice(2)])));
    const fromXlsx = parseParticipantSheet((await readTable(xlsx)).sheets[0]!, TODAY);
    expect(fromCsv.problems).toEqual([]);
    expect(fromXlsx.rows.map((r) => r.body)).toEqual(fromCsv.rows.map((r) => r.body));
    expect(fromCsv.rows[0]!.body.profile.birthDate).toBeNull();
  });
});
