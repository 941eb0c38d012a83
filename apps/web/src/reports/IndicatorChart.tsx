import { IndicatorReport } from '../api/client';
import { MessageId } from '../i18n/messages.en';
import { useT } from '../i18n/t';

const BAR_HEIGHT = 22;
const GAP = 8;
const LABEL_WIDTH = 70;
const WIDTH = 480;

/**
 * The output indicators' totals as horizontal bars: a companion to the table, never instead of it.
 * Each bar carries its code and its number in text (nothing is told by colour alone), and the
 * figure's text alternative lists the same figures; the SVG scales to the page's width.
 */
export function IndicatorChart({ indicators, number }: { indicators: IndicatorReport['indicators']; number: (n: number) => string }) {
  const t = useT();
  const largest = Math.max(1, ...indicators.map((i) => i.total));
  const barSpace = WIDTH - LABEL_WIDTH - 60;
  const height = indicators.length * (BAR_HEIGHT + GAP);
  const described = indicators.map((i) => t('report.chart.item', { code: i.code, name: t(`indicator.${i.code}` as MessageId), count: number(i.total) })).join('; ');
  return (
    <figure className="chart" aria-labelledby="chart-title">
      <h2 id="chart-title">{t('report.chart.title')}</h2>
      <figcaption className="hint">{t('report.chart.caption')}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby="chart-svg-title chart-svg-desc" preserveAspectRatio="xMinYMin meet">
        <title id="chart-svg-title">{t('report.chart.title')}</title>
        <desc id="chart-svg-desc">{described}</desc>
        {indicators.map((i, row) => {
          const y = row * (BAR_HEIGHT + GAP);
          const width = (i.total / largest) * barSpace;
          return (
            <g key={i.code}>
              <text x={0} y={y + BAR_HEIGHT * 0.72} className="chart-label">
                {i.code}
              </text>
              <rect x={LABEL_WIDTH} y={y} width={Math.max(width, i.total > 0 ? 2 : 0)} height={BAR_HEIGHT} className="chart-bar" />
              <text x={LABEL_WIDTH + width + 6} y={y + BAR_HEIGHT * 0.72} className="chart-value">
                {number(i.total)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
