import { useIntl } from 'react-intl';
import { problemMessage } from '../api/problems';
import { Answer, isLoading } from '../api/use-answer';
import { useT } from '../i18n/t';
import { BusyState } from './BusyState';

/**
 * What a request has not (yet) given: while it is under way, the busy state with `loading` (and,
 * when slow, that a large project takes longer); refused, the API's problem in words; failed, the
 * general message. Nothing once the answer is there: the page shows it.
 */
export function AnswerState<T>({ answer, loading }: { answer: Answer<T>; loading: string }) {
  const t = useT();
  const intl = useIntl();
  if (isLoading(answer)) return <BusyState since={answer.since} label={loading} slowLabel={t('report.loading.slow')} />;
  const problem = typeof answer === 'object' && 'problem' in answer ? answer.problem : null;
  if (answer !== 'failed' && !problem) return null;
  const date = (iso: string) => intl.formatDate(iso, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return (
    <p role="alert" className="error-message">
      {problem ? problemMessage(problem, t, date) : t('app.error')}
    </p>
  );
}
