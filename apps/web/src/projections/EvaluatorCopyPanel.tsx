import { FormEvent, useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { api } from '../api/client';
import { describeProblem, problemOf } from '../api/problems';
import { AdminTextField } from '../admin/admin-fields';
import { useT } from '../i18n/t';
import { wallClockToInstant } from '../reports/report-search';
import { useSession } from '../session/session';
import { Announcements, JobProgress, pollJob } from './job-progress';

/** `GET /api/v1/projections/evaluator-copies/{jobId}`. */
export interface EvaluatorCopyJob {
  jobId: string;
  asKnownOn: string;
  status: 'running' | 'succeeded' | 'failed';
  requestedAt: string;
  finishedAt: string | null;
  processed: number;
  total: number;
  error: string | null;
  download: string | null;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * The time zone a time of day is read in, as the report reads it: the projects' own zone (from
 * `GET /api/v1/projects`, those the caller sees); UTC when their zones differ, since one moment
 * cannot then be one wall-clock time in each. Null until the projects are loaded.
 */
function useProjectsZone(): string | null {
  const [zone, setZone] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    void api.GET('/api/v1/projects').then(({ data, response }) => {
      if (!current) return;
      const zones = new Set(response.ok ? (data as unknown as Array<{ timeZone?: string }>).map((p) => p.timeZone ?? 'UTC') : []);
      setZone(zones.size === 1 ? [...zones][0]! : 'UTC');
    }, () => current && setZone('UTC'));
    return () => {
      current = false;
    };
  }, []);
  return zone;
}

/**
 * The evaluator's copy as known on a date: a date (the end of that day in each project's own
 * time zone) and, if wanted, a time of day (in the projects' zone, named in the hint; UTC when
 * their zones differ, useProjectsZone); the API builds the copy
 * as a job, this follows it, then offers the SQLite file to download (kept an hour).
 */
export function EvaluatorCopyPanel() {
  const t = useT();
  const intl = useIntl();
  const { expired } = useSession();
  const [date, setDate] = useState('');
  const [time, setTime] = useState('');
  const [errors, setErrors] = useState<{ date?: string; time?: string }>({});
  const [job, setJob] = useState<EvaluatorCopyJob | null>(null);
  const [message, setMessage] = useState<{ text: string; kind: 'status' | 'alert' } | null>(null);
  const [sending, setSending] = useState(false);
  const stopRef = useRef<() => void>(() => undefined);
  useEffect(() => () => stopRef.current(), []);
  const zone = useProjectsZone() ?? 'UTC';

  const formatDate = (iso: string) => intl.formatDate(iso, { dateStyle: 'long', timeZone: 'UTC' });
  /** The moment asked for, in words, for the messages. */
  const described = (asKnownOn: string) =>
    DATE.test(asKnownOn) ? t('projections.copy.endOf', { date: formatDate(asKnownOn) }) : intl.formatDate(asKnownOn, { dateStyle: 'long', timeStyle: 'short', timeZone: zone, timeZoneName: 'short' });

  const follow = (jobId: string) => {
    stopRef.current();
    stopRef.current = pollJob<EvaluatorCopyJob>(
      async () => {
        const { data, response } = await api.GET('/api/v1/projections/evaluator-copies/{jobId}', { params: { path: { jobId } } });
        if (response.status === 401) {
          expired();
          return null;
        }
        return response.ok ? (data as unknown as EvaluatorCopyJob) : null;
      },
      (next) => {
        setJob(next);
        if (next.status === 'succeeded') setMessage({ text: t('projections.copy.succeeded', { when: described(next.asKnownOn) }), kind: 'status' });
        if (next.status === 'failed') setMessage({ text: t('projections.copy.failed'), kind: 'alert' });
      },
      () => setMessage({ text: t('app.error'), kind: 'alert' }),
    );
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (sending) return;
    const found: { date?: string; time?: string } = {};
    const d = date.trim();
    const hm = time.trim();
    if (!DATE.test(d) || Number.isNaN(Date.parse(d))) found.date = t('projections.copy.date.invalid');
    if (hm && !TIME.test(hm)) found.time = t('projections.copy.time.invalid');
    setErrors(found);
    if (found.date || found.time) return;
    const asKnownOn = hm ? wallClockToInstant(d, hm, zone) : d;
    setSending(true);
    setMessage(null);
    try {
      const { data, error, response } = await api.POST('/api/v1/projections/evaluator-copies', { body: { asKnownOn } });
      if (response.status === 401) return expired();
      if (response.status === 202) {
        const started = data as unknown as EvaluatorCopyJob;
        setJob(started);
        setMessage({ text: t('projections.copy.started', { when: described(asKnownOn) }), kind: 'status' });
        return follow(started.jobId);
      }
      if (response.status === 403) return setMessage({ text: t('projections.copy.forbidden'), kind: 'alert' });
      const problem = describeProblem(problemOf(error, response), t, formatDate);
      if (problem.fields.asKnownOn) setErrors({ [hm ? 'time' : 'date']: problem.summary });
      setMessage({ text: problem.summary, kind: 'alert' });
    } catch {
      setMessage({ text: t('app.error'), kind: 'alert' });
    } finally {
      setSending(false);
    }
  }

  const running = job?.status === 'running';
  return (
    <section aria-labelledby="copy-heading" className="projections-panel">
      <h2 id="copy-heading">{t('projections.copy.title')}</h2>
      <p>{t('projections.copy.intro')}</p>
      <form noValidate onSubmit={(e) => void submit(e)} className="admin-form copy-form">
        <AdminTextField id="copy-date" label={t('projections.copy.date')} hint={t('projections.copy.date.hint')} error={errors.date} value={date} onChange={setDate} inputMode="numeric" spellCheck={false} />
        <AdminTextField id="copy-time" label={t('projections.copy.time')} hint={t('projections.copy.time.hint', { zone })} error={errors.time} value={time} onChange={setTime} inputMode="numeric" spellCheck={false} />
        <button type="submit" className="button primary" disabled={sending || running} aria-disabled={sending || running}>
          {t('projections.copy.submit')}
        </button>
      </form>
      <Announcements message={message} />
      {job && running && <JobProgress id="copy-progress" label={t('projections.copy.progress')} counts={job} />}
      {job?.status === 'succeeded' && job.download && (
        <p>
          <a href={job.download} download className="button">
            {t('projections.copy.download', { when: described(job.asKnownOn) })}
          </a>
          <br />
          <span className="muted">{t('projections.copy.download.hint')}</span>
        </p>
      )}
    </section>
  );
}
