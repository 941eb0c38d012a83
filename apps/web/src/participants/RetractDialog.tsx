import { FormEvent, useState } from 'react';
import { Button, Dialog, DialogTrigger, FieldError, Form, Heading, Label, Modal, ModalOverlay, Text, TextArea, TextField } from 'react-aria-components';
import { useIntl } from 'react-intl';
import { api } from '../api/client';
import { newIdempotencyKey } from '../api/idempotency-key';
import { useFormProblem } from '../app/use-form-problem';
import { useT } from '../i18n/t';
import { useSession } from '../session/session';

interface Props {
  participantId: string;
  milestone: { eventId: string; occurredOn: string; label: string };
  onRetracted: (message: string, version: number) => void;
}

/**
 * "Retract" beside a milestone, opening a dialog that asks why. The milestone stays in the
 * timeline, struck through with the reason. One Idempotency-Key per opening of the dialog.
 */
export function RetractDialog({ participantId, milestone, onRetracted }: Props) {
  const t = useT();
  const intl = useIntl();
  const { expired } = useSession();
  const [isOpen, setOpen] = useState(false);
  const [key, setKey] = useState(newIdempotencyKey);
  // A refusal takes focus to the reason (or the message), as in every dialog.
  const { problem, refuse, clear, describe, send, formRef } = useFormProblem({ focus: 'field' });
  const date = (iso: string) => intl.formatDate(iso, { dateStyle: 'medium', timeZone: 'UTC' });
  const what = { what: milestone.label, date: date(milestone.occurredOn) };

  const open = (next: boolean) => {
    setOpen(next);
    if (next) {
      setKey(newIdempotencyKey());
      clear();
    }
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get('reason') ?? '').trim();
    await send(async () => {
      const { data, error, response } = await api.POST('/api/v1/participants/{participantId}/retractions', {
        params: { path: { participantId }, header: { 'Idempotency-Key': key } },
        body: { eventId: milestone.eventId, reason },
      });
      if (response.status === 401) return expired();
      if (response.ok) {
        setOpen(false);
        return onRetracted(t('retract.done', what), (data as unknown as { version: number }).version);
      }
      refuse(describe(error, response, date));
    });
  };

  return (
    <DialogTrigger isOpen={isOpen} onOpenChange={open}>
      <Button className="button small" aria-label={t('retract.button.label', what)}>
        {t('retract.button')}
      </Button>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal">
          <Dialog className="dialog">
            <Heading slot="title">{t('retract.title')}</Heading>
            <p>{t('retract.intro', what)}</p>
            <Form ref={formRef} onSubmit={onSubmit} validationBehavior="aria">
              {problem && !problem.fields.reason && (
                <p className="error-message" role="alert">
                  {problem.summary}
                </p>
              )}
              <TextField name="reason" className="field" isInvalid={!!problem?.fields.reason} autoFocus maxLength={500}>
                <Label>{t('retract.reason')}</Label>
                <Text slot="description" className="hint">
                  {t('retract.reason.hint')}
                </Text>
                <FieldError className="field-error">{problem?.fields.reason}</FieldError>
                <TextArea rows={3} />
              </TextField>
              <div className="actions">
                <Button type="submit" className="button primary">
                  {t('retract.submit')}
                </Button>
                <Button slot="close" className="button">
                  {t('retract.cancel')}
                </Button>
              </div>
            </Form>
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
