import { useIntl } from 'react-intl';
import { ParticipantIndicators as Indicators } from '../api/client';
import { Loaded } from './pathway-data';
import { en, MessageId } from '../i18n/messages.en';
import { useT } from '../i18n/t';

/** The ESF+ indicators the participant counts in now, and those where an answer they need is missing. */
export function ParticipantIndicators({ indicators }: { indicators: Loaded<Indicators> }) {
  const t = useT();
  const intl = useIntl();
  if (indicators === null) return <p>{t('app.loading')}</p>;
  if (typeof indicators !== 'object') return <p className="error-message">{t('pathway.indicators.failed')}</p>;
  const name = (code: string, fallback: string) => (Object.hasOwn(en, `indicator.${code}`) ? t(`indicator.${code}` as MessageId) : fallback);
  const list = (answer: 'counts' | 'data-missing') => {
    const items = indicators.indicators.filter((i) => i.answer === answer);
    return items.length === 0 ? (
      <p>{t('pathway.indicators.none')}</p>
    ) : (
      <ul className="indicators">
        {items.map((i) => (
          <li key={i.code}>
            <span className="code">{i.code}</span> {name(i.code, i.name)}
          </li>
        ))}
      </ul>
    );
  };
  return (
    <>
      <p>{t('pathway.indicators.intro', { date: intl.formatDate(indicators.asOf, { dateStyle: 'long', timeZone: 'UTC' }) })}</p>
      <h3>{t('pathway.indicators.counts')}</h3>
      {list('counts')}
      {indicators.indicators.some((i) => i.answer === 'data-missing') && (
        <>
          <h3>{t('pathway.indicators.dataMissing')}</h3>
          {list('data-missing')}
        </>
      )}
    </>
  );
}
