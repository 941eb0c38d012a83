import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLocalTokens } from '@pathway/config';
import { ROOT } from './support/cli';
import { entryProfile, framtidProject } from './support/fixtures';
import { removeDir } from './support/test-app';

/** The person of this file: distinctive values, so finding one in the logs means it leaked. */
const IMOGEN = {
  name: 'Imogen Vallsgårde-Thistlewood',
  dateOfBirth: '1958-03-17',
  phone: '+46 76 313 62 90',
  email: 'imogen.thistlewood@example.com',
  address: 'Lindormsvägen 41, 703 59 Örebro',
  nationalIdentityNumber: '195803174482',
  notes: 'Trained as a glassblower at the Orrefors-Hjortkvarn studio',
};
const IMOGEN_NEW_EMAIL = 'i.vallsgarde@example.com';
const PLAINTEXT = [...Object.values(IMOGEN), IMOGEN_NEW_EMAIL, 'Thistlewood', 'Vallsgårde', 'Lindormsvägen', 'Hjortkvarn', '313 62 90'];

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/** The API as it runs in production: its own process, logging at the most talkative level. */
describe('the logs of a whole story', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'pathway-logs-'));
  let api: ChildProcess;
  let logs = '';
  const tokens: string[] = [];
  const statuses: number[] = [];

  beforeAll(async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    api = spawn('node', ['-r', '@swc-node/register', 'apps/api/src/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'trace', RUN_PROJECTOR: 'true', EVENT_STORE: 'sqlite', READ_MODEL_DB: 'sqlite' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    api.stdout!.on('data', (chunk: Buffer) => (logs += chunk.toString('utf8')));
    api.stderr!.on('data', (chunk: Buffer) => (logs += chunk.toString('utf8')));

    const deadline = Date.now() + 60_000;
    for (;;) {
      if (api.exitCode !== null) throw new Error(`the API exited with ${api.exitCode}:\n${logs}`);
      const up = await fetch(`${base}/health`).then((r) => r.ok, () => false);
      if (up) break;
      if (Date.now() > deadline) throw new Error(`the API did not start:\n${logs}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    const issuer = await openLocalTokens(dataDir);
    const mint = async (role: 'admin' | 'caseworker' | 'evaluator' | 'funder', projects: string[]) => {
      const token = await issuer.mint({ subject: `logs-${role}`, role, projects });
      tokens.push(token);
      return token;
    };
    const admin = await mint('admin', []);
    const caseworker = await mint('caseworker', ['22-015-S01']);
    const evaluator = await mint('evaluator', ['22-015-S01']);
    const funder = await mint('funder', ['22-015-S01']);
    const call = async (method: string, path: string, token: string | null, body?: unknown) => {
      const response = await fetch(`${base}${path}`, {
        method,
        headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      await response.arrayBuffer();
      statuses.push(response.status);
      return response.status;
    };
    const participant = '/api/v1/participants/logs-participant-1';

    expect(await call('POST', '/api/v1/projects', admin, framtidProject)).toBe(201);
    expect(await call('POST', '/api/v1/projects/22-015-S01/participants', caseworker, { participantId: 'logs-participant-1', enrolledOn: '2024-01-15', profile: entryProfile, personal: IMOGEN })).toBe(201);
    const invalid = { participantId: 'logs-participant-2', enrolledOn: '2024-01-15', profile: entryProfile, personal: { email: IMOGEN.name, notes: `${IMOGEN.notes} ${'x'.repeat(4000)}` } };
    expect(await call('POST', '/api/v1/projects/22-015-S01/participants', caseworker, invalid)).toBe(400);
    expect(await call('PATCH', `${participant}/contact-details`, caseworker, { email: IMOGEN_NEW_EMAIL, phone: null })).toBe(200);
    // The read models catch up in the background: the view answers 404 until they have.
    for (let tries = 0; (await call('GET', participant, caseworker)) !== 200; tries++) {
      if (tries > 100) throw new Error('the participant never appeared in the read models');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await call('GET', participant, evaluator)).toBe(200);
    expect(await call('DELETE', `${participant}/personal-data`, admin, { reason: 'GDPR art. 17 request, ticket LG-12' })).toBe(200);
    expect(await call('PATCH', `${participant}/contact-details`, caseworker, { address: IMOGEN.address })).toBe(409);
    expect(await call('GET', '/api/v1/participants/logs-nobody', caseworker)).toBe(404);
    // A filter carrying a name and a phone number (issue 14 §6): logged by path only.
    expect(await call('GET', `/api/v1/projects/22-015-S01/participants?status=${encodeURIComponent(IMOGEN.name)}&phone=${encodeURIComponent(IMOGEN.phone)}`, caseworker)).toBe(400);
    expect(await call('GET', `/api/v1/projects/22-015-S01/participants?status=active&note=${encodeURIComponent(IMOGEN.notes)}`, caseworker)).toBe(400);
    expect(await call('GET', participant, null)).toBe(401);
    expect(await call('GET', participant, `${caseworker.slice(0, -4)}AAAA`)).toBe(401);
    expect(await call('GET', participant, funder)).toBe(403);

    api.kill('SIGTERM');
    if (api.exitCode === null && api.signalCode === null) await once(api, 'exit');
  }, 90_000);

  afterAll(async () => {
    if (api && api.exitCode === null && api.signalCode === null) {
      api.kill('SIGKILL');
      await once(api, 'exit');
    }
    removeDir(dataDir);
  });

  it('logged each request with its status code (so the checks below can fail)', () => {
    const logged = [...logs.matchAll(/"statusCode":(\d{3})/g)].map((m) => Number(m[1]));
    expect(new Set(logged)).toEqual(new Set(statuses));
    expect(statuses).toEqual(expect.arrayContaining([200, 201, 400, 401, 403, 404, 409]));
    expect(logs).toContain('logs-participant-1');
  });

  it('stopped cleanly on SIGTERM', () => {
    expect(api.exitCode === 0 || api.signalCode === 'SIGTERM').toBe(true);
  });

  it('holds none of the personal data, not even from the refused request', () => {
    expect(PLAINTEXT.filter((value) => logs.includes(value))).toEqual([]);
  });

  it('holds no query string, in plain text or percent-encoded', () => {
    const encoded = PLAINTEXT.flatMap((value) => [encodeURIComponent(value), new URLSearchParams({ v: value }).toString().slice(2)]);
    expect(encoded.filter((value) => logs.includes(value))).toEqual([]);
    expect(logs).not.toMatch(/participants\?/);
  });

  it('holds no bearer token', () => {
    expect(tokens).toHaveLength(4);
    expect(tokens.filter((token) => logs.includes(token) || logs.includes(token.split('.')[2]))).toEqual([]);
    expect(logs).not.toMatch(/authorization|bearer/i);
  });

  it('holds no stack trace', () => {
    expect(logs).not.toMatch(/^\s+at /m);
  });
});
