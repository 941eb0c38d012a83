import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { api } from '../api/client';
import type { components } from '../api/schema';
import { Link } from '../app/router';
import { PageHeading } from '../app/page-heading';
import { MessageId } from '../i18n/messages.en';
import { useT } from '../i18n/t';
import { useSession } from '../session/session';
import { LikelyDuplicates } from './LikelyDuplicates';

type Worklist = components['schemas']['WorklistDto'];
type Item = components['schemas']['WorklistItemDto'];
type Kind = Item['kind'];
type FileWork = components['schemas']['WorklistParticipantFilesDto'];

/**
 * Today: what the project's caseworkers should do, grouped by kind in the API's order (most urgent
 * first), each item a link to the participant's pathway with a sentence saying why it is there and
 * what to do by when; then, for the project's caseworkers, the likely duplicates (`LikelyDuplicates`). The API decides what is due; this page only explains it.
 * For an admin the API adds the monthly participant file for SCB: the months to send and to send again.
 */
export function TodayPage({ projectId }: { projectId: string }) {
  const t = useT();
  const intl = useIntl();
  const { expired } = useSession();
  const [worklist, setWorklist] = useState<Worklist | 'forbidden' | 'notFound' | 'failed' | null>(null);

  useEffect(() => {
    setWorklist(null);
    void api.GET('/api/v1/projects/{projectId}/worklist', { params: { path: { projectId } } }).then(({ data, response }) => {
      if (response.status === 401) return expired();
      if (response.ok && data) return setWorklist(data);
      setWorklist(response.status === 403 ? 'forbidden' : response.status === 404 ? 'notFound' : 'failed');
    });
  }, [projectId, expired]);

  // Dates are calendar dates in the project's zone: formatted as they are, never shifted.
  const date = (iso: string) => intl.formatDate(iso, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const groups = typeof worklist === 'object' && worklist ? groupByKind(worklist.items) : [];
  // Likely duplicates come only to the project's caseworkers; each pair is one thing to do.
  const duplicates = (typeof worklist === 'object' && worklist?.likelyDuplicates) || [];
  // An admin's months of the participant file to send or send again count as things to do too.
  const files = typeof worklist === 'object' && worklist?.participantFiles ? worklist.participantFiles.due.length + worklist.participantFiles.resend.length : 0;
  const total = groups.reduce((n, [, items]) => n + items.length, 0) + duplicates.length + files;

  return (
    <>
      <PageHeading title={`${t('today.title')} ${projectId}`}>
        {t('today.title')} <span className="muted">{projectId}</span>
      </PageHeading>
      {worklist === null && <p role="status">{t('app.loading')}</p>}
      {worklist === 'forbidden' && <p role="alert">{t('today.forbidden')}</p>}
      {worklist === 'notFound' && <p role="alert">{t('today.notFound')}</p>}
      {worklist === 'failed' && <p role="alert" className="error-message">{t('app.error')}</p>}
      {typeof worklist === 'object' && worklist && (
        <>
          <p role="status" className={total === 0 ? 'notice' : undefined}>
            {total === 0 ? t('today.allDone', { today: date(worklist.today) }) : t('today.summary', { count: total, today: date(worklist.today) })}
          </p>
          {worklist.participantFiles && <ParticipantFileWork projectId={projectId} work={worklist.participantFiles} date={date} />}
          {groups.map(([kind, items]) => (
            <section key={kind} aria-labelledby={`today-${kind}`} className={`worklist-group ${URGENT.has(kind) ? 'urgent' : ''}`}>
              <h2 id={`today-${kind}`}>
                {t(`today.kind.${kind}` as MessageId)} <span className="count">({items.length})</span>
              </h2>
              <p className="why">{t(`today.why.${kind}` as MessageId, { days: thresholdOf(kind, worklist.thresholds) })}</p>
              <ul className="worklist">
                {items.map((item) => (
                  <li key={`${item.participantId} ${item.intervention?.interventionId ?? ''}`}>
                    <Link to={`/participants/${encodeURIComponent(item.participantId)}`}>{item.participantId}</Link>
                    <span className="what">
                      {t(`today.item.${kind}` as MessageId, {
                        since: date(item.since),
                        due: date(item.dueOn),
                        closes: item.closesOn ? date(item.closesOn) : '',
                        daysLeft: item.daysLeft,
                        daysOverdue: item.daysOverdue,
                        intervention: item.intervention ? t(`today.intervention.${item.intervention.kind}` as MessageId) : '',
                      })}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          ))}
          <LikelyDuplicates pairs={duplicates} />
        </>
      )}
    </>
  );
}

/** The months of the participant file (SCB) not yet sent and to send again: admins only; each a link to that month on the participant file's page. */
function ParticipantFileWork({ projectId, work, date }: { projectId: string; work: FileWork; date: (iso: string) => string }) {
  const t = useT();
  const page = `/projects/${encodeURIComponent(projectId)}/participant-file`;
  const intl = useIntl();
  const month = (m: string) => intl.formatDate(`${m}-01`, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const pending = work.due.length + work.resend.length > 0;
  return (
    <section aria-labelledby="today-participant-files" className={`worklist-group ${work.due.some((d) => d.overdue) || work.resend.length > 0 ? 'urgent' : ''}`}>
      <h2 id="today-participant-files">{t('today.files.title')}</h2>
      <p className="why">{t('today.files.why')}</p>
      {!pending && <p>{t('today.files.allSent')}</p>}
      {work.due.length > 0 && (
        <>
          <h3>{t('today.files.dueHeading')}</h3>
          <ul className="worklist">
            {work.due.map((d) => (
              <li key={d.month}>
                <span className="what">
                  <Link to={page}>{t(d.overdue ? 'today.files.overdue' : 'today.files.due', { month: month(d.month), due: date(d.dueBy) })}</Link>
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {work.resend.length > 0 && (
        <>
          <h3>{t('today.files.resendHeading')}</h3>
          <ul className="worklist">
            {work.resend.map((r) => (
              <li key={r.month}>
                <span className="what">
                  <Link to={page}>
                    {r.reason === 'changed'
                      ? t('today.files.changed', { month: month(r.month), added: r.added, removed: r.removed })
                      : t('today.files.follows', { month: month(r.month), after: r.after ? month(r.after) : '' })}
                  </Link>
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** Kinds whose deadline can still be met: marked so the eye finds them first. */
const URGENT: ReadonlySet<Kind> = new Set(['situation-upon-leaving-due', 'follow-up-overdue', 'follow-up-due']);

/** The items in runs of one kind, keeping the API's order (kinds by urgency, then deadline). */
function groupByKind(items: Item[]): Array<[Kind, Item[]]> {
  const groups: Array<[Kind, Item[]]> = [];
  for (const item of items) {
    const last = groups.at(-1);
    if (last && last[0] === item.kind) last[1].push(item);
    else groups.push([item.kind, [item]]);
  }
  return groups;
}

/** The number of days a kind's explanation names, from the thresholds the API judged by. */
function thresholdOf(kind: Kind, thresholds: Worklist['thresholds']): number {
  if (kind === 'intervention-open-long') return thresholds.interventionOpenDays;
  if (kind === 'no-recent-milestone') return thresholds.noMilestoneDays;
  return thresholds.leavingWindowDays;
}
