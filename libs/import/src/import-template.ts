import ExcelJS from 'exceljs';
import { ColumnKind, NO, NOT_DISCLOSED, PARTICIPANT_COLUMNS, YES } from './participant-columns';
import { columnLetter } from './parse-participant-sheet';
import { MILESTONE_COLUMNS, MILESTONE_TYPE_WORDS } from './milestone-columns';

/** Rows of the template that carry drop-downs and date formats (Excel extends neither by itself). */
export const TEMPLATE_ROWS = 5000;

type WithValidations = { dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void } };

const INSTRUCTIONS: readonly [string, string][] = [
  ['Fyll i en rad per deltagare på bladet "Deltagare - Participants". Rubrikerna får stå på svenska eller engelska.', 'Fill in one row per participant on the sheet "Deltagare - Participants". Headers may be in Swedish or English.'],
  ['Varje rad behöver ett deltagar-id eller ett personnummer: det gör att samma fil kan importeras igen utan dubbletter.', 'Each row needs a participant id or an identity number: importing the same file again then records nothing twice.'],
  ['Datum skrivs ÅÅÅÅ-MM-DD (eller som Excel-datum).', 'Dates are written YYYY-MM-DD (or as Excel dates).'],
  ['Kolumner med listor: välj ur listan. "vill inte uppge" / "not disclosed" är ett svar för alla frågor utom ställning på arbetsmarknaden.', 'Columns with lists: choose from the list. "not disclosed" is an answer to every question but the labour market status.'],
  ['Personnummer och samordningsnummer kontrolleras (datum och kontrollsiffra); andra länders nummer tas som text.', 'Swedish personal identity and coordination numbers are checked (date and check digit); other countries\' numbers are taken as text.'],
  ['Gör först en provkörning: inget sparas, och varje problem visas med rad och kolumn.', 'Make a dry run first: nothing is saved, and every problem is shown with its row and column.'],
  ['En rad som ändrats sedan förra importen skrivs aldrig över: den visas som en konflikt. Rätta i Pathway i stället.', 'A row changed since the last import is never overwritten: it is reported as a conflict. Correct it in Pathway instead.'],
  ['Obligatoriska kolumner är märkta med *.', 'Required columns are marked with *.'],
  ['Händelser (valfritt) fylls i på bladet "Milstolpar - Milestones", en rad per händelse, efter deltagarna: deltagar-id eller personnummer som på deltagarbladet, händelse, datum och händelsens uppgifter. Lämna övriga kolumner tomma.', 'Milestones (optional) go on the sheet "Milstolpar - Milestones", one row per milestone, after the participants: participant id or identity number as on the participant sheet, milestone type, date and the fields of that type. Leave the other columns empty.'],
  ['En händelse importeras bara för en deltagare som skrivs in i samma import eller redan är inskriven i projektet.', 'A milestone is imported only for a participant enrolled by the same import or already enrolled in the project.'],
  ['En händelse som ändrats sedan förra importen (samma deltagare, händelse och datum) skrivs aldrig över: ta tillbaka den i Pathway och registrera den på nytt.', 'A milestone changed since the last import (same participant, type and date) is never overwritten: retract it in Pathway and record it anew.'],
  ['Händelser kan också importeras från en egen CSV-fil med samma kolumner som bladet "Milstolpar - Milestones" (utan kolumnen Inskrivningsdatum), för deltagare som redan är inskrivna.', 'Milestones can also be imported from a CSV file of their own with the columns of the sheet "Milstolpar - Milestones" (without the Enrolment date column), for participants already enrolled.'],
  ['Skyddad identitet: välj "ja" för en person med skyddade personuppgifter. Filen till SCB får då en ersättningskod i stället för personnumret (födelsedatum och kön behövs för koden).', 'Protected identity: choose "yes" for a person with protected personal data. The file to SCB then carries a replacement code instead of the identity number (birth date and gender are needed for the code).'],
  ['Samma person två gånger i filen med olika värden (samma personnummer, även under olika deltagar-id) stoppar båda raderna tills en av dem är rättad.', 'The same person twice in the file with different values (the same identity number, also under different participant ids) stops both rows until one is corrected.'],
];

/** Which fields each milestone type takes (as the API's milestone DTOs define them), for the instructions. */
const MILESTONE_FIELDS: Record<string, string> = {
  'intervention-started': 'kind, interventionId',
  'intervention-ended': 'interventionId *, outcome *',
  'school-completed': 'level *, fullGrades',
  'qualification-gained': 'qualification *, iscedLevel',
  'education-entered': 'programme *',
  'job-search-started': '',
  'job-placed': 'employment *, contract *, hoursPerWeek',
  exited: 'reason *, situation *',
  'follow-up-recorded': 'monthsAfterExit *, situation *, improvedSituation',
  're-entered': '',
  'group-session-attended': 'kind *, sessionId',
};

