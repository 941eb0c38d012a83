import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DuplicateUserError, LocalAccounts } from '@pathway/users';
import { Access } from '../auth/access.decorator';
import { AuthProblem } from '../auth/auth-errors';
import { RequestValidationError } from '../http/problem';
import { AddUserDto } from './add-user.dto';
import { LOCAL_ACCOUNTS } from './local-accounts.provider';
import { SessionUserDto } from './sign-in.dto';

/** Admins add local accounts (embedded mode); the admin screens for it come with the web app's part 2. */
@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(@Inject(LOCAL_ACCOUNTS) private readonly accounts: LocalAccounts | null) {}

  /**
   * 201 with the new user (without the password); 400 when a role other than admin names no
   * project; 409 `USER.EMAIL_TAKEN`; 404 `AUTH.LOCAL_ACCOUNTS_OFF` when AUTH_ISSUER is set.
   */
  @Post()
  @HttpCode(201)
  @Access('users.add')
  async add(@Body() body: AddUserDto): Promise<SessionUserDto> {
    if (!this.accounts) throw new AuthProblem(404, 'AUTH.LOCAL_ACCOUNTS_OFF', 'Users come from the organisation\'s identity provider (AUTH_ISSUER is set)');
    const projects = body.projects ?? [];
    if (body.role !== 'admin' && projects.length === 0) {
      throw new RequestValidationError([{ field: 'projects', reason: `a ${body.role} works in at least one project` }]);
    }
    try {
      const user = await this.accounts.add({ ...body, projects });
      return { ...user, projects: [...user.projects] };
    } catch (error) {
      if (error instanceof DuplicateUserError) throw new AuthProblem(409, 'USER.EMAIL_TAKEN', error.message);
      throw error;
    }
  }
}
