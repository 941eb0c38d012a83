import { useIntl } from 'react-intl';
import { ListInParts } from '../app/ListInParts';
import { Link } from '../app/router';
import { MessageId } from '../i18n/messages.en';
import { useT } from '../i18n/t';
import { eventLabel } from '../participants/timeline-facts';
import { figureLabel } from './figure-label';

/**
 * `GET /api/v1/projects/{projectId}/indicators/comparison` and, for a submitted report against
 * now, `GET …/reports/{reportId}/comparison`: every figure as known on A and on B, each change explained.
 */
export interface Comparison {
  period: { from: string | null; to: string };
  a: { asKnownOn: string };
  b: { asKnownOn: string };
  figures: Array<{
    code: string;
    kind: 'indicator' | 'rate';
    group: string;
    measure: string;
    a: number;
    b: number;
    changed: boolean;
    projectChange: 'planned-participants' | null;
    explanation: Array<{ participantId: string; events: Array<{ eventId: string; type: string; occurredOn: string | null; recordedAt: string; recordedBy: string }> }>;
  }>;
}

/** The words for the two sides: two days (A and B), or a submitted report (then) and now. */
const SIDES = {
  days: { banner: 'compare.banner.sides', a: 'compare.column.a', b: 'compare.column.b', nothing: 'compare.nothingChanged' },
  submitted: { banner: 'submitted.banner.sides', a: 'submitted.column.a', b: 'submitted.column.b', nothing: 'submitted.nothingChanged' },
} as const satisfies Record<string, Record<string, MessageId>>;

/**
 * The figures side by side, each change explained; only the changed ones unless `showAll`. The
 * comparison of two days and that of a submitted report with now both show it (`labels`: the
 * words of the banner and the two columns for each).
 */
export function ComparedFigures({ comparison, zone, showAll, onShowAll, linkParticipants, sides = 'days' }: { comparison: Comparison; zone: string; showAll: boolean; onShowAll: (all: boolean) => void; linkParticipants: boolean; sides?: 'days' | 'submitted' }) {
  const t = useT();
  const intl = useIntl();
  const words = SIDES[sides];
  const number = (n: number) => intl.formatNumber(n);
  const difference = (n: number) => intl.formatNumber(n, { signDisplay: 'exceptZero' });
  const day = (iso: string) => intl.formatDate(iso, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const instant = (iso: string) => `${intl.formatDate(iso, { day: 'numeric', month: 'long', year: 'numeric', timeZone: zone })} ${intl.formatTime(iso, { hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone: zone })}`;
  const changed = comparison.figures.filter((f) => f.changed);
  const shown = showAll ? comparison.figures : changed;
  const period = t('report.periodShown', { from: comparison.period.from ? day(comparison.period.from) : t('report.period.start'), to: day(comparison.period.to) });

  return (
    <>
      <div className="notice as-known-on" role="note" aria-labelledby="compare-banner-title">
        <p id="compare-banner-title" className="notice-title">
          {t('compare.banner.title')}
        </p>
        <p>{t(words.banner, { a: instant(comparison.a.asKnownOn), b: instant(comparison.b.asKnownOn), zone })}</p>
        <p>{period}</p>
        <p>{t('compare.banner.changed', { count: changed.length })}</p>
      </div>
      <div className="compare-toggle">
        <input id="compare-all" type="checkbox" checked={showAll} onChange={(e) => onShowAll(e.target.checked)} />
        <label htmlFor="compare-all">{t('compare.showAll')}</label>
      </div>
      {shown.length === 0 ? (
        <p className="notice">{t(words.nothing)}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="compare-caption" tabIndex={0}>
          <table className="figures comparison">
            <caption id="compare-caption">{t(showAll ? 'compare.caption.all' : 'compare.caption.changed', { period })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('compare.column.figure')}</th>
                <th scope="col" className="number">{t(words.a)}</th>
                <th scope="col" className="number">{t(words.b)}</th>
                <th scope="col" className="number">{t('compare.column.difference')}</th>
                <th scope="col">{t('compare.column.status')}</th>
              </tr>
            </thead>
            {shown.map((f) => {
              const key = `${f.code}-${f.group}-${f.measure}`;
              const label = figureLabel(t, f);
              return (
                <tbody key={key}>
                  <tr className={f.changed ? 'changed' : undefined}>
                    <th scope="row" id={`figure-${key}`}>
                      <span className="code">{f.code}</span> {label}
                    </th>
                    <td className="number">{number(f.a)}</td>
                    <td className="number">{number(f.b)}</td>
                    <td className="number">{difference(f.b - f.a)}</td>
                    <td>
                      {f.changed ? (
                        <strong className="change-mark">
                          <span aria-hidden="true">{f.b > f.a ? '▲ ' : '▼ '}</span>
                          {t(f.b > f.a ? 'compare.status.up' : 'compare.status.down')}
                        </strong>
                      ) : (
                        t('compare.status.same')
                      )}
                    </td>
                  </tr>
                  {f.changed && (
                    <tr className="explanation">
                      <td colSpan={5}>
                        {f.projectChange === 'planned-participants' ? (
                          <p>{t('compare.projectChange')}</p>
                        ) : (
                          <ListInParts
                            label={t('compare.explainedBy', { figure: `${f.code} ${label}` })}
                            className="explaining"
                            items={f.explanation}
                            render={(p) => (
                              <li key={p.participantId}>
                                <span className="participant">
                                  {linkParticipants ? <Link to={`/participants/${encodeURIComponent(p.participantId)}`}>{p.participantId}</Link> : <span className="code">{p.participantId}</span>}
                                </span>
                                <ul>
                                  {p.events.map((e) => (
                                    <li key={e.eventId}>
                                      <strong>{t(eventLabel(e.type))}</strong>
                                      {', '}
                                      {t('compare.event.facts', { occurredOn: e.occurredOn ? day(e.occurredOn) : t('compare.event.noDate'), recordedAt: instant(e.recordedAt), recordedBy: e.recordedBy })}
                                    </li>
                                  ))}
                                </ul>
                              </li>
                            )}
                          />
                        )}
                      </td>
                    </tr>
                  )}
                </tbody>
              );
            })}
          </table>
        </div>
      )}
    </>
  );
}
