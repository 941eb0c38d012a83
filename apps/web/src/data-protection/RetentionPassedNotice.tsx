import { Link } from '../app/router';
import { useT } from '../i18n/t';
import { usePassedRetention } from './retention-api';

/**
 * On the admin's landing (the projects): the projects whose retention end has passed, each with
 * how many participants still hold personal data, and the way to the Retention screen. Shows
 * nothing while loading, when none has passed, or when the list cannot be read (the Retention
 * screen says why).
 */
export function RetentionPassedNotice() {
  const t = useT();
  const { passed } = usePassedRetention();
  if (!Array.isArray(passed) || passed.length === 0) return null;
  return (
    <section aria-labelledby="retention-passed-notice" className="notice">
      <h2 id="retention-passed-notice">{t('retention.landing.title')}</h2>
      <p>{t('retention.passed.summary', { count: passed.length })}</p>
      <ul>
        {passed.map((p) => (
          <li key={p.projectId}>{t('retention.landing.item', { project: `${p.name} (${p.projectId})`, count: p.participantsToErase })}</li>
        ))}
      </ul>
      <p>
        <Link to="/admin/retention">{t('retention.landing.link')}</Link>
      </p>
    </section>
  );
}