function listOf(kind: ColumnKind, disclosable: boolean): string[] | null {
  const undisclosed = disclosable ? [NOT_DISCLOSED[1], NOT_DISCLOSED[0]] : [];
  if (kind === 'yes-no') return [YES[0], NO[0], YES[1], NO[1], ...undisclosed];
  if (typeof kind === 'object') return [...kind.oneOf, ...undisclosed];
  return null;
}

/**
 * The import template as an XLSX: a participant sheet with one column per field, headed
 * "Svenska / English" (`*` for required), drop-down lists on every closed list (with "vill inte
 * uppge" / "not disclosed" where that is an answer) and date-formatted date columns for
 * `TEMPLATE_ROWS` rows; an instructions sheet in both languages.
 */
export async function importTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Pathway';
  const sheet = workbook.addWorksheet('Deltagare - Participants', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = PARTICIPANT_COLUMNS.map((column) => ({
    header: `${column.sv} / ${column.en}${column.required ? ' *' : ''}`,
    key: column.field,
    width: Math.max(18, column.sv.length + column.en.length + 6),
  }));
  sheet.getRow(1).font = { bold: true };
  const validations = (sheet as unknown as WithValidations).dataValidations;
  PARTICIPANT_COLUMNS.forEach((column, index) => {
    const letter = columnLetter(index);
    const range = `${letter}2:${letter}${TEMPLATE_ROWS + 1}`;
    const list = listOf(column.kind, column.disclosable ?? false);
    if (list) {
      validations.add(range, {
        type: 'list',
        allowBlank: !column.required,
        formulae: [`"${list.join(',')}"`],
        showErrorMessage: true,
        errorTitle: 'Pathway',
        error: 'Välj ur listan / Choose from the list',
      });
    }
    if (column.kind === 'date') sheet.getColumn(index + 1).numFmt = 'yyyy-mm-dd';
    if (column.kind === 'identity-number' || column.field === 'participantId' || column.field === 'phone') sheet.getColumn(index + 1).numFmt = '@';
  });
  addMilestoneSheet(workbook);
  const instructions = workbook.addWorksheet('Instruktioner - Instructions');
  instructions.columns = [
    { header: 'Svenska', key: 'sv', width: 80 },
    { header: 'English', key: 'en', width: 80 },
  ];
  instructions.getRow(1).font = { bold: true };
  for (const [sv, en] of INSTRUCTIONS) instructions.addRow({ sv, en }).alignment = { wrapText: true, vertical: 'top' };
  instructions.addRow({});
  instructions.addRow({ sv: 'Kolumn', en: 'Column' }).font = { bold: true };
  for (const column of PARTICIPANT_COLUMNS) {
    const list = listOf(column.kind, column.disclosable ?? false);
    instructions.addRow({ sv: `${column.sv}${list ? `: ${list.join(', ')}` : ''}`, en: `${column.en}${column.required ? ' (required)' : ''}` });
  }
  instructions.addRow({});
  instructions.addRow({ sv: 'Händelse (Milstolpar)', en: 'Milestone type: its fields (* required)' }).font = { bold: true };
  for (const type of MILESTONE_TYPE_WORDS) instructions.addRow({ sv: `${type.sv} / ${type.en} (${type.code})`, en: MILESTONE_FIELDS[type.code] || '-' });
  for (const column of MILESTONE_COLUMNS.filter((c) => c.list && c.field !== 'type')) instructions.addRow({ sv: `${column.sv} (${column.field})`, en: column.list!.join(', ') });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * The milestone sheet: one column per milestone column ("Svenska / English (field)"), a
 * drop-down of the types (Swedish words; English words and API codes are read as well), the yes/no
 * and closed lists of the fields, date-formatted date column.
 */
function addMilestoneSheet(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet('Milstolpar - Milestones', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = MILESTONE_COLUMNS.map((column) => ({
    header: `${column.sv} / ${column.en}${column.field === column.en ? '' : ` (${column.field})`}${column.required ? ' *' : ''}`,
    key: column.field,
    width: Math.max(18, column.sv.length + column.en.length + column.field.length + 8),
  }));
  sheet.getRow(1).font = { bold: true };
  const validations = (sheet as unknown as WithValidations).dataValidations;
  MILESTONE_COLUMNS.forEach((column, index) => {
    const letter = columnLetter(index);
    const list = column.list ?? (column.kind === 'number' ? null : listOf(column.kind, false));
    // Excel takes at most 255 characters in a list written into the validation; a longer one is left to the instructions.
    if (list && list.join(',').length <= 255) {
      validations.add(`${letter}2:${letter}${TEMPLATE_ROWS + 1}`, {
        type: 'list',
        allowBlank: !column.required,
        formulae: [`"${list.join(',')}"`],
        showErrorMessage: true,
        errorTitle: 'Pathway',
        error: 'Välj ur listan / Choose from the list',
      });
    }
    if (column.kind === 'date') sheet.getColumn(index + 1).numFmt = 'yyyy-mm-dd';
    if (column.kind === 'identity-number' || column.field === 'participantId') sheet.getColumn(index + 1).numFmt = '@';
  });
}
