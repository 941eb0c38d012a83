import { CATALOGUE, CATALOGUE_VERSION, INDICATORS, RATES } from './catalogue';
import { median, ratio } from './catalogue-entry';

const pad = (n: number) => String(n).padStart(2, '0');
const OUTPUTS = Array.from({ length: 17 }, (_, i) => `EECO${pad(i + 1)}`);
const RESULTS = Array.from({ length: 6 }, (_, i) => `EECR${pad(i + 1)}`);
const PROJECT_RATES = [
  'COMPLETION_RATE', 'DROP_OUT_RATE', 'PLACEMENT_RATE', 'EDUCATION_OR_WORK_RATE', 'SCHOOL_COMPLETION_RATE',
  'MEDIAN_DAYS_TO_PLACEMENT', 'TARGET_ACHIEVEMENT',
];

describe('the indicator catalogue', () => {
  it('names its regulation version', () => {
    expect(CATALOGUE_VERSION).toBe('2021/1057-annex-I.1');
  });

  it('holds exactly the 17 ESF+ output codes, the 6 result codes and the 7 project rates, each once', () => {
    const codes = CATALOGUE.map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual([...OUTPUTS, ...RESULTS, ...PROJECT_RATES]);
  });

  it('gives every entry a name and a definition a funder can read', () => {
    for (const entry of CATALOGUE) {
      expect(entry.name.trim()).not.toBe('');
      expect(entry.definition.length).toBeGreaterThan(40);
      expect(entry.definition).toMatch(/\.$/);
    }
  });

  it('kinds and populations follow the codes: outputs describe entry, results the last exit', () => {
    expect(INDICATORS.filter((i) => i.kind === 'output').map((i) => i.code)).toEqual(OUTPUTS);
    expect(INDICATORS.filter((i) => i.population === 'outputs').map((i) => i.code)).toEqual(OUTPUTS);
    expect(INDICATORS.filter((i) => i.population === 'results').map((i) => i.code)).toEqual(RESULTS.slice(0, 4));
    expect(INDICATORS.filter((i) => i.population === 'follow-up').map((i) => i.code)).toEqual(['EECR05', 'EECR06']);
    expect(RATES.map((r) => r.code)).toEqual(PROJECT_RATES);
  });

  it('says in the definitions of EECR01, 02 and 04 that an unknown situation on leaving is data missing', () => {
    for (const code of ['EECR01', 'EECR02', 'EECR04']) {
      expect(CATALOGUE.find((e) => e.code === code)?.definition).toContain('recorded as unknown');
    }
  });
});

describe('rate arithmetic', () => {
  it('ratio leaves the value unrounded and null over 0', () => {
    expect(ratio(1, 3)).toEqual({ numerator: 1, denominator: 3, value: 1 / 3 });
    expect(ratio(0, 0)).toEqual({ numerator: 0, denominator: 0, value: null });
  });

  it('median: middle of an odd count, mean of the two middle values of an even count, null for none', () => {
    expect(median([30, 10, 20])).toBe(20);
    expect(median([30, 10, 20, 100])).toBe(25);
    expect(median([7])).toBe(7);
    expect(median([])).toBeNull();
  });
});
