import { SetMetadata } from '@nestjs/common';
import { Action } from './access-policy';

export const ACCESS = 'pathway:access';

/** The action a route performs, checked against the policy table by the AccessGuard. */
export const Access = (action: Action) => SetMetadata(ACCESS, action);

/** A route anyone may call without a token (health). */
export const Public = () => SetMetadata(ACCESS, 'public');
