import { PROBLEM_CODES } from '../../../api/src/http/problem-codes';
import { en, MessageId } from '../i18n/messages.en';
import { sv } from '../i18n/messages.sv';
import { IntlMessageFormat } from 'intl-messageformat';
import { describeProblem, problemMessage } from './problems';

const translate = (catalogue: Record<string, string>, locale: string) => (id: MessageId, values?: Record<string, string | number>) =>
  String(new IntlMessageFormat(catalogue[id], locale).format(values));
const date = (iso: string) => `<${iso}>`;

describe('problem messages', () => {
  it.each(PROBLEM_CODES)('%s has a message in Swedish and English', (code) => {
    expect(Object.hasOwn(en, `problem.${code}`)).toBe(true);
    expect(Object.hasOwn(sv, `problem.${code}`)).toBe(true);
  });

  it('says a broken date rule with its dates, in each language, next to the date field', () => {
    const problem = { status: 422, code: 'MILESTONE.BEFORE_ENROLMENT', title: '', params: { date: '2024-01-01', earliest: '2024-01-15' } };
    expect(describeProblem(problem, translate(en, 'en'), date)).toEqual({
      summary: 'The date cannot be before the enrolment (<2024-01-15>).',
      fields: { occurredOn: 'The date cannot be before the enrolment (<2024-01-15>).' },
    });
    expect(describeProblem(problem, translate(sv, 'sv'), date).fields.occurredOn).toBe('Datumet får inte vara före inskrivningen (<2024-01-15>).');
  });

  it('gives the follow-up window its months and dates', () => {
    const problem = { code: 'FOLLOW_UP.OUTSIDE_WINDOW', params: { date: '2024-10-01', monthsAfterExit: 6, lastExitOn: '2024-09-30', from: '2025-02-28', to: '2025-06-30' } };
    expect(problemMessage(problem, translate(en, 'en'), date)).toBe('A follow-up 6 months after the exit on <2024-09-30> must be dated from <2025-02-28> to <2025-06-30>.');
  });

  it('marks each field of a request the API could not validate', () => {
    const problem = { status: 400, code: 'REQUEST.INVALID', title: '', errors: [{ field: 'occurredOn', reason: 'x' }, { field: 'situation', reason: 'y' }] };
    expect(describeProblem(problem, translate(en, 'en'), date).fields).toEqual({
      occurredOn: 'Write a date as YYYY-MM-DD, for example 2025-03-14.',
      situation: 'Check this answer: it is missing or not in the expected form.',
    });
  });

  it('falls back to a general message for a code it does not know', () => {
    expect(problemMessage({ code: 'HTTP.502' }, translate(en, 'en'), date)).toBe(en['problem.other']);
  });
});
