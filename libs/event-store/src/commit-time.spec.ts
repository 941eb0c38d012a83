import fc from 'fast-check';
import { instantToMicros, microsToInstant } from './commit-time';

/** The instant spelled by `Date` itself, with the three digits past the millisecond added. */
const reference = (micros: number) => {
  const millis = Math.floor(micros / 1000);
  return new Date(millis).toISOString().replace('Z', `${String(micros - millis * 1000).padStart(3, '0')}Z`);
};

describe('commit times', () => {
  it('writes microseconds as an ISO instant with six fractional digits', () => {
    expect(microsToInstant(1_773_529_200_123_456)).toBe('2026-03-14T23:00:00.123456Z');
    expect(microsToInstant(0)).toBe('1970-01-01T00:00:00.000000Z');
    expect(microsToInstant(-1)).toBe('1969-12-31T23:59:59.999999Z');
  });

  it('writes what Date writes, for any instant and for instants read in log order', () => {
    const instant = fc.integer({ min: -9_000_000_000_000_000, max: 9_000_000_000_000_000 }); // safe integers: 1684-2255
    fc.assert(fc.property(instant, (micros) => microsToInstant(micros) === reference(micros)), { numRuns: 5000 });
    fc.assert(
      fc.property(instant, fc.array(fc.integer({ min: 0, max: 3_600_000_000 }), { maxLength: 50 }), (start, steps) => {
        let micros = start;
        return steps.every((step) => microsToInstant((micros += step)) === reference(micros));
      }),
    );
  });

  it('reads back what it writes', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 9_000_000_000_000_000 }), (micros) => instantToMicros(microsToInstant(micros)) === micros));
  });
});
