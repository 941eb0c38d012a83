import { createHash } from 'node:crypto';
import { ExportFormat } from './exported-file';
import { exportFile } from './export-file';
import { FRAMTID, framtidReport } from './testing/report-fixture';

const FORMATS: ExportFormat[] = ['csv', 'json', 'xlsx'];

describe('exportFile', () => {
  it.each(FORMATS)('gives a %s file whose digest is the SHA-256 of its body, the same for the same inputs', async (format) => {
    const a = await exportFile(framtidReport(), FRAMTID, format);
    const b = await exportFile(framtidReport(), { ...FRAMTID }, format, { suppressionThreshold: 5 });
    expect(a.digest).toBe(`sha-256=${createHash('sha256').update(a.body).digest('base64')}`);
    expect(b.body.equals(a.body)).toBe(true);
    expect(b.digest).toBe(a.digest);
    expect(a.fileName).toBe(`indicators-${FRAMTID.projectId}-2023-03-31-to-2025-12-31-as-known-on-20260115T120000Z.${format}`);
  });

  it.each(FORMATS)('gives a different %s file for another threshold or another cut-off', async (format) => {
    const base = await exportFile(framtidReport(), FRAMTID, format);
    const exact = await exportFile(framtidReport(), FRAMTID, format, { suppressionThreshold: 0 });
    const later = await exportFile({ ...framtidReport(), asKnownOn: '2026-02-01T00:00:00.000Z', position: 4800 }, FRAMTID, format);
    expect(new Set([base.digest, exact.digest, later.digest]).size).toBe(3);
  });

  it('names a report as known now, from the start of the project, by what it holds', async () => {
    const report = { ...framtidReport(), asKnownOn: null, period: { from: null, to: '2025-12-31' } };
    const file = await exportFile(report, FRAMTID, 'csv');
    expect(file.fileName).toBe(`indicators-${FRAMTID.projectId}-start-to-2025-12-31.csv`);
    expect(file.body.toString('utf8')).toContain('\r\n# periodFrom: \r\n# periodTo: 2025-12-31\r\n# asKnownOn: \r\n');
  });

  it('keeps file names to safe characters whatever the project id is', async () => {
    const odd = { ...FRAMTID, projectId: 'a/b c:d' };
    const file = await exportFile({ ...framtidReport(), projectId: 'a/b c:d' }, odd, 'json');
    expect(file.fileName).toMatch(/^indicators-a_b_c_d-2023-03-31-to-2025-12-31-as-known-on-20260115T120000Z\.json$/);
  });
});
