import ExcelJS from 'exceljs';

/** Test files: an XLSX built with exceljs from rows (a cell may be a Date, number or text), and CSV text in an encoding. */
export async function xlsxOf(rows: (string | number | boolean | Date | null)[][], options: { sheetName?: string; merge?: string } = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(options.sheetName ?? 'Deltagare');
  for (const row of rows) sheet.addRow(row);
  if (options.merge) sheet.mergeCells(options.merge);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** An XLSX of several sheets, each from rows, in order. */
export async function workbookOf(sheets: Record<string, (string | number | boolean | Date | null)[][]>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function csvOf(lines: string[], encoding: 'utf-8' | 'utf-8-bom' | 'windows-1252' = 'utf-8', separator = ';'): Buffer {
  const text = lines.map((line) => line.replaceAll('|', separator)).join('\r\n') + '\r\n';
  if (encoding === 'windows-1252') return Buffer.from(text, 'latin1');
  const body = Buffer.from(text, 'utf8');
  return encoding === 'utf-8-bom' ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
}

/** Headers of a participant file in Swedish; rows of it follow the same order. */
export const SV_HEADER = 'Personnummer|Inskrivningsdatum|Namn|Kön|Ställning på arbetsmarknaden|Födelsedatum|E-post';
