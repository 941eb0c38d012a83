import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { components } from '../api/schema';
import { useSession } from '../session/session';

/** A project whose retention end has passed, with how many participants still hold personal data. */
export type PassedProject = components['schemas']['RetentionWorklistItemDto'];

export type PassedRetention = PassedProject[] | 'loading' | 'forbidden' | 'failed';

/**
 * The admins' retention worklist (`GET /api/v1/admin/retention`): the projects whose retention
 * end has passed on their own calendar, and `reload` to read it again after a change. Only
 * call it for admins (the API answers anyone else 403).
 */
export function usePassedRetention(enabled = true): { passed: PassedRetention; reload: () => Promise<void> } {
  const { expired } = useSession();
  const [passed, setPassed] = useState<PassedRetention>('loading');
  const reload = async () => {
    try {
      const { data, response } = await api.GET('/api/v1/admin/retention');
      if (response.status === 401) return expired();
      setPassed(response.ok && data ? data.projects : response.status === 403 ? 'forbidden' : 'failed');
    } catch {
      setPassed('failed');
    }
  };
  useEffect(() => {
    if (enabled) void reload();
    // Read once when shown; `reload` again after a change.
  }, [enabled]);
  return { passed, reload };
}
