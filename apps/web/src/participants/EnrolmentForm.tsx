import { FormEvent, ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { api, ParticipantsPage, Problem, ProjectSummary } from '../api/client';
import { Link, useNavigation } from '../app/router';
import { PageHeading } from '../app/page-heading';
import { MessageId } from '../i18n/messages.en';
import { useT } from '../i18n/t';
import { useSession } from '../session/session';
import { CHOICE_QUESTIONS, ChoiceQuestion, FIELD_OF_CODE, formFieldOf, NOT_DISCLOSED, questionHelp, questionLabel } from './enrolment-questions';
import { SubmitButton } from './form-parts';

type Values = Record<string, string>;
type FieldErrors = Record<string, { message: MessageId; values?: Record<string, string> }>;
type Duplicates = ParticipantsPage['items'];

const PERSONAL_FIELDS = ['name', 'identityNumber', 'phone', 'email', 'address'] as const;
const FORM_ORDER = [...PERSONAL_FIELDS, 'enrolledOn', 'birthDate', ...CHOICE_QUESTIONS.map((q) => q.field)];

/** Today's date (`YYYY-MM-DD`) in the project's time zone: the enrolment date offered first. */
function todayIn(timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date());
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/**
 * The enrolment form: personal data (sealed by the API), the enrolment date and the entry profile
 * with "not disclosed" beside every answer that may be withheld. One Idempotency-Key per form, so
 * a double click or a resend records once. Before sending, an identity number already enrolled in
 * the project (found by the API's blind index) is shown, and the caseworker goes on or stops.
 * The API judges every rule; its refusals are shown next to their field, in the user's language.
 */
export function EnrolmentForm({ projectId }: { projectId: string }) {
  const t = useT();
  const intl = useIntl();
  const { navigate } = useNavigation();
  const { expired } = useSession();
  const idempotencyKey = useMemo(() => crypto.randomUUID(), []);
  const [project, setProject] = useState<(ProjectSummary & { timeZone: string }) | null>(null);
  const [values, setValues] = useState<Values>({ enrolledOn: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<MessageId | null>(null);
  const [duplicates, setDuplicates] = useState<Duplicates | null>(null);
  const [sending, setSending] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const warningRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    void api.GET('/api/v1/projects/{projectId}', { params: { path: { projectId } } }).then(({ data, response }) => {
      if (response.status === 401) return expired();
      if (!response.ok) return setFailure('app.error');
      const summary = data as unknown as ProjectSummary & { timeZone: string };
      setProject(summary);
      setValues((v) => ({ ...v, enrolledOn: v.enrolledOn || todayIn(summary.timeZone) }));
    });
  }, [projectId, expired]);
  useEffect(() => {
    if (Object.keys(errors).length > 0 || failure) summaryRef.current?.focus();
  }, [errors, failure]);
  useEffect(() => {
    if (duplicates?.length) warningRef.current?.focus();
  }, [duplicates]);

  const set = (field: string) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    if (field === 'identityNumber') setDuplicates(null);
  };
  const date = (iso: string) => intl.formatDate(iso, { dateStyle: 'long', timeZone: 'UTC' });

  /** Presence only: an unanswered question must be answered, "not disclosed" being an answer. The API judges the rest. */
  function unanswered(): FieldErrors {
    const missing: FieldErrors = {};
    for (const q of CHOICE_QUESTIONS) if (!values[q.field]) missing[q.field] = { message: q.disclosable ? 'enrol.error.choose' : 'enrol.error.chooseRequired' };
    if (!values.birthDate?.trim() && values.birthDateNotDisclosed !== 'true') missing.birthDate = { message: 'enrol.error.birthDate.required' };
    if (!values.enrolledOn?.trim()) missing.enrolledOn = { message: 'enrol.error.enrolledOn' };
    return missing;
  }

  function body() {
    const answer = (field: string) => {
      const value = values[field];
      if (value === NOT_DISCLOSED) return null;
      return value === 'yes' ? true : value === 'no' ? false : value;
    };
    const profile = Object.fromEntries(CHOICE_QUESTIONS.map((q) => [q.field, answer(q.field)]));
    const personal = Object.fromEntries(
      PERSONAL_FIELDS.map((f) => [f === 'identityNumber' ? 'nationalIdentityNumber' : f, values[f]?.trim()]).filter(([, v]) => v),
    );
    return {
      enrolledOn: values.enrolledOn!.trim(),
      profile: { ...profile, birthDate: values.birthDateNotDisclosed === 'true' ? null : values.birthDate!.trim() },
      ...(Object.keys(personal).length > 0 ? { personal } : {}),
    };
  }

  async function findDuplicates(): Promise<Duplicates> {
    const identityNumber = values.identityNumber?.trim();
    if (!identityNumber) return [];
    const { data, response } = await api.GET('/api/v1/projects/{projectId}/participants', {
      params: { path: { projectId }, query: { identityNumber, names: true, limit: 10 } as never },
    });
    if (response.status === 401) expired();
    // A refused lookup (a malformed number) is left to the enrolment's own answer, next to the field.
    return response.ok ? (data as unknown as ParticipantsPage).items : [];
  }

  async function submit(event: FormEvent | null, despiteDuplicates = false) {
    event?.preventDefault();
    if (sending) return;
    setFailure(null);
    const missing = unanswered();
    setErrors(missing);
    if (Object.keys(missing).length > 0) return;
    setSending(true);
    try {
      if (!despiteDuplicates) {
        const found = await findDuplicates();
        if (found.length > 0) return setDuplicates(found);
      }
      const { data, error, response } = await api.POST('/api/v1/projects/{projectId}/participants', {
        params: { path: { projectId }, header: { 'Idempotency-Key': idempotencyKey } as never },
        body: body() as never,
      });
      if (response.status === 401) return expired();
      if (response.ok) {
        const { participantId } = data as unknown as { participantId: string };
        await untilListed(projectId, participantId);
        return navigate(`/participants/${encodeURIComponent(participantId)}`);
      }
      setDuplicates(null);
      showProblem(error as unknown as Problem & { errors?: Array<{ field: string }> });
    } catch {
      setFailure('app.error');
    } finally {
      setSending(false);
    }
  }

  function showProblem(problem: Problem | undefined) {
    const byCode = problem && FIELD_OF_CODE[problem.code];
    if (byCode) {
      const values = project ? { start: date(project.startDate), end: date(project.endDate) } : undefined;
      return setErrors({ [byCode.field]: { message: byCode.message, values } });
    }
    if (problem?.errors?.length) {
      const fieldErrors: FieldErrors = {};
      let elsewhere: MessageId | null = null;
      for (const { field } of problem.errors) {
        const name = formFieldOf(field) === 'nationalIdentityNumber' ? 'identityNumber' : formFieldOf(field);
        const message = (`enrol.error.${name}` in MESSAGES_WITH_FIELD ? `enrol.error.${name}` : 'enrol.error.invalid') as MessageId;
        // A refusal of no single field (`personal` as a whole) is shown above the form, never dropped.
        if (FORM_ORDER.includes(name)) fieldErrors[name] = { message };
        else elsewhere = message;
      }
      setFailure(elsewhere);
      return setErrors(fieldErrors);
    }
    setFailure(problem?.status === 403 ? 'enrol.error.forbidden' : 'app.error');
  }

  const errorFor = (field: string) => errors[field] && t(errors[field].message, errors[field].values);
  const described = (field: string, help = true) => [help ? `${field}-help` : '', errors[field] ? `${field}-error` : ''].filter(Boolean).join(' ') || undefined;
  // In the form's order, each named by its question, so the summary says where to go.
  const errorList = FORM_ORDER.filter((field) => errors[field]);

  return (
    <>
      <PageHeading title={t('enrol.title')}>{t('enrol.title')}</PageHeading>
      <p>
        <Link to={`/projects/${encodeURIComponent(projectId)}/participants`}>{t('enrol.back')}</Link>
      </p>
      <p>{t('enrol.intro')}</p>
      {(errorList.length > 0 || failure) && (
        <div className="error-summary" role="alert" tabIndex={-1} ref={summaryRef} aria-labelledby="error-summary-title">
          <h2 id="error-summary-title">{t('enrol.errors.title')}</h2>
          {failure && <p>{t(failure)}</p>}
          <ul>
            {errorList.map((field) => (
              <li key={field}>
                <a href={`#${field}-input`}>
                  {t(questionLabel(field))} – {errorFor(field)}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {duplicates && duplicates.length > 0 && (
        <section className="warning" aria-labelledby="duplicate-title">
          <h2 id="duplicate-title" tabIndex={-1} ref={warningRef}>
            {t('enrol.duplicate.title')}
          </h2>
          <p>{t('enrol.duplicate.body')}</p>
          <ul>
            {duplicates.map((d) => (
              <li key={d.participantId}>
                <Link to={`/participants/${encodeURIComponent(d.participantId)}`}>
                  {t('enrol.duplicate.link', { name: (d as { name?: string | null }).name ?? d.participantId, id: d.participantId, date: date(d.enrolledOn) })}
                </Link>
              </li>
            ))}
          </ul>
          <div className="actions">
            <button type="button" className="button primary" disabled={sending} onClick={() => void submit(null, true)}>
              {t('enrol.duplicate.goOn')}
            </button>
            <button type="button" className="button" onClick={() => navigate(`/projects/${encodeURIComponent(projectId)}/participants`)}>
              {t('enrol.duplicate.stop')}
            </button>
          </div>
        </section>
      )}
      <form noValidate onSubmit={(e) => void submit(e)} className="enrolment-form">
        <h2>{t('enrol.section.person')}</h2>
        <p className="hint">{t('enrol.section.person.hint')}</p>
        {PERSONAL_FIELDS.map((field) => (
          <TextField key={field} field={field} label={t(questionLabel(field))} help={t(questionHelp(field))} error={errorFor(field)} value={values[field] ?? ''} onChange={set(field)} described={described(field)} autoComplete={AUTOCOMPLETE[field]} />
        ))}

        <h2>{t('enrol.section.enrolment')}</h2>
        <TextField field="enrolledOn" label={t('enrol.q.enrolledOn')} help={t('enrol.help.enrolledOn')} error={errorFor('enrolledOn')} value={values.enrolledOn ?? ''} onChange={set('enrolledOn')} described={described('enrolledOn')} inputMode="numeric" />

        <h2>{t('enrol.section.profile')}</h2>
        <p className="hint">{t('enrol.section.profile.hint')}</p>
        <fieldset className="question" aria-describedby={described('birthDate')}>
          <legend>{t('enrol.q.birthDate')}</legend>
          <p className="hint" id="birthDate-help">
            {t('enrol.help.birthDate')}
          </p>
          {errors.birthDate && <FieldError field="birthDate">{errorFor('birthDate')}</FieldError>}
          <label htmlFor="birthDate-input" className="visually-hidden">
            {t('enrol.q.birthDate.date')}
          </label>
          <input id="birthDate-input" name="birthDate" inputMode="numeric" autoComplete="off" className="date-input" aria-invalid={errors.birthDate ? true : undefined} aria-describedby={described('birthDate')} value={values.birthDate ?? ''} disabled={values.birthDateNotDisclosed === 'true'} onChange={(e) => set('birthDate')(e.target.value)} />
          <div className="choice">
            <input type="checkbox" id="birthDate-not-disclosed" checked={values.birthDateNotDisclosed === 'true'} onChange={(e) => set('birthDateNotDisclosed')(String(e.target.checked))} />
            <label htmlFor="birthDate-not-disclosed">{t('enrol.answer.notDisclosed')}</label>
          </div>
        </fieldset>
        {CHOICE_QUESTIONS.map((q) => (
          <Choice key={q.field} question={q} value={values[q.field] ?? ''} onChange={set(q.field)} error={errorFor(q.field)} described={described(q.field)} />
        ))}
        <SubmitButton sending={sending} label={t('enrol.submit')} sendingLabel={t('enrol.sending')} />
      </form>
    </>
  );
}

/**
 * The pathway page reads the read models, which follow the log a moment behind: wait (up to
 * about 3 s) until the list shows the new participant, so the page never says "no such
 * participant". Asked by id, without names: nothing personal is opened or audited for it.
 */
async function untilListed(projectId: string, participantId: string): Promise<void> {
  for (let attempt = 0; attempt < 30; attempt++) {
    const { data, response } = await api.GET('/api/v1/projects/{projectId}/participants', { params: { path: { projectId }, query: { q: participantId, limit: 1 } as never } });
    if (!response.ok || (data as unknown as ParticipantsPage).items.some((i) => i.participantId === participantId)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Keys that exist as field messages (`enrol.error.<field>`); others fall back to a general one. */
const MESSAGES_WITH_FIELD = Object.fromEntries(['name', 'identityNumber', 'phone', 'email', 'address', 'enrolledOn', 'birthDate', 'personal'].map((f) => [`enrol.error.${f}`, true]));
const AUTOCOMPLETE: Record<string, string> = { name: 'off', identityNumber: 'off', phone: 'off', email: 'off', address: 'off' };

function FieldError({ field, children }: { field: string; children: ReactNode }) {
  const t = useT();
  return (
    <p className="field-error" id={`${field}-error`}>
      <span className="visually-hidden">{t('enrol.error.prefix')} </span>
      {children}
    </p>
  );
}

function TextField(props: { field: string; label: string; help: string; error?: string; value: string; onChange: (v: string) => void; described?: string; autoComplete?: string; inputMode?: 'numeric' }) {
  const { field } = props;
  return (
    <div className={`field${props.error ? ' has-error' : ''}`}>
      <label htmlFor={`${field}-input`}>{props.label}</label>
      <p className="hint" id={`${field}-help`}>
        {props.help}
      </p>
      {props.error && <FieldError field={field}>{props.error}</FieldError>}
      <input id={`${field}-input`} name={field} value={props.value} onChange={(e) => props.onChange(e.target.value)} aria-invalid={props.error ? true : undefined} aria-describedby={props.described} autoComplete={props.autoComplete ?? 'off'} inputMode={props.inputMode} />
    </div>
  );
}

/** One question as a group of radio buttons: arrow keys move between answers, Tab to the next question. */
function Choice({ question, value, onChange, error, described }: { question: ChoiceQuestion; value: string; onChange: (v: string) => void; error?: string; described?: string }) {
  const t = useT();
  const { field } = question;
  const options = [...question.options, ...(question.disclosable ? [{ value: NOT_DISCLOSED, label: 'enrol.answer.notDisclosed' as MessageId }] : [])];
  return (
    <fieldset className={`question${error ? ' has-error' : ''}`} aria-describedby={described}>
      <legend>{t(questionLabel(field))}</legend>
      <p className="hint" id={`${field}-help`}>
        {t(questionHelp(field))}
      </p>
      {error && <FieldError field={field}>{error}</FieldError>}
      {options.map((option, index) => (
        <div className="choice" key={option.value}>
          <input type="radio" id={index === 0 ? `${field}-input` : `${field}-${option.value}`} name={field} value={option.value} checked={value === option.value} onChange={() => onChange(option.value)} aria-invalid={error ? true : undefined} />
          <label htmlFor={index === 0 ? `${field}-input` : `${field}-${option.value}`}>{t(option.label)}</label>
        </div>
      ))}
    </fieldset>
  );
}
