import type { components } from '../api/schema';
import { Link } from '../app/router';
import { MessageId } from '../i18n/messages.en';
import { useT } from '../i18n/t';

type Pair = components['schemas']['LikelyDuplicateDto'];

/**
 * Today's group of likely duplicates (the API's `likelyDuplicates`, only ever sent to the
 * project's caseworkers): each pair links to both pathways, where "Withdraw the enrolment" resolves
 * it, and says why the API thinks them one person. Nothing here is decided in the browser.
 */
export function LikelyDuplicates({ pairs }: { pairs: Pair[] }) {
  const t = useT();
  if (pairs.length === 0) return null;
  const link = (id: string) => <Link to={`/participants/${encodeURIComponent(id)}`}>{id}</Link>;
  return (
    <section aria-labelledby="today-likely-duplicates" className="worklist-group duplicates">
      <h2 id="today-likely-duplicates">
        {t('today.duplicates.title')} <span className="count">({pairs.length})</span>
      </h2>
      <p className="why">{t('today.duplicates.why')}</p>
      <ul className="worklist">
        {pairs.map(({ participantIds: [first, second], reasons }) => (
          <li key={`${first} ${second}`}>
            <span className="pair">
              {link(first!)} {t('today.duplicates.and')} {link(second!)}
            </span>
            <span className="what">{reasons.map((reason) => t(`today.duplicates.reason.${reason}` as MessageId)).join(' ')}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
