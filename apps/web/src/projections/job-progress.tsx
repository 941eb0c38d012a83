import { useIntl } from 'react-intl';
import { MessageId } from '../i18n/messages.en';
import { useT } from '../i18n/t';

/** A job's progress as the API reports it: events applied (`processed`) of `total`. */
export interface JobCounts {
  processed: number;
  total: number;
}

/**
 * A native `<progress>` with its label and the same figures in words ("1 200 of 4 000 events,
 * 30 %"), so the bar is never the only way to read it. `total` 0 is a job not yet counted: an
 * indeterminate bar. The figures are not announced on every tick; callers announce the start
 * and the end in a live region.
 */
export function JobProgress({
  id,
  label,
  counts,
  words = { of: 'projections.progress.of', starting: 'projections.progress.starting' },
}: {
  id: string;
  label: string;
  counts: JobCounts;
  /** The figures in words: "{processed} of {total} events ({percent} %)", and what an uncounted job says. */
  words?: { of: MessageId; starting: MessageId };
}) {
  const t = useT();
  const intl = useIntl();
  const known = counts.total > 0;
  const percent = known ? Math.floor((100 * Math.min(counts.processed, counts.total)) / counts.total) : 0;
  return (
    <div className="job-progress">
      <label htmlFor={id}>{label}</label>
      {known ? <progress id={id} max={counts.total} value={Math.min(counts.processed, counts.total)} /> : <progress id={id} />}
      <p className="muted" id={`${id}-text`}>
        {known
          ? t(words.of, { processed: intl.formatNumber(counts.processed), total: intl.formatNumber(counts.total), percent })
          : t(words.starting)}
      </p>
    </div>
  );
}

/** Polls `fetchJob` every `everyMs` until it answers a finished job or `stop` is called; the caller renders each answer. */
export function pollJob<T extends { status: string }>(fetchJob: () => Promise<T | null>, onJob: (job: T) => void, onError: () => void, everyMs = 1000): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const tick = async () => {
    try {
      const job = await fetchJob();
      if (stopped) return;
      if (!job) return onError();
      onJob(job);
      if (job.status === 'running' || job.status === 'requested') timer = setTimeout(() => void tick(), everyMs);
    } catch {
      if (!stopped) onError();
    }
  };
  void tick();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}

/**
 * Where a panel says how its job went: a polite status region, always in the page so screen
 * readers hear what is put in it, and an alert (added when needed) for what went wrong.
 */
export function Announcements({ message }: { message: { text: string; kind: 'status' | 'alert' } | null }) {
  return (
    <>
      <p role="status" className="job-status">
        {message?.kind === 'status' ? message.text : ''}
      </p>
      {message?.kind === 'alert' && (
        <p role="alert" className="error-message">
          {message.text}
        </p>
      )}
    </>
  );
}
