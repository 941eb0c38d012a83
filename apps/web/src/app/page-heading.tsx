import { ReactNode, useEffect, useRef } from 'react';

/**
 * The page's one h1. It takes focus when the page opens, so a screen reader announces the new
 * page and the next Tab starts from the top of its content (GOV.UK and Aksel do the same).
 * The document title follows it.
 */
export function PageHeading({ children, title }: { children: ReactNode; title: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – Pathway`;
    ref.current?.focus();
  }, [title]);
  return (
    <h1 id="page-heading" tabIndex={-1} ref={ref}>
      {children}
    </h1>
  );
}
