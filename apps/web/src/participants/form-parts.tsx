import { forwardRef } from 'react';
import { ProblemMessages } from '../api/problems';
import { useT } from '../i18n/t';

/**
 * What stops the form, above it (GOV.UK's error summary): it takes focus, so a screen reader
 * reads it at once, and each message links to its field. Problems about no field stand alone.
 */
export const ErrorSummary = forwardRef<HTMLDivElement, { problem: ProblemMessages; fieldId: (name: string) => string; title?: string }>(function ErrorSummary({ problem, fieldId, title }, ref) {
  const t = useT();
  const fields = Object.entries(problem.fields);
  return (
    <div className="error-summary" tabIndex={-1} ref={ref} aria-labelledby={`${fieldId('summary')}-title`}>
      <p id={`${fieldId('summary')}-title`} className="error-summary-title">
        {title ?? t('record.errors.title')}
      </p>
      {fields.length === 0 ? (
        <p>{problem.summary}</p>
      ) : (
        <ul>
          {fields.map(([name, message]) => (
            <li key={name}>
              <a href={`#${fieldId(name)}`} onClick={(event) => { event.preventDefault(); document.getElementById(fieldId(name))?.focus(); }}>
                {message}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
});

/** A field's own message, between its label and its control, tied to it by aria-describedby (`${id}-error`). */
export function FieldMessage({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <span id={`${id}-error`} className="field-error">
      {message}
    </span>
  );
}

/**
 * A form's primary button and, while its request runs, the words that say so (a polite status):
 * the button is then disabled, so a second press sends nothing. `label` and `sendingLabel` are
 * the texts in the page's language.
 */
export function SubmitButton({ sending, label, sendingLabel }: { sending: boolean; label: string; sendingLabel: string }) {
  return (
    <>
      <button type="submit" className="button primary" disabled={sending} aria-disabled={sending}>
        {label}
      </button>
      {sending && (
        <p role="status" className="muted">
          {sendingLabel}
        </p>
      )}
    </>
  );
}
