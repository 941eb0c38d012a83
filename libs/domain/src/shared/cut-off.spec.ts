import { cutOffFor } from './cut-off';

describe('the instant of an "as known on" cut-off', () => {
  it('ends a date-only cut-off at the end of that day in the project zone', () => {
    expect(cutOffFor('2026-03-14', 'Europe/Stockholm')).toBe('2026-03-14T22:59:59.999Z');
    expect(cutOffFor('2026-03-14', 'Pacific/Auckland')).toBe('2026-03-14T10:59:59.999Z');
    expect(cutOffFor('2026-03-14', 'UTC')).toBe('2026-03-14T23:59:59.999Z');
  });

  it('follows summer time on the days the clocks change', () => {
    expect(cutOffFor('2026-03-29', 'Europe/Stockholm')).toBe('2026-03-29T21:59:59.999Z');
    expect(cutOffFor('2026-10-25', 'Europe/Stockholm')).toBe('2026-10-25T22:59:59.999Z');
  });

  it('takes an instant with its offset as it is, whatever the zone', () => {
    expect(cutOffFor('2026-03-14T18:00:00+01:00', 'Pacific/Auckland')).toBe('2026-03-14T17:00:00.000Z');
    expect(cutOffFor('2026-03-14T18:00Z', 'Europe/Stockholm')).toBe('2026-03-14T18:00:00.000Z');
  });

  it.each(['2026-02-30', '2026-02-30T10:00:00Z', '2026-03-14T18:00:00', 'yesterday', ''])('refuses %p', (value) => {
    expect(() => cutOffFor(value, 'Europe/Stockholm')).toThrow(RangeError);
  });
});
