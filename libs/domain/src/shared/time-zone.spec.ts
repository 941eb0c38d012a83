import { calendarDateIn, endOfDayIn, isIanaTimeZone, startOfDayIn } from './time-zone';

describe('time zones', () => {
  it('knows IANA zones as the tz database spells them', () => {
    for (const zone of ['Europe/Stockholm', 'Pacific/Auckland', 'America/Argentina/Buenos_Aires', 'America/Port-au-Prince', 'Etc/GMT+1', 'UTC']) {
      expect(isIanaTimeZone(zone)).toBe(true);
    }
  });

  it('refuses what is not an IANA zone name', () => {
    for (const zone of ['Mars/Olympus', '+01:00', 'CET', 'EST', 'europe/stockholm', '', ' Europe/Stockholm', 'Europe/Stockholm\n', 42, null]) {
      expect(isIanaTimeZone(zone)).toBe(false);
    }
  });

  describe('the calendar date of an instant', () => {
    it('is the next day in Stockholm before it is in UTC', () => {
      const instant = new Date('2026-03-14T23:30:00Z');
      expect(calendarDateIn(instant, 'Europe/Stockholm')).toBe('2026-03-15');
      expect(calendarDateIn(instant, 'UTC')).toBe('2026-03-14');
    });

    it('follows summer time: from 22:00 UTC in summer, 23:00 in winter', () => {
      expect(calendarDateIn(new Date('2026-03-29T21:59:59Z'), 'Europe/Stockholm')).toBe('2026-03-29');
      expect(calendarDateIn(new Date('2026-03-29T22:00:00Z'), 'Europe/Stockholm')).toBe('2026-03-30');
      expect(calendarDateIn(new Date('2026-10-25T22:30:00Z'), 'Europe/Stockholm')).toBe('2026-10-25');
      expect(calendarDateIn(new Date('2026-10-25T23:00:00Z'), 'Europe/Stockholm')).toBe('2026-10-26');
    });

    it('is the earlier day in Auckland late in the UTC day, and the later one early in it', () => {
      // Auckland is UTC+13 in March (summer time): 2026-03-14T10:59Z is 23:59 on the 14th there.
      expect(calendarDateIn(new Date('2026-03-14T10:59:00Z'), 'Pacific/Auckland')).toBe('2026-03-14');
      expect(calendarDateIn(new Date('2026-03-14T11:00:00Z'), 'Pacific/Auckland')).toBe('2026-03-15');
    });

    it('is the date named by the zone formatter\'s parts, for instants across two centuries and zones', () => {
      const zones = ['Europe/Stockholm', 'Pacific/Auckland', 'America/St_Johns', 'Asia/Kathmandu', 'Pacific/Chatham', 'Africa/Monrovia', 'UTC'];
      const formats = new Map(zones.map((zone) => [zone, new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })]));
      const byParts = (instant: Date, zone: string) => {
        const parts = formats.get(zone)!.formatToParts(instant);
        const part = (type: string) => parts.find((p) => p.type === type)!.value;
        return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
      };
      let state = 7;
      for (let i = 0; i < 500; i++) {
        state = (state * 1103515245 + 12345) % 2 ** 31;
        // From about 1900 to 2100, to the millisecond.
        const instant = new Date(-2_208_988_800_000 + (state / 2 ** 31) * 6_311_433_600_000);
        for (const zone of zones) expect([instant.toISOString(), zone, calendarDateIn(instant, zone)]).toEqual([instant.toISOString(), zone, byParts(instant, zone)]);
      }
      expect(calendarDateIn(new Date('0999-06-01T12:00:00Z'), 'UTC')).toBe('0999-06-01');
    });

    it('refuses an invalid zone', () => {
      expect(() => calendarDateIn(new Date(), 'Mars/Olympus')).toThrow(RangeError);
    });
  });

  describe('the end of a day as a cut-off instant', () => {
    it('is 23:59:59.999 local time, in winter and on both summer-time changes', () => {
      expect(endOfDayIn('2026-03-14', 'Europe/Stockholm').toISOString()).toBe('2026-03-14T22:59:59.999Z');
      // 29 March 2026 has 23 hours in Stockholm, 25 October 2026 has 25.
      expect(endOfDayIn('2026-03-29', 'Europe/Stockholm').toISOString()).toBe('2026-03-29T21:59:59.999Z');
      expect(endOfDayIn('2026-10-25', 'Europe/Stockholm').toISOString()).toBe('2026-10-25T22:59:59.999Z');
      expect(endOfDayIn('2026-03-14', 'Pacific/Auckland').toISOString()).toBe('2026-03-14T10:59:59.999Z');
      expect(endOfDayIn('2026-03-14', 'UTC').toISOString()).toBe('2026-03-14T23:59:59.999Z');
    });

    it('starts the day at local midnight', () => {
      expect(startOfDayIn('2026-10-25', 'Europe/Stockholm').toISOString()).toBe('2026-10-24T22:00:00.000Z');
      expect(startOfDayIn('2026-10-26', 'Europe/Stockholm').toISOString()).toBe('2026-10-25T23:00:00.000Z');
    });

    it('refuses a date that does not exist', () => {
      expect(() => endOfDayIn('2026-02-30', 'Europe/Stockholm')).toThrow(RangeError);
      expect(() => endOfDayIn('2026-3-1', 'Europe/Stockholm')).toThrow(RangeError);
    });
  });
});
