import { useIntl } from 'react-intl';
import { ParticipantHistory, Withdrawal } from '../api/client';
import { Link } from '../app/router';
import { useT } from '../i18n/t';

/**
 * What a withdrawn enrolment's page says first: withdrawn as made in error, on what ground, when
 * and by whom (you, or a role, as the timeline says it), and for a duplicate a link to the
 * participant who stays. The participant counts nowhere and takes nothing more.
 */
export function WithdrawnNotice({ withdrawal, history, userId }: { withdrawal: Withdrawal; history: ParticipantHistory | null; userId: string }) {
  const t = useT();
  const intl = useIntl();
  const date = intl.formatDate(withdrawal.withdrawnOn, { dateStyle: 'medium', timeZone: 'UTC' });
  const at = intl.formatDate(withdrawal.recordedAt, { dateStyle: 'medium', timeStyle: 'short' });
  const role = withdrawal.recordedBy === userId ? 'you' : history?.events.findLast((e) => e.type === 'EnrolmentWithdrawn')?.metadata.actorRole;
  return (
    <section className="withdrawn-notice" aria-labelledby="withdrawn-title">
      <h2 id="withdrawn-title">{t('withdrawn.title')}</h2>
      <p>{t(`withdrawn.ground.${withdrawal.ground}`, { date })}</p>
      {withdrawal.ground === 'duplicate' && withdrawal.duplicateOf && (
        <p>
          {t('withdrawn.stays')} <Link to={`/participants/${encodeURIComponent(withdrawal.duplicateOf)}`}>{t('withdrawn.stays.link', { id: withdrawal.duplicateOf })}</Link>
        </p>
      )}
      <p>{t('withdrawn.countsNowhere')}</p>
      <p className="muted">{role ? t('withdrawn.recordedBy', { date: at, role }) : t('withdrawn.recordedAt', { date: at })}</p>
    </section>
  );
}
