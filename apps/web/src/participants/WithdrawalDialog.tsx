import { FormEvent, useState } from 'react';
import { Button, Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { api } from '../api/client';
import { newIdempotencyKey } from '../api/idempotency-key';
import { useFormProblem } from '../app/use-form-problem';
import { useT } from '../i18n/t';
import { useSession } from '../session/session';
import { FieldMessage } from './form-parts';

interface Props {
  participantId: string;
  /** The participant's version as the page last saw it; sent as If-Match. */
  version: number | null;
  onWithdrawn: (message: string, version: number) => void;
  /** The pathway changed meanwhile (409): the page reads it again. */
  onStale: () => void;
}

const GROUNDS = ['never-took-part', 'duplicate'] as const;

/**
 * "Withdraw the enrolment": an enrolment made in error (the person never took part, or is
 * enrolled twice). Says plainly that the participant then counts nowhere and takes nothing more,
 * and asks for an explicit confirmation (a box to tick) before anything is sent.
 */
export function WithdrawalDialog({ participantId, version, onWithdrawn, onStale }: Props) {
  const t = useT();
  const { expired } = useSession();
  const [isOpen, setOpen] = useState(false);
  const [key, setKey] = useState(newIdempotencyKey);
  const [ground, setGround] = useState('');
  const [duplicateOf, setDuplicateOf] = useState('');
  const [reason, setReason] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  // A refusal takes focus to the first field it is about (or its message), so it is heard at once.
  const { problem, refuse, clear, fixed, describe, send, formRef } = useFormProblem({ focus: 'field' });

  const open = (next: boolean) => {
    setOpen(next);
    if (next) {
      setKey(newIdempotencyKey());
      setGround('');
      setDuplicateOf('');
      setReason('');
      setConfirmed(false);
      clear();
    }
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!ground) missing.ground = t('withdraw.error.ground');
    if (ground === 'duplicate' && !duplicateOf.trim()) missing.duplicateOf = t('problem.WITHDRAWAL.DUPLICATE_OF_REQUIRED');
    if (!reason.trim()) missing.reason = t('problem.WITHDRAWAL.REASON_REQUIRED');
    if (!confirmed) missing.confirm = t('withdraw.error.confirm');
    if (Object.keys(missing).length > 0) return refuse({ summary: '', fields: missing });
    await send(async () => {
      const body = { ground, reason: reason.trim(), ...(ground === 'duplicate' ? { duplicateOf: duplicateOf.trim() } : {}) };
      const { data, error, response } = await api.POST('/api/v1/participants/{participantId}/withdrawal', {
        params: { path: { participantId }, header: { 'Idempotency-Key': key, ...(version === null ? {} : { 'If-Match': `"${version}"` }) } as never },
        body: body as never,
      });
      if (response.status === 401) return expired();
      if (response.ok) {
        setOpen(false);
        return onWithdrawn(t('withdraw.done'), (data as unknown as { version: number }).version);
      }
      if (response.status === 409 || response.status === 412) {
        setKey(newIdempotencyKey());
        onStale();
        return refuse({ summary: t('withdraw.stale'), fields: {} });
      }
      refuse(describe(error, response));
    });
  };

  const error = (field: string) => problem?.fields[field];
  const fieldErrors = problem ? Object.keys(problem.fields).length : 0;
  const describedBy = (...ids: Array<string | false | undefined>) => ids.filter(Boolean).join(' ') || undefined;

  return (
    <DialogTrigger isOpen={isOpen} onOpenChange={open}>
      <Button className="button">{t('withdraw.button')}</Button>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal">
          <Dialog className="dialog withdrawal-dialog">
            <Heading slot="title">{t('withdraw.title')}</Heading>
            <p>{t('withdraw.intro')}</p>
            <p className="warning" id="withdraw-warning">
              <strong>{t('withdraw.warning')}</strong>
            </p>
            <form ref={formRef} onSubmit={onSubmit} noValidate>
              {problem && fieldErrors === 0 && (
                <p className="error-message" role="alert" tabIndex={-1}>
                  {problem.summary}
                </p>
              )}
              <fieldset className="field" aria-describedby={describedBy(error('ground') && 'withdraw-ground-error')}>
                <legend>{t('withdraw.ground')}</legend>
                <FieldMessage id="withdraw-ground" message={error('ground')} />
                {GROUNDS.map((g, index) => (
                  <div className="choice" key={g}>
                    <input type="radio" id={`withdraw-ground-${g}`} name="ground" value={g} checked={ground === g} onChange={() => (setGround(g), fixed('ground'))} autoFocus={index === 0} aria-invalid={error('ground') ? true : undefined} />
                    <label htmlFor={`withdraw-ground-${g}`}>{t(`withdraw.ground.${g}`)}</label>
                  </div>
                ))}
              </fieldset>
              {ground === 'duplicate' && (
                <div className="field">
                  <label htmlFor="withdraw-duplicateOf">{t('withdraw.duplicateOf')}</label>
                  <span className="hint" id="withdraw-duplicateOf-help">
                    {t('withdraw.duplicateOf.hint')}
                  </span>
                  <FieldMessage id="withdraw-duplicateOf" message={error('duplicateOf')} />
                  <input id="withdraw-duplicateOf" autoComplete="off" spellCheck={false} value={duplicateOf} onChange={(e) => (setDuplicateOf(e.target.value), fixed('duplicateOf'))} aria-invalid={error('duplicateOf') ? true : undefined} aria-describedby={describedBy('withdraw-duplicateOf-help', error('duplicateOf') && 'withdraw-duplicateOf-error')} />
                </div>
              )}
              <div className="field">
                <label htmlFor="withdraw-reason">{t('withdraw.reason')}</label>
                <span className="hint" id="withdraw-reason-help">
                  {t('withdraw.reason.hint')}
                </span>
                <FieldMessage id="withdraw-reason" message={error('reason')} />
                <textarea id="withdraw-reason" rows={3} maxLength={500} value={reason} onChange={(e) => (setReason(e.target.value), fixed('reason'))} aria-invalid={error('reason') ? true : undefined} aria-describedby={describedBy('withdraw-reason-help', error('reason') && 'withdraw-reason-error')} />
              </div>
              <div className="field">
                <FieldMessage id="withdraw-confirm" message={error('confirm')} />
                <div className="choice">
                  <input type="checkbox" id="withdraw-confirm" checked={confirmed} onChange={(e) => (setConfirmed(e.target.checked), fixed('confirm'))} aria-invalid={error('confirm') ? true : undefined} aria-describedby={describedBy('withdraw-warning', error('confirm') && 'withdraw-confirm-error')} />
                  <label htmlFor="withdraw-confirm">{t('withdraw.confirm')}</label>
                </div>
              </div>
              <div className="actions">
                <Button type="submit" className="button primary">
                  {t('withdraw.submit')}
                </Button>
                <Button slot="close" className="button">
                  {t('withdraw.cancel')}
                </Button>
              </div>
            </form>
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
