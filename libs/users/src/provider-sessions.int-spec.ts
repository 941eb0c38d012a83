import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PENDING_SIGN_IN_MS, ProviderSessions } from './provider-sessions';
import { SqliteProviderSessionStore } from './sqlite-provider-session-store';

describe('ProviderSessions on DATA_DIR/users.db', () => {
  let dir: string;
  let sessions: ProviderSessions;
  const lifetime = { idleMs: 30 * 60_000, absoluteMs: 8 * 3_600_000 };
  const anna = { id: 'sub-anna', email: 'anna@example.org', displayName: 'Anna K', role: 'caseworker' as const, projects: ['P-1'] };
  const pending = { state: 's'.repeat(43), nonce: 'n'.repeat(43), codeVerifier: 'v'.repeat(43) };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pathway-provider-sessions-'));
    sessions = new ProviderSessions(SqliteProviderSessionStore.open(dir), lifetime);
  });
  afterEach(async () => {
    await sessions.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives a pending sign-in back once, and refuses it as expired after ten minutes', async () => {
    const secret = await sessions.begin(pending, 0);
    expect(await sessions.takePending(secret, 60_000)).toEqual(pending);
    expect(await sessions.takePending(secret, 60_000)).toBeNull();
    expect(await sessions.takePending('unknown', 0)).toBeNull();
    const late = await sessions.begin(pending, 0);
    expect(await sessions.takePending(late, PENDING_SIGN_IN_MS)).toBe('expired');
  });

  it('names the same principal a token with these claims would, and ends like a local session', async () => {
    const secret = await sessions.start(anna, 'id.token.here', 0);
    expect(await sessions.resume(secret, 60_000)).toEqual({ principal: { subject: 'sub-anna', role: 'caseworker', projects: ['P-1'] }, user: anna });
    expect(await sessions.idTokenOf(secret)).toBe('id.token.here');
    expect(await sessions.resume(secret, 60_000 + 30 * 60_000)).toBeNull();
    expect(await sessions.idTokenOf(secret)).toBeNull(); // the expired session is gone

    const out = await sessions.start(anna, 'id.token.here', 0);
    await sessions.signOut(out);
    expect(await sessions.resume(out, 1)).toBeNull();
  });

  it('keeps sessions across a restart, and never stores the secret itself', async () => {
    const secret = await sessions.start(anna, 'id.token.here', 0);
    await sessions.close();
    sessions = new ProviderSessions(SqliteProviderSessionStore.open(dir), lifetime);
    expect((await sessions.resume(secret, 1))?.user).toEqual(anna);
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(join(dir, 'users.db'), { readonly: true });
    expect(JSON.stringify(db.prepare('SELECT * FROM provider_sessions').all())).not.toContain(secret);
    db.close();
  });
});
