import { useCallback, useEffect, useRef, useState } from 'react';
import { Button, Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useIntl } from 'react-intl';
import { api } from '../api/client';
import { newIdempotencyKey } from '../api/idempotency-key';
import { problemMessage, problemOf } from '../api/problems';
import { PageHeading } from '../app/page-heading';
import { MessageId } from '../i18n/messages.en';
import { useT } from '../i18n/t';
import { useSession } from '../session/session';
import { DownloadedFile, downloadFile, FILE_FORMATS, FileFormat, ParticipantFileMonth } from './participant-file-api';

type Message = { text: string; kind: 'status' | 'alert' };

/**
 * The monthly participant file for Statistics Sweden (SCB), for admins: every ended month with
 * how it stands in words (to send by, sent, to send again and why), the month's file to download
 * (XLSX, CSV, CSV with semicolons; each identity number opened is audited by the API), and, once
 * a month's file is downloaded here, "Record as sent": a dialog names the month, the cut-off
 * (`X-As-Known-On`) and the file's SHA-256 (`Digest`), the very ones it sends to the API.
 */
export function ParticipantFilePage({ projectId }: { projectId: string }) {
  const t = useT();
  const intl = useIntl();
  const { expired } = useSession();
  const [months, setMonths] = useState<ParticipantFileMonth[] | 'forbidden' | 'notFound' | 'failed' | null>(null);
  const [downloads, setDownloads] = useState<Record<string, DownloadedFile>>({});
  const [message, setMessage] = useState<Message | null>(null);

  const load = useCallback(async () => {
    const { data, response } = await api.GET('/api/v1/projects/{projectId}/participant-files', { params: { path: { projectId } } });
    if (response.status === 401) return expired();
    if (data) return setMonths(data);
    setMonths(response.status === 403 ? 'forbidden' : response.status === 404 ? 'notFound' : 'failed');
  }, [projectId, expired]);

  useEffect(() => {
    setMonths(null);
    void load();
  }, [load]);

  // Due dates are calendar dates: formatted as they are, never shifted; the cut-off is an instant, in the reader's zone.
  const date = (iso: string) => intl.formatDate(iso, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const instant = (iso: string) => intl.formatDate(iso, { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const monthName = (m: string) => intl.formatDate(`${m}-01`, { month: 'long', year: 'numeric', timeZone: 'UTC' });

  const download = async (month: string, format: FileFormat) => {
    setMessage(null);
    try {
      const file = await downloadFile(projectId, month, format);
      if (file === 401) return expired();
      if (typeof file === 'number') return setMessage({ text: t(file === 403 ? 'participantFile.forbidden' : 'app.error'), kind: 'alert' });
      setDownloads((all) => ({ ...all, [month]: file }));
      setMessage({ text: t('participantFile.downloaded', { name: file.fileName, code: file.sha256 }), kind: 'status' });
    } catch {
      setMessage({ text: t('app.error'), kind: 'alert' });
    }
  };

  const recorded = (month: string) => {
    setMessage({ text: t('participantFile.recorded', { month: monthName(month) }), kind: 'status' });
    void load();
  };
  const refused = (text: string) => setMessage({ text, kind: 'alert' });

  const statusOf = (m: ParticipantFileMonth): string => {
    if (m.status === 'not-sent') return t('participantFile.status.notSent', { due: date(m.dueBy) });
    if (m.status === 'overdue') return t('participantFile.status.overdue', { due: date(m.dueBy) });
    const when = m.lastSent ? instant(m.lastSent.asKnownOn) : '';
    if (m.status === 'sent') return t('participantFile.status.sent', { when });
    if (m.after) return t('participantFile.status.follows', { after: monthName(m.after), when });
    return t('participantFile.status.changed', { added: m.changes?.added.length ?? 0, removed: m.changes?.removed.length ?? 0, when });
  };

  return (
    <>
      <PageHeading title={`${t('participantFile.title')} ${projectId}`}>
        {t('participantFile.title')} <span className="muted">{projectId}</span>
      </PageHeading>
      <section aria-labelledby="participant-file-rule">
        <h2 id="participant-file-rule">{t('participantFile.rule.title')}</h2>
        <p>{t('participantFile.rule.what')}</p>
        <p>{t('participantFile.rule.resend')}</p>
        <p>{t('participantFile.rule.how')}</p>
      </section>
      {months === null && <p role="status">{t('app.loading')}</p>}
      {months === 'forbidden' && <p role="alert">{t('participantFile.forbidden')}</p>}
      {months === 'notFound' && <p role="alert">{t('today.notFound')}</p>}
      {months === 'failed' && <p role="alert" className="error-message">{t('app.error')}</p>}
      <div role="status" className={message?.kind === 'status' ? 'notice participant-file-status' : undefined}>
        {message?.kind === 'status' ? message.text : ''}
      </div>
      <div role="alert" className={message?.kind === 'alert' ? 'error-message' : undefined}>
        {message?.kind === 'alert' ? message.text : ''}
      </div>
      {Array.isArray(months) && months.length === 0 && <p>{t('participantFile.none')}</p>}
      {Array.isArray(months) && months.length > 0 && (
        <div className="table-scroll participant-file-scroll" role="region" aria-labelledby="participant-file-caption" tabIndex={0}>
          <table className="participant-file-months">
            <caption id="participant-file-caption">{t('participantFile.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('participantFile.column.month')}</th>
                <th scope="col">{t('participantFile.column.status')}</th>
                <th scope="col">{t('participantFile.column.rows')}</th>
                <th scope="col">{t('participantFile.column.file')}</th>
              </tr>
            </thead>
            <tbody>
              {months.map((m) => (
                <tr key={m.month} id={`month-${m.month}`} className={m.status === 'overdue' || m.status === 'resend' ? 'urgent' : undefined}>
                  <th scope="row">{monthName(m.month)}</th>
                  <td>{statusOf(m)}</td>
                  <td>{m.lastSent ? t('participantFile.rows', { rows: m.lastSent.rows }) : '–'}</td>
                  <td>
                    <ul className="actions plain-list" aria-label={t('participantFile.downloadsOf', { month: monthName(m.month) })}>
                      {FILE_FORMATS.map((format) => (
                        <li key={format}>
                          <Button className="button" onPress={() => void download(m.month, format)}>
                            {t(`participantFile.format.${format}` as MessageId)}
                            <span className="visually-hidden"> {monthName(m.month)}</span>
                          </Button>
                        </li>
                      ))}
                    </ul>
                    {downloads[m.month] ? (
                      <RecordSent projectId={projectId} file={downloads[m.month]!} monthName={monthName(m.month)} instant={instant} onRecorded={recorded} onRefused={refused} />
                    ) : (
                      <p className="hint">{t('participantFile.downloadFirst')}</p>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** "Record as sent" and its confirmation: what is recorded (month, cut-off, the file's digest) before it is. */
function RecordSent({ projectId, file, monthName, instant, onRecorded, onRefused }: {
  projectId: string;
  file: DownloadedFile;
  monthName: string;
  instant: (iso: string) => string;
  onRecorded: (month: string) => void;
  onRefused: (text: string) => void;
}) {
  const t = useT();
  const intl = useIntl();
  const { expired } = useSession();
  const [isOpen, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  // One key per file downloaded: a double press or a retry after a lost answer records once.
  const keyRef = useRef({ digest: '', key: '' });
  if (keyRef.current.digest !== `${file.digest} ${file.asKnownOn}`) keyRef.current = { digest: `${file.digest} ${file.asKnownOn}`, key: newIdempotencyKey() };

  const record = async () => {
    if (busy) return;
    setBusy(true);
    try {
      const { error, response } = await api.POST('/api/v1/projects/{projectId}/participant-files/{month}/sent', {
        params: { path: { projectId, month: file.month }, header: { 'Idempotency-Key': keyRef.current.key } },
        body: { asKnownOn: file.asKnownOn, fileDigest: file.digest || undefined },
      });
      if (response.status === 401) return expired();
      setOpen(false);
      if (response.ok) return onRecorded(file.month);
      const date = (iso: string) => intl.formatDate(iso, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
      onRefused(response.status === 403 ? t('participantFile.forbidden') : problemMessage(problemOf(error, response), t, date));
    } catch {
      setOpen(false);
      onRefused(t('app.error'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <DialogTrigger isOpen={isOpen} onOpenChange={setOpen}>
      <Button className="button primary">
        {t('participantFile.record')}
        <span className="visually-hidden"> {monthName}</span>
      </Button>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal">
          <Dialog className="dialog">
            <Heading slot="title">{t('participantFile.confirm.title', { month: monthName })}</Heading>
            <p>{t('participantFile.confirm.what')}</p>
            <dl className="facts">
              <dt>{t('participantFile.confirm.month')}</dt>
              <dd>{monthName}</dd>
              <dt>{t('participantFile.confirm.cutOff')}</dt>
              <dd>{instant(file.asKnownOn)}</dd>
              <dt>{t('participantFile.confirm.file')}</dt>
              <dd>{file.fileName}</dd>
              <dt>{t('participantFile.confirm.digest')}</dt>
              <dd className="digest">{file.sha256}</dd>
            </dl>
            <p>{t('participantFile.confirm.only')}</p>
            <div className="actions">
              <Button className="button primary" onPress={() => void record()} isDisabled={busy} autoFocus>
                {t('participantFile.confirm.submit')}
              </Button>
              <Button slot="close" className="button">
                {t('participantFile.confirm.cancel')}
              </Button>
            </div>
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
