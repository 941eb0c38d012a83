import { useEffect, useRef } from 'react';
import { useIntl } from 'react-intl';
import { useT } from '../i18n/t';
import { MessageId } from '../i18n/messages.en';
import { AttendanceRow, GroupSessionKind } from './group-session-api';

/** Why a row was refused, by the API's stable code; a code the app does not know yet is named as it is. */
const REASONS: Record<string, MessageId> = {
  'PARTICIPANT.ALREADY_EXITED': 'groupSession.reason.exited',
  'PARTICIPANT.NOT_FOUND': 'groupSession.reason.notFound',
  'MILESTONE.BEFORE_ENROLMENT': 'groupSession.reason.beforeEnrolment',
  'MILESTONE.BEFORE_ENTRY': 'groupSession.reason.beforeEntry',
  'MILESTONE.DATE_IN_FUTURE': 'groupSession.reason.future',
  'IDEMPOTENCY.KEY_REUSED': 'groupSession.reason.keyReused',
  'CONCURRENCY.VERSION_MISMATCH': 'groupSession.reason.concurrent',
};

interface Props {
  occurredOn: string;
  kind: GroupSessionKind;
  results: AttendanceRow[];
  /** How the list named each participant: name and code for the caseworker. */
  nameOf: (participantId: string) => string;
  sending: boolean;
  failure: boolean;
  onResend: () => void;
  onStartAgain: () => void;
}

/**
 * One line per participant: recorded, already recorded, or refused with the reason in the user's
 * language; the refused rows can be sent again once what refused them is put right. The heading
 * takes focus after each answer, so a screen reader reads the new count first.
 */
export function AttendanceResults({ occurredOn, kind, results, nameOf, sending, failure, onResend, onStartAgain }: Props) {
  const t = useT();
  const intl = useIntl();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const date = (iso: string | number) => intl.formatDate(String(iso), { dateStyle: 'medium', timeZone: 'UTC' });
  const count = (result: AttendanceRow['result']) => results.filter((r) => r.result === result).length;
  const refused = count('refused');

  useEffect(() => {
    headingRef.current?.focus();
  }, [results]);

  const reason = (row: AttendanceRow) => {
    const id = row.problem ? REASONS[row.problem.code] : undefined;
    if (!id) return t('groupSession.reason.other', { code: row.problem?.code ?? '' });
    const params = row.problem?.params ?? {};
    const on = params.exitedOn ?? params.earliest ?? params.date;
    return t(id, { date: on === undefined ? '' : date(on) });
  };

  return (
    <section aria-labelledby="gs-results-title">
      <h2 id="gs-results-title" tabIndex={-1} ref={headingRef}>
        {t('groupSession.results.title')}
      </h2>
      <p>{t('groupSession.results.session', { date: date(occurredOn), kind: t(`groupSession.kind.${kind}`) })}</p>
      <p className={refused ? 'error-message' : 'notice'}>
        {t('groupSession.results.summary', { recorded: count('recorded'), already: count('already-recorded'), refused })}
      </p>
      {failure && (
        <p role="alert" className="error-message">
          {t('groupSession.failed')}
        </p>
      )}
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('groupSession.results.participant')}</th>
              <th scope="col">{t('groupSession.results.result')}</th>
            </tr>
          </thead>
          <tbody>
            {results.map((row) => (
              <tr key={row.participantId} className={row.result === 'refused' ? 'refused-row' : undefined}>
                <th scope="row">{nameOf(row.participantId)}</th>
                <td className="wrap">
                  {row.result === 'refused' ? (
                    <>
                      <strong>{t('groupSession.result.refused')}</strong> {reason(row)}
                    </>
                  ) : (
                    t(row.result === 'recorded' ? 'groupSession.result.recorded' : 'groupSession.result.alreadyRecorded')
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {refused > 0 && <p>{t('groupSession.results.resendHint')}</p>}
      <div className="actions">
        {refused > 0 && (
          <button type="button" className="button primary" onClick={onResend} aria-disabled={sending || undefined}>
            {t('groupSession.resend', { n: refused })}
          </button>
        )}
        <button type="button" className="button" onClick={onStartAgain}>
          {t('groupSession.startAgain')}
        </button>
      </div>
    </section>
  );
}
