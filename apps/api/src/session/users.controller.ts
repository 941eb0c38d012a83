import { Body, Controller, Get, HttpCode, Inject, Logger, Param, Patch, Post, Res } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { RequestContext } from '@pathway/application';
import { Environment } from '@pathway/config';
import { AccountVersionMismatchError, DuplicateUserError, LastAdminError, LocalAccounts, ProviderSessions, UserNotFoundError } from '@pathway/users';
import { Access } from '../auth/access.decorator';
import { AuthProblem } from '../auth/auth-errors';
import { setVersion } from '../http/etag';
import { RequestValidationError } from '../http/problem';
import { Caller } from '../http/request-context.decorator';
import { AddUserDto } from './add-user.dto';
import { ChangeUserDto, ListedUserDto, UserListDto } from './change-user.dto';
import { LOCAL_ACCOUNTS } from './local-accounts.provider';
import { PROVIDER_SESSIONS } from './oidc.provider';
import { SessionUserDto } from './sign-in.dto';

const localAccountsOff = () => new AuthProblem(404, 'AUTH.LOCAL_ACCOUNTS_OFF', "Users come from the organisation's identity provider (AUTH_ISSUER is set)");

/** Every role but admin works in at least one project: 400 naming `projects` otherwise. */
function checkProjects(role: string, projects: readonly string[]): void {
  if (role !== 'admin' && projects.length === 0) {
    throw new RequestValidationError([{ field: 'projects', reason: `a ${role} works in at least one project` }]);
  }
}

/** Admins list users; in embedded mode they add local accounts, change their role and projects, and disable them. */
@ApiTags('users')
@Controller('users')
export class UsersController {
  private readonly logger = new Logger('Users');

  constructor(
    @Inject(LOCAL_ACCOUNTS) private readonly accounts: LocalAccounts | null,
    @Inject(PROVIDER_SESSIONS) private readonly providerSessions: ProviderSessions | null,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  /**
   * Embedded mode: every local account by e-mail address, with role, projects, whether disabled
   * and version. OIDC mode: the people with a session, read-only, as the provider's ID token
   * named them; roles and projects come from the claims named in `claims`.
   */
  @Get()
  @Access('users.read')
  @ApiOkResponse({ type: UserListDto })
  async list(): Promise<UserListDto> {
    if (this.accounts) return { source: 'local', claims: null, users: (await this.accounts.list()).map((u) => ({ ...u, projects: [...u.projects] })) };
    const users = (await this.providerSessions?.users(Date.now())) ?? [];
    return {
      source: 'provider',
      claims: { role: this.config.get('AUTH_ROLE_CLAIM'), projects: this.config.get('AUTH_PROJECTS_CLAIM') },
      users: users.map((u) => ({ ...u, projects: [...u.projects], disabled: false, version: null })),
    };
  }

  /**
   * 201 with the new user (without the password); 400 when a role other than admin names no
   * project; 409 `USER.EMAIL_TAKEN`; 404 `AUTH.LOCAL_ACCOUNTS_OFF` when AUTH_ISSUER is set.
   */
  @Post()
  @HttpCode(201)
  @Access('users.add')
  async add(@Body() body: AddUserDto): Promise<SessionUserDto> {
    if (!this.accounts) throw localAccountsOff();
    const projects = body.projects ?? [];
    checkProjects(body.role, projects);
    try {
      const user = await this.accounts.add({ ...body, projects });
      return { ...user, projects: [...user.projects] };
    } catch (error) {
      if (error instanceof DuplicateUserError) throw new AuthProblem(409, 'USER.EMAIL_TAKEN', error.message);
      throw error;
    }
  }

  /**
   * Changes a local account's role, projects or whether it is disabled; If-Match with the
   * account's version (from the list or the ETag). A disabled account's sessions end at once.
   * 400 when a role other than admin would have no project; 404 `USER.NOT_FOUND`;
   * 409 `USER.LAST_ADMIN` (no enabled admin would remain), `CONCURRENCY.VERSION_MISMATCH`
   * (stale If-Match); 404 `AUTH.LOCAL_ACCOUNTS_OFF` in OIDC mode (the provider decides there).
   */
  @Patch(':userId')
  @Access('users.change')
  @ApiHeader({ name: 'If-Match', required: false, description: "The account's version last seen; a stale one is answered 409" })
  @ApiOkResponse({ type: ListedUserDto })
  async change(@Param('userId') userId: string, @Body() body: ChangeUserDto, @Caller() caller: RequestContext, @Res({ passthrough: true }) response: Response): Promise<ListedUserDto> {
    if (!this.accounts) throw localAccountsOff();
    const current = (await this.accounts.list()).find((u) => u.id === userId);
    if (!current) throw new AuthProblem(404, 'USER.NOT_FOUND', 'No such user');
    checkProjects(body.role ?? current.role, body.projects ?? current.projects);
    try {
      const changed = await this.accounts.change(userId, body, caller.expectedVersion);
      // Who changed whom and what, by pseudonymous ids only: never an e-mail address or a name.
      this.logger.log({ msg: 'user account changed', userId, by: caller.actor, role: changed.role, projects: changed.projects.length, disabled: changed.disabled, correlationId: caller.correlationId });
      setVersion(response, changed.version);
      return { ...changed, projects: [...changed.projects] };
    } catch (error) {
      if (error instanceof UserNotFoundError) throw new AuthProblem(404, 'USER.NOT_FOUND', error.message);
      if (error instanceof LastAdminError) throw new AuthProblem(409, 'USER.LAST_ADMIN', error.message);
      if (error instanceof AccountVersionMismatchError) throw new AuthProblem(409, 'CONCURRENCY.VERSION_MISMATCH', error.message);
      throw error;
    }
  }
}
