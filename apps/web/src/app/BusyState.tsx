import { useEffect, useId, useState } from 'react';

/**
 * A request under way, said plainly while the rest of the page stays usable: the words (`label`)
 * in a polite status region, so a screen reader hears them once without losing its place, and an
 * indeterminate `<progress>` named by them (the API reports no fraction done, so none is made up).
 * When the wait passes `slowAfterMs` since `since` (ms), `slowLabel` is added once: still working,
 * and what the user may do meanwhile. A new `since` (another request) starts again.
 */
export function BusyState({ since, label, slowLabel, slowAfterMs = 4000 }: { since: number; label: string; slowLabel: string; slowAfterMs?: number }) {
  const id = useId();
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    setSlow(false);
    const timer = setTimeout(() => setSlow(true), Math.max(0, since + slowAfterMs - Date.now()));
    return () => clearTimeout(timer);
  }, [since, slowAfterMs]);
  return (
    <div className="busy-state">
      <p role="status" id={`${id}-label`}>
        {label}
        {slow && <span className="busy-slow"> {slowLabel}</span>}
      </p>
      <progress aria-labelledby={`${id}-label`} />
    </div>
  );
}
