import { Workbook } from 'exceljs';
import { SUPPRESSED } from './export-row';
import { buildFunderExport } from './funder-export';
import { FRAMTID, framtidReport } from './testing/report-fixture';
import { documentDate, toXlsx } from './to-xlsx';
import { dosDateTime, zipTimestamps } from './zip-timestamps';

const data = () => buildFunderExport(framtidReport(), FRAMTID);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A plain exceljs workbook, packed as exceljs packs it, to show what the clock does to it. */
async function plainWorkbook(): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.addWorksheet('One').addRow(['a']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function readBack(body: Buffer): Promise<Workbook> {
  const workbook = new Workbook();
  // exceljs's load() is typed for its own Buffer shape.
  await workbook.xlsx.load(body as unknown as Parameters<Workbook['xlsx']['load']>[0]);
  return workbook;
}

describe('the XLSX export', () => {
  it('gives the same bytes and digest when built again later, though exceljs stamps zip entries with the clock', async () => {
    const [first, plainBefore] = [await toXlsx(await data()), await plainWorkbook()];
    // Zip times have a 2-second resolution: wait past one step so the clock would show.
    await sleep(2_100);
    const [second, plainAfter] = [await toXlsx(await data()), await plainWorkbook()];

    expect([...zipTimestamps(plainBefore).values()]).not.toEqual([...zipTimestamps(plainAfter).values()]);
    expect(second.body.equals(first.body)).toBe(true);
    expect(second.digest).toBe(first.digest);
  }, 10_000);

  it('stamps every zip entry and the document properties with the as-known-on instant, not the clock', async () => {
    const file = await toXlsx(await data());
    const expected = dosDateTime(new Date('2026-01-15T12:00:00.000Z'));
    const stamps = [...zipTimestamps(file.body).values()];
    expect(stamps.length).toBeGreaterThan(5);
    expect(stamps.every((s) => s.time === expected.time && s.date === expected.date)).toBe(true);
    const workbook = await readBack(file.body);
    expect(workbook.created.toISOString()).toBe('2026-01-15T12:00:00.000Z');
    expect(workbook.modified.toISOString()).toBe('2026-01-15T12:00:00.000Z');
  });

  it("falls back to the last day of the period, at midnight in the project's zone, when the report is as known now", async () => {
    const now = await buildFunderExport({ ...framtidReport(), asKnownOn: null }, FRAMTID);
    expect(documentDate(now).toISOString()).toBe('2025-12-30T23:00:00.000Z');
    const auckland = await buildFunderExport({ ...framtidReport(), asKnownOn: null }, { ...FRAMTID, timeZone: 'Pacific/Auckland' });
    expect(documentDate(auckland).toISOString()).toBe('2025-12-30T11:00:00.000Z');
  });

  it('reads back with an Indicators sheet (bold, frozen header) and a Metadata sheet', async () => {
    const file = await toXlsx(await data());
    expect(file.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(file.fileName).toMatch(/-as-known-on-20260115T120000Z\.xlsx$/);
    const workbook = await readBack(file.body);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Indicators', 'Metadata']);

    const sheet = workbook.getWorksheet('Indicators')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'code', 'name', 'kind', 'breakdown', 'value', 'numerator', 'denominator']);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.rowCount).toBe(1 + 23 * 6 + 7 * 5);
    expect(sheet.getRow(2).values).toEqual([undefined, 'EECO01', 'Total number of participants', 'output', 'women', 30]);
    expect(sheet.getCell('E4').value).toBe(SUPPRESSED);
    const completion = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(1).value === 'COMPLETION_RATE' && r.getCell(4).value === 'women')!;
    expect([5, 6, 7].map((c) => completion.getCell(c).value)).toEqual([0.7059, 12, 17]);

    const meta = workbook.getWorksheet('Metadata')!;
    const entries = new Map(meta.getRows(2, meta.rowCount - 1)!.map((r) => [r.getCell(1).value, r.getCell(2).value]));
    expect(entries.get('region')).toBe('SE12 Östra Mellansverige');
    expect(entries.get('position')).toBe(4711);
    expect(entries.get('suppressionThreshold')).toBe(5);
    expect(entries.has('generatedAt')).toBe(false);
  });

  it('keeps text that would start a formula inert: stored as text, with a leading apostrophe', async () => {
    const name = '=HYPERLINK("http://x","y")';
    const file = await toXlsx(await buildFunderExport(framtidReport(), { ...FRAMTID, name }));
    const workbook = await readBack(file.body);
    const meta = workbook.getWorksheet('Metadata')!;
    const cell = meta.getRows(2, meta.rowCount - 1)!.find((r) => r.getCell(1).value === 'projectName')!.getCell(2);
    expect(cell.value).toBe(`'${name}`);
    expect(cell.formula).toBeUndefined();
    // Numbers stay numbers.
    expect(workbook.getWorksheet('Indicators')!.getCell('E2').value).toBe(30);
  });
});
