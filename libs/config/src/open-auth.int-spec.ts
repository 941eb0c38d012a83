import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidTokenError } from '@pathway/auth';
import { openKeyStore } from './open-key-store';
import { openLocalTokens } from './open-auth';

describe("embedded mode's secrets", () => {
  const dirs: string[] = [];
  const newDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'pathway-secrets-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const caseworker = { subject: 'u-anna', role: 'caseworker', projects: ['22-015-S01'] } as const;

  it('makes the signing key on first start, readable by its owner only, and keeps it', async () => {
    const dir = newDir();
    const token = await (await openLocalTokens(dir)).mint(caseworker);
    expect(statSync(join(dir, 'signing-key.jwk')).mode & 0o777).toBe(0o600);
    await expect((await openLocalTokens(dir)).verify(token)).resolves.toEqual(caseworker);
    await expect((await openLocalTokens(newDir())).verify(token)).rejects.toThrow(InvalidTokenError);
  });

  it('agrees on one signing key when two processes start at once', async () => {
    const dir = newDir();
    const [a, b] = await Promise.all([openLocalTokens(dir), openLocalTokens(dir)]);
    await expect(b.verify(await a.mint(caseworker))).resolves.toEqual(caseworker);
  });

  it('makes a master key when none is configured, and uses the configured one otherwise', async () => {
    const dir = newDir();
    const settings = { READ_MODEL_DB: 'sqlite' as const, DATA_DIR: dir, DATABASE_URL: undefined };
    const keys = await openKeyStore({ ...settings, MASTER_KEY: undefined });
    const key = await keys.keyFor('p-1');
    await keys.close();
    expect(statSync(join(dir, 'master.key')).mode & 0o777).toBe(0o600);
    const again = await openKeyStore({ ...settings, MASTER_KEY: undefined });
    expect(await again.find('p-1')).toEqual(key);
    await again.close();
    await expect(openKeyStore({ ...settings, MASTER_KEY: 'ab'.repeat(32) })).rejects.toThrow(/MASTER_KEY does not open this key store/);
  });

  it('will not make up a master key for PostgreSQL', async () => {
    await expect(openKeyStore({ READ_MODEL_DB: 'postgres', DATA_DIR: newDir(), DATABASE_URL: 'postgres://127.0.0.1/none', MASTER_KEY: undefined })).rejects.toThrow(
      /MASTER_KEY is required with READ_MODEL_DB=postgres/,
    );
  });
});
