import { Workbook } from 'exceljs';
import { dosDateTime, withZipTimestamps, zipTimestamps } from './zip-timestamps';

async function packedWorkbook(): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.addWorksheet('Örebro').addRow(['a', 1]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('zip entry timestamps', () => {
  it('are MS-DOS date and time in UTC, to two seconds', () => {
    // 2026-01-15 12:00:07 -> time 12<<11 | 0<<5 | 3, date (46<<9) | (1<<5) | 15
    expect(dosDateTime(new Date('2026-01-15T12:00:07.900Z'))).toEqual({ time: (12 << 11) | 3, date: (46 << 9) | (1 << 5) | 15 });
    expect(dosDateTime(new Date('1980-01-01T00:00:00Z'))).toEqual({ time: 0, date: (1 << 5) | 1 });
  });

  it('cannot hold a date before 1980 or after 2107', () => {
    expect(() => dosDateTime(new Date('1979-12-31T23:59:59Z'))).toThrow(RangeError);
    expect(() => dosDateTime(new Date('2108-01-01T00:00:00Z'))).toThrow(RangeError);
    expect(() => dosDateTime(new Date('not a date'))).toThrow(RangeError);
  });

  it('are rewritten in every local header and central record, leaving everything else as it was', async () => {
    const zip = await packedWorkbook();
    const date = new Date('2025-12-31T00:00:00Z');
    const stamped = withZipTimestamps(zip, date);
    expect(stamped.length).toBe(zip.length);
    expect([...zipTimestamps(stamped).values()].every((s) => s.time === 0 && s.date === dosDateTime(date).date)).toBe(true);
    expect([...zipTimestamps(stamped).keys()]).toEqual([...zipTimestamps(zip).keys()]);
    // Only the stamp bytes differ (4 per header, two headers per entry).
    const changed = [...zip].filter((byte, i) => byte !== stamped[i]).length;
    expect(changed).toBeLessThanOrEqual(zipTimestamps(zip).size * 8);
    const workbook = new Workbook();
    await workbook.xlsx.load(stamped as unknown as Parameters<Workbook['xlsx']['load']>[0]);
    expect(workbook.getWorksheet('Örebro')!.getCell('B1').value).toBe(1);
  });

  it('leaves the input buffer untouched', async () => {
    const zip = await packedWorkbook();
    const copy = Buffer.from(zip);
    withZipTimestamps(zip, new Date('2025-12-31T00:00:00Z'));
    expect(zip.equals(copy)).toBe(true);
  });

  it('refuses what is not a zip', () => {
    expect(() => withZipTimestamps(Buffer.from('not a zip at all, just some text here'), new Date())).toThrow(/Not a zip/);
  });
});
