import { FormEvent, useEffect, useState } from 'react';
import { useFormProblem } from '../app/use-form-problem';
import { useNavigation } from '../app/router';
import { MessageId } from '../i18n/messages.en';
import { useT } from '../i18n/t';
import { FieldMessage } from '../participants/form-parts';

/** How a screen's choices live in the URL (report-search.ts, compare-search.ts). */
interface ChoicesInUrl<S> {
  read: (search: string) => S;
  write: (choices: S) => string;
  /** What is wrong with the choices by field, as a message id under `${errors}.` (`toBeforeFrom` → `report.error.toBeforeFrom`). */
  problems: (choices: S) => Partial<Record<string, string>>;
  errors: 'report.error' | 'compare.error';
}

/**
 * The form of a screen whose choices live in the URL (the report, the comparison): the choices
 * being typed (`draft`), set again from the URL when it changes (a link, Back); `submit` checks
 * them (refused: the error summary takes the focus, nothing asked) and puts them in the URL,
 * where the screen reads what to ask the API. `check` says what a shared link's choices lack.
 * The refusal itself is the app's one form hook (useFormProblem).
 */
export function useChoicesForm<S>(chosenKey: string, { read, write, problems, errors }: ChoicesInUrl<S>) {
  const t = useT();
  const { path, navigate } = useNavigation();
  const form = useFormProblem();
  const [draft, setDraft] = useState<S>(() => read(chosenKey));

  // Back and forward (and a shared link) set the choices: the form shows them again.
  useEffect(() => {
    setDraft(read(chosenKey));
    form.clear();
  }, [chosenKey]);

  /** The choices' problems in words by field, or null when there is none. */
  const check = (choices: S): Record<string, string> | null => {
    const found = Object.entries(problems(choices));
    return found.length === 0 ? null : Object.fromEntries(found.map(([field, id]) => [field, t(`${errors}.${id}` as MessageId)]));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fields = check(draft);
    if (fields) return form.refuse({ summary: '', fields });
    form.clear();
    navigate(`${path}${write(draft)}`);
  };

  return { ...form, draft, setDraft, check, submit };
}

/**
 * One date or time of a choices form: label, optional hint, the field's message, the input,
 * tied together by `aria-describedby` (the hint as `${id}-hint`, the message as `${id}-error`).
 */
export function ChoiceInput({ id, name, type, label, hint, message, value, onChange }: { id: string; name: string; type: 'date' | 'time'; label: string; hint?: string; message?: string; value: string; onChange: (value: string) => void }) {
  const described = [hint ? `${id}-hint` : '', message ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <FieldMessage id={id} message={message} />
      <input
        id={id}
        name={name}
        type={type}
        step={type === 'time' ? 1 : undefined}
        className="date-input"
        value={value}
        aria-invalid={message ? true : undefined}
        aria-describedby={described}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}
