import { ReactNode, useState } from 'react';
import { useIntl } from 'react-intl';
import { useT } from '../i18n/t';

/**
 * A list that may be very long (the participants behind a figure of a 100,000-participant project)
 * drawn a part at a time: the first `step` items, then a button for `step` more, so the page never
 * holds more elements than someone asked to see and stays responsive. How many are shown of how
 * many is said in words beside the button. `render` gives each item's `<li>` (with its key).
 */
export function ListInParts<T>({ items, render, label, className, step = 200 }: { items: readonly T[]; render: (item: T) => ReactNode; label: string; className?: string; step?: number }) {
  const t = useT();
  const intl = useIntl();
  const [shown, setShown] = useState(step);
  const left = items.length - shown;
  return (
    <>
      <ul className={className} aria-label={label}>
        {items.slice(0, shown).map(render)}
      </ul>
      {left > 0 && (
        <p className="list-more">
          {t('list.shown', { shown: intl.formatNumber(shown), total: intl.formatNumber(items.length) })}{' '}
          <button type="button" className="button small" onClick={() => setShown((n) => n + step)}>
            {t('list.more', { count: intl.formatNumber(Math.min(step, left)) })}
          </button>
        </p>
      )}
    </>
  );
}
