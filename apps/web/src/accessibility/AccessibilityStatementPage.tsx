import { PageHeading } from '../app/page-heading';
import { useT } from '../i18n/t';

/** The statement the Web Accessibility Directive asks for: how accessible, what is known not to be, how to report. */
export function AccessibilityStatementPage() {
  const t = useT();
  return (
    <div className="narrow">
      <PageHeading title={t('a11y.title')}>{t('a11y.title')}</PageHeading>
      <p>{t('a11y.intro')}</p>
      <h2>{t('a11y.status.title')}</h2>
      <p>{t('a11y.status.body')}</p>
      <h2>{t('a11y.known.title')}</h2>
      <p>{t('a11y.known.body')}</p>
      <h2>{t('a11y.report.title')}</h2>
      <p>{t('a11y.report.body')}</p>
      <h2>{t('a11y.enforcement.title')}</h2>
      <p>{t('a11y.enforcement.body')}</p>
    </div>
  );
}
