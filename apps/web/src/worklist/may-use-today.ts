import { SessionUser } from '../api/client';

/**
 * Whether to offer the Today screen: the worklist is the caseworkers' (and admins'); the API's
 * access policy (`worklist.read`) is the judge, this only keeps the app from offering what the
 * role may not open.
 */
export const mayUseToday = (role: SessionUser['role']): boolean => role === 'caseworker' || role === 'admin';
