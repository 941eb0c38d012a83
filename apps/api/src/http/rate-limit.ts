import { ConfigService } from '@nestjs/config';
import { ThrottlerModule } from '@nestjs/throttler';
import { Environment } from '@pathway/config';
import { AuthenticatedRequest } from '../auth/authenticated-request';

/**
 * RATE_LIMIT_PER_MINUTE per token subject: one user's runaway script cannot starve the rest.
 * Runs after the AccessGuard, which names the subject (and refuses requests without a valid
 * token before they count); a public route that is not exempt would count by address.
 */
export const rateLimit = ThrottlerModule.forRootAsync({
  inject: [ConfigService],
  useFactory: (config: ConfigService<Environment, true>) => {
    const limit = config.get('RATE_LIMIT_PER_MINUTE');
    return {
      throttlers: [{ ttl: 60_000, limit: Math.max(limit, 1) }],
      skipIf: () => limit === 0,
      getTracker: (request: Partial<AuthenticatedRequest>) => (request.principal ? `subject:${request.principal.subject}` : `address:${request.ip}`),
      // One budget per caller across all routes (the default keeps one per route).
      generateKey: (_context: unknown, tracker: string) => tracker,
    };
  },
});
