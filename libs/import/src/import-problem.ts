/**
 * One thing wrong with an imported file, at a row and column, by a stable code the web app and
 * the command line translate (`problem.<code>` in the message catalogues). Never carries a
 * cell's value: cells hold personal data. `params` holds only what the code's message needs
 * (a header as written, a limit, an expected format).
 */
export interface ImportProblem {
  /** The sheet of an XLSX the problem is on (the milestone sheet's problems always name it). */
  sheet?: string;
  /** The spreadsheet's own row number (1 is the first row of the sheet); null for the whole file. */
  row: number | null;
  /** The column's header as written in the file, or the field name; null for a whole row or file. */
  column: string | null;
  /** A stable code, e.g. `IMPORT.INVALID_DATE`. */
  code: string;
  params?: Record<string, string | number>;
  /** `error` keeps the row out of the commit; `warning` is reported and the row still imported (or skipped as told). */
  severity: 'error' | 'warning';
}

/** A file the import cannot read at all (too large, not a spreadsheet, a zip bomb): stable code and params. */
export class ImportFileRefused extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
    this.name = 'ImportFileRefused';
  }
}
