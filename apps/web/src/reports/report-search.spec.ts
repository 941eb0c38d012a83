import { compareSearchProblems, readCompareSearch } from './compare-search';
import { asKnownOnParam, readReportSearch, reportSearchProblems, wallClockToInstant, writeReportSearch } from './report-search';

describe('the report choices in the URL', () => {
  it('read back what was written, leaving out what was not chosen', () => {
    const choices = { from: '2025-01-01', to: '2025-12-31', knownOnDate: '2026-03-12', knownOnTime: '10:00' };
    expect(writeReportSearch(choices)).toBe('?from=2025-01-01&to=2025-12-31&knownOnDate=2026-03-12&knownOnTime=10%3A00');
    expect(readReportSearch(writeReportSearch(choices))).toEqual(choices);
    expect(writeReportSearch({ from: '', to: '', knownOnDate: '', knownOnTime: '' })).toBe('');
  });

  it('keep values that are not well formed, and name each at its field', () => {
    const read = readReportSearch('?from=yesterday&to=22025-03-11&knownOnDate=2025-02-30&knownOnTime=25');
    expect(read).toEqual({ from: 'yesterday', to: '22025-03-11', knownOnDate: '2025-02-30', knownOnTime: '25' });
    expect(reportSearchProblems(read)).toEqual({ from: 'badDate', to: 'badDate', knownOnDate: 'badDate', knownOnTime: 'badTime' });
    expect(compareSearchProblems(readCompareSearch('?aDate=61130-02-02&bTime=24:00'))).toEqual({ aDate: 'badDate', bDate: 'timeWithoutDate', bTime: 'badTime' });
  });

  it('find the end before the start and a time without a date', () => {
    expect(reportSearchProblems({ from: '2025-02-01', to: '2025-01-31', knownOnDate: '', knownOnTime: '10:00' })).toEqual({ to: 'toBeforeFrom', knownOnDate: 'timeWithoutDate' });
    expect(reportSearchProblems({ from: '2025-02-01', to: '2025-02-01', knownOnDate: '', knownOnTime: '' })).toEqual({});
  });
});

describe('as known on, in the project zone', () => {
  it('is a wall-clock time in the zone as a UTC instant, winter and summer', () => {
    expect(wallClockToInstant('2026-03-12', '10:00', 'Europe/Stockholm')).toBe('2026-03-12T09:00:00.000Z');
    expect(wallClockToInstant('2026-07-01', '10:00:30', 'Europe/Stockholm')).toBe('2026-07-01T08:00:30.000Z');
    expect(wallClockToInstant('2026-07-01', '10:00', 'UTC')).toBe('2026-07-01T10:00:00.000Z');
  });

  it('reads a time the change to summer time skips with the offset before it', () => {
    expect(wallClockToInstant('2026-03-29', '02:30', 'Europe/Stockholm')).toBe('2026-03-29T01:30:00.000Z');
  });

  it('is a date alone (the end of that day, as the API reads it), or nothing for now', () => {
    expect(asKnownOnParam({ from: '', to: '', knownOnDate: '2026-03-12', knownOnTime: '' }, 'Europe/Stockholm')).toBe('2026-03-12');
    expect(asKnownOnParam({ from: '', to: '', knownOnDate: '', knownOnTime: '' }, 'Europe/Stockholm')).toBeUndefined();
  });
});
