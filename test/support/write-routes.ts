import { EVENT_STORE, EventStore } from '@pathway/event-store';
import { entryProfile, framtidProject } from './fixtures';
import { TestApp } from './test-app';

/** A write route with a body that it accepts, for tests that spoil one part of it at a time. */
export interface WriteRoute {
  name: string;
  method: 'post' | 'patch' | 'put' | 'delete';
  path: string;
  caller: (t: TestApp) => TestApp['admin'];
  /** A body the route accepts, holding every field its DTO declares (optional ones included). */
  body: Record<string, unknown>;
}

/** Participants the routes below write to; `setUpWriteRoutes` enrols them. */
export const ROUTE_PARTICIPANT = 'route-p-1';
export const ERASE_PARTICIPANT = 'route-p-erase';
/** Withdrawn by its route as a duplicate of ROUTE_PARTICIPANT, so the milestone routes stay open. */
export const WITHDRAW_PARTICIPANT = 'route-p-withdraw';

const personal = {
  name: 'Anna Andersson',
  dateOfBirth: '2003-08-14',
  nationalIdentityNumber: '200308142384',
  phone: '+46 70 123 45 67',
  email: 'anna@example.com',
  address: 'Storgatan 1\n702 10 Örebro',
  notes: 'Prefers mornings.\nSpeaks Swedish and Arabic.',
  protectedIdentity: false,
};

const milestones: Record<string, Record<string, unknown>> = {
  'intervention-started': { type: 'intervention-started', occurredOn: '2024-02-01', interventionId: 'ips-1', kind: 'ips' },
  'intervention-ended': { type: 'intervention-ended', occurredOn: '2024-03-01', interventionId: 'ips-1', outcome: 'completed' },
  'school-completed': { type: 'school-completed', occurredOn: '2024-03-01', level: 'compulsory', fullGrades: true },
  'qualification-gained': { type: 'qualification-gained', occurredOn: '2024-03-01', qualification: 'Forklift licence B', iscedLevel: 'isced-3-4' },
  'education-entered': { type: 'education-entered', occurredOn: '2024-03-01', programme: 'upper-secondary' },
  'job-search-started': { type: 'job-search-started', occurredOn: '2024-03-01' },
  'job-placed': { type: 'job-placed', occurredOn: '2024-03-01', employment: 'employee', contract: 'permanent', hoursPerWeek: 40 },
  exited: { type: 'exited', occurredOn: '2024-09-30', reason: 'completed', situation: 'employed' },
  'follow-up-recorded': { type: 'follow-up-recorded', occurredOn: '2025-03-31', monthsAfterExit: 6, situation: 'employed', improvedSituation: true },
  're-entered': { type: 're-entered', occurredOn: '2024-10-15' },
  'group-session-attended': { type: 'group-session-attended', occurredOn: '2024-03-01', sessionId: 'session-1', kind: 'workshop' },
};

