import { Controller, Get, Inject, Logger, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Request, Response } from 'express';
import { OidcSignIn, SignInRefusedError } from '@pathway/auth';
import { ProviderSessions } from '@pathway/users';
import { Public } from '../auth/access.decorator';
import { AuthProblem } from '../auth/auth-errors';
import { OIDC_SIGN_IN, PROVIDER_SESSIONS } from './oidc.provider';
import { clearPendingSignInCookie, pendingSignInOf, setPendingSignInCookie, setSessionCookie } from './session-cookie';

/**
 * The web app's sign-in at the organisation's OpenID Connect provider: browser navigations, not
 * API calls (so left out of the OpenAPI document). `start` sends the browser to the provider;
 * `callback` checks its answer, opens the same session cookie as a local sign-in and sends the
 * browser into the app, or to the sign-in page with `?error=` and the refusal's stable code.
 */
@ApiExcludeController()
@Controller('session/oidc')
export class OidcController {
  private readonly logger = new Logger('SignIn');

  constructor(
    @Inject(OIDC_SIGN_IN) private readonly oidc: OidcSignIn | null,
    @Inject(PROVIDER_SESSIONS) private readonly sessions: ProviderSessions | null,
  ) {}

  /** 303 to the provider's authorization endpoint, with a short-lived httpOnly cookie naming this sign-in. */
  @Get('start')
  @Public()
  async start(@Req() request: Request, @Res() response: Response): Promise<void> {
    const { oidc, sessions } = this.enabled();
    try {
      const { url, challenge } = await oidc.start();
      setPendingSignInCookie(request, response, await sessions.begin(challenge, Date.now()));
      response.redirect(303, url.href);
    } catch (error) {
      this.refuse(response, error);
    }
  }

  /** 303 into the app with a session cookie, or to `/sign-in?error=CODE` (see SignInRefusedError). */
  @Get('callback')
  @Public()
  async callback(@Req() request: Request, @Res() response: Response): Promise<void> {
    const { oidc, sessions } = this.enabled();
    clearPendingSignInCookie(request, response);
    try {
      const secret = pendingSignInOf(request);
      const pending = secret === undefined ? null : await sessions.takePending(secret, Date.now());
      if (pending === 'expired') throw new SignInRefusedError('AUTH.OIDC_EXPIRED', 'the sign-in was started more than 10 minutes ago');
      if (pending === null) throw new SignInRefusedError('AUTH.OIDC_STATE_MISMATCH', 'no sign-in was started in this browser, or it was finished already');
      const user = await oidc.finish(new URL(request.originalUrl, 'http://query.invalid').searchParams, pending);
      const account = { id: user.principal.subject, email: user.email, displayName: user.displayName, role: user.principal.role, projects: [...user.principal.projects] };
      setSessionCookie(request, response, await sessions.start(account, user.idToken, Date.now()));
      response.redirect(303, '/');
    } catch (error) {
      this.refuse(response, error);
    }
  }

  private refuse(response: Response, error: unknown): void {
    if (!(error instanceof SignInRefusedError)) throw error;
    // The reason names checks and codes, never a claim's value: no personal data in the log.
    this.logger.warn({ code: error.code, reason: error.message }, 'sign-in at the provider refused');
    response.redirect(303, `/sign-in?error=${encodeURIComponent(error.code)}`);
  }

  private enabled(): { oidc: OidcSignIn; sessions: ProviderSessions } {
    if (!this.oidc || !this.sessions) throw new AuthProblem(404, 'AUTH.OIDC_OFF', 'Sign-in at a provider needs AUTH_ISSUER and AUTH_CLIENT_ID');
    return { oidc: this.oidc, sessions: this.sessions };
  }
}
