import { useIntl } from 'react-intl';
import { IndicatorReport } from '../api/client';
import { Link } from '../app/router';
import { MessageId } from '../i18n/messages.en';
import { useT } from '../i18n/t';
import { IndicatorChart } from './IndicatorChart';
import { figureHref } from './FigurePage';
import { figureLabel } from './figure-label';
import { FigureName } from './FigureName';
import { asKnownOnParam, ReportSearch } from './report-search';

const GROUPS = ['women', 'men', 'nonBinary', 'genderNotDisclosed'] as const;
const FORMATS = ['csv', 'csv-semicolon', 'xlsx', 'json'] as const;

/** One answer of `GET /api/v1/projects/{projectId}/indicators` and when it was asked for (ISO instant). */
export type Loaded = { report: IndicatorReport; askedAt: string };

/** The banner, the two tables, the chart and the downloads, for one answer of the API. */
export function ReportFigures({ loaded, zone, choices, projectId, number, date, drill }: { loaded: Loaded; zone: string; choices: ReportSearch; projectId: string; number: (n: number) => string; date: (iso: string) => string; drill: string | null }) {
  const t = useT();
  const intl = useIntl();
  const { report, askedAt } = loaded;
  const instant = (iso: string) =>
    `${intl.formatDate(iso, { day: 'numeric', month: 'long', year: 'numeric', timeZone: zone })} ${intl.formatTime(iso, { hour: '2-digit', minute: '2-digit', ...(choices.knownOnTime.length > 5 ? { second: '2-digit' } : {}), timeZone: zone })}`;
  const banner = report.asKnownOn === null
    ? t('report.banner.now', { when: instant(askedAt), zone })
    : !choices.knownOnTime
      ? t('report.banner.endOfDay', { date: date(choices.knownOnDate), zone })
      : t('report.banner.instant', { when: instant(report.asKnownOn), zone });
  const period = t('report.periodShown', { from: report.period.from ? date(report.period.from) : t('report.period.start'), to: date(report.period.to) });
  const outputs = report.indicators.filter((i) => i.code.startsWith('EECO'));
  const results = report.indicators.filter((i) => i.code.startsWith('EECR'));
  const nobody = report.indicators.every((i) => i.total === 0 && i.dataMissing === 0);
  const percent = (value: number | null) => (value === null ? '–' : intl.formatNumber(value, { style: 'percent', maximumFractionDigits: 1 }));

  const exportQuery = new URLSearchParams();
  if (choices.from) exportQuery.set('from', choices.from);
  if (choices.to) exportQuery.set('to', choices.to);
  const asKnownOn = asKnownOnParam(choices, zone);
  if (asKnownOn) exportQuery.set('asKnownOn', asKnownOn);

  // For evaluators and admins, each figure opens the participants counted in it (the drill-down).
  const figure = (value: number, code: string, kind: 'indicator' | 'rate', group: string, measure: string) => {
    if (drill === null || (code === 'MEDIAN_DAYS_TO_PLACEMENT' && measure === 'numerator') || (code === 'TARGET_ACHIEVEMENT' && measure === 'denominator')) return number(value);
    const name = `${code} ${figureLabel(t, { code, kind, group, measure })}`;
    return (
      <Link to={figureHref(projectId, drill, { code, group, measure })} label={t('report.figureLink', { count: number(value), figure: name })}>
        {number(value)}
      </Link>
    );
  };

  const indicatorRow = (i: IndicatorReport['indicators'][number]) => (
    <tr key={i.code}>
      <th scope="row">
        <FigureName code={i.code} />
      </th>
      {GROUPS.map((g) => (
        <td key={g} className="number">{figure(i[g], i.code, 'indicator', g, 'count')}</td>
      ))}
      <td className="number">{figure(i.dataMissing, i.code, 'indicator', 'total', 'dataMissing')}</td>
      <td className="number total">{figure(i.total, i.code, 'indicator', 'total', 'count')}</td>
    </tr>
  );

  return (
    <>
      <div className="notice as-known-on" role="note" aria-labelledby="as-known-on-title">
        <p id="as-known-on-title" className="notice-title">
          {t('report.banner.title')}
        </p>
        <p>{banner}</p>
        <p>{period}</p>
      </div>
      {nobody && <p className="notice">{t('report.nobody')}</p>}

      <h2 id="esf-title">{t('report.esf.title')}</h2>
      <p>{t('report.esf.intro')}</p>
      <div className="table-scroll" role="region" aria-labelledby="esf-caption" tabIndex={0}>
        <table className="figures">
          <caption id="esf-caption">{t('report.esf.caption', { period })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('report.column.indicator')}</th>
              {GROUPS.map((g) => (
                <th scope="col" key={g} className="number">{t(`report.column.${g}` as MessageId)}</th>
              ))}
              <th scope="col" className="number">{t('report.column.dataMissing')}</th>
              <th scope="col" className="number">{t('report.column.total')}</th>
            </tr>
          </thead>
          <tbody>
            <tr className="group">
              <th scope="rowgroup" colSpan={7}>{t('report.esf.outputs')}</th>
            </tr>
            {outputs.map(indicatorRow)}
          </tbody>
          <tbody>
            <tr className="group">
              <th scope="rowgroup" colSpan={7}>{t('report.esf.results')}</th>
            </tr>
            {results.map(indicatorRow)}
          </tbody>
        </table>
      </div>
      <p className="hint">{t('report.esf.notes')}</p>

      <h2 id="rates-title">{t('report.rates.title')}</h2>
      <p>{t('report.rates.intro')}</p>
      <div className="table-scroll" role="region" aria-labelledby="rates-caption" tabIndex={0}>
        <table className="figures">
          <caption id="rates-caption">{t('report.rates.caption', { period })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('report.column.rate')}</th>
              <th scope="col" className="number">{t('report.column.numerator')}</th>
              <th scope="col" className="number">{t('report.column.denominator')}</th>
              <th scope="col" className="number">{t('report.column.value')}</th>
            </tr>
          </thead>
          <tbody>
            {report.rates.map((r) => (
              <tr key={r.code}>
                <th scope="row">
                  <FigureName code={r.code} />
                </th>
                <td className="number">{figure(r.numerator, r.code, 'rate', 'total', 'numerator')}</td>
                <td className="number">{figure(r.denominator, r.code, 'rate', 'total', 'denominator')}</td>
                <td className="number">{r.code === 'MEDIAN_DAYS_TO_PLACEMENT' ? (r.value === null ? '–' : t('report.rate.medianDays', { days: number(r.value) })) : percent(r.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="hint">{t('report.rates.notes')}</p>

      <IndicatorChart indicators={outputs} number={number} />

      <h2 id="download-title">{t('report.download.title')}</h2>
      <p>{t('report.download.intro')}</p>
      <ul className="downloads">
        {FORMATS.map((format) => {
          const query = new URLSearchParams(exportQuery);
          query.set('format', format);
          return (
            <li key={format}>
              <a href={`/api/v1/projects/${encodeURIComponent(projectId)}/indicators/export?${query}`} download>
                {t(`report.download.${format}` as MessageId)}
              </a>
            </li>
          );
        })}
      </ul>
    </>
  );
}
