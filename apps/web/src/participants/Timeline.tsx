import { useIntl } from 'react-intl';
import { ParticipantHistory, Pathway } from '../api/client';
import { useT } from '../i18n/t';
import { daysLate } from './late-recording';
import { questionLabel } from './enrolment-questions';
import { RetractDialog } from './RetractDialog';
import { eventLabel, milestoneDetails } from './timeline-facts';

/** Timeline entries that are not milestones: the API refuses to retract them (MILESTONE.NOT_RETRACTABLE). */
const NOT_RETRACTABLE: ReadonlySet<string> = new Set(['EntryProfileCorrected', 'EnrolmentWithdrawn']);

interface Props {
  pathway: Pathway;
  /** For those who record: who (by role) recorded each event. */
  history: ParticipantHistory | null;
  userId: string;
  mayRecord: boolean;
  onRetracted: (message: string, eventId: string, version: number) => void;
}

/**
 * Each milestone with the date it happened and when and by whom it was recorded (you, or a role:
 * never a colleague's name), late records marked, retracted ones struck through with the reason
 * said in words too (a screen reader does not announce <del>).
 */
export function Timeline({ pathway, history, userId, mayRecord, onRetracted }: Props) {
  const t = useT();
  const intl = useIntl();
  const date = (iso: string) => intl.formatDate(iso, { dateStyle: 'medium', timeZone: 'UTC' });
  const instant = (iso: string) => intl.formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' });
  const roleOf = new Map(history?.events.map((e) => [e.eventId, e.metadata.actorRole]) ?? []);

  if (pathway.timeline.length === 0) return <p>{t('pathway.timeline.none')}</p>;
  return (
    <ol className="timeline">
      {pathway.timeline.map((m) => {
        const label = t(eventLabel(m.type));
        const late = daysLate(m.occurredOn, m.recordedAt);
        const role = m.recordedBy === userId ? 'you' : roleOf.get(m.eventId);
        return (
          <li key={m.eventId} className={m.retracted ? 'retracted' : undefined}>
            <span className="when">{date(m.occurredOn)}</span>
            {m.retracted ? (
              <>
                <del>{label}</del>
                <span className="visually-hidden"> {t('pathway.retracted.marker')}</span>
              </>
            ) : (
              <strong>{label}</strong>
            )}
            {milestoneDetails(m.type, m.details).map((d) => (
              <span key={d.label} className="detail">
                {t('pathway.detail', { name: t(d.label), what: t(d.value) })}
              </span>
            ))}
            {m.type === 'EntryProfileCorrected' && (
              <span className="detail">{t('pathway.corrected.fields', { fields: intl.formatList(Object.keys((m.details.corrected as Record<string, unknown> | undefined) ?? {}).map((field) => t(questionLabel(field)).replace(/\?$/, '')), { type: 'conjunction' }) })}</span>
            )}
            {m.type === 'EnrolmentWithdrawn' && <span className="detail">{t(m.details.ground === 'duplicate' ? 'pathway.withdrawn.duplicate' : 'pathway.withdrawn.neverTookPart', { id: String(m.details.duplicateOf ?? '') })}</span>}
            <span className="recorded muted">
              {role ? t('pathway.recordedBy', { date: instant(m.recordedAt), role }) : t('pathway.recordedAt', { date: instant(m.recordedAt) })}
            </span>
            {late !== null && <span className="late">{t('pathway.late', { days: late })}</span>}
            {m.retracted && (
              <p className="retraction">
                {m.retracted.reason.status === 'open' ? t('pathway.retracted', { reason: m.retracted.reason.text }) : t('pathway.retracted.reasonNotShown')}
              </p>
            )}
            {mayRecord && !m.retracted && !NOT_RETRACTABLE.has(m.type) && (
              <div className="timeline-actions">
                <RetractDialog participantId={pathway.participantId} milestone={{ eventId: m.eventId, occurredOn: m.occurredOn, label }} onRetracted={(message, version) => onRetracted(message, m.eventId, version)} />
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
