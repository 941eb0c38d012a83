import { FormEvent, useState } from 'react';
import { Button, Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { api, Pathway } from '../api/client';
import { newIdempotencyKey } from '../api/idempotency-key';
import { useFormProblem } from '../app/use-form-problem';
import { MessageId } from '../i18n/messages.en';
import { useT } from '../i18n/t';
import { useSession } from '../session/session';
import { FieldMessage } from './form-parts';
import { CHOICE_QUESTIONS, ChoiceQuestion, NOT_DISCLOSED, questionLabel } from './enrolment-questions';
import { answerOf, fieldOfProblem, valueOf } from './entry-answers';

interface Props {
  pathway: Pathway;
  /** The participant's version as the page last saw it; sent as If-Match. */
  version: number | null;
  onCorrected: (message: string, eventId: string, version: number) => void;
  /** The pathway changed meanwhile (409): the page reads it again. */
  onStale: () => void;
}

type Values = Record<string, string>;

/** The form's values for what is recorded: a choice's option value, `not-disclosed` for null, dates as YYYY-MM-DD. */
function valuesOf(pathway: Pathway): Values {
  const values: Values = { enrolledOn: pathway.enrolledOn, birthDate: pathway.profile.birthDate ?? '', birthDateNotDisclosed: String(pathway.profile.birthDate === null) };
  for (const q of CHOICE_QUESTIONS) values[q.field] = valueOf(pathway.profile[q.field]);
  return values;
}

/**
 * "Correct the entry answers": the answers given at enrolment (and the enrolment date), filled in
 * with what stands now, with the same questions and options as the enrolment form. Only the
 * answers changed are sent, with a reason; the API records one event naming them, and what was
 * recorded before stays in the history. One Idempotency-Key per opening; a 409 reloads the page.
 */
export function CorrectionDialog({ pathway, version, onCorrected, onStale }: Props) {
  const t = useT();
  const { expired } = useSession();
  const [isOpen, setOpen] = useState(false);
  const [key, setKey] = useState(newIdempotencyKey);
  const [values, setValues] = useState<Values>(() => valuesOf(pathway));
  // A refusal takes focus to the first field it is about (or its message), so it is heard at once.
  const { problem, refuse, clear, fixed, describe, send, formRef } = useFormProblem({ focus: 'field' });
  const set = (field: string) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    fixed(field === 'birthDateNotDisclosed' ? 'birthDate' : field);
  };

  const open = (next: boolean) => {
    setOpen(next);
    if (next) {
      setKey(newIdempotencyKey());
      setValues(valuesOf(pathway));
      clear();
    }
  };

  /** The answers that differ from what is recorded, as the API takes them. */
  const changed = (): Record<string, unknown> => {
    const current = valuesOf(pathway);
    const change: Record<string, unknown> = {};
    if (values.enrolledOn.trim() !== current.enrolledOn) change.enrolledOn = values.enrolledOn.trim();
    const birthDate = values.birthDateNotDisclosed === 'true' ? null : values.birthDate.trim();
    if (birthDate !== pathway.profile.birthDate) change.birthDate = birthDate;
    for (const q of CHOICE_QUESTIONS) if (values[q.field] !== current[q.field]) change[q.field] = answerOf(q, values[q.field]);
    return change;
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const corrected = changed();
    const reason = values.reason?.trim() ?? '';
    // Said here, before anything is sent: the same words the API's codes have.
    if (Object.keys(corrected).length === 0) return refuse({ summary: t('problem.CORRECTION.NOTHING_CHANGED'), fields: {} });
    if (!reason) return refuse({ summary: t('problem.CORRECTION.REASON_REQUIRED'), fields: { reason: t('problem.CORRECTION.REASON_REQUIRED') } });
    await send(async () => {
      const { data, error, response } = await api.POST('/api/v1/participants/{participantId}/corrections', {
        params: { path: { participantId: pathway.participantId }, header: { 'Idempotency-Key': key, ...(version === null ? {} : { 'If-Match': `"${version}"` }) } as never },
        body: { corrected, reason } as never,
      });
      if (response.status === 401) return expired();
      if (response.ok) {
        const written = data as unknown as { eventId: string; version: number };
        setOpen(false);
        return onCorrected(t('correct.done'), written.eventId, written.version);
      }
      if (response.status === 409 || response.status === 412) {
        // Someone recorded meanwhile: the page reads the pathway again and this dialog says so.
        setKey(newIdempotencyKey());
        onStale();
        return refuse({ summary: t('correct.stale'), fields: {} });
      }
      const described = describe(error, response);
      refuse({ summary: described.summary, fields: Object.fromEntries(Object.entries(described.fields).map(([field, message]) => [fieldOfProblem(field), message])) });
    });
  };

  const error = (field: string) => problem?.fields[field];
  const described = (field: string, help?: boolean) => [help ? `correct-${field}-help` : '', error(field) ? `correct-${field}-error` : ''].filter(Boolean).join(' ') || undefined;
  const fieldErrors = problem ? Object.keys(problem.fields).length : 0;

  return (
    <DialogTrigger isOpen={isOpen} onOpenChange={open}>
      <Button className="button">{t('correct.button')}</Button>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal">
          <Dialog className="dialog correction-dialog">
            <Heading slot="title">{t('correct.title')}</Heading>
            <p>{t('correct.intro')}</p>
            <p>{t('correct.history')}</p>
            <form ref={formRef} onSubmit={onSubmit} noValidate>
              {problem && fieldErrors === 0 && (
                <p className="error-message" role="alert" tabIndex={-1} id="correct-summary">
                  {problem.summary}
                </p>
              )}
              <div className="field">
                <label htmlFor="correct-enrolledOn">{t('enrol.q.enrolledOn')}</label>
                <span className="hint" id="correct-enrolledOn-help">
                  {t('correct.dateHint')}
                </span>
                <FieldMessage id="correct-enrolledOn" message={error('enrolledOn')} />
                <input id="correct-enrolledOn" className="date-input" inputMode="numeric" autoComplete="off" value={values.enrolledOn} onChange={(e) => set('enrolledOn')(e.target.value)} aria-invalid={error('enrolledOn') ? true : undefined} aria-describedby={described('enrolledOn', true)} />
              </div>
              <fieldset className="field" aria-describedby={described('birthDate', true)}>
                <legend>{t('enrol.q.birthDate')}</legend>
                <span className="hint" id="correct-birthDate-help">
                  {t('correct.dateHint')}
                </span>
                <FieldMessage id="correct-birthDate" message={error('birthDate')} />
                <label htmlFor="correct-birthDate" className="visually-hidden">
                  {t('enrol.q.birthDate.date')}
                </label>
                <input id="correct-birthDate" className="date-input" inputMode="numeric" autoComplete="off" value={values.birthDate} disabled={values.birthDateNotDisclosed === 'true'} onChange={(e) => set('birthDate')(e.target.value)} aria-invalid={error('birthDate') ? true : undefined} />
                <div className="choice">
                  <input type="checkbox" id="correct-birthDate-not-disclosed" checked={values.birthDateNotDisclosed === 'true'} onChange={(e) => set('birthDateNotDisclosed')(String(e.target.checked))} />
                  <label htmlFor="correct-birthDate-not-disclosed">{t('enrol.answer.notDisclosed')}</label>
                </div>
              </fieldset>
              {CHOICE_QUESTIONS.map((q) => (
                <ChoiceSelect key={q.field} question={q} value={values[q.field]} onChange={set(q.field)} error={error(q.field)} />
              ))}
              <div className="field">
                <label htmlFor="correct-reason">{t('correct.reason')}</label>
                <span className="hint" id="correct-reason-help">
                  {t('correct.reason.hint')}
                </span>
                <FieldMessage id="correct-reason" message={error('reason')} />
                <textarea id="correct-reason" rows={3} maxLength={500} value={values.reason ?? ''} onChange={(e) => set('reason')(e.target.value)} aria-invalid={error('reason') ? true : undefined} aria-describedby={described('reason', true)} />
              </div>
              <div className="actions">
                <Button type="submit" className="button primary">
                  {t('correct.submit')}
                </Button>
                <Button slot="close" className="button">
                  {t('correct.cancel')}
                </Button>
              </div>
            </form>
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}

/** One question of the enrolment form as a list to choose from (a dialog has no room for twelve groups of radio buttons). */
function ChoiceSelect({ question, value, onChange, error }: { question: ChoiceQuestion; value: string; onChange: (value: string) => void; error?: string }) {
  const t = useT();
  const id = `correct-${question.field}`;
  const options = [...question.options, ...(question.disclosable ? [{ value: NOT_DISCLOSED, label: 'enrol.answer.notDisclosed' as MessageId }] : [])];
  return (
    <div className="field">
      <label htmlFor={id}>{t(questionLabel(question.field))}</label>
      <FieldMessage id={id} message={error} />
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {t(option.label)}
          </option>
        ))}
      </select>
    </div>
  );
}
