import { Workbook } from 'exceljs';
import { neutralised, withZipTimestamps } from '@pathway/exports';
import { Cell, SubjectAccessDocument } from './subject-access-document';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The subject-access document as a workbook: one sheet per section, in the document's order,
 * named by the section's short sheet name; on each, the title (bold), the plain-language explanation, an
 * empty row, then the table with a bold header. Text is written as text and neutralised (a
 * caseworker's free text must never run as a formula in the person's spreadsheet). The
 * workbook's times are the document's `generatedAt`, so the same document gives the same bytes.
 */
export async function subjectAccessXlsx(document: SubjectAccessDocument): Promise<Buffer> {
  const stamp = new Date(document.generatedAt);
  const workbook = new Workbook();
  workbook.creator = 'Pathway';
  workbook.lastModifiedBy = 'Pathway';
  workbook.created = stamp;
  workbook.modified = stamp;
  workbook.title = document.title;

  for (const section of document.sections) {
    const sheet = workbook.addWorksheet(section.sheet);
    sheet.addRow([section.title]).font = { bold: true, size: 14 };
    sheet.addRow([section.explanation]);
    sheet.addRow([]);
    sheet.addRow(section.columns.map((c) => c.label)).font = { bold: true };
    for (const row of section.rows) sheet.addRow(section.columns.map((c) => cell(row[c.key] ?? null)));
    section.columns.forEach((column, index) => {
      sheet.getColumn(index + 1).width = column.key === 'details' || column.key === 'message' || column.key === 'erased' ? 80 : 26;
    });
  }
  return withZipTimestamps(Buffer.from(await workbook.xlsx.writeBuffer()), stamp);
}

const cell = (value: Cell): Cell => (typeof value === 'string' ? neutralised(value) : value);
