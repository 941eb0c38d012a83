import ExcelJS from 'exceljs';
import { ImportProblem } from './import-problem';

/** The words of a problems workbook in one language: its sheet's name, column headers, severities, and "the whole file". */
export interface ProblemsWorkbookTexts {
  sheetName: string;
  headers: { sheet: string; row: string; column: string; severity: string; code: string; message: string };
  error: string;
  warning: string;
  wholeFile: string;
}

/**
 * An import's problems as an XLSX of one sheet: sheet, row, column (the header as written),
 * severity, the stable code and `messageOf(problem)` (the sentence in the user's language), one
 * problem a row in the report's order, the header row frozen and filtered. Never a cell's value:
 * a problem carries none. Returns the file's bytes.
 */
export async function problemsWorkbook(problems: readonly ImportProblem[], texts: ProblemsWorkbookTexts, messageOf: (problem: ImportProblem) => string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(texts.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  const { headers } = texts;
  sheet.columns = [
    { header: headers.sheet, key: 'sheet', width: 18 },
    { header: headers.row, key: 'row', width: 8 },
    { header: headers.column, key: 'column', width: 24 },
    { header: headers.severity, key: 'severity', width: 10 },
    { header: headers.code, key: 'code', width: 36 },
    { header: headers.message, key: 'message', width: 80 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const problem of problems) {
    sheet.addRow({
      sheet: problem.sheet ?? '',
      row: problem.row ?? texts.wholeFile,
      column: problem.column ?? '',
      severity: problem.severity === 'error' ? texts.error : texts.warning,
      code: problem.code,
      message: messageOf(problem),
    });
  }
  sheet.autoFilter = { from: 'A1', to: 'F1' };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
