import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PORT } from '../playwright.config';
import { ADMIN, ARCHIVE_PROJECT, ARCHIVED, AUDITED, CASEWORKER, COMPARE_EVALUATOR, COMPARE_FIRST, COMPARE_LATE, COMPARE_LATE_EXIT, COMPARE_PROJECT, CORRECTION_PROJECT, CORRECTOR, DUPLICATES_CASEWORKER, DUPLICATES_PROJECT, EMPTY_PROJECT, ENROL_PROJECT, ENROLLED, ENROLLER, ERASED, EVALUATOR, FILE_PROJECT, FUNDED_PARTICIPANTS, PF_PROJECT, FUNDED_PROJECT, FUNDER, GROUP_CASEWORKER, GROUP_PROJECT, IMPORT_PROJECTS, IMPORTER, PARTICIPANTS, PROJECT, RECORDER, RECORDING_PROJECT, RECORDS_PROJECT, REPORT_EMPTY_PROJECT, REPORT_EVALUATOR, REPORT_LATE_PARTICIPANT, REPORT_PARTICIPANTS, REPORT_PROJECT, RETENTION_PROJECTS, SUBMITTED_FIRST, SUBMITTED_LATE, SUBMITTED_PROJECT, TO_ERASE, TODAY_PROJECT, EVALWEB_EVALUATOR, MANY_PROJECT, UNSUBMITTED_PROJECT, DETAILS_PROJECTS, DETAILS_USERS } from './seed';

const ROOT = join(__dirname, '..', '..', '..');
const API = join(ROOT, 'dist/apps/api/apps/api/src/main.js');
const CLI = join(ROOT, 'dist/apps/cli/apps/cli/src/main.js');

