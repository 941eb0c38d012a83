import { IntlMessageFormat } from 'intl-messageformat';
import { ImportProblem, ProblemsWorkbookTexts } from '@pathway/import';
import { problemMessage } from '../../../web/src/api/problem-message';
import { en, MessageId } from '../../../web/src/i18n/messages.en';
import { sv } from '../../../web/src/i18n/messages.sv';

export const PROBLEMS_LANGUAGES = ['sv', 'en'] as const;
export type ProblemsLanguage = (typeof PROBLEMS_LANGUAGES)[number];

/**
 * The problems workbook's words in a language, from the web app's own catalogues (the one
 * place the texts live), so the workbook says what the Import screen says: each problem's
 * sentence by `problemMessage`, dates written long in that language.
 */
export function problemsTexts(language: ProblemsLanguage): { texts: ProblemsWorkbookTexts; messageOf: (problem: ImportProblem) => string } {
  const catalogue: Record<MessageId, string> = language === 'sv' ? sv : en;
  const t = (id: MessageId, values?: Record<string, string | number>) => String(new IntlMessageFormat(catalogue[id], language).format(values));
  const dates = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' });
  return {
    texts: {
      sheetName: t('import.problemsFile.sheet'),
      headers: {
        sheet: t('import.problemsFile.sheetColumn'),
        row: t('import.problems.row'),
        column: t('import.problems.column'),
        severity: t('import.problems.severity'),
        code: t('import.problemsFile.code'),
        message: t('import.problems.reason'),
      },
      error: t('import.problems.error'),
      warning: t('import.problems.warning'),
      wholeFile: t('import.problems.wholeFile'),
    },
    messageOf: (problem) => problemMessage(problem, t, (iso) => dates.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`))),
  };
}
