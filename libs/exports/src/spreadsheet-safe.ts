/**
 * Text that a spreadsheet would read as a formula starts with one of these (OWASP, "CSV Injection":
 * `=`, `+`, `-`, `@`, tab, carriage return). Such text gets a leading apostrophe, which spreadsheets
 * show as text and never evaluate.
 *
 * Numbers are told apart from text by their type, not their look: what the export holds as a number
 * (counts, rates, positions) is written as a number, so -0.5 stays a number; everything held as text
 * (project names, codes, the suppression mark, metadata) is text and neutralised, even "-5".
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralised(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
