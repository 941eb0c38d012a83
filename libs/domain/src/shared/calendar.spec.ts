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
});
