import { entryProfile, framtidProject } from './support/fixtures';
import { removeDir, startApp, TestApp } from './support/test-app';
import { projected } from './support/wait-for';

const PERSON = { name: 'Metrika Provsdotter', dateOfBirth: '1990-01-01', nationalIdentityNumber: '199001019876' };
const PARTICIPANT = 'metrics-participant-7f3a';

/** The value of the one sample of `name` whose labels include every given pair, or undefined. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^(\w+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const has = Object.entries(labels).every(([key, value]) => (match[2] ?? '').split(',').includes(`${key}="${value}"`));
    if (has) return Number(match[3]);
  }
  return undefined;
}

/** GET /metrics: what an operator scrapes, after real requests through the app. */
describe('metrics', () => {
  let t: TestApp;
  let text: string;

  beforeAll(async () => {
    t = await startApp();
    await t.admin.post('/api/v1/projects').send(framtidProject).expect(201);
    await t.caseworker
      .post(`/api/v1/projects/${framtidProject.id}/participants`)
      .send({ participantId: PARTICIPANT, enrolledOn: '2024-01-15', profile: entryProfile, personal: PERSON })
      .expect(201);
    await projected(t);
    await t.caseworker.get(`/api/v1/participants/${PARTICIPANT}`).expect(200);
    await t.caseworker.get('/api/v1/participants/metrics-nobody').expect(404);
    text = (await t.anonymous().get('/metrics').expect(200).expect('Content-Type', /text\/plain/)).text;
  }, 60_000);

  afterAll(async () => {
    await t.close();
    removeDir(t.dataDir);
  });

  it('times requests by method, route template and status, never by the path with its ids', () => {
    const histogram = 'pathway_http_request_duration_seconds_count';
    expect(sample(text, histogram, { method: 'POST', route: '/api/v1/projects', status: '201' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, histogram, { method: 'GET', route: '/api/v1/participants/:participantId', status: '200' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, histogram, { method: 'GET', route: '/api/v1/participants/:participantId', status: '404' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'pathway_http_request_duration_seconds_bucket', { route: '/api/v1/projects', le: '+Inf' })).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain(PARTICIPANT);
    expect(text).not.toContain('metrics-nobody');
  });

  it('counts appended events and the calls to the event store, key store and audit log', () => {
    // The project's registration and the enrolment: at least two events in this process.
    expect(sample(text, 'pathway_events_appended_total')).toBeGreaterThanOrEqual(2);
    expect(sample(text, 'pathway_store_operations_total', { store: 'event-store', operation: 'append', outcome: 'ok' })).toBeGreaterThanOrEqual(2);
    expect(sample(text, 'pathway_store_operations_total', { store: 'key-store', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'pathway_store_operations_total', { store: 'audit-log', operation: 'record', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
  });

  it('says how far behind each projection is, in events and in seconds', () => {
    expect(sample(text, 'pathway_projection_lag_events', { projection: 'outcomes' })).toBe(0);
    expect(sample(text, 'pathway_projection_lag_seconds', { projection: 'outcomes' })).toBe(0);
  });

  it("serves the process's own figures and nothing personal", () => {
    expect(sample(text, 'pathway_process_cpu_seconds_total')).toBeGreaterThan(0);
    expect(sample(text, 'pathway_nodejs_eventloop_lag_p99_seconds')).toBeGreaterThanOrEqual(0);
    for (const value of Object.values(PERSON)) expect(text).not.toContain(value);
  });
});
