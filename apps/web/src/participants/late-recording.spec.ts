import { daysLate, LATE_AFTER_DAYS } from './late-recording';

describe('late recordings', () => {
  it('are those recorded more than four weeks after the date they happened', () => {
    expect(LATE_AFTER_DAYS).toBe(28);
    expect(daysLate('2025-01-01', '2025-01-29T23:59:00.000Z')).toBeNull();
    expect(daysLate('2025-01-01', '2025-01-30T00:10:00.000Z')).toBe(29);
    expect(daysLate('2024-10-14', '2025-11-30T10:00:00.000Z')).toBe(412);
  });
});
