import { isMonth, lastDayOf, monthsBetween } from '@pathway/domain';
import {
  dueBy,
  Movement,
  participantFileRows,
  rowsDigest,
  sentMonthStatuses,
  staysOf,
} from './monthly-participant-file';

const entry = (participantId: string, occurredOn: string): Movement => ({ participantId, kind: 'entry', occurredOn });
const exit = (participantId: string, occurredOn: string): Movement => ({ participantId, kind: 'exit', occurredOn });

describe('the monthly participant file (SCB)', () => {
  it('knows months: their last day, the due date four weeks after, and the months between', () => {
    expect(lastDayOf('2024-02')).toBe('2024-02-29');
    expect(lastDayOf('2023-02')).toBe('2023-02-28');
    expect(lastDayOf('2024-12')).toBe('2024-12-31');
    expect(dueBy('2024-01')).toBe('2024-02-28');
    expect(dueBy('2024-12')).toBe('2025-01-28');
    expect(monthsBetween('2024-11', '2025-02')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(monthsBetween('2024-03', '2024-02')).toEqual([]);
    expect(['2024-01', '2024-12'].every(isMonth)).toBe(true);
    expect(['2024-13', '2024-1', '24-01', '2024-00', '2024-01-01'].some(isMonth)).toBe(false);
  });

  it('pairs entries and exits into stays in recording order, a re-entry opening a new one', () => {
    const stays = staysOf([entry('a', '2024-01-15'), entry('b', '2024-02-01'), exit('a', '2024-03-31'), entry('a', '2024-05-02'), exit('b', '2024-02-20')]);
    expect(stays).toEqual([
      { participantId: 'a', startDate: '2024-01-15', endDate: '2024-03-31' },
      { participantId: 'b', startDate: '2024-02-01', endDate: '2024-02-20' },
      { participantId: 'a', startDate: '2024-05-02', endDate: null },
    ]);
  });

  it('reports a participant in the month they start and, with the end date, in the month they end', () => {
    const stays = staysOf([
      entry('a', '2024-01-15'), // starts in January, ends in March
      exit('a', '2024-03-31'),
      entry('b', '2024-01-31'), // starts and ends in January: one row with both dates
      exit('b', '2024-01-31'),
      entry('c', '2024-02-01'), // starts in February, still taking part
      entry('d', '2023-12-31'), // starts the month before, ends in January
      exit('d', '2024-01-01'),
    ]);
    expect(participantFileRows(stays, '2024-01')).toEqual([
      { participantId: 'd', startDate: '2023-12-31', endDate: '2024-01-01' },
      { participantId: 'a', startDate: '2024-01-15', endDate: null }, // its end is March's news
      { participantId: 'b', startDate: '2024-01-31', endDate: '2024-01-31' },
    ]);
    expect(participantFileRows(stays, '2024-02')).toEqual([{ participantId: 'c', startDate: '2024-02-01', endDate: null }]);
    expect(participantFileRows(stays, '2024-03')).toEqual([{ participantId: 'a', startDate: '2024-01-15', endDate: '2024-03-31' }]);
    expect(participantFileRows(stays, '2024-04')).toEqual([]);
  });

  it('reports a re-entry as a new start in its month', () => {
    const stays = staysOf([entry('a', '2024-01-15'), exit('a', '2024-02-10'), entry('a', '2024-04-03')]);
    expect(participantFileRows(stays, '2024-04')).toEqual([{ participantId: 'a', startDate: '2024-04-03', endDate: null }]);
  });

  it('gives the same digest for the same rows and another for any change', () => {
    const rows = [{ participantId: 'a', startDate: '2024-01-15', endDate: null }];
    expect(rowsDigest(rows)).toBe(rowsDigest([{ ...rows[0]! }]));
    expect(rowsDigest(rows)).not.toBe(rowsDigest([{ ...rows[0]!, endDate: '2024-01-31' }]));
    expect(rowsDigest(rows)).toMatch(/^sha-256=[A-Za-z0-9+/]+=*$/);
  });

  describe('which sent months must be sent again', () => {
    const sentJanuary = [{ participantId: 'a', startDate: '2024-01-15', endDate: null }];
    const sentFebruary = [{ participantId: 'c', startDate: '2024-02-01', endDate: null }];
    const sentMarch = [{ participantId: 'a', startDate: '2024-01-15', endDate: '2024-03-31' }];
    const sent = [
      { month: '2024-03', rows: sentMarch },
      { month: '2024-01', rows: sentJanuary },
      { month: '2024-02', rows: sentFebruary },
    ];

    it('none, when every month still holds', () => {
      const now = (month: string) => ({ '2024-01': sentJanuary, '2024-02': sentFebruary, '2024-03': sentMarch })[month]!;
      expect(sentMonthStatuses(sent, now)).toEqual([
        { month: '2024-01', status: 'current' },
        { month: '2024-02', status: 'current' },
        { month: '2024-03', status: 'current' },
      ]);
    });

    it('a late enrolment in January: January changed, and every later sent month follows it', () => {
      const late = { participantId: 'z', startDate: '2024-01-20', endDate: null };
      const now = (month: string) => ({ '2024-01': [...sentJanuary, late], '2024-02': sentFebruary, '2024-03': sentMarch })[month]!;
      expect(sentMonthStatuses(sent, now)).toEqual([
        { month: '2024-01', status: 'changed', added: [late], removed: [] },
        { month: '2024-02', status: 'follows', after: '2024-01' },
        { month: '2024-03', status: 'follows', after: '2024-01' },
      ]);
    });

    it("a retracted exit in March: March's row goes, the months before stay current", () => {
      const now = (month: string) => ({ '2024-01': sentJanuary, '2024-02': sentFebruary, '2024-03': [] })[month]!;
      expect(sentMonthStatuses(sent, now)).toEqual([
        { month: '2024-01', status: 'current' },
        { month: '2024-02', status: 'current' },
        { month: '2024-03', status: 'changed', added: [], removed: sentMarch },
      ]);
    });

    it('a month sent again after later months were sent: they follow it, though it is current now', () => {
      const now = (month: string) => ({ '2024-01': sentJanuary, '2024-02': sentFebruary, '2024-03': sentMarch })[month]!;
      const resentJanuary = [
        { month: '2024-01', rows: sentJanuary, order: 4, resent: true },
        { month: '2024-02', rows: sentFebruary, order: 2 },
        { month: '2024-03', rows: sentMarch, order: 5 },
      ];
      expect(sentMonthStatuses(resentJanuary, now)).toEqual([
        { month: '2024-01', status: 'current' },
        { month: '2024-02', status: 'follows', after: '2024-01' },
        { month: '2024-03', status: 'current' }, // sent after January was sent again
      ]);
      // January sent late for the first time, after February: not a corrected file, nothing follows.
      expect(sentMonthStatuses([{ ...resentJanuary[0]!, resent: false }, resentJanuary[1]!], now)).toEqual([
        { month: '2024-01', status: 'current' },
        { month: '2024-02', status: 'current' },
      ]);
    });
  });
});
