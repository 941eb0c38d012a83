import { deflateRawSync } from 'node:zlib';
import { checkFile, decodeText, detectSeparator, readTable } from './read-table';
import { checkZip } from './zip-guard';
import { csvOf, xlsxOf } from './testing/sample-files';
import { ImportFileRefused } from './import-problem';

describe('reading an import file', () => {
  it('reads Windows-1252 CSV from older Excel, with ; separators', async () => {
    const table = await readTable(csvOf(['Namn|Kön', 'Åsa Öberg|kvinna']), undefined);
    expect(table.format).toBe('csv');
    const latin = await readTable(csvOf(['Namn|Kön', 'Åsa Öberg|kvinna'], 'windows-1252'));
    expect(latin.encoding).toBe('windows-1252');
    expect(latin.separator).toBe(';');
    expect(latin.sheets[0]!.rows[1]!.cells).toEqual(['Åsa Öberg', 'kvinna']);
  });

  it('drops a UTF-8 byte-order mark so the first header still matches', async () => {
    const table = await readTable(csvOf(['Personnummer,Namn', '811218-9876,Åsa'], 'utf-8-bom', ','));
    expect(table.encoding).toBe('utf-8-bom');
    expect(table.separator).toBe(',');
    expect(table.sheets[0]!.rows[0]!.cells[0]).toBe('Personnummer');
  });

  it('skips empty trailing rows (also rows of bare separators) and keeps file row numbers', async () => {
    const table = await readTable(csvOf(['A|B', '1|2', '|', '3|4', '', '|', '']));
    expect(table.sheets[0]!.rows.map((r) => r.row)).toEqual([1, 2, 4]);
  });

  it('keeps quoted separators and decimal commas inside a cell', async () => {
    const table = await readTable(csvOf(['A|B', '"7,5"|"x;y"']));
    expect(table.sheets[0]!.rows[1]!.cells).toEqual(['7,5', 'x;y']);
  });

  it('detects the separator outside quotes on the first line', () => {
    expect(detectSeparator('"a;b",c,d\n1;2;3;4')).toBe(',');
    expect(detectSeparator('a\tb\tc')).toBe('\t');
    expect(decodeText(Buffer.from('ÅÄÖ', 'latin1')).text).toBe('ÅÄÖ');
  });

  it('reads XLSX dates, serials, rich text and reports merged header cells', async () => {
    const file = await xlsxOf(
      [
        ['Inskrivningsdatum', 'Serial', 'Namn', ''],
        [new Date(Date.UTC(2024, 0, 15)), 45306, 'Åsa', null],
      ],
      { merge: 'C1:D1' },
    );
    const table = await readTable(file);
    const [header, row] = table.sheets[0]!.rows;
    expect(table.format).toBe('xlsx');
    expect(header!.cells.slice(0, 3)).toEqual(['Inskrivningsdatum', 'Serial', 'Namn']);
    expect(table.sheets[0]!.mergedInto.get(1)).toEqual(new Set([3]));
    expect((row!.cells[0] as Date).toISOString().slice(0, 10)).toBe('2024-01-15');
    expect(row!.cells[1]).toBe(45306);
  });

  it('refuses a file over the size limit before reading it', async () => {
    await expect(readTable(Buffer.alloc(2048), { maxFileBytes: 1024, maxEntries: 10, maxInflatedBytes: 10_000 })).rejects.toMatchObject({ code: 'IMPORT.FILE_TOO_LARGE' });
  });

  it('refuses a zip bomb by what it really inflates to, whatever its headers say', () => {
    const bomb = zipOf([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(5_000_000, 0x41) }]);
    expect(bomb.length).toBeLessThan(20_000);
    expect(() => checkZip(bomb, { maxFileBytes: 1_000_000, maxEntries: 10, maxInflatedBytes: 1_000_000 })).toThrow(
      expect.objectContaining({ code: 'IMPORT.INFLATES_TOO_LARGE' }) as unknown as Error,
    );
  });

  it('refuses a zip with more entries than a spreadsheet has, and a file that is no zip', () => {
    const many = zipOf(Array.from({ length: 20 }, (_, i) => ({ name: `f${i}`, data: Buffer.from('x') })));
    expect(() => checkZip(many, { maxFileBytes: 1_000_000, maxEntries: 10, maxInflatedBytes: 1_000_000 })).toThrow(ImportFileRefused);
    expect(() => checkZip(Buffer.from('PK\u0003\u0004 not really'))).toThrow(expect.objectContaining({ code: 'IMPORT.NOT_A_SPREADSHEET' }) as unknown as Error);
  });

  it('refuses what is no spreadsheet before reading it: a zip without a workbook, binary files, empty and header-only files (issue 12)', async () => {
    const refusal = (file: Buffer) => {
      try {
        checkFile(file);
        return 'accepted';
      } catch (error) {
        return (error as ImportFileRefused).code;
      }
    };
    expect(refusal(zipOf([{ name: 'word/document.xml', data: Buffer.from('<w/>') }]))).toBe('IMPORT.NOT_A_SPREADSHEET');
    expect(refusal(zipOf([{ name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') }]))).toBe('accepted');
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR rest of an image')]);
    expect(refusal(png)).toBe('IMPORT.NOT_A_SPREADSHEET');
    expect(refusal(Buffer.from('%PDF-1.7\nA;B\n1;2\n'))).toBe('IMPORT.NOT_A_SPREADSHEET');
    // Random bytes: a control character text never holds, even without a NUL.
    expect(refusal(Buffer.from([0x41, 0x3b, 0x42, 0x0a, 0x03, 0xfe, 0x3b, 0x99, 0x0a]))).toBe('IMPORT.NOT_A_SPREADSHEET');
    expect(refusal(Buffer.from('A;B\n1;\u0000\n'))).toBe('IMPORT.NOT_A_SPREADSHEET');
    expect(refusal(Buffer.alloc(0))).toBe('IMPORT.EMPTY_FILE');
    expect(refusal(Buffer.from('Personnummer;Inskrivningsdatum\r\n;\r\n\r\n'))).toBe('IMPORT.NO_DATA_ROWS');
    expect(refusal(csvOf(['Personnummer|Namn', '811218-9876|Åsa Öberg'], 'windows-1252'))).toBe('accepted');
  });

  it('passes a real XLSX through the guard', async () => {
    expect(() => checkZip(Buffer.alloc(0))).toThrow(ImportFileRefused);
    const file = await xlsxOf([['a']]);
    expect(() => checkZip(file)).not.toThrow();
  });
});

/** A minimal zip (APPNOTE.TXT): deflated entries, each declaring a small uncompressed size (as a bomb would lie). */
function zipOf(entries: { name: string; data: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const compressed = deflateRawSync(data);
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(10, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(10, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, compressed);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
