import { Body, Controller, Delete, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Request, Response } from 'express';
import { OidcSignIn } from '@pathway/auth';
import { LocalAccounts, normaliseEmail, ProviderSessions, Sessions, SignInLimits, SignInThrottle } from '@pathway/users';
import { Access, Public } from '../auth/access.decorator';
import { AuthProblem } from '../auth/auth-errors';
import { AuthenticatedRequest } from '../auth/authenticated-request';
import { LOCAL_ACCOUNTS } from './local-accounts.provider';
import { OIDC_SIGN_IN, PROVIDER_SESSIONS, SESSIONS } from './oidc.provider';
import { clearSessionCookie, looksCrossSite, sessionSecretOf, setSessionCookie } from './session-cookie';
import { SessionUserDto, SignInConfigDto, SignInDto, SignOutDto } from './sign-in.dto';

/**
 * The web app's session: `POST /session` signs in with a local account (embedded mode) and sets
 * the session cookie (a provider's sign-in sets the same one, see OidcController), `GET /session`
 * says who is signed in, `DELETE /session` signs out, `GET /session/config` says how to sign in.
 */
@ApiTags('session')
@Controller('session')
export class SessionController {
  constructor(
    @Inject(LOCAL_ACCOUNTS) private readonly accounts: LocalAccounts | null,
    private readonly limits: SignInLimits,
    @Inject(SESSIONS) private readonly sessions: Sessions | null,
    @Inject(PROVIDER_SESSIONS) private readonly providerSessions: ProviderSessions | null,
    @Inject(OIDC_SIGN_IN) private readonly oidc: OidcSignIn | null,
  ) {}

  /**
   * 200 with the user and a session cookie; 401 `AUTH.SIGN_IN_FAILED` for a wrong e-mail or
   * password (the same answer for both); 403 `AUTH.ACCOUNT_DISABLED` for the right password of a
   * disabled account; 429 `AUTH.SIGN_IN_THROTTLED` with Retry-After after
   * 5 failures in 15 minutes for the e-mail address, or 50 from the caller's address.
   */
  @Post()
  @HttpCode(200)
  @Public()
  async signIn(@Body() body: SignInDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<SessionUserDto> {
    const accounts = this.localAccounts();
    if (looksCrossSite(request)) throw new AuthProblem(403, 'AUTH.CSRF_SUSPECTED', 'Sign in with Content-Type: application/json');
    const now = Date.now();
    const keys: Array<[SignInThrottle, string]> = [
      [this.limits.byEmail, normaliseEmail(body.email)],
      [this.limits.byAddress, request.ip ?? 'unknown'],
    ];
    const waitMs = Math.max(...keys.map(([throttle, key]) => throttle.retryAfterMs(key, now)));
    if (waitMs > 0) {
      response.setHeader('Retry-After', String(Math.ceil(waitMs / 1000)));
      throw new AuthProblem(429, 'AUTH.SIGN_IN_THROTTLED', 'Too many failed sign-ins; try again after Retry-After seconds');
    }
    const signedIn = await accounts.signIn(body.email, body.password, now);
    // The right password of a disabled account: saying so tells a guesser nothing they lack.
    if (signedIn === 'disabled') throw new AuthProblem(403, 'AUTH.ACCOUNT_DISABLED', 'The account is disabled; an administrator can enable it again');
    if (!signedIn) {
      keys.forEach(([throttle, key]) => throttle.recordFailure(key, now));
      throw new AuthProblem(401, 'AUTH.SIGN_IN_FAILED', 'The e-mail address or the password is wrong');
    }
    // Only the account's count: one valid account must not reset what its address tried on others.
    this.limits.byEmail.clear(normaliseEmail(body.email));
    setSessionCookie(request, response, signedIn.secret);
    return { ...signedIn.user, projects: [...signedIn.user.projects] };
  }

  /** The signed-in user; 404 `SESSION.NONE` when the caller uses a bearer token instead. */
  @Get()
  @Access('session.read')
  whoAmI(@Req() request: AuthenticatedRequest): SessionUserDto {
    const user = request.sessionUser;
    if (!user) throw new AuthProblem(404, 'SESSION.NONE', 'This request is signed with a bearer token, not a session');
    return { ...user, projects: [...user.projects] };
  }

  /**
   * Ends the session and clears the cookie whether or not a session was open: 204, or, for a
   * session from a provider that has a sign-out page, 200 with its address for the app to open
   * (so the person is signed out there too).
   */
  @Delete()
  @Public()
  @ApiNoContentResponse({ description: 'Signed out' })
  @ApiOkResponse({ type: SignOutDto, description: 'Signed out here; open signOutUrl to sign out at the provider too' })
  async signOut(@Req() request: Request, @Res() response: Response): Promise<void> {
    if (looksCrossSite(request)) throw new AuthProblem(403, 'AUTH.CSRF_SUSPECTED', 'Send X-Requested-With with this request');
    const secret = sessionSecretOf(request);
    const idToken = secret === undefined ? null : await this.providerSessions?.idTokenOf(secret);
    if (secret !== undefined) await this.sessions?.signOut(secret);
    clearSessionCookie(request, response);
    const signOutUrl = idToken ? await this.oidc?.endSessionUrl(idToken).catch(() => null) : null;
    if (signOutUrl) response.status(200).json({ signOutUrl: signOutUrl.href } satisfies SignOutDto);
    else response.status(204).end();
  }

  /** How the web app signs people in here: `password` (local accounts), `organisation` (the OpenID Connect provider) or `none` (bearer tokens only). */
  @Get('config')
  @Public()
  signInConfig(): SignInConfigDto {
    return { method: this.accounts ? 'password' : this.oidc ? 'organisation' : 'none' };
  }

  private localAccounts(): LocalAccounts {
    if (!this.accounts) throw new AuthProblem(404, 'AUTH.LOCAL_ACCOUNTS_OFF', 'Sign in with the organisation\'s identity provider (AUTH_ISSUER is set)');
    return this.accounts;
  }
}
