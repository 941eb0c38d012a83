import { randomBytes } from 'node:crypto';
import { blindIndex, normaliseIdentityNumber } from './blind-index';

describe('normaliseIdentityNumber', () => {
  const today = '2026-11-30';

  it.each([
    ['199001012385', '199001012385'],
    ['19900101-2385', '199001012385'],
    ['900101-2385', '199001012385'],
    ['9001012385', '199001012385'],
    [' 900101 - 2385 ', '199001012385'],
    ['030814-2389', '200308142389'],
    // 100 or older: Skatteverket writes a `+`.
    ['200101+2380', '192001012380'],
    // Samordningsnummer: the day plus 60.
    ['701063-2391', '197010632391'],
  ])('writes the Swedish number %s as %s', (typed, normalised) => {
    expect(normaliseIdentityNumber(typed, today)).toBe(normalised);
  });

  it('takes the century from today: born this year, not a hundred years ago', () => {
    expect(normaliseIdentityNumber('260101-2384', '2026-11-30')).toBe('202601012384');
    expect(normaliseIdentityNumber('260101-2384', '2025-11-30')).toBe('192601012384');
  });

  it.each([
    ['900101-2386', '900101-2386'], // wrong check digit: not a Swedish number, kept as typed
    ['  ab 123456 c ', 'AB 123456 C'],
    ['X1234567-z', 'X1234567-Z'],
  ])('trims and upper-cases anything else: %s', (typed, normalised) => {
    expect(normaliseIdentityNumber(typed, today)).toBe(normalised);
  });
});

describe('blindIndex', () => {
  const key = randomBytes(32);
  const today = '2026-11-30';

  it('gives every written form of one number the same 64-hex digest, and another number another', () => {
    const digest = blindIndex('19900101-2385', key, today);
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(blindIndex('9001012385', key, today)).toBe(digest);
    expect(blindIndex('199001012385', key, today)).toBe(digest);
    expect(blindIndex('200308142389', key, today)).not.toBe(digest);
  });

  it('is keyed: another installation key gives another digest, and the number is not in it', () => {
    const digest = blindIndex('199001012385', key, today);
    expect(blindIndex('199001012385', randomBytes(32), today)).not.toBe(digest);
    expect(digest).not.toContain('199001012385');
  });
});
