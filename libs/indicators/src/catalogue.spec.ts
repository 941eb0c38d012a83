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
    expect(CATALOGUE_VERSION).toBe('2021/1057-annex-I.1-r2');
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
    expect(INDICATORS.filter((i) => i.population === 'follow-up').map((i) => i.code)).toEqual(['EECR05']);
    expect(INDICATORS.filter((i) => i.population === 'follow-up-employed-at-entry').map((i) => i.code)).toEqual(['EECR06']);
    expect(RATES.map((r) => r.code)).toEqual(PROJECT_RATES);
  });

  const definitionOf = (code: string) => CATALOGUE.find((e) => e.code === code)!.definition;

  it('states the settled situation upon leaving in EECR01, 02, 04 and the rates that follow it', () => {
    for (const code of ['EECR01', 'EECR02', 'EECR04']) {
      expect(definitionOf(code)).toContain('settled once per leaver');
      expect(definitionOf(code)).toContain('from the last entry (first enrolment or re-entry) to 28 days after the last exit');
      expect(definitionOf(code)).toContain('The latest-dated known situation wins');
      expect(definitionOf(code)).toContain('employment and education may both hold');
      expect(definitionOf(code)).toContain('On one date, employment and education outrank a job search');
      expect(definitionOf(code)).toContain('Only when nothing at all is known');
    }
    expect(definitionOf('EECR01')).toContain('neither employed nor in education or training');
    for (const code of ['PLACEMENT_RATE', 'EDUCATION_OR_WORK_RATE']) expect(definitionOf(code)).toContain('the settled situation');
    expect(definitionOf('EECR03')).toContain('from first enrolment to 28 days after the last exit');
  });

  it('restricts EECR06 to those employed at entry, naming the source', () => {
    expect(definitionOf('EECR06')).toContain('Only participants employed or self-employed at first entry');
    expect(definitionOf('EECR06')).toContain('SFC FAQ on "improved labour market situation"');
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
