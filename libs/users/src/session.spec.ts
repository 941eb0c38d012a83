import { newSessionSecret, sessionHolds, sessionIdOf } from './session';

describe('sessions', () => {
  const lifetime = { idleMs: 30 * 60_000, absoluteMs: 8 * 3_600_000 };

  it('hold while used within 30 minutes, end after 30 idle minutes, and never outlive 8 hours', () => {
    expect(sessionHolds(0, 0, 29 * 60_000, lifetime)).toBe(true);
    expect(sessionHolds(0, 0, 30 * 60_000, lifetime)).toBe(false);
    expect(sessionHolds(0, 8 * 3_600_000 - 60_000, 8 * 3_600_000 - 1, lifetime)).toBe(true);
    expect(sessionHolds(0, 8 * 3_600_000 - 60_000, 8 * 3_600_000, lifetime)).toBe(false);
  });

  it('have 256-bit secrets, of which the store keeps only a SHA-256', () => {
    const secret = newSessionSecret();
    expect(Buffer.from(secret, 'base64url')).toHaveLength(32);
    expect(sessionIdOf(secret)).toMatch(/^[0-9a-f]{64}$/);
    expect(sessionIdOf(secret)).not.toContain(secret);
    expect(newSessionSecret()).not.toBe(secret);
  });
});
