import { useCallback, useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { describeProblem, problemOf, ProblemMessages } from '../api/problems';
import { MessageId } from '../i18n/messages.en';
import { useT } from '../i18n/t';

/** Where a refusal takes the focus: the error summary above the form (pages), or the first field it is about (dialogs). */
export type RefusalFocus = 'summary' | 'field';

/**
 * What every form and dialog does with a refusal, in one place (GOV.UK's error summary pattern):
 * the problem shown (`problem`: a summary and messages by field), the focus moved to it on each
 * refusal so a screen reader hears it at once (`summaryRef` on the ErrorSummary for pages, or
 * `formRef` on the form for dialogs: its first `aria-invalid` field or `role="alert"` message),
 * a field's message dropped once that field changes (`fixed`), and one request at a time (`send`:
 * `busy` while it runs; a request that throws, such as a network failure, is refused with the
 * general message). `describe` turns an API answer into messages by field (api/problems.ts).
 */
export function useFormProblem({ focus = 'summary', failed = 'problem.other' }: { focus?: RefusalFocus; failed?: MessageId } = {}) {
  const t = useT();
  const intl = useIntl();
  const [problem, setProblem] = useState<ProblemMessages | null>(null);
  const [refusals, setRefusals] = useState(0);
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (refusals === 0) return;
    if (focus === 'summary') summaryRef.current?.focus();
    else formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [role="alert"]')?.focus();
  }, [refusals, focus]);

  /** Shows `next` and moves the focus to it (`{ focus: false }`: shown only, as for a shared link's choices). */
  const refuse = useCallback((next: ProblemMessages, { focus: move = true }: { focus?: boolean } = {}) => {
    setProblem(next);
    if (move) setRefusals((n) => n + 1);
  }, []);

  const clear = useCallback(() => setProblem(null), []);

  /** A field's message goes once the field is changed: what is left to fix stays in view. */
  const fixed = useCallback(
    (field: string) =>
      setProblem((p) => {
        if (!p?.fields[field]) return p;
        const { [field]: _, ...fields } = p.fields;
        return Object.keys(fields).length === 0 ? null : { ...p, fields };
      }),
    [],
  );

  const date = (iso: string) => intl.formatDate(iso, { dateStyle: 'medium', timeZone: 'UTC' });
  /** The API's refusal in `error`/`response` as messages by field; `formatDate` for the dates a message names. */
  const describe = (error: unknown, response: Response, formatDate: (iso: string) => string = date) => describeProblem(problemOf(error, response), t, formatDate);

  /** Runs `work` unless a request is under way; a throw is refused with the general message. */
  const send = async (work: () => Promise<unknown>) => {
    if (busy) return;
    setBusy(true);
    try {
      await work();
    } catch {
      refuse({ summary: t(failed), fields: {} });
    } finally {
      setBusy(false);
    }
  };

  return { problem, refuse, clear, fixed, describe, send, busy, summaryRef, formRef };
}

/**
 * The field messages of a page's error summary in the form's order, each prefixed with its
 * field's label (the summary's links then read on their own): `Project: choose a project`.
 */
export function labelledInOrder(problem: ProblemMessages | null, order: readonly string[], label: (field: string) => string): ProblemMessages | null {
  return (
    problem && {
      summary: problem.summary,
      fields: Object.fromEntries(order.filter((f) => problem.fields[f]).map((f) => [f, `${label(f)}: ${problem.fields[f]}`])),
    }
  );
}
