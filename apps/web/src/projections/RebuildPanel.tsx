import { useEffect, useRef, useState } from 'react';
import { Button, Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { api } from '../api/client';
import { useT } from '../i18n/t';
import { useSession } from '../session/session';
import { Announcements, JobProgress, pollJob } from './job-progress';

/** `GET /api/v1/projections/rebuild/{jobId}`. */
export interface RebuildJob {
  jobId: string;
  status: 'requested' | 'running' | 'succeeded' | 'failed';
  requestedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  processed: number;
  total: number;
  error: string | null;
}

/**
 * "Rebuild the read models": a dialog says what it means (every read model replayed from the
 * first event into fresh tables, then swapped in; figures stay readable from the current ones
 * meanwhile) and asks to confirm; then the job's progress, followed live, and how it ended.
 * One rebuild at a time: if one is already running (409), this follows that one.
 * `onFollowing` is called when it starts following a job (from then on it announces the
 * rebuild's start and end itself); `onFinished` when the job has ended or can no longer be
 * followed, so the table refreshes at once and announces again.
 */
export function RebuildPanel({ onFollowing, onFinished }: { onFollowing: () => void; onFinished: () => Promise<void> }) {
  const t = useT();
  const { expired } = useSession();
  const [isOpen, setOpen] = useState(false);
  const [job, setJob] = useState<RebuildJob | null>(null);
  const [message, setMessage] = useState<{ text: string; kind: 'status' | 'alert' } | null>(null);
  const [busy, setBusy] = useState(false);
  const stopRef = useRef<() => void>(() => undefined);
  useEffect(() => () => stopRef.current(), []);

  const follow = (jobId: string) => {
    stopRef.current();
    onFollowing();
    stopRef.current = pollJob<RebuildJob>(
      async () => {
        const { data, response } = await api.GET('/api/v1/projections/rebuild/{jobId}', { params: { path: { jobId } } });
        if (response.status === 401) {
          expired();
          return null;
        }
        return response.ok ? (data as unknown as RebuildJob) : null;
      },
      (next) => {
        setJob(next);
        if (next.status === 'succeeded') {
          setMessage({ text: t('projections.rebuild.succeeded'), kind: 'status' });
          void onFinished();
        } else if (next.status === 'failed') {
          setMessage({ text: t('projections.rebuild.failed', { reason: next.error ?? '' }), kind: 'alert' });
          void onFinished();
        }
      },
      () => {
        setMessage({ text: t('app.error'), kind: 'alert' });
        // No longer followed here: the table says the rebuild's changes again.
        void onFinished();
      },
    );
  };

  const start = async () => {
    if (busy) return;
    setBusy(true);
    try {
      const { data, error, response } = await api.POST('/api/v1/projections/rebuild');
      if (response.status === 401) return expired();
      setOpen(false);
      if (response.status === 202) {
        const started = data as unknown as RebuildJob;
        setJob(started);
        setMessage({ text: t('projections.rebuild.started'), kind: 'status' });
        return follow(started.jobId);
      }
      const running = (error as unknown as { job?: RebuildJob } | undefined)?.job;
      if (response.status === 409 && running) {
        setJob(running);
        setMessage({ text: t('projections.rebuild.alreadyRunning'), kind: 'status' });
        return follow(running.jobId);
      }
      setMessage({ text: response.status === 403 ? t('projections.rebuild.forbidden') : t('app.error'), kind: 'alert' });
    } catch {
      setOpen(false);
      setMessage({ text: t('app.error'), kind: 'alert' });
    } finally {
      setBusy(false);
    }
  };

  const active = job?.status === 'requested' || job?.status === 'running';
  return (
    <section aria-labelledby="rebuild-heading" className="projections-panel">
      <h2 id="rebuild-heading">{t('projections.rebuild.title')}</h2>
      <p>{t('projections.rebuild.intro')}</p>
      <DialogTrigger isOpen={isOpen} onOpenChange={setOpen}>
        {/* Never disabled: focus stays on it after the dialog; pressed while one runs, the API's 409 leads to that one. */}
        <Button className="button primary">
          {t('projections.rebuild.button')}
        </Button>
        <ModalOverlay className="modal-overlay" isDismissable>
          <Modal className="modal">
            <Dialog className="dialog">
              <Heading slot="title">{t('projections.rebuild.confirm.title')}</Heading>
              <p>{t('projections.rebuild.confirm.what')}</p>
              <p>{t('projections.rebuild.confirm.readable')}</p>
              <p>{t('projections.rebuild.confirm.time')}</p>
              <div className="actions">
                <Button className="button primary" onPress={() => void start()} isDisabled={busy} autoFocus>
                  {t('projections.rebuild.confirm.submit')}
                </Button>
                <Button slot="close" className="button">
                  {t('projections.rebuild.confirm.cancel')}
                </Button>
              </div>
            </Dialog>
          </Modal>
        </ModalOverlay>
      </DialogTrigger>
      <Announcements message={message} />
      {job && active && <JobProgress id="rebuild-progress" label={t('projections.rebuild.progress')} counts={job} />}
    </section>
  );
}
