import { Request } from 'express';
import { Principal } from '@pathway/auth';

/** A request the AccessGuard let through, with the principal its token names. */
export type AuthenticatedRequest = Request & { principal: Principal };

export function principalOf(request: Request): Principal {
  const { principal } = request as Partial<AuthenticatedRequest>;
  if (!principal) throw new Error('No principal: the route is public or the AccessGuard did not run');
  return principal;
}
