import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Principal } from '@pathway/auth';
import { principalOf } from './authenticated-request';

/** The caller, as the AccessGuard verified them. */
export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal => principalOf(context.switchToHttp().getRequest()));