/** Every write route, once per milestone type. */
export const WRITE_ROUTES: WriteRoute[] = [
  { name: 'register project', method: 'post', path: '/api/v1/projects', caller: (t) => t.admin, body: { ...framtidProject, id: 'route-project', timeZone: 'Europe/Stockholm' } },
  {
    name: 'enrol',
    method: 'post',
    path: '/api/v1/projects/22-015-S01/participants',
    caller: (t) => t.caseworker,
    body: { participantId: 'route-p-new', enrolledOn: '2024-01-15', profile: { ...entryProfile, disability: false, minority: true }, personal },
  },
  ...Object.entries(milestones).map(([type, body]): WriteRoute => ({
    name: `milestone ${type}`,
    method: 'post',
    path: `/api/v1/participants/${ROUTE_PARTICIPANT}/milestones`,
    caller: (t) => t.caseworker,
    body,
  })),
  {
    name: 'retraction',
    method: 'post',
    path: `/api/v1/participants/${ROUTE_PARTICIPANT}/retractions`,
    caller: (t) => t.caseworker,
    body: { eventId: '5f0c6a32-57c8-4a53-9f8c-0c6f2d2c2f10', reason: 'Recorded for the wrong person' },
  },
  {
    name: 'correction',
    method: 'post',
    path: `/api/v1/participants/${ROUTE_PARTICIPANT}/corrections`,
    caller: (t) => t.caseworker,
    body: { corrected: { enrolledOn: '2024-01-10', birthDate: '2003-08-15', gender: 'man', disability: true }, reason: 'Typed wrong at enrolment' },
  },
  {
    name: 'withdrawal',
    method: 'post',
    path: `/api/v1/participants/${WITHDRAW_PARTICIPANT}/withdrawal`,
    caller: (t) => t.caseworker,
    body: { ground: 'duplicate', duplicateOf: ROUTE_PARTICIPANT, reason: 'Enrolled twice' },
  },
  {
    name: 'contact details',
    method: 'patch',
    path: `/api/v1/participants/${ROUTE_PARTICIPANT}/contact-details`,
    caller: (t) => t.caseworker,
    body: { phone: '+46 70 765 43 21', email: 'a.andersson@example.com', address: 'Drottninggatan 2\n702 11 Örebro', protectedIdentity: false },
  },
  {
    name: 'erasure',
    method: 'delete',
    path: `/api/v1/participants/${ERASE_PARTICIPANT}/personal-data`,
    caller: (t) => t.admin,
    body: { reason: 'GDPR art. 17 request, ticket 4711' },
  },
  {
    name: 'group session',
    method: 'post',
    path: '/api/v1/projects/22-015-S01/group-sessions',
    caller: (t) => t.caseworker,
    body: { occurredOn: '2024-03-01', kind: 'workshop', participantIds: [ROUTE_PARTICIPANT] },
  },
  {
    name: 'retention',
    method: 'put',
    path: '/api/v1/projects/22-015-S01/retention',
    caller: (t) => t.admin,
    body: { retentionEnd: '2031-12-31', lastPaymentOn: '2026-06-10', basis: 'Regulation (EU) 2021/1060, Article 82' },
  },
  {
    name: 'project details',
    method: 'put',
    path: '/api/v1/projects/22-015-S01/details',
    caller: (t) => t.admin,
    body: { name: '#framtid', startDate: '2023-03-31', endDate: '2026-09-30', plannedParticipants: 95, timeZone: 'Europe/Stockholm', reason: 'Amended funding decision 2024-05-02' },
  },
  {
    name: 'report submission',
    method: 'post',
    path: '/api/v1/projects/22-015-S01/reports',
    caller: (t) => t.admin,
    body: { from: '2024-01-01', to: '2024-12-31', asKnownOn: '2025-01-31' },
  },
  {
    name: 'participant file sent',
    method: 'post',
    path: '/api/v1/projects/22-015-S01/participant-files/2024-01/sent',
    caller: (t) => t.admin,
    body: { asKnownOn: '2024-02-05T09:00:00Z', fileDigest: `sha-256=${'A'.repeat(43)}=` },
  },
];

/** The project and the participants the routes write to. */
export async function setUpWriteRoutes(t: TestApp): Promise<void> {
  await t.admin.post('/api/v1/projects').send(framtidProject).expect(201);
  for (const participantId of [ROUTE_PARTICIPANT, ERASE_PARTICIPANT, WITHDRAW_PARTICIPANT]) {
    await t.caseworker
      .post('/api/v1/projects/22-015-S01/participants')
      .send({ participantId, enrolledOn: '2024-01-15', profile: entryProfile, personal: { name: 'Anna Andersson' } })
      .expect(201);
  }
}

/** The position of the last event in the log, from the app's own event store: unchanged by a refused request. */
export const headPosition = (t: TestApp): Promise<number> => t.app.get<EventStore>(EVENT_STORE).headPosition();

/** Sends a raw body (a string, so it can be malformed) with the given content type. */
export function sendRaw(t: TestApp, route: WriteRoute, raw: string, contentType = 'application/json', path = route.path) {
  return route.caller(t)[route.method](path).set('Content-Type', contentType).send(raw);
}
