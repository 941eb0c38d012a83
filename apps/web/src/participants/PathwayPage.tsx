import { useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { Link } from '../app/router';
import { ErasureSection } from '../data-protection/ErasureSection';
import { PageHeading } from '../app/page-heading';
import { useT } from '../i18n/t';
import { useSession } from '../session/session';
import { ContactDetailsDialog } from './ContactDetailsDialog';
import { CorrectionDialog } from './CorrectionDialog';
import { ParticipantIndicators } from './ParticipantIndicators';
import { usePathwayData } from './pathway-data';
import { RecordMilestone } from './RecordMilestone';
import { Timeline } from './Timeline';
import { WithdrawalDialog } from './WithdrawalDialog';
import { WithdrawnNotice } from './WithdrawnNotice';

/**
 * A participant's pathway: status, the timeline (when each milestone happened, when and by whom
 * it was recorded, late and retracted ones marked), the indicators the participant counts in,
 * and, for the project's caseworkers, recording a milestone, retracting one, changing contact details,
 * correcting the answers given at enrolment and withdrawing an enrolment made in error; for
 * admins, the way to the participant's subject-access document (GDPR Articles 15 and 20) and the
 * erasure of their personal data (Article 17).
 */
export function PathwayPage({ participantId }: { participantId: string }) {
  const t = useT();
  const intl = useIntl();
  const { state } = useSession();
  const user = state.status === 'signedIn' ? state.user : null;
  // Only the project's caseworkers record (the API's access policy): the app never offers what the role may not do.
  const caseworker = user?.role === 'caseworker';
  const { pathway, history, indicators, reload } = usePathwayData(participantId, caseworker);
  // A withdrawn enrolment takes nothing more (the domain refuses it), so nothing is offered.
  const mayRecord = caseworker && typeof pathway === 'object' && pathway !== null && pathway.status !== 'withdrawn' && user!.projects.includes(pathway.projectId);
  const [notice, setNotice] = useState('');
  // The version a write of ours answered: the history read after it may not be back yet when the next form opens.
  const [written, setWritten] = useState(0);
  const version = history ? Math.max(history.version, written) : null;
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const date = (iso: string) => intl.formatDate(iso, { dateStyle: 'medium', timeZone: 'UTC' });

  const [focusNotice, setFocusNotice] = useState(0);
  useEffect(() => {
    if (focusNotice > 0) noticeRef.current?.focus();
  }, [focusNotice]);

  /**
   * Says what happened where a screen reader hears it and, once the page shows the change (the
   * form or the button that did it is gone by then), puts focus there.
   */
  const announce = async (message: string, shown: Promise<void>) => {
    setNotice(message);
    await shown;
    setFocusNotice((n) => n + 1);
  };

  const personName = typeof pathway === 'object' && pathway !== null && pathway.personalData?.status === 'recorded' ? (pathway.personalData.data?.name ?? null) : null;

  return (
    <>
      {/* The name is for the caseworker's eyes in the page only: the document title (browser history, tabs) keeps the code. */}
      <PageHeading title={t('pathway.title', { id: participantId })}>
        {personName && (
          <>
            {personName} <span className="muted" aria-hidden="true">·</span>{' '}
          </>
        )}
        {t('pathway.title', { id: participantId })}
      </PageHeading>
      {pathway === null && <p role="status">{t('app.loading')}</p>}
      {pathway === 'notFound' && <p role="alert">{t('pathway.notFound')}</p>}
      {pathway === 'failed' && <p role="alert" className="error-message">{t('app.error')}</p>}
      {/* An admin does not read pathways (the API's access policy), but answers the person's requests about them. */}
      {pathway === 'forbidden' && <p>{t(user?.role === 'admin' ? 'pathway.forbidden.admin' : 'admin.forbidden')}</p>}
      {user?.role === 'admin' && pathway !== null && pathway !== 'notFound' && (
        <div className="page-actions">
          <Link to={`/participants/${encodeURIComponent(participantId)}/subject-access`} className="button">
            {t('subjectAccess.action')}
          </Link>
        </div>
      )}
      {/* Where the admin reaches the person: the erasure of their personal data (GDPR art. 17). */}
      {user?.role === 'admin' && pathway === 'forbidden' && <ErasureSection participantId={participantId} />}
      {pathway && typeof pathway === 'object' && (
        <>
          <p>
            <Link to={`/projects/${encodeURIComponent(pathway.projectId)}/participants`}>{t('pathway.back')}</Link>
          </p>
          <dl className="facts">
            <dt>{t('pathway.status')}</dt>
            <dd>{t(`status.${pathway.status}`)}</dd>
            <dt>{t('pathway.enrolledOn')}</dt>
            <dd>{date(pathway.enrolledOn)}</dd>
            {pathway.lastExitOn && (
              <>
                <dt>{t('pathway.lastExitOn')}</dt>
                <dd>{date(pathway.lastExitOn)}</dd>
              </>
            )}
          </dl>
          {pathway.withdrawal && <WithdrawnNotice withdrawal={pathway.withdrawal} history={history} userId={user?.id ?? ''} />}
          <p ref={noticeRef} tabIndex={-1} role="status" className={notice ? 'notice' : 'visually-hidden'}>
            {notice}
          </p>
          {mayRecord && (
            <div className="page-actions">
              <ContactDetailsDialog
                participantId={participantId}
                current={pathway.personalData?.status === 'recorded' ? (pathway.personalData.data ?? {}) : {}}
                onChanged={async (message) => {
                  await reload();
                  setNotice(message);
                }}
              />
              <CorrectionDialog
                pathway={pathway}
                version={version}
                onStale={() => void reload()}
                onCorrected={(message, eventId, at) => {
                  setWritten((v) => Math.max(v, at));
                  void announce(message, reload((next) => next.timeline.some((m) => m.eventId === eventId)));
                }}
              />
              <WithdrawalDialog
                participantId={participantId}
                version={version}
                onStale={() => void reload()}
                onWithdrawn={(message, at) => {
                  setWritten((v) => Math.max(v, at));
                  void announce(message, reload((next) => next.status === 'withdrawn'));
                }}
              />
            </div>
          )}
          {mayRecord && (
            <section aria-labelledby="record-title" className="record">
              <h2 id="record-title">{t('record.title')}</h2>
              <RecordMilestone
                pathway={pathway}
                version={version}
                onStale={() => void reload()}
                onCancelled={() => setNotice(t('record.cancelled'))}
                onRecorded={(eventId, what, occurredOn, at) => {
                  setWritten((v) => Math.max(v, at));
                  void announce(t('record.recorded', { what, date: date(occurredOn) }), reload((next) => next.timeline.some((m) => m.eventId === eventId)));
                }}
              />
            </section>
          )}
          <h2>{t('pathway.timeline')}</h2>
          <Timeline
            pathway={pathway}
            history={history}
            userId={user?.id ?? ''}
            mayRecord={mayRecord}
            onRetracted={(message, eventId, at) => {
              setWritten((v) => Math.max(v, at));
              void announce(message, reload((next) => next.timeline.some((m) => m.eventId === eventId && m.retracted !== null)));
            }}
          />
          <section aria-labelledby="indicators-title">
            <h2 id="indicators-title">{t('pathway.indicators.title')}</h2>
            <ParticipantIndicators indicators={indicators} />
          </section>
        </>
      )}
    </>
  );
}
