import { api, ParticipantsPage, Problem } from '../api/client';

/** The kinds of session the API takes (GROUP_SESSION_KINDS in libs/domain), in the order the form offers them. */
export const GROUP_SESSION_KINDS = ['workshop', 'study-visit', 'group-activity', 'information-meeting', 'group-guidance'] as const;
export type GroupSessionKind = (typeof GROUP_SESSION_KINDS)[number];

/** One participant's answer from `POST /api/v1/projects/{projectId}/group-sessions`. */
export interface AttendanceRow {
  participantId: string;
  result: 'recorded' | 'already-recorded' | 'refused';
  eventId?: string;
  problem?: { code: string; status: number; title: string; params?: Record<string, string | number> };
}

export type SendOutcome =
  | { status: 'answered'; results: AttendanceRow[] }
  | { status: 'invalid'; problem: Problem }
  | { status: 'expired' }
  | { status: 'failed' };

/**
 * Sends the session (or only some of its rows) under the form's one Idempotency-Key: a row the
 * API wrote before answers `already-recorded`, so a retry after a lost answer is safe too.
 */
export async function sendGroupSession(
  projectId: string,
  idempotencyKey: string,
  body: { occurredOn: string; kind: GroupSessionKind; participantIds: string[] },
): Promise<SendOutcome> {
  try {
    const { data, error, response } = await api.POST('/api/v1/projects/{projectId}/group-sessions', {
      params: { path: { projectId }, header: { 'Idempotency-Key': idempotencyKey } },
      body,
    });
    if (response.status === 401) return { status: 'expired' };
    if (response.ok && data) return { status: 'answered', results: (data as { results: AttendanceRow[] }).results };
    if (response.status === 400) return { status: 'invalid', problem: error as unknown as Problem };
    return { status: 'failed' };
  } catch {
    return { status: 'failed' };
  }
}

/** Every active participant of the project (pages of 500, the API's largest). */
export async function activeParticipants(projectId: string): Promise<ParticipantsPage['items'] | 'expired' | 'failed'> {
  const items: ParticipantsPage['items'] = [];
  for (let offset = 0; ; offset += 500) {
    const { data, response } = await api.GET('/api/v1/projects/{projectId}/participants', {
      // With names: the screen is a caseworker's, who recognises people by name (each name shown is audited).
      params: { path: { projectId }, query: { status: 'active', limit: 500, offset, names: true } as never },
    });
    if (response.status === 401) return 'expired';
    if (!response.ok) return 'failed';
    const page = data as unknown as ParticipantsPage;
    items.push(...page.items);
    if (items.length >= page.total || page.items.length === 0) return items;
  }
}
