import { checkThreshold, DEFAULT_SUPPRESSION_THRESHOLD, isSmall, suppressRow } from './suppress';

/** [total, women, men, non-binary, not disclosed] as hidden (true) or shown (false). */
const hidden = (cells: number[], threshold = DEFAULT_SUPPRESSION_THRESHOLD, forced: boolean[] = []) => {
  const w = suppressRow(cells.reduce((s, c) => s + c, 0), cells, threshold, forced);
  return [w.total, ...w.cells];
};

describe('small counts', () => {
  it('are 1 to threshold - 1; zero is never small', () => {
    expect([0, 1, 4, 5].map((c) => isSmall(c, 5))).toEqual([false, true, true, false]);
    expect([0, 1, 2].map((c) => isSmall(c, 3))).toEqual([false, true, true]);
  });

  it('are not hidden at all with a threshold of 0 or 1', () => {
    expect(hidden([1, 2, 0, 1], 0)).toEqual([false, false, false, false, false]);
    expect(hidden([1, 0, 0, 0], 1)).toEqual([false, false, false, false, false]);
    expect(isSmall(1, 1)).toBe(false);
  });

  it('refuses a threshold that is not a whole number, is negative, or is 2 (the mark would say "one")', () => {
    for (const bad of [-1, 2, 4.5, Number.NaN]) expect(() => checkThreshold(bad)).toThrow(RangeError);
    expect([0, 1, 3, 5, 10].map(checkThreshold)).toEqual([0, 1, 3, 5, 10]);
  });
});

describe('suppressing one row', () => {
  it('shows a row without small counts, zeros included', () => {
    expect(hidden([40, 35, 0, 5])).toEqual([false, false, false, false, false]);
    expect(hidden([0, 12, 0, 0])).toEqual([false, false, false, false, false]);
    expect(hidden([0, 0, 0, 0])).toEqual([false, false, false, false, false]);
  });

  it('hides a lone small cell and the smallest other non-zero cell, so neither is the total minus the rest', () => {
    expect(hidden([10, 7, 3, 0])).toEqual([false, false, true, true, false]);
    expect(hidden([5, 30, 0, 2])).toEqual([false, true, false, false, true]);
  });

  it('hides nothing more when two small cells already hide each other', () => {
    expect(hidden([2, 3, 0, 30])).toEqual([false, true, true, false, false]);
  });

  it('hides one more cell when the hidden cells could only all be ones', () => {
    expect(hidden([1, 1, 0, 10], 3)).toEqual([false, true, true, false, true]);
    expect(hidden([1, 1, 1, 20], 5)).toEqual([false, true, true, true, true]);
  });

  it('hides a whole row with a small total, zeros too', () => {
    expect(hidden([2, 1, 0, 0])).toEqual([true, true, true, true, true]);
    expect(hidden([0, 0, 4, 0])).toEqual([true, true, true, true, true]);
  });

  it('hides the whole row when nothing published is left to hide (four ones at threshold 3)', () => {
    expect(hidden([1, 1, 1, 1], 3)).toEqual([true, true, true, true, true]);
  });

  it('hides forced cells even at zero, and protects them like small ones', () => {
    expect(hidden([0, 8, 0, 0], 5, [true])).toEqual([false, true, true, false, false]);
    expect(hidden([6, 8, 0, 0], 5, [true, true])).toEqual([false, true, true, false, false]);
    expect(hidden([0, 0, 0, 0], 5, [true])).toEqual([true, true, true, true, true]);
  });

  it('hides the same cells every time: ties go to the first cell', () => {
    expect(hidden([8, 8, 3, 0])).toEqual([false, true, false, true, false]);
  });

  it('refuses a row that does not add up, since arithmetic protection needs it to', () => {
    expect(() => suppressRow(10, [3, 3, 3, 0], 5)).toThrow(/add up to 9, not to the total 10/);
    expect(() => suppressRow(3, [1.5, 1.5, 0, 0], 5)).toThrow(RangeError);
  });
});
