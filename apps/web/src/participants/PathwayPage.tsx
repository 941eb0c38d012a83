import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { api, Pathway } from '../api/client';
import { Link } from '../app/router';
import { PageHeading } from '../app/page-heading';
import { en, MessageId } from '../i18n/messages.en';
import { useT } from '../i18n/t';
import { useSession } from '../session/session';

/** Timeline entries carry the event's type name (`JobPlaced`); each has a caseworker's word in the catalogue. */
const milestoneLabel = (type: string): MessageId => (`milestone.${type}` in en ? (`milestone.${type}` as MessageId) : 'milestone.other');

/** A participant's pathway, read-only: status, enrolment and each milestone, retracted ones struck through with the reason. */
export function PathwayPage({ participantId }: { participantId: string }) {
  const t = useT();
  const intl = useIntl();
  const { expired } = useSession();
  const [pathway, setPathway] = useState<Pathway | 'notFound' | 'failed' | null>(null);
  useEffect(() => {
    setPathway(null);
    void api.GET('/api/v1/participants/{participantId}', { params: { path: { participantId } } }).then(({ data, response }) => {
      if (response.status === 401) return expired();
      setPathway(response.ok ? (data as unknown as Pathway) : response.status === 404 ? 'notFound' : 'failed');
    });
  }, [participantId, expired]);
  const date = (iso: string) => intl.formatDate(iso, { dateStyle: 'medium', timeZone: 'UTC' });
  const instant = (iso: string) => intl.formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <>
      <PageHeading title={t('pathway.title', { id: participantId })}>{t('pathway.title', { id: participantId })}</PageHeading>
      {pathway === null && <p role="status">{t('app.loading')}</p>}
      {pathway === 'notFound' && <p role="alert">{t('pathway.notFound')}</p>}
      {pathway === 'failed' && <p role="alert" className="error-message">{t('app.error')}</p>}
      {pathway && typeof pathway === 'object' && (
        <>
          <p>
            <Link to={`/projects/${encodeURIComponent(pathway.projectId)}/participants`}>{t('pathway.back')}</Link>
          </p>
          <dl className="facts">
            <dt>{t('pathway.status')}</dt>
            <dd>{t(pathway.status === 'exited' ? 'status.exited' : 'status.active')}</dd>
            <dt>{t('pathway.enrolledOn')}</dt>
            <dd>{date(pathway.enrolledOn)}</dd>
          </dl>
          <h2>{t('pathway.timeline')}</h2>
          {pathway.timeline.length === 0 ? (
            <p>{t('pathway.timeline.none')}</p>
          ) : (
            <ol className="timeline">
              {pathway.timeline.map((m) => (
                <li key={m.eventId} className={m.retracted ? 'retracted' : undefined}>
                  <span className="when">{date(m.occurredOn)}</span>
                  {m.retracted ? <del>{t(milestoneLabel(m.type))}</del> : <strong>{t(milestoneLabel(m.type))}</strong>}
                  <span className="muted"> · {t('pathway.recordedAt', { date: instant(m.recordedAt) })}</span>
                  {m.retracted && (
                    <p className="retraction">
                      {m.retracted.reason.status === 'open' ? t('pathway.retracted', { reason: m.retracted.reason.text }) : t('pathway.retracted.reasonNotShown')}
                    </p>
                  )}
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </>
  );
}
