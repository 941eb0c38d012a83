import { CATALOGUE, CATALOGUE_VERSION } from '@pathway/indicators';
import type { IndicatorReportDocument } from '@pathway/read-models';
import { ExportRow, INDICATOR_BREAKDOWNS, RATE_BREAKDOWNS, SUPPRESSED } from './export-row';
import { buildFunderExport } from './funder-export';
import { FRAMTID, framtidReport } from './testing/report-fixture';

// The read model's own type goes in as it is.
const asReadModelGivesIt: IndicatorReportDocument = framtidReport();
const exported = (threshold?: number) =>
  buildFunderExport(asReadModelGivesIt, FRAMTID, threshold === undefined ? {} : { suppressionThreshold: threshold });

/** An indicator's values as [women, men, non-binary, not disclosed, data missing, total]. */
const line = (rows: ExportRow[], code: string) => rows.filter((r) => r.code === code).map((r) => r.value);
const S = SUPPRESSED;

describe('a funder export', () => {
  it('has 6 rows per indicator and 5 per rate: 23 x 6 + 7 x 5', async () => {
    const { rows } = await exported();
    expect(rows).toHaveLength(23 * 6 + 7 * 5);
    expect(rows.slice(0, 6).map((r) => [r.code, r.kind, r.breakdown])).toEqual(
      INDICATOR_BREAKDOWNS.map((b) => ['EECO01', 'output', b]),
    );
    expect(rows.filter((r) => r.code === 'EECR05').every((r) => r.kind === 'result')).toBe(true);
    expect(rows.slice(-5).map((r) => [r.code, r.kind, r.breakdown])).toEqual(
      RATE_BREAKDOWNS.map((b) => ['TARGET_ACHIEVEMENT', 'rate', b]),
    );
    expect([...new Set(rows.map((r) => r.code))]).toEqual(CATALOGUE.map((e) => e.code));
  });

  it('says which project, cut of the figures and suppression rule it holds, and nothing else', async () => {
    const { meta } = await exported();
    expect(meta).toEqual({
      projectId: FRAMTID.projectId,
      projectName: '22-015-S01 #framtid',
      fund: 'ESF+',
      programme: 'CCI 2021SE05SFPR',
      specificObjective: 'A2A',
      region: 'SE12 Östra Mellansverige',
      timeZone: 'Europe/Stockholm',
      period: { from: '2023-03-31', to: '2025-12-31' },
      asKnownOn: '2026-01-15T12:00:00.000Z',
      position: 4711,
      catalogueVersion: CATALOGUE_VERSION,
      suppression: { threshold: 5, rule: expect.stringContaining('counts of 1-4 are shown as "suppressed"') },
    });
    // No generation time (it would change the digest), no owner or participant counts.
    expect(JSON.stringify(meta)).not.toMatch(/generated|Stiftelsen|enrolled/i);
  });

  it('hides small counts and the cells that would give them away, with one mark', async () => {
    const { rows } = await exported();
    expect(line(rows, 'EECO01')).toEqual([30, 28, S, S, 0, 64]); // two small cells hide each other
    expect(line(rows, 'EECO03')).toEqual([S, 11, 0, S, 0, 21]); // a lone 1, and the smallest other: 9
    expect(line(rows, 'EECO08')).toEqual([S, S, S, S, S, S]); // a total of 3: the whole row, zeros too
    expect(line(rows, 'EECO15')).toEqual([S, S, 0, 0, 9, 5]); // 3 + 2: a total of 5 is not small
    expect(line(rows, 'EECO06')).toEqual([S, S, 0, 0, S, 7]); // data missing 2 is hidden on its own
    expect(line(rows, 'EECO12')).toEqual([S, 9, S, 0, 6, 18]); // a lone 1 takes the 8 with it, not the 9
  });

  it('shows every count exactly with a threshold of 0 or 1', async () => {
    for (const threshold of [0, 1]) {
      const { rows, meta } = await exported(threshold);
      expect(line(rows, 'EECO08')).toEqual([2, 1, 0, 0, 2, 3]);
      expect(line(rows, 'EECO01')).toEqual([30, 28, 2, 4, 0, 64]);
      expect(rows.some((r) => r.value === S || r.numerator === S || r.denominator === S)).toBe(false);
      expect(meta.suppression).toEqual({ threshold, rule: 'none: every count is shown exactly' });
    }
  });

  it('takes another threshold', async () => {
    const { rows, meta } = await exported(10);
    expect(line(rows, 'EECO01')).toEqual([30, 28, S, S, 0, 64]);
    // The 2 non-binary participants (EECO01) are a small total of the labour-market partition too:
    // EECO02 + EECO04 + EECO05 is hidden whole for them, the zero in EECO05 included.
    expect(line(rows, 'EECO05')).toEqual([S, S, S, S, 0, 11]);
    expect(meta.suppression.threshold).toBe(10);
  });

  it('holds nothing but catalogue codes and names, breakdowns, counts, rates and the mark', async () => {
    const names = new Set(CATALOGUE.flatMap((e) => [e.code, e.name]));
    for (const row of (await exported()).rows) {
      expect(Object.keys(row)).toEqual(['code', 'name', 'kind', 'breakdown', 'value', 'numerator', 'denominator']);
      expect(names.has(row.code) && names.has(row.name)).toBe(true);
      for (const v of [row.value, row.numerator, row.denominator]) expect(v === null || v === S || typeof v === 'number').toBe(true);
    }
  });

  it('refuses project details of another project, and a threshold it cannot honour', async () => {
    await expect(buildFunderExport(framtidReport(), { ...FRAMTID, projectId: 'other' })).rejects.toThrow(/report is for project/);
    await expect(buildFunderExport(framtidReport(), FRAMTID, { suppressionThreshold: 2 })).rejects.toThrow(RangeError);
    await expect(buildFunderExport(framtidReport(), FRAMTID, { suppressionThreshold: -5 })).rejects.toThrow(RangeError);
  });

  it('refuses an indicator the catalogue does not know', async () => {
    const report = framtidReport();
    report.indicators[0] = { ...report.indicators[0]!, code: 'EECO99' };
    await expect(buildFunderExport(report, FRAMTID)).rejects.toThrow(/No indicator EECO99/);
  });
});
