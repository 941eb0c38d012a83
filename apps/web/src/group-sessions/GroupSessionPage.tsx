import { FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { ParticipantsPage } from '../api/client';
import { PageHeading } from '../app/page-heading';
import { useT } from '../i18n/t';
import { useSession } from '../session/session';
import { activeParticipants, AttendanceRow, GROUP_SESSION_KINDS, GroupSessionKind, sendGroupSession } from './group-session-api';
import { AttendanceResults } from './AttendanceResults';

type Participant = ParticipantsPage['items'][number];
type FieldName = 'occurredOn' | 'kind' | 'participantIds';
const FIELD_IDS: Record<FieldName, string> = { occurredOn: 'gs-date', kind: 'gs-kind-workshop', participantIds: 'gs-search' };
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const todayIso = () => {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
};

/**
 * A group session: date and kind first, then who attended, then one answer per participant. The
 * form keeps one Idempotency-Key from its first sending to its last, so sending again (all, or
 * only the refused rows) never records anyone twice; "Record another session" starts a new key.
 */
export function GroupSessionPage({ projectId }: { projectId: string }) {
  const t = useT();
  const { state } = useSession();
  // Only caseworkers record (the API's access policy); other roles are told so, not shown a form that would fail.
  if (state.status !== 'signedIn' || state.user.role !== 'caseworker') {
    return (
      <>
        <PageHeading title={t('groupSession.title')}>{t('groupSession.title')}</PageHeading>
        <p>{t('groupSession.notForRole')}</p>
      </>
    );
  }
  return <GroupSessionForm projectId={projectId} />;
}

function GroupSessionForm({ projectId }: { projectId: string }) {
  const t = useT();
  const { expired } = useSession();
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [participants, setParticipants] = useState<Participant[] | 'failed' | null>(null);
  const [occurredOn, setOccurredOn] = useState(todayIso);
  const [kind, setKind] = useState<GroupSessionKind | null>(null);
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState(false);
  const [results, setResults] = useState<AttendanceRow[] | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    void activeParticipants(projectId).then((answer) => {
      if (answer === 'expired') return expired();
      setParticipants(answer);
    });
  }, [projectId, expired]);

  useEffect(() => {
    if (Object.keys(errors).length > 0) summaryRef.current?.focus();
  }, [errors]);

  const shown = useMemo(() => {
    if (!Array.isArray(participants)) return [];
    const q = folded(query.trim());
    return q ? participants.filter((p) => p.participantId.toLowerCase().includes(q) || folded(p.name ?? '').includes(q)) : participants;
  }, [participants, query]);

  const toggle = (id: string, on: boolean) =>
    setChosen((before) => {
      const next = new Set(before);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  /** Sends the rows named; the answer replaces those rows' earlier answers and keeps the others. */
  const send = async (participantIds: string[]) => {
    if (sending || !kind) return;
    setSending(true);
    setFailure(false);
    const outcome = await sendGroupSession(projectId, key, { occurredOn, kind, participantIds });
    setSending(false);
    if (outcome.status === 'expired') return expired();
    if (outcome.status === 'failed') return setFailure(true);
    if (outcome.status === 'invalid') {
      const fields: Partial<Record<FieldName, string>> = {};
      for (const e of outcome.problem.errors ?? []) {
        if (e.field in FIELD_IDS) fields[e.field as FieldName] = t(`groupSession.error.${e.field as FieldName}`);
      }
      return setErrors(Object.keys(fields).length ? fields : { occurredOn: t('groupSession.error.occurredOn') });
    }
    const answered = new Map(outcome.results.map((r) => [r.participantId, r]));
    setResults((before) => (before ? before.map((r) => answered.get(r.participantId) ?? r) : outcome.results));
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: Partial<Record<FieldName, string>> = {};
    if (!ISO_DATE.test(occurredOn.trim())) found.occurredOn = t('groupSession.error.occurredOn');
    if (!kind) found.kind = t('groupSession.error.kind');
    if (chosen.size === 0) found.participantIds = t('groupSession.error.participantIds');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    // In the list's order, so the answers read in the order the caseworker saw the names.
    const ids = Array.isArray(participants) ? participants.map((p) => p.participantId).filter((id) => chosen.has(id)) : [...chosen];
    void send(ids);
  };

  const startAgain = () => {
    setKey(crypto.randomUUID());
    setResults(null);
    setChosen(new Set());
    setKind(null);
    setQuery('');
    setErrors({});
    setFailure(false);
  };

  const heading = (
    <PageHeading title={`${t('groupSession.title')} ${projectId}`}>
      {t('groupSession.title')} <span className="muted">{projectId}</span>
    </PageHeading>
  );

  if (results && kind) {
    return (
      <>
        {heading}
        <AttendanceResults
          occurredOn={occurredOn}
          kind={kind}
          results={results}
          nameOf={(id) => displayName(Array.isArray(participants) ? (participants.find((p) => p.participantId === id) ?? { participantId: id }) : { participantId: id })}
          sending={sending}
          failure={failure}
          onResend={() => void send(results.filter((r) => r.result === 'refused').map((r) => r.participantId))}
          onStartAgain={startAgain}
        />
      </>
    );
  }

  const errorList = (Object.keys(FIELD_IDS) as FieldName[]).filter((f) => errors[f]);
  const describedBy = (field: FieldName, hint?: string) => [hint, errors[field] ? `${FIELD_IDS[field]}-error` : undefined].filter(Boolean).join(' ') || undefined;

  return (
    <>
      {heading}
      <p>{t('groupSession.intro')}</p>
      {errorList.length > 0 && (
        <div className="error-summary" role="alert" aria-labelledby="gs-errors-title" tabIndex={-1} ref={summaryRef}>
          <h2 id="gs-errors-title">{t('groupSession.errors.title')}</h2>
          <ul>
            {errorList.map((f) => (
              <li key={f}>
                <a href={`#${FIELD_IDS[f]}`}>{errors[f]}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {failure && (
        <p role="alert" className="error-message">
          {t('groupSession.failed')}
        </p>
      )}
      <form onSubmit={onSubmit} noValidate>
        <fieldset className="group">
          <legend>{t('groupSession.session')}</legend>
          <div className="field">
            <label htmlFor="gs-date">{t('groupSession.date')}</label>
            <span id="gs-date-hint" className="hint">
              {t('groupSession.date.hint')}
            </span>
            {errors.occurredOn && (
              <span id="gs-date-error" className="field-error">
                {errors.occurredOn}
              </span>
            )}
            <input
              id="gs-date"
              name="occurredOn"
              inputMode="numeric"
              autoComplete="off"
              className="date-input"
              value={occurredOn}
              onChange={(e) => setOccurredOn(e.target.value)}
              aria-invalid={errors.occurredOn ? true : undefined}
              aria-describedby={describedBy('occurredOn', 'gs-date-hint')}
            />
          </div>
          <fieldset className="field" aria-describedby={describedBy('kind')} aria-invalid={errors.kind ? true : undefined}>
            <legend className="label">{t('groupSession.kind')}</legend>
            {errors.kind && (
              <span id="gs-kind-workshop-error" className="field-error">
                {errors.kind}
              </span>
            )}
            {GROUP_SESSION_KINDS.map((k) => (
              <div className="choice" key={k}>
                <input type="radio" id={`gs-kind-${k}`} name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
                <label htmlFor={`gs-kind-${k}`}>{t(`groupSession.kind.${k}`)}</label>
              </div>
            ))}
          </fieldset>
        </fieldset>

        <fieldset className="group">
          <legend>{t('groupSession.attended')}</legend>
          {participants === null && <p role="status">{t('app.loading')}</p>}
          {participants === 'failed' && (
            <p role="alert" className="error-message">
              {t('app.error')}
            </p>
          )}
          {Array.isArray(participants) && (
            <>
              <div className="field">
                <label htmlFor="gs-search">{t('groupSession.search')}</label>
                {errors.participantIds && (
                  <span id="gs-search-error" className="field-error">
                    {errors.participantIds}
                  </span>
                )}
                <input
                  id="gs-search"
                  type="search"
                  autoComplete="off"
                  value={query}
                  onChange={(e) => setQuery(e.target.value)}
                  aria-describedby={describedBy('participantIds', 'gs-chosen')}
                />
              </div>
              <p id="gs-chosen" role="status" className="muted">
                {t('groupSession.chosen', { chosen: chosen.size, shown: shown.length, total: participants.length })}
              </p>
              {shown.length === 0 ? (
                <p>{t('groupSession.noneShown')}</p>
              ) : (
                <ul className="checkbox-list">
                  {shown.map((p) => (
                    <li key={p.participantId} className="choice">
                      <input
                        type="checkbox"
                        id={`gs-p-${p.participantId}`}
                        checked={chosen.has(p.participantId)}
                        onChange={(e) => toggle(p.participantId, e.target.checked)}
                      />
                      <label htmlFor={`gs-p-${p.participantId}`}>{displayName(p)}</label>
                    </li>
                  ))}
                </ul>
              )}
              <div className="actions">
                <button type="button" className="button" onClick={() => setChosen((before) => new Set([...before, ...shown.map((p) => p.participantId)]))}>
                  {t('groupSession.chooseAll')}
                </button>
                <button type="button" className="button" onClick={() => setChosen(new Set())}>
                  {t('groupSession.clearChoices')}
                </button>
              </div>
            </>
          )}
        </fieldset>
        <button type="submit" className="button primary submit">
          {t('groupSession.submit')}
        </button>
      </form>
    </>
  );
}

/** Lower case without diacritics, so "asa" finds "Åsa". */
const folded = (text: string) => text.normalize('NFD').replace(/\p{Mn}/gu, '').toLowerCase();

/** "Sara Nilsson (p-0001)", or the code alone when no name is recorded. */
const displayName = (p: { participantId: string; name?: string | null }) => (p.name ? `${p.name} (${p.participantId})` : p.participantId);
