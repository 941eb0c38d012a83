import { FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { api, ParticipantHistory, Pathway } from '../api/client';
import { newIdempotencyKey } from '../api/idempotency-key';
import { describeProblem, problemOf, ProblemMessages } from '../api/problems';
import { MessageId } from '../i18n/messages.en';
import { useT } from '../i18n/t';
import { useSession } from '../session/session';
import { ErrorSummary, FieldMessage } from './form-parts';
import { FIELDS, FieldSpec, milestoneBody, MilestoneType } from './milestone-types';
import { eventLabel, openInterventions } from './timeline-facts';

type HistoryEvent = ParticipantHistory['events'][number];

interface Props {
  type: MilestoneType;
  pathway: Pathway;
  /** The participant's version when the form was opened; sent as If-Match. */
  version: number | null;
  onRecorded: (eventId: string, occurredOn: string, version: number) => void;
  onCancelled: () => void;
  /** Someone else changed the participant: the page reads it again. */
  onStale: () => void;
}

/**
 * One milestone form: the date, the type's answers and its rules in plain words. The form
 * instance keeps one Idempotency-Key, so a double click or a resend after a lost answer records
 * once; a 409 shows what was recorded since the form was opened and lets the caseworker send
 * the same milestone again against the new version, or cancel it.
 */
export function MilestoneForm({ type, pathway, version, onRecorded, onCancelled, onStale }: Props) {
  const t = useT();
  const intl = useIntl();
  const { expired } = useSession();
  const id = useId();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [openedVersion] = useState(version);
  const [problem, setProblem] = useState<ProblemMessages | null>(null);
  const [conflict, setConflict] = useState<{ since: HistoryEvent[]; currentVersion: number } | null>(null);
  const [sending, setSending] = useState(false);
  const busy = useRef(false);
  const sent = useRef<Record<string, unknown> | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const conflictRef = useRef<HTMLHeadingElement>(null);
  const date = (iso: string) => intl.formatDate(iso, { dateStyle: 'medium', timeZone: 'UTC' });
  const fieldId = (name: string) => `${id}-${name}`;

  const send = async (body: Record<string, unknown>, expected: number | null) => {
    if (busy.current) return; // a second click while the first is on its way: the key would make it harmless, this saves the trip
    busy.current = true;
    setSending(true);
    sent.current = body;
    try {
      const { data, error, response } = await api.POST('/api/v1/participants/{participantId}/milestones', {
        params: {
          path: { participantId: pathway.participantId },
          header: { 'Idempotency-Key': idempotencyKey, ...(expected === null ? {} : { 'If-Match': `"${expected}"` }) },
        },
        body: body as never,
      });
      if (response.ok) {
        const recorded = data as unknown as { eventId: string; version: number };
        return onRecorded(recorded.eventId, String(body.occurredOn), recorded.version);
      }
      if (response.status === 401) return expired();
      const answer = problemOf(error, response);
      if (answer.code === 'CONCURRENCY.VERSION_MISMATCH') return await showConflict(answer.currentVersion);
      setConflict(null);
      setProblem(describeProblem(answer, t, date));
    } catch {
      // No answer (the network): the same key makes a resend safe, whatever happened to this one.
      setProblem({ summary: t('problem.other'), fields: {} });
    } finally {
      busy.current = false;
      setSending(false);
    }
  };

  const showConflict = async (currentVersion: number | undefined) => {
    const { data } = await api.GET('/api/v1/participants/{participantId}/history', { params: { path: { participantId: pathway.participantId } } });
    const history = data as unknown as ParticipantHistory | undefined;
    const since = (history?.events ?? []).filter((e) => openedVersion === null || e.version > openedVersion);
    setProblem(null);
    setConflict({ since, currentVersion: currentVersion ?? history?.version ?? 0 });
    onStale();
  };

  // Focus goes to what stopped the form, so a screen reader reads it and the next Tab is the field to fix.
  useEffect(() => summaryRef.current?.focus(), [problem]);
  useEffect(() => conflictRef.current?.focus(), [conflict]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void send(milestoneBody(type, new FormData(event.currentTarget)), conflict?.currentVersion ?? openedVersion);
  };

  const ruleValues = { date: date(pathway.lastExitOn ?? pathway.enrolledOn) };
  return (
    <form className="milestone-form" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t(eventLabel(type))}</h3>
      <p className="rule">{t(`record.rule.${type}` as MessageId, ruleValues)}</p>
      {problem && <ErrorSummary ref={summaryRef} problem={problem} fieldId={fieldId} />}
      <div className="field">
        <label htmlFor={fieldId('occurredOn')}>{t('record.occurredOn')}</label>
        <span id={`${fieldId('occurredOn')}-hint`} className="hint">
          {t('record.occurredOn.hint', { date: date(pathway.enrolledOn) })}
        </span>
        <FieldMessage id={fieldId('occurredOn')} message={problem?.fields.occurredOn} />
        <input
          id={fieldId('occurredOn')}
          name="occurredOn"
          inputMode="numeric"
          autoComplete="off"
          className="date-input"
          aria-invalid={problem?.fields.occurredOn ? true : undefined}
          aria-describedby={`${fieldId('occurredOn')}-hint${problem?.fields.occurredOn ? ` ${fieldId('occurredOn')}-error` : ''}`}
        />
      </div>
      {FIELDS[type].map((field) => (
        <Field key={field.name} field={field} id={fieldId(field.name)} error={problem?.fields[field.name]} pathway={pathway} />
      ))}
      {conflict && (
        <div className="conflict" role="group" aria-labelledby={`${id}-conflict`}>
          <h4 id={`${id}-conflict`} tabIndex={-1} ref={conflictRef}>
            {t('record.conflict.title')}
          </h4>
          {conflict.since.length > 0 ? (
            <>
              <p>{t('record.conflict.intro')}</p>
              <ul>
                {conflict.since.map((e) => (
                  <li key={e.eventId}>
                    {t(eventLabel(e.type))}
                    {typeof e.data.occurredOn === 'string' ? `, ${date(e.data.occurredOn)}` : ''}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p>{t('record.conflict.none')}</p>
          )}
          <p>{t('record.conflict.question')}</p>
          <div className="actions">
            <button type="submit" className="button primary" disabled={sending}>
              {t('record.conflict.reapply')}
            </button>
            <button type="button" className="button" onClick={onCancelled}>
              {t('record.conflict.cancel')}
            </button>
          </div>
        </div>
      )}
      {!conflict && (
        <div className="actions">
          <button type="submit" className="button primary" aria-disabled={sending || undefined}>
            {t('record.submit')}
          </button>
          <button type="button" className="button" onClick={onCancelled}>
            {t('retract.cancel')}
          </button>
        </div>
      )}
    </form>
  );
}

function Field({ field, id, error, pathway }: { field: FieldSpec; id: string; error?: string; pathway: Pathway }) {
  const t = useT();
  const intl = useIntl();
  const hint = 'hint' in field && field.hint ? `${id}-hint` : null;
  const describedBy = [hint, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  const common = { id, name: field.name, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy } as const;
  const control = () => {
    switch (field.control) {
      case 'select':
        return (
          <select {...common} defaultValue="">
            <option value="">{t('record.choose')}</option>
            {field.options.map((o) => (
              <option key={o.value} value={o.value}>
                {t(o.label)}
              </option>
            ))}
          </select>
        );
      case 'yesNo':
        return (
          <select {...common} defaultValue="">
            <option value="">{t('choice.unknown')}</option>
            <option value="yes">{t('choice.yes')}</option>
            <option value="no">{t('choice.no')}</option>
          </select>
        );
      case 'text':
        return <input {...common} type="text" maxLength={field.maxLength} autoComplete="off" />;
      case 'number':
        return <input {...common} type="text" inputMode={field.integer ? 'numeric' : 'decimal'} className="number-input" defaultValue={field.defaultValue} autoComplete="off" />;
      case 'openIntervention': {
        const open = openInterventions(pathway);
        return open.length === 0 ? (
          <p className="notice" id={`${id}-none`}>
            {t('record.intervention.none')}
          </p>
        ) : (
          <select {...common} defaultValue={open.length === 1 ? open[0].interventionId : ''}>
            {open.length > 1 && <option value="">{t('record.choose')}</option>}
            {open.map((o) => (
              <option key={o.interventionId} value={o.interventionId}>
                {t('record.intervention.option', { what: t(o.kindLabel), date: intl.formatDate(o.startedOn, { dateStyle: 'medium', timeZone: 'UTC' }) })}
              </option>
            ))}
          </select>
        );
      }
    }
  };
  const noOpenIntervention = field.control === 'openIntervention' && openInterventions(pathway).length === 0;
  return (
    <div className="field">
      {noOpenIntervention ? <span className="label">{t(field.label)}</span> : <label htmlFor={id}>{t(field.label)}</label>}
      {hint && 'hint' in field && field.hint && (
        <span id={hint} className="hint">
          {t(field.hint)}
        </span>
      )}
      <FieldMessage id={id} message={error} />
      {control()}
    </div>
  );
}
