import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalAccounts } from './local-accounts';
import { AccountVersionMismatchError, LastAdminError, UserNotFoundError } from './account-change';
import { DuplicateUserError } from './user-account';
import { SqliteUserStore } from './sqlite-user-store';

/** A sign-in that must have started a session (not null, not `disabled`). */
function started<T>(signedIn: T | 'disabled' | null): T {
  if (!signedIn || signedIn === 'disabled') throw new Error(`expected a session, got ${String(signedIn)}`);
  return signedIn;
}

describe('LocalAccounts on DATA_DIR/users.db', () => {
  let dir: string;
  let accounts: LocalAccounts;
  const lifetime = { idleMs: 30 * 60_000, absoluteMs: 8 * 3_600_000 };
  const anna = { email: 'Anna.K@Example.org', displayName: 'Anna K', role: 'caseworker' as const, projects: ['P-1'], password: 'correct horse battery staple' };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pathway-users-'));
    accounts = new LocalAccounts(SqliteUserStore.open(dir), lifetime);
  });
  afterEach(async () => {
    await accounts.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores an argon2id hash, never the password, and the e-mail in lower case', async () => {
    const user = await accounts.add(anna);
    expect(user).toMatchObject({ id: expect.stringMatching(/^local:/), email: 'anna.k@example.org', role: 'caseworker', projects: ['P-1'] });
    const db = new Database(join(dir, 'users.db'), { readonly: true });
    const row = db.prepare('SELECT * FROM users').get() as Record<string, string>;
    db.close();
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,(t=2,p=1|p=1,t=2)\$/);
    expect(JSON.stringify(row)).not.toContain(anna.password);
  });

  it('refuses a second account for the same address, whatever its case', async () => {
    await accounts.add(anna);
    await expect(accounts.add({ ...anna, email: 'anna.k@EXAMPLE.org' })).rejects.toBeInstanceOf(DuplicateUserError);
  });

  it('signs in with the right password only, and the session names the same principal a token would', async () => {
    const user = await accounts.add(anna);
    expect(await accounts.signIn('anna.k@example.org', 'wrong password', 0)).toBeNull();
    expect(await accounts.signIn('nobody@example.org', anna.password, 0)).toBeNull();
    const signedIn = started(await accounts.signIn('ANNA.K@example.org', anna.password, 0));
    expect(signedIn.user).toEqual({ id: user.id, email: 'anna.k@example.org', displayName: 'Anna K', role: 'caseworker', projects: ['P-1'] });
    expect(await accounts.resume(signedIn.secret, 60_000)).toEqual({
      principal: { subject: user.id, role: 'caseworker', projects: ['P-1'] },
      user: signedIn.user,
    });
  });

  it('ends a session after 30 idle minutes, after 8 hours in any case, and at sign-out', async () => {
    await accounts.add(anna);
    const idle = started(await accounts.signIn(anna.email, anna.password, 0));
    expect(await accounts.resume(idle.secret, 29 * 60_000)).not.toBeNull();
    expect(await accounts.resume(idle.secret, 29 * 60_000 + 30 * 60_000)).toBeNull();

    const busy = started(await accounts.signIn(anna.email, anna.password, 0));
    for (let t = 20 * 60_000; t < 8 * 3_600_000; t += 20 * 60_000) expect(await accounts.resume(busy.secret, t)).not.toBeNull();
    expect(await accounts.resume(busy.secret, 8 * 3_600_000)).toBeNull();

    const out = started(await accounts.signIn(anna.email, anna.password, 0));
    await accounts.signOut(out.secret);
    expect(await accounts.resume(out.secret, 1)).toBeNull();
  });

  it('keeps accounts across a restart (a new store on the same file)', async () => {
    await accounts.add(anna);
    await accounts.close();
    accounts = new LocalAccounts(SqliteUserStore.open(dir), lifetime);
    expect(await accounts.count()).toBe(1);
    expect(await accounts.signIn(anna.email, anna.password, 0)).not.toBeNull();
  });

  it('lists accounts by e-mail with whether they are disabled and their version, never a password hash', async () => {
    await accounts.add({ ...anna, email: 'zed@example.org' });
    await accounts.add(anna);
    const list = await accounts.list();
    expect(list.map((u) => u.email)).toEqual(['anna.k@example.org', 'zed@example.org']);
    expect(list[0]).toEqual({ id: expect.any(String), email: 'anna.k@example.org', displayName: 'Anna K', role: 'caseworker', projects: ['P-1'], disabled: false, version: 1 });
    expect(JSON.stringify(list)).not.toContain('argon2');
  });

  it('changes role and projects under the version seen; a stale version changes nothing', async () => {
    await accounts.add({ ...anna, email: 'admin@example.org', role: 'admin', projects: [] });
    const user = await accounts.add(anna);
    const signedIn = started(await accounts.signIn(anna.email, anna.password, 0));
    const changed = await accounts.change(user.id, { role: 'evaluator', projects: ['P-1', 'P-2'] }, 1);
    expect(changed).toMatchObject({ role: 'evaluator', projects: ['P-1', 'P-2'], version: 2 });
    // The session reads the account on every request: the new role holds at once.
    expect((await accounts.resume(signedIn.secret, 1))?.principal).toEqual({ subject: user.id, role: 'evaluator', projects: ['P-1', 'P-2'] });
    await expect(accounts.change(user.id, { role: 'funder' }, 1)).rejects.toBeInstanceOf(AccountVersionMismatchError);
    expect((await accounts.list()).find((u) => u.id === user.id)).toMatchObject({ role: 'evaluator', version: 2 });
    await expect(accounts.change('local:nobody', { disabled: true })).rejects.toBeInstanceOf(UserNotFoundError);
  });

  it('a disabled account cannot sign in and its sessions end; enabled again, it can', async () => {
    await accounts.add({ ...anna, email: 'admin@example.org', role: 'admin', projects: [] });
    const user = await accounts.add(anna);
    const session = started(await accounts.signIn(anna.email, anna.password, 0));
    await accounts.change(user.id, { disabled: true });
    expect(await accounts.resume(session.secret, 1)).toBeNull();
    expect(await accounts.signIn(anna.email, anna.password, 2)).toBe('disabled');
    expect(await accounts.signIn(anna.email, 'wrong password', 2)).toBeNull();
    await accounts.change(user.id, { disabled: false });
    expect(await accounts.signIn(anna.email, anna.password, 3)).not.toBeNull();
  });

  it('keeps at least one enabled admin', async () => {
    const admin = await accounts.add({ ...anna, email: 'admin@example.org', role: 'admin', projects: [] });
    await expect(accounts.change(admin.id, { disabled: true })).rejects.toBeInstanceOf(LastAdminError);
    await expect(accounts.change(admin.id, { role: 'caseworker', projects: ['P-1'] })).rejects.toBeInstanceOf(LastAdminError);
    const second = await accounts.add({ ...anna, email: 'second@example.org', role: 'admin', projects: [] });
    await accounts.change(admin.id, { disabled: true });
    await expect(accounts.change(second.id, { role: 'evaluator', projects: ['P-1'] })).rejects.toBeInstanceOf(LastAdminError);
  });

  it('opens a users.db made before accounts could be disabled: every account enabled, at version 1', async () => {
    await accounts.close();
    rmSync(join(dir, 'users.db'));
    const old = new Database(join(dir, 'users.db'));
    old.exec(`CREATE TABLE users (id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE, display_name TEXT NOT NULL,
      role TEXT NOT NULL, projects TEXT NOT NULL, password_hash TEXT NOT NULL);
      INSERT INTO users VALUES ('local:1', 'old@example.org', 'Old', 'admin', '[]', 'x');`);
    old.close();
    accounts = new LocalAccounts(SqliteUserStore.open(dir), lifetime);
    expect(await accounts.list()).toEqual([{ id: 'local:1', email: 'old@example.org', displayName: 'Old', role: 'admin', projects: [], disabled: false, version: 1 }]);
  });
});
