import { Request } from 'express';
import { Principal } from '@pathway/auth';
import { UserAccount } from '@pathway/users';

/** A request the AccessGuard let through, with the principal its token or session names (and the session's user). */
export type AuthenticatedRequest = Request & { principal: Principal; sessionUser?: UserAccount };

export function principalOf(request: Request): Principal {
  const { principal } = request as Partial<AuthenticatedRequest>;
  if (!principal) throw new Error('No principal: the route is public or the AccessGuard did not run');
  return principal;
}
