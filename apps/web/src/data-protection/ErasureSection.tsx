import { FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { Button, Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useIntl } from 'react-intl';
import { api } from '../api/client';
import { newIdempotencyKey } from '../api/idempotency-key';
import { problemOf } from '../api/problems';
import { useFormProblem } from '../app/use-form-problem';
import { useT } from '../i18n/t';
import { FieldMessage } from '../participants/form-parts';
import { useSession } from '../session/session';

/** `GET /participants/{id}/erasure`: when, by whom and why the personal data was erased (the reason opened for admins). */
interface ErasureRecord {
  participantId: string;
  erasedAt: string;
  erasedBy: string;
  reason: { status: string; text?: string | null };
}

type Status = ErasureRecord | 'notErased' | 'failed' | null;

/**
 * The erasure of a participant's personal data (GDPR Article 17), for admins: whether it was
 * erased (when, by whom, why, from `GET /participants/{id}/erasure`, whose read of the reason
 * the API audits) and, if not, "Erase personal data", a dialog that says what happens (the key
 * is destroyed, it cannot be undone, the pathway and the reports stay), asks for the reason and
 * for the participant's code typed out before the button works. `DELETE .../personal-data`;
 * a 409 (erased meanwhile) is said plainly and the erased state shown. `onErased` lets the page
 * read again what it shows.
 */
export function ErasureSection({ participantId, onErased }: { participantId: string; onErased?: () => void }) {
  const t = useT();
  const intl = useIntl();
  const { expired } = useSession();
  const [status, setStatus] = useState<Status>(null);
  const [notice, setNotice] = useState('');
  const noticeRef = useRef<HTMLParagraphElement>(null);

  const load = useCallback(async () => {
    try {
      const { data, response } = await api.GET('/api/v1/participants/{participantId}/erasure', { params: { path: { participantId } } });
      if (response.status === 401) return expired();
      if (response.ok && data) return setStatus(data as unknown as ErasureRecord);
      setStatus(response.status === 404 ? 'notErased' : 'failed');
    } catch {
      setStatus('failed');
    }
  }, [participantId, expired]);

  useEffect(() => {
    setStatus(null);
    setNotice('');
    void load();
  }, [load]);

  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const erased = async (message: string) => {
    await load();
    setNotice(message);
    onErased?.();
  };

  return (
    <section aria-labelledby="erasure-title" className="erasure">
      <h2 id="erasure-title">{t('erasure.title')}</h2>
      <p ref={noticeRef} tabIndex={-1} role="status" className={notice ? 'notice' : 'visually-hidden'}>
        {notice}
      </p>
      {status === null && <p className="muted">{t('app.loading')}</p>}
      {status === 'failed' && (
        <p role="alert" className="error-message">
          {t('app.error')}
        </p>
      )}
      {status === 'notErased' && (
        <>
          <p>{t('erasure.notErased')}</p>
          <ErasureDialog participantId={participantId} onErased={(message) => void erased(message)} />
        </>
      )}
      {status && typeof status === 'object' && (
        <dl className="facts stacking">
          <dt>{t('erasure.erasedAt')}</dt>
          <dd>
            <time dateTime={status.erasedAt}>{intl.formatDate(status.erasedAt, { dateStyle: 'long', timeStyle: 'short' })}</time>
          </dd>
          <dt>{t('erasure.erasedBy')}</dt>
          <dd>{status.erasedBy}</dd>
          <dt>{t('erasure.reason')}</dt>
          <dd>{status.reason.status === 'open' && status.reason.text ? status.reason.text : <span className="muted">{t('erasure.reasonUnreadable')}</span>}</dd>
        </dl>
      )}
    </section>
  );
}

/**
 * The dialog itself (react-aria: focus stays inside while open and goes back to the button
 * that opened it). The reason (3 to 500 characters, as the API asks) and the typed code are
 * checked here first so the refusal is at its field; the button stays off until the code
 * typed is the participant's.
 */
function ErasureDialog({ participantId, onErased }: { participantId: string; onErased: (message: string) => void }) {
  const t = useT();
  const { expired } = useSession();
  const [isOpen, setOpen] = useState(false);
  const [key, setKey] = useState(newIdempotencyKey);
  const [reason, setReason] = useState('');
  const [typed, setTyped] = useState('');
  const { problem, refuse, clear, describe, send, busy, formRef } = useFormProblem({ focus: 'field' });
  const confirmed = typed.trim() === participantId;

  const open = (next: boolean) => {
    setOpen(next);
    if (next) {
      setKey(newIdempotencyKey());
      setReason('');
      setTyped('');
      clear();
    }
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy || !confirmed) return;
    if (reason.trim().length < 3) return refuse({ summary: '', fields: { reason: t('problem.ERASURE.REASON_REQUIRED') } });
    await send(async () => {
      const { error, response } = await api.DELETE('/api/v1/participants/{participantId}/personal-data', {
        params: { path: { participantId }, header: { 'Idempotency-Key': key } as never },
        body: { reason: reason.trim() } as never,
      });
      if (response.status === 401) return expired();
      if (response.ok) {
        setOpen(false);
        return onErased(t('erasure.done', { id: participantId }));
      }
      if (response.status === 409 && problemOf(error, response).code === 'PARTICIPANT.PERSONAL_DATA_ERASED') {
        setOpen(false);
        return onErased(t('erasure.alreadyErased'));
      }
      const described = describe(error, response);
      if (response.status === 403) described.summary = t('admin.forbidden');
      refuse(described);
    });
  };

  const error = (field: string) => problem?.fields[field];
  const fieldErrors = problem ? Object.keys(problem.fields).length : 0;
  const describedBy = (...ids: Array<string | false | undefined>) => ids.filter(Boolean).join(' ') || undefined;

  return (
    <DialogTrigger isOpen={isOpen} onOpenChange={open}>
      <Button className="button danger">{t('erasure.button')}</Button>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal">
          <Dialog className="dialog erasure-dialog">
            <Heading slot="title">{t('erasure.dialog.title', { id: participantId })}</Heading>
            <p>{t('erasure.dialog.intro')}</p>
            <ul>
              <li>{t('erasure.dialog.key')}</li>
              <li>{t('erasure.dialog.stays')}</li>
              <li>{t('erasure.dialog.recorded')}</li>
            </ul>
            <p className="warning" id="erasure-warning">
              <strong>{t('erasure.dialog.warning')}</strong>
            </p>
            <form ref={formRef} onSubmit={(e) => void onSubmit(e)} noValidate>
              {problem && fieldErrors === 0 && (
                <p className="error-message" role="alert" tabIndex={-1}>
                  {problem.summary}
                </p>
              )}
              <div className="field">
                <label htmlFor="erasure-reason">{t('erasure.field.reason')}</label>
                <span className="hint" id="erasure-reason-hint">
                  {t('erasure.field.reason.hint')}
                </span>
                <FieldMessage id="erasure-reason" message={error('reason')} />
                <textarea
                  id="erasure-reason"
                  rows={3}
                  maxLength={500}
                  autoFocus
                  value={reason}
                  onChange={(e) => {
                    setReason(e.target.value);
                    clear();
                  }}
                  aria-invalid={error('reason') ? true : undefined}
                  aria-describedby={describedBy('erasure-reason-hint', error('reason') && 'erasure-reason-error')}
                />
              </div>
              <div className="field">
                <label htmlFor="erasure-confirm">{t('erasure.field.confirm', { id: participantId })}</label>
                <span className="hint" id="erasure-confirm-hint">
                  {t('erasure.field.confirm.hint')}
                </span>
                <input
                  id="erasure-confirm"
                  autoComplete="off"
                  spellCheck={false}
                  value={typed}
                  onChange={(e) => setTyped(e.target.value)}
                  aria-describedby={describedBy('erasure-confirm-hint', 'erasure-warning')}
                />
              </div>
              <div className="actions">
                <Button type="submit" className="button danger" isDisabled={!confirmed || busy}>
                  {t('erasure.submit')}
                </Button>
                <Button slot="close" className="button">
                  {t('erasure.cancel')}
                </Button>
              </div>
              {busy && (
                <p role="status" className="muted">
                  {t('erasure.sending')}
                </p>
              )}
            </form>
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
