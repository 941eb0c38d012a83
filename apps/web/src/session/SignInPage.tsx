import { FormEvent, useState } from 'react';
import { Button, FieldError, Form, Input, Label, TextField } from 'react-aria-components';
import { PageHeading } from '../app/page-heading';
import { useT } from '../i18n/t';
import { useNavigation } from '../app/router';
import { useSession } from './session';
import { MessageId } from '../i18n/messages.en';

/** The sign-in page of this installation's method: a local account's password, or the organisation's provider. */
export function SignInPage({ notice }: { notice?: 'signedOut' | 'expired' }) {
  const t = useT();
  const { method } = useSession();
  if (method === null) return <p role="status">{t('app.loading')}</p>;
  if (method === 'password') return <PasswordSignIn notice={notice} />;
  return <OrganisationSignIn notice={notice} configured={method === 'organisation'} />;
}

/** The provider's refusals (`/sign-in?error=CODE`, set by the API's callback), in the user's language. */
const REFUSALS: Record<string, MessageId> = {
  'AUTH.OIDC_DENIED': 'signIn.oidc.denied',
  'AUTH.OIDC_EXPIRED': 'signIn.oidc.expired',
  'AUTH.OIDC_STATE_MISMATCH': 'signIn.oidc.failed',
  'AUTH.OIDC_REJECTED': 'signIn.oidc.failed',
  'AUTH.OIDC_ROLE_UNKNOWN': 'signIn.oidc.roleUnknown',
  'AUTH.OIDC_UNAVAILABLE': 'signIn.oidc.unavailable',
};

/**
 * A link to the API's `/api/v1/session/oidc/start`, which sends the browser to the provider; it
 * comes back signed in, or here with `?error=`, or with `?signedOut` after the provider's sign-out.
 */
function OrganisationSignIn({ notice, configured }: { notice?: 'signedOut' | 'expired'; configured: boolean }) {
  const t = useT();
  const params = new URLSearchParams(useNavigation().search);
  const error = params.get('error');
  const refusal = error === null ? null : (REFUSALS[error] ?? 'signIn.oidc.failed');
  const shownNotice = notice ?? (params.has('signedOut') ? 'signedOut' : undefined);
  const noticeId: MessageId | null = shownNotice === 'expired' ? 'signIn.expired' : shownNotice === 'signedOut' ? 'signIn.signedOut' : null;
  return (
    <div className="narrow">
      <PageHeading title={t('signIn.title')}>{t('signIn.title')}</PageHeading>
      {noticeId && !refusal && <p className="notice" role="status">{t(noticeId)}</p>}
      <div role="alert" className={refusal ? 'error-message' : undefined}>
        {refusal && t(refusal)}
      </div>
      {configured ? (
        <>
          <p>{t('signIn.oidc.intro')}</p>
          <a className="button primary" href="/api/v1/session/oidc/start">
            {t('signIn.oidc.submit')}
          </a>
        </>
      ) : (
        <p>{t('signIn.none')}</p>
      )}
    </div>
  );
}

/** E-mail and password; the API's answer (wrong, throttled) is shown in an alert that screen readers announce. */
function PasswordSignIn({ notice }: { notice?: 'signedOut' | 'expired' }) {
  const t = useT();
  const { signIn } = useSession();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return; // one sign-in at a time: a double Enter sends one request
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    if (!email || !password) return setFailure(t('signIn.missing'));
    setBusy(true);
    const problem = await signIn(email, password);
    setBusy(false);
    if (!problem) return;
    const minutes = Math.max(1, Math.ceil((problem.retryAfterSeconds ?? 60) / 60));
    setFailure(problem.code === 'AUTH.SIGN_IN_THROTTLED' ? t('signIn.throttled', { minutes }) : problem.code === 'AUTH.SIGN_IN_FAILED' ? t('signIn.failed') : problem.code === 'AUTH.ACCOUNT_DISABLED' ? t('problem.AUTH.ACCOUNT_DISABLED') : t('app.error'));
  };

  const noticeId: MessageId | null = notice === 'expired' ? 'signIn.expired' : notice === 'signedOut' ? 'signIn.signedOut' : null;
  return (
    <div className="narrow">
      <PageHeading title={t('signIn.title')}>{t('signIn.title')}</PageHeading>
      {noticeId && <p className="notice" role="status">{t(noticeId)}</p>}
      <p>{t('signIn.intro')}</p>
      <div role="alert" className={failure ? 'error-message' : undefined}>
        {failure}
      </div>
      <Form onSubmit={onSubmit} validationBehavior="aria">
        <TextField name="email" type="email" autoComplete="username" isRequired className="field">
          <Label>{t('signIn.email')}</Label>
          <Input />
          <FieldError />
        </TextField>
        <TextField name="password" type="password" autoComplete="current-password" isRequired className="field">
          <Label>{t('signIn.password')}</Label>
          <Input />
          <FieldError />
        </TextField>
        {/* Not isPending: its announcement outlives this page as an unlabelled role="img" (axe role-img-alt). */}
        <Button type="submit" className="button primary">
          {t('signIn.submit')}
        </Button>
      </Form>
    </div>
  );
}
