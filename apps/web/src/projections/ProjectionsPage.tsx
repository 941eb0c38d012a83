import { useCallback, useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { api } from '../api/client';
import { PageHeading } from '../app/page-heading';
import { MessageId } from '../i18n/messages.en';
import { useT } from '../i18n/t';
import { useSession } from '../session/session';
import { EvaluatorCopyPanel } from './EvaluatorCopyPanel';
import { RebuildPanel } from './RebuildPanel';

/** One row of `GET /api/v1/projections`. */
export interface ProjectionStatus {
  name: string;
  position: number;
  headPosition: number;
  lag: number;
  state: 'caught-up' | 'catching-up' | 'rebuilding' | 'failed';
  updatedAt: string;
  failure?: { position: number; reason: string; failedAt: string; detail: string };
}

/** How often the table asks again, in milliseconds. */
export const PROJECTIONS_POLL_MS = 3000;

const KNOWN_NAMES: ReadonlySet<string> = new Set(['outcomes', 'outcomes:next', 'kafka-relay']);

/**
 * Projections (evaluators and admins, as the API allows): each projection's position in the
 * event log, its lag behind the log's head and its state, asked again every few seconds. A
 * change of state (not every tick) is announced politely. Below, for those the API lets (its
 * `mayRebuild`): rebuild the read models, and build an evaluator's copy as known on a date.
 */
export function ProjectionsPage() {
  const t = useT();
  const intl = useIntl();
  const { expired } = useSession();
  const [rows, setRows] = useState<ProjectionStatus[] | 'forbidden' | 'failed' | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [mayRebuild, setMayRebuild] = useState(false);
  const previous = useRef<Map<string, string> | null>(null);
  // While the rebuild panel follows its job it says how the rebuild goes; the table's own
  // announcements leave the rebuild's copy out then, so a screen reader hears the end once.
  const panelFollows = useRef(false);

  const nameOf = useCallback((name: string) => (KNOWN_NAMES.has(name) ? t(`projections.name.${name}` as MessageId) : name), [t]);
  const stateOf = useCallback((row: ProjectionStatus) => t(`projections.state.${row.state}` as MessageId), [t]);

  const load = useCallback(async () => {
    try {
      const { data, response } = await api.GET('/api/v1/projections');
      if (response.status === 401) return expired();
      if (response.status === 403) return setRows('forbidden');
      if (!response.ok) return setRows('failed');
      const answer = data as unknown as { projections: ProjectionStatus[]; mayRebuild?: boolean };
      const next = answer.projections;
      setMayRebuild(answer.mayRebuild === true);
      // Announce what changed state since the last answer; the first answer is the page itself.
      const before = previous.current;
      if (before) {
        const told = (name: string) => !(panelFollows.current && name.endsWith(':next'));
        const changes = next.filter((row) => told(row.name) && before.get(row.name) !== row.state).map((row) => t('projections.changed', { name: nameOf(row.name), state: stateOf(row) }));
        const gone = [...before.keys()]
          .filter((name) => told(name) && !next.some((row) => row.name === name))
          // The rebuild's copy (`outcomes:next`) goes when the switch is made: the rebuild is finished, not "in progress: finished".
          .map((name) => (name.endsWith(':next') ? t('projections.rebuild.succeeded') : t('projections.gone', { name: nameOf(name) })));
        if (changes.length + gone.length > 0) setAnnouncement([...changes, ...gone].join(' '));
      }
      previous.current = new Map(next.map((row) => [row.name, row.state]));
      setRows(next);
    } catch {
      setRows('failed');
    }
  }, [expired, t, nameOf, stateOf]);

  // The latest `load` (it changes with the language), called by one timer for the page's life.
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  }, [load]);
  useEffect(() => {
    void loadRef.current();
    const timer = setInterval(() => void loadRef.current(), PROJECTIONS_POLL_MS);
    return () => clearInterval(timer);
  }, []);

  const number = (n: number) => intl.formatNumber(n);
  const time = (iso: string) => intl.formatDate(iso, { dateStyle: 'short', timeStyle: 'medium' });

  return (
    <>
      <PageHeading title={t('projections.title')}>{t('projections.title')}</PageHeading>
      <p>{t('projections.intro')}</p>
      <p role="status" className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {rows === null && <p>{t('app.loading')}</p>}
      {rows === 'forbidden' && <p role="alert">{t('projections.forbidden')}</p>}
      {rows === 'failed' && (
        <p role="alert" className="error-message">
          {t('projections.loadFailed')}
        </p>
      )}
      {Array.isArray(rows) && (
        <div className="table-scroll" role="region" aria-labelledby="projections-caption" tabIndex={0}>
          <table className="projections">
            <caption id="projections-caption">{t('projections.caption', { head: number(rows[0]?.headPosition ?? 0) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('projections.col.name')}</th>
                <th scope="col">{t('projections.col.position')}</th>
                <th scope="col">{t('projections.col.lag')}</th>
                <th scope="col">{t('projections.col.state')}</th>
                <th scope="col">{t('projections.col.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.name}>
                  <th scope="row">
                    {nameOf(row.name)}
                    <span className="muted code"> ({row.name})</span>
                  </th>
                  <td className="num">{number(row.position)}</td>
                  <td>{row.lag === 0 ? t('projections.lag.none') : t('projections.lag.events', { count: row.lag, n: number(row.lag) })}</td>
                  <td>
                    <span className={`state state-${row.state}`}>{stateOf(row)}</span>
                    {row.failure && <span className="failure">{t('projections.failure', { position: number(row.failure.position), reason: row.failure.reason, at: time(row.failure.failedAt) })}</span>}
                  </td>
                  <td>{time(row.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {Array.isArray(rows) && rows.length === 0 && <p>{t('projections.none')}</p>}
      {/* Offered only to whom the API lets start them: admins, and evaluators working in every project. */}
      {mayRebuild && (
        <>
          <RebuildPanel
            onFollowing={() => {
              panelFollows.current = true;
            }}
            onFinished={async () => {
              await load();
              panelFollows.current = false;
            }}
          />
          <EvaluatorCopyPanel />
        </>
      )}
      {Array.isArray(rows) && !mayRebuild && <p className="notice">{t('projections.onlyEveryProject')}</p>}
    </>
  );
}
