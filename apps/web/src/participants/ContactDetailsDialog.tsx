import { FormEvent, useState } from 'react';
import { Button, Dialog, DialogTrigger, FieldError, Form, Heading, Input, Label, Modal, ModalOverlay, TextField } from 'react-aria-components';
import { api } from '../api/client';
import { newIdempotencyKey } from '../api/idempotency-key';
import { useFormProblem } from '../app/use-form-problem';
import { MessageId } from '../i18n/messages.en';
import { useT } from '../i18n/t';
import { useSession } from '../session/session';

export type ContactDetails = { phone?: string; email?: string; address?: string };
const FIELDS: Array<{ name: keyof ContactDetails; label: MessageId; type: string; autoComplete: string }> = [
  { name: 'phone', label: 'contact.phone', type: 'tel', autoComplete: 'off' },
  { name: 'email', label: 'contact.email', type: 'email', autoComplete: 'off' },
  { name: 'address', label: 'contact.address', type: 'text', autoComplete: 'off' },
];

/**
 * Phone, email and address in a dialog, filled in with what is recorded; focus goes back to the
 * button when it closes. Only what changed is
 * sent (an emptied field as null: removed); sealed by the API like all personal data.
 */
export function ContactDetailsDialog({ participantId, current, onChanged }: { participantId: string; current: ContactDetails; onChanged: (message: string) => Promise<void> }) {
  const t = useT();
  const { expired } = useSession();
  const [isOpen, setOpen] = useState(false);
  const [key, setKey] = useState(newIdempotencyKey);
  // A refusal takes focus to the first field it is about (or its message), as in every dialog.
  const { problem, refuse, clear, describe, send, formRef } = useFormProblem({ focus: 'field' });

  const open = (next: boolean) => {
    setOpen(next);
    if (next) {
      setKey(newIdempotencyKey());
      clear();
    }
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const change: Record<string, string | null> = {};
    for (const { name } of FIELDS) {
      const value = String(form.get(name) ?? '').trim();
      if (value !== (current[name] ?? '')) change[name] = value === '' ? null : value;
    }
    if (Object.keys(change).length === 0) return refuse({ summary: t('contact.unchanged'), fields: {} });
    await send(async () => {
      const { error, response } = await api.PATCH('/api/v1/participants/{participantId}/contact-details', {
        params: { path: { participantId }, header: { 'Idempotency-Key': key } },
        body: change as never,
      });
      if (response.status === 401) return expired();
      if (response.ok) {
        // Closed once the page holds the new details, so opening it again shows them.
        await onChanged(t('contact.done'));
        return setOpen(false);
      }
      refuse(describe(error, response));
    });
  };

  const fieldErrors = problem ? FIELDS.filter((f) => problem.fields[f.name]).length : 0;
  return (
    <DialogTrigger isOpen={isOpen} onOpenChange={open}>
      <Button className="button">{t('contact.button')}</Button>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal">
          <Dialog className="dialog">
            <Heading slot="title">{t('contact.title')}</Heading>
            <p>{t('contact.intro')}</p>
            <Form ref={formRef} onSubmit={onSubmit} validationBehavior="aria">
              {problem && fieldErrors === 0 && (
                <p className="error-message" role="alert">
                  {problem.summary}
                </p>
              )}
              {FIELDS.map((field, index) => (
                <TextField key={field.name} name={field.name} type={field.type} className="field" defaultValue={current[field.name] ?? ''} isInvalid={!!problem?.fields[field.name]} autoFocus={index === 0}>
                  <Label>{t(field.label)}</Label>
                  <FieldError className="field-error">{problem?.fields[field.name]}</FieldError>
                  <Input autoComplete={field.autoComplete} />
                </TextField>
              ))}
              <div className="actions">
                <Button type="submit" className="button primary">
                  {t('contact.submit')}
                </Button>
                <Button slot="close" className="button">
                  {t('contact.cancel')}
                </Button>
              </div>
            </Form>
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
