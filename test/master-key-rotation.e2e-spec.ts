import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { MasterKeys, SqliteKeyStore } from '@pathway/privacy';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { entryProfile, framtidProject } from './support/fixtures';
import { pathwayWith, ROOT } from './support/cli';
import { removeDir, startApp } from './support/test-app';
import { projected } from './support/wait-for';

/** Replacing the master key: run on both keys, rewrap, drop the old one. Nobody's data is lost. */
describe('replacing the master key', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'pathway-rotation-'));
  const [oldKey, newKey] = [randomBytes(32).toString('hex'), randomBytes(32).toString('hex')];
  const personal = { name: 'Ottilia Rotationsson', phone: '+46 70 111 22 33' };
  afterAll(() => removeDir(dataDir));

  const readAs = async (settings: Record<string, string>) => {
    const t = await startApp(dataDir, settings);
    try {
      await projected(t);
      return await t.caseworker.get('/api/v1/participants/p-rot');
    } finally {
      await t.close();
    }
  };

  it('keeps every person readable through the change', async () => {
    const t = await startApp(dataDir, { MASTER_KEY: oldKey });
    await t.admin.post('/api/v1/projects').send(framtidProject).expect(201);
    await t.caseworker.post(`/api/v1/projects/${framtidProject.id}/participants`).send({ participantId: 'p-rot', enrolledOn: '2024-01-15', profile: entryProfile, personal }).expect(201);
    await t.close();

    await expect(pathwayWith({ MASTER_KEY: newKey }, dataDir, 'keys', 'rewrap')).rejects.toMatchObject({ stderr: expect.stringMatching(/MASTER_KEY_PREVIOUS/) });

    const meanwhile = await readAs({ MASTER_KEY: newKey, MASTER_KEY_PREVIOUS: oldKey });
    expect(meanwhile.body.personalData).toEqual({ status: 'recorded', data: personal });

    const { stdout } = await pathwayWith({ MASTER_KEY: newKey, MASTER_KEY_PREVIOUS: oldKey }, dataDir, 'keys', 'rewrap');
    expect(stdout).toMatch(/^1 data keys wrapped under the new master key/);

    const after = await readAs({ MASTER_KEY: newKey });
    expect(after.body.personalData).toEqual({ status: 'recorded', data: personal });
    // The old key alone no longer opens the store: the API refuses to start rather than fail each read.
    const refused = await startApiProcess({ DATA_DIR: dataDir, MASTER_KEY: oldKey, PORT: '0' });
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/MASTER_KEY does not open this key store/);
  }, 60_000);
});

/** A data directory restored without its master key (issue 15, a tester's start after a restore). */
describe('starting on a key store without its master key', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'pathway-no-master-'));
  afterAll(() => removeDir(dataDir));

  it('stops with a configuration error, without a stack, and writes no new master.key', async () => {
    const keys = new SqliteKeyStore(join(dataDir, 'keys.db'), new MasterKeys(randomBytes(32)));
    await keys.keyFor('p-restored');
    await keys.close();
    const { MASTER_KEY: _ignored, MASTER_KEY_PREVIOUS: _ignoredToo, ...env } = process.env;
    const refused = await startApiProcess({ ...env, DATA_DIR: dataDir, PORT: '0' } as Record<string, string>, true);
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/Invalid configuration:\n  - MASTER_KEY is not set/);
    expect(refused.output).toMatch(/master\.key file back/);
    expect(refused.output).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dataDir, 'master.key'))).toBe(false);
  }, 60_000);
});

/** The API as its own process, until it exits: its exit code and everything it printed. */
function startApiProcess(settings: Record<string, string>, exact = false): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('node', ['-r', '@swc-node/register', 'apps/api/src/main.ts'], { cwd: ROOT, env: exact ? settings : { ...process.env, ...settings } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => resolve({ code, output }));
  });
}