/**
 * Starts the built app on a fresh SQLite data directory, adds the test users with
 * `pathway users add`, and registers a project with participants through the API, as an
 * installation's first day would. Returns the teardown that stops it.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pathway-web-'));
  const { KAFKA_BROKERS: _kafka, ...inherited } = process.env;
  const env = { ...inherited, DATA_DIR: dataDir, PORT: String(PORT), LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '0' };
  const cli = (args: string[], input?: string) => execFileSync('node', [CLI, ...args], { env, input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'ignore'] }).trim();
  // The caseworker also works in the Today project and an empty one; the evaluator in the first only.
  for (const [user, projects] of [[CASEWORKER, [PROJECT, TODAY_PROJECT, EMPTY_PROJECT]], [EVALUATOR, [PROJECT]]] as const) {
    cli(['users', 'add', '--role', user.role, '--email', user.email, '--name', user.name, ...projects.flatMap((p) => ['--project', p.id])], `${user.password}\n`);
  }
  cli(['users', 'add', '--role', ENROLLER.role, '--email', ENROLLER.email, '--name', ENROLLER.name, '--project', ENROL_PROJECT.id], `${ENROLLER.password}\n`);
  cli(['users', 'add', '--role', RECORDER.role, '--email', RECORDER.email, '--name', RECORDER.name, '--project', RECORDING_PROJECT.id], `${RECORDER.password}\n`);
  cli(['users', 'add', '--role', ADMIN.role, '--email', ADMIN.email, '--name', ADMIN.name], `${ADMIN.password}\n`);
  const g = GROUP_CASEWORKER;
  cli(['users', 'add', '--role', g.role, '--email', g.email, '--name', g.name, '--project', GROUP_PROJECT.id], `${g.password}\n`);
  cli(['users', 'add', '--role', CORRECTOR.role, '--email', CORRECTOR.email, '--name', CORRECTOR.name, '--project', CORRECTION_PROJECT.id], `${CORRECTOR.password}\n`);
  const d = DUPLICATES_CASEWORKER;
  cli(['users', 'add', '--role', d.role, '--email', d.email, '--name', d.name, '--project', DUPLICATES_PROJECT.id], `${d.password}\n`);
  const r = REPORT_EVALUATOR;
  cli(['users', 'add', '--role', r.role, '--email', r.email, '--name', r.name, '--project', REPORT_PROJECT.id, '--project', REPORT_EMPTY_PROJECT.id], `${r.password}\n`);
  cli(['users', 'add', '--role', IMPORTER.role, '--email', IMPORTER.email, '--name', IMPORTER.name, ...Object.values(IMPORT_PROJECTS).flatMap((p) => ['--project', p.id])], `${IMPORTER.password}\n`);
  const c = COMPARE_EVALUATOR;
  cli(['users', 'add', '--role', c.role, '--email', c.email, '--name', c.name, '--project', COMPARE_PROJECT.id], `${c.password}\n`);
  const v = EVALWEB_EVALUATOR;
  cli(['users', 'add', '--role', v.role, '--email', v.email, '--name', v.name, '--project', SUBMITTED_PROJECT.id, '--project', UNSUBMITTED_PROJECT.id, '--project', MANY_PROJECT.id], `${v.password}\n`);
  for (const locale of ['sv', 'en'] as const) {
    const u = DETAILS_USERS[locale];
    cli(['users', 'add', '--role', u.role, '--email', u.email, '--name', u.name, '--project', DETAILS_PROJECTS[locale].id], `${u.password}\n`);
  }
  cli(['users', 'add', '--role', FUNDER.role, '--email', FUNDER.email, '--name', FUNDER.name, '--project', FUNDED_PROJECT.id], `${FUNDER.password}\n`);
  const server = spawn('node', [API], { env, stdio: ['ignore', 'inherit', 'inherit'] });
  const stop = async () => {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await seed(`http://127.0.0.1:${PORT}`, cli);
  } catch (error) {
    await stop();
    throw error;
  }
  return stop;
}

/** The project and its participants, through the API as a caseworker would record them; waits for the read models. */
async function seed(base: string, cli: (args: string[]) => string): Promise<void> {
  await waitFor(async () => (await fetch(`${base}/health`)).ok);

  const call = async (token: string, method: string, path: string, body?: unknown) => {
    const response = await fetch(`${base}/api/v1${path}`, { method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response.json();
  };
  const admin = cli(['token', '--role', 'admin']);
  const caseworker = cli(['token', '--role', 'caseworker', '--project', PROJECT.id]);
  // Made before the calls start: the CLI blocks this process, and a kept-alive socket the server
  // closes meanwhile would fail the next fetch ("other side closed").
  const enroller = cli(['token', '--role', 'caseworker', '--project', ENROL_PROJECT.id]);
  const reportCaseworker = cli(['token', '--role', 'caseworker', '--project', REPORT_PROJECT.id]);
  const compareCaseworker = cli(['token', '--role', 'caseworker', '--project', COMPARE_PROJECT.id]);
  const todayCaseworker = cli(['token', '--role', 'caseworker', '--project', TODAY_PROJECT.id, '--project', EMPTY_PROJECT.id]);
  const fundedCaseworker = cli(['token', '--role', 'caseworker', '--project', FUNDED_PROJECT.id]);
  const archivist = cli(['token', '--role', 'caseworker', '--project', ARCHIVE_PROJECT.id]);
  const fileCaseworker = cli(['token', '--role', 'caseworker', '--project', FILE_PROJECT.id]);
  const pfCaseworker = cli(['token', '--role', 'caseworker', '--project', PF_PROJECT.id]);
  const recordsCaseworker = cli(['token', '--role', 'caseworker', '--project', RECORDS_PROJECT.id]);
  const submittedCaseworker = cli(['token', '--role', 'caseworker', '--project', SUBMITTED_PROJECT.id, '--project', MANY_PROJECT.id]);
  const detailsCaseworker = cli(['token', '--role', 'caseworker', ...Object.values(DETAILS_PROJECTS).flatMap((p) => ['--project', p.id])]);
  await call(admin, 'POST', '/projects', PROJECT.registration);
  await call(admin, 'POST', '/projects', RECORDING_PROJECT.registration);
  await call(admin, 'POST', '/projects', GROUP_PROJECT.registration);
  await call(admin, 'POST', '/projects', CORRECTION_PROJECT.registration);
  await call(admin, 'POST', '/projects', DUPLICATES_PROJECT.registration);
  for (const project of Object.values(IMPORT_PROJECTS)) await call(admin, 'POST', '/projects', project.registration);
  for (const p of PARTICIPANTS) {
    await call(caseworker, 'POST', `/projects/${PROJECT.id}/participants`, { participantId: p.id, enrolledOn: p.enrolledOn, profile: PROJECT.profile, personal: { name: p.name } });
    for (const milestone of p.milestones) await call(caseworker, 'POST', `/participants/${p.id}/milestones`, milestone);
  }
  type Timeline = { timeline: Array<{ eventId: string; type: string }> };
  const jobPlacedOf = async (id: string) => ((await call(caseworker, 'GET', `/participants/${id}`)) as Timeline).timeline.find((m) => m.type === 'JobPlaced');
  await waitFor(async () => (await jobPlacedOf(PARTICIPANTS[0].id)) !== undefined);
  const jobPlaced = (await jobPlacedOf(PARTICIPANTS[0].id))!;
  await call(caseworker, 'POST', `/participants/${PARTICIPANTS[0].id}/retractions`, { eventId: jobPlaced.eventId, reason: 'Registrerad två gånger' });
  await waitFor(async () => ((await call(caseworker, 'GET', `/projects/${PROJECT.id}/participants?limit=1`)) as { total: number }).total === PARTICIPANTS.length);
  await seedEnrolProject(call, admin, enroller);
  await seedReportProject(call, admin, reportCaseworker);
  await seedCompareProject(call, admin, compareCaseworker);
  await waitFor(async () => ((await call(caseworker, 'GET', `/participants/${PARTICIPANTS[0].id}`)) as { timeline: Array<{ retracted: unknown }> }).timeline.some((m) => m.retracted));

  await call(admin, 'POST', '/projects', TODAY_PROJECT.registration);
  await call(admin, 'POST', '/projects', EMPTY_PROJECT.registration);
  for (const p of TODAY_PROJECT.participants) {
    await call(todayCaseworker, 'POST', `/projects/${TODAY_PROJECT.id}/participants`, { participantId: p.id, enrolledOn: p.enrolledOn, profile: PROJECT.profile, personal: { name: `Seeded Today Person ${p.id}` } });
    for (const milestone of p.milestones) await call(todayCaseworker, 'POST', `/participants/${p.id}/milestones`, milestone);
  }
  // Seven of the eight have something to do (see seed.ts): wait until the read models show all seven.
  const worklist = async () => ((await call(todayCaseworker, 'GET', `/projects/${TODAY_PROJECT.id}/worklist`)) as { items: unknown[] }).items;
  await waitFor(async () => (await worklist()).length === 7);
  await seedDataProtection(call, admin, archivist);
  await seedFileProject(base, call, admin, fileCaseworker);
  await seedParticipantFileProject(base, call, admin, pfCaseworker);
  await seedRecords(call, admin, recordsCaseworker);
  await seedFundedProject(call, admin, fundedCaseworker);
  await seedSubmittedProject(call, admin, submittedCaseworker);
  for (const project of Object.values(DETAILS_PROJECTS)) {
    await call(admin, 'POST', '/projects', project.registration);
    await call(detailsCaseworker, 'POST', `/projects/${project.id}/participants`, { participantId: project.enrolled.id, enrolledOn: project.enrolled.enrolledOn, profile: PROJECT.profile });
  }
}

/** Erasure, audit log and reports (admin-records.pw.ts): see RECORDS_PROJECT in seed.ts. */
async function seedRecords(call: (token: string, method: string, path: string, body?: unknown) => Promise<unknown>, admin: string, caseworker: string): Promise<void> {
  await call(admin, 'POST', '/projects', RECORDS_PROJECT.registration);
  for (const person of [TO_ERASE.sv, TO_ERASE.en, AUDITED]) {
    await call(caseworker, 'POST', `/projects/${RECORDS_PROJECT.id}/participants`, { participantId: person.id, enrolledOn: person.enrolledOn, profile: PROJECT.profile, personal: { name: person.name } });
  }
  await waitFor(async () => ((await call(caseworker, 'GET', `/projects/${RECORDS_PROJECT.id}/participants?limit=1`)) as { total: number }).total === 3);
  // The caseworker opens the pathway with the personal data: the API writes the read to the audit log.
  await waitFor(async () => ((await call(caseworker, 'GET', `/participants/${AUDITED.id}`)) as { personalData?: { status: string } }).personalData?.status === 'recorded');
}

/** Subject access and retention (data-protection.pw.ts): see ARCHIVE_PROJECT in seed.ts. */
async function seedDataProtection(call: (token: string, method: string, path: string, body?: unknown) => Promise<unknown>, admin: string, caseworker: string): Promise<void> {
  await call(admin, 'POST', '/projects', ARCHIVE_PROJECT.registration);
  for (const project of Object.values(RETENTION_PROJECTS)) await call(admin, 'POST', '/projects', project.registration);
  for (const person of [ARCHIVED, ERASED]) {
    await call(caseworker, 'POST', `/projects/${ARCHIVE_PROJECT.id}/participants`, { participantId: person.id, enrolledOn: person.enrolledOn, profile: PROJECT.profile, personal: { name: person.name } });
  }
  await call(caseworker, 'POST', `/participants/${ARCHIVED.id}/milestones`, ARCHIVED.milestone);
  await call(admin, 'DELETE', `/participants/${ERASED.id}/personal-data`, { reason: ERASED.reason });
  await call(admin, 'PUT', `/projects/${ARCHIVE_PROJECT.id}/retention`, ARCHIVE_PROJECT.retention);
  type Passed = { projects: Array<{ projectId: string; participantsToErase: number }> };
  await waitFor(async () => ((await call(admin, 'GET', '/admin/retention')) as Passed).projects.some((p) => p.projectId === ARCHIVE_PROJECT.id && p.participantsToErase === 1));
}

/** The participant file's project (seed.ts): two months sent, then a late enrolment in the first. */
async function seedFileProject(base: string, call: (token: string, method: string, path: string, body?: unknown) => Promise<unknown>, admin: string, caseworker: string): Promise<void> {
  const files = `/projects/${FILE_PROJECT.id}/participant-files`;
  await call(admin, 'POST', '/projects', FILE_PROJECT.registration);
  await call(caseworker, 'POST', `/projects/${FILE_PROJECT.id}/participants`, { participantId: 'f-0001', enrolledOn: `${FILE_PROJECT.first}-10`, profile: PROJECT.profile });
  for (const month of [FILE_PROJECT.first, FILE_PROJECT.second]) {
    const response = await fetch(`${base}/api/v1${files}/${month}?format=csv`, { headers: { Authorization: `Bearer ${admin}` } });
    if (!response.ok) throw new Error(`GET ${files}/${month}: ${response.status}`);
    await call(admin, 'POST', `${files}/${month}/sent`, { asKnownOn: response.headers.get('x-as-known-on'), fileDigest: response.headers.get('digest') });
  }
  await new Promise((resolve) => setTimeout(resolve, 10)); // the late enrolment is recorded after the files' instant
  await call(caseworker, 'POST', `/projects/${FILE_PROJECT.id}/participants`, { participantId: 'f-0002', enrolledOn: `${FILE_PROJECT.first}-20`, profile: PROJECT.profile });
  type Worklist = { participantFiles?: { resend: unknown[] } };
  await waitFor(async () => ((await call(admin, 'GET', `/projects/${FILE_PROJECT.id}/worklist`)) as Worklist).participantFiles?.resend.length === 2);
}

/** The participant file's screen (see PF_PROJECT): the first two months sent, then a late enrolment in the first. */
async function seedParticipantFileProject(base: string, call: (token: string, method: string, path: string, body?: unknown) => Promise<unknown>, admin: string, caseworker: string): Promise<void> {
  const [first, second] = PF_PROJECT.months;
  const files = `/projects/${PF_PROJECT.id}/participant-files`;
  await call(admin, 'POST', '/projects', PF_PROJECT.registration);
  await call(caseworker, 'POST', `/projects/${PF_PROJECT.id}/participants`, { participantId: 'pf-0001', enrolledOn: `${first}-10`, profile: PROJECT.profile });
  for (const month of [first, second]) {
    const response = await fetch(`${base}/api/v1${files}/${month}?format=csv`, { headers: { Authorization: `Bearer ${admin}` } });
    if (!response.ok) throw new Error(`GET ${files}/${month}: ${response.status}`);
    await call(admin, 'POST', `${files}/${month}/sent`, { asKnownOn: response.headers.get('x-as-known-on'), fileDigest: response.headers.get('digest') });
  }
  await new Promise((resolve) => setTimeout(resolve, 10)); // the late enrolment is recorded after the files' instant
  await call(caseworker, 'POST', `/projects/${PF_PROJECT.id}/participants`, { participantId: 'pf-0002', enrolledOn: `${first}-20`, profile: PROJECT.profile });
  type Month = { status: string };
  await waitFor(async () => ((await call(admin, 'GET', files)) as Month[]).filter((m) => m.status === 'resend').length === 2);
}

/** The enrolment tests' project, with one participant whose identity number the duplicate warning finds. */
async function seedEnrolProject(call: (token: string, method: string, path: string, body?: unknown) => Promise<unknown>, admin: string, caseworker: string): Promise<void> {
  await call(admin, 'POST', '/projects', ENROL_PROJECT.registration);
  const personal = { name: ENROLLED.name, nationalIdentityNumber: ENROLLED.identityNumber };
  await call(caseworker, 'POST', `/projects/${ENROL_PROJECT.id}/participants`, { participantId: ENROLLED.id, enrolledOn: ENROLLED.enrolledOn, profile: PROJECT.profile, personal });
  await waitFor(async () => ((await call(caseworker, 'GET', `/projects/${ENROL_PROJECT.id}/participants?limit=1`)) as { total: number }).total === 1);
}

/**
 * The report tests' projects: six participants, then a whole second after the last of them
 * (`REPORT_KNOWN_ON`, an instant the tests read from the environment) a seventh recorded late.
 */
async function seedReportProject(call: (token: string, method: string, path: string, body?: unknown) => Promise<unknown>, admin: string, caseworker: string): Promise<void> {
  await call(admin, 'POST', '/projects', REPORT_PROJECT.registration);
  await call(admin, 'POST', '/projects', REPORT_EMPTY_PROJECT.registration);
  const enrol = async (p: (typeof REPORT_PARTICIPANTS)[number]) => {
    await call(caseworker, 'POST', `/projects/${REPORT_PROJECT.id}/participants`, { participantId: p.id, enrolledOn: p.enrolledOn, profile: p.profile, personal: { name: `Seeded Report Person ${p.id}` } });
    for (const milestone of p.milestones) await call(caseworker, 'POST', `/participants/${p.id}/milestones`, milestone);
  };
  for (const p of REPORT_PARTICIPANTS) await enrol(p);
  // A whole second strictly after the last commit, so a time typed to the second can name it.
  const knownOn = Math.ceil((Date.now() + 1) / 1000) * 1000;
  process.env.REPORT_KNOWN_ON = new Date(knownOn).toISOString();
  await new Promise((resolve) => setTimeout(resolve, knownOn + 1000 - Date.now()));
  await enrol(REPORT_LATE_PARTICIPANT);
  const total = async () => ((await call(caseworker, 'GET', `/projects/${REPORT_PROJECT.id}/participants?limit=1`)) as { total: number }).total;
  await waitFor(async () => (await total()) === REPORT_PARTICIPANTS.length + 1);
}

/**
 * The comparison's project (seed.ts): two participants, then (after `COMPARE_KNOWN_ON`, an
 * instant the tests read from the environment) a third enrolled and the first leaving.
 */
async function seedCompareProject(call: (token: string, method: string, path: string, body?: unknown) => Promise<unknown>, admin: string, caseworker: string): Promise<void> {
  await call(admin, 'POST', '/projects', COMPARE_PROJECT.registration);
  const enrol = (p: { id: string; profile: unknown; enrolledOn: string }) =>
    call(caseworker, 'POST', `/projects/${COMPARE_PROJECT.id}/participants`, { participantId: p.id, enrolledOn: p.enrolledOn, profile: p.profile, personal: { name: `Seeded Compare Person ${p.id}` } });
  for (const p of COMPARE_FIRST) {
    await enrol(p);
    for (const milestone of p.milestones) await call(caseworker, 'POST', `/participants/${p.id}/milestones`, milestone);
  }
  // A whole second strictly after the last commit, so a time typed to the second can name it.
  const knownOn = Math.ceil((Date.now() + 1) / 1000) * 1000;
  process.env.COMPARE_KNOWN_ON = new Date(knownOn).toISOString();
  await new Promise((resolve) => setTimeout(resolve, knownOn + 1000 - Date.now()));
  await enrol(COMPARE_LATE);
  await call(caseworker, 'POST', `/participants/${COMPARE_FIRST[0].id}/milestones`, COMPARE_LATE_EXIT);
  const total = async () => ((await call(caseworker, 'GET', `/projects/${COMPARE_PROJECT.id}/participants?limit=1`)) as { total: number }).total;
  await waitFor(async () => (await total()) === COMPARE_FIRST.length + 1);
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // not up yet
    }
    if (Date.now() > until) throw new Error('The app did not get ready in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The funder screens' project (seed.ts FUNDED_PROJECT): 7 women, a report submitted, then 2 men. */
async function seedFundedProject(call: (token: string, method: string, path: string, body?: unknown) => Promise<unknown>, admin: string, caseworker: string): Promise<void> {
  await call(admin, 'POST', '/projects', FUNDED_PROJECT.registration);
  const enrol = async (p: (typeof FUNDED_PARTICIPANTS)[number]) =>
    call(caseworker, 'POST', `/projects/${FUNDED_PROJECT.id}/participants`, { participantId: p.id, enrolledOn: '2024-02-01', profile: { ...PROJECT.profile, gender: p.gender }, personal: { name: `Funded Person ${p.id}` } });
  const enrolled = async (n: number) => ((await call(caseworker, 'GET', `/projects/${FUNDED_PROJECT.id}/participants?limit=1`)) as { total: number }).total === n;
  for (const p of FUNDED_PARTICIPANTS.filter((q) => q.submittedBefore)) await enrol(p);
  await waitFor(() => enrolled(7));
  await call(admin, 'POST', `/projects/${FUNDED_PROJECT.id}/reports`, { to: '2024-12-31' });
  for (const p of FUNDED_PARTICIPANTS.filter((q) => !q.submittedBefore)) await enrol(p);
  await waitFor(() => enrolled(9));
}

/** Submitted reports compared with now (seed.ts SUBMITTED_PROJECT): two enrolled, a report submitted for 2025, a third enrolled late. */
async function seedSubmittedProject(call: (token: string, method: string, path: string, body?: unknown) => Promise<unknown>, admin: string, caseworker: string): Promise<void> {
  await call(admin, 'POST', '/projects', SUBMITTED_PROJECT.registration);
  await call(admin, 'POST', '/projects', UNSUBMITTED_PROJECT.registration);
  const enrol = (p: { id: string; profile: unknown; enrolledOn: string }) =>
    call(caseworker, 'POST', `/projects/${SUBMITTED_PROJECT.id}/participants`, { participantId: p.id, enrolledOn: p.enrolledOn, profile: p.profile, personal: { name: `Seeded Submitted Person ${p.id}` } });
  const enrolled = async (n: number) => ((await call(caseworker, 'GET', `/projects/${SUBMITTED_PROJECT.id}/participants?limit=1`)) as { total: number }).total === n;
  for (const p of SUBMITTED_FIRST) await enrol(p);
  await waitFor(() => enrolled(SUBMITTED_FIRST.length));
  await call(admin, 'POST', `/projects/${SUBMITTED_PROJECT.id}/reports`, { from: '2025-01-01', to: '2025-12-31' });
  await new Promise((resolve) => setTimeout(resolve, 10)); // the late enrolment is recorded after the report's instant
  await enrol(SUBMITTED_LATE);
  await waitFor(() => enrolled(SUBMITTED_FIRST.length + 1));

  // Many participants, enrolled a few at a time side by side (each has a stream of its own).
  await call(admin, 'POST', '/projects', MANY_PROJECT.registration);
  const ids = Array.from({ length: MANY_PROJECT.participants }, (_, i) => `many-${String(i + 1).padStart(4, '0')}`);
  for (let i = 0; i < ids.length; i += 15) {
    await Promise.all(ids.slice(i, i + 15).map((participantId) => call(caseworker, 'POST', `/projects/${MANY_PROJECT.id}/participants`, { participantId, enrolledOn: '2025-01-15', profile: PROJECT.profile })));
  }
  const many = async () => ((await call(caseworker, 'GET', `/projects/${MANY_PROJECT.id}/participants?limit=1`)) as { total: number }).total === ids.length;
  await waitFor(many);
}
