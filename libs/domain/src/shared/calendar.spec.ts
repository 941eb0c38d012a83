import { addDays, addMonths, daysBetween, fullYearsBetween } from './calendar';

describe('calendar', () => {
  it('adds days across months and leap days', () => {
    expect(addDays('2024-09-30', 28)).toBe('2024-10-28');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
  });

  it('adds months, keeping to the last day of a shorter month', () => {
    expect(addMonths('2024-09-30', 6)).toBe('2025-03-30');
    expect(addMonths('2024-08-31', 6)).toBe('2025-02-28');
    expect(addMonths('2023-08-31', 6)).toBe('2024-02-29');
    expect(addMonths('2024-12-15', 1)).toBe('2025-01-15');
  });

  it('counts days between dates', () => {
    expect(daysBetween('2024-01-15', '2024-10-14')).toBe(273);
    expect(daysBetween('2024-03-30', '2024-03-31')).toBe(1);
  });

  it('counts full years, a birthday counting from the day itself', () => {
    expect(fullYearsBetween('2006-05-17', '2024-05-16')).toBe(17);
    expect(fullYearsBetween('2006-05-17', '2024-05-17')).toBe(18);
    expect(fullYearsBetween('2004-02-29', '2022-02-28')).toBe(17);
    expect(fullYearsBetween('2004-02-29', '2022-03-01')).toBe(18);
  });

  it('counts full years as a birthday by month and day does, for every pair of days around the year boundary and leap days', () => {
    const days = ['01-01', '02-28', '02-29', '03-01', '05-16', '05-17', '05-18', '12-31'];
    const wrong: string[] = [];
    for (const [birthYear, onYear] of [[2004, 2022], [2004, 2024], [1900, 2020], [2024, 2024], [2023, 2024]] as const) {
      for (const b of days) {
        for (const o of days) {
          const [bm, bd] = b.split('-').map(Number) as [number, number];
          const [m, d] = o.split('-').map(Number) as [number, number];
          const expected = onYear - birthYear - (m < bm || (m === bm && d < bd) ? 1 : 0);
          if (fullYearsBetween(`${birthYear}-${b}`, `${onYear}-${o}`) !== expected) wrong.push(`${birthYear}-${b} ${onYear}-${o}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('calendar arithmetic against Date', () => {
  const DAY = 86_400_000;
  const pad = (n: number, width: number) => String(n).padStart(width, '0');

  it('writes the date Date writes for any day of years 0000-9999 and beyond', () => {
    const wrong: string[] = [];
    for (let day = -719_531; day <= 2_932_899; day += 389) {
      if (addDays('1970-01-01', day) !== new Date(day * DAY).toISOString().slice(0, 10)) wrong.push(addDays('1970-01-01', day));
    }
    expect(wrong).toEqual([]);
  });

  it('reads a date as Date.parse does, odd days and months included', () => {
    const wrong: string[] = [];
    for (let year = 0; year <= 9999; year += 13) {
      for (const month of [0, 1, 2, 3, 12, 13]) {
        for (const day of [0, 1, 28, 29, 30, 31, 32]) {
          const date = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
          const parsed = Date.parse(`${date}T00:00:00Z`);
          if (!Object.is(daysBetween('1970-01-01', date), Number.isNaN(parsed) ? Number.NaN : parsed / DAY)) wrong.push(date);
        }
      }
    }
    expect(wrong).toEqual([]);
    for (const odd of ['2024-1-01', '+02024-01-01', '2024-0a-01', '']) expect(daysBetween('1970-01-01', odd)).toBeNaN();
  });
});
