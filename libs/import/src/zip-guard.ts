import { inflateRawSync } from 'node:zlib';
import { ImportFileRefused } from './import-problem';

/** The bounds an uploaded XLSX (a zip) must keep before any spreadsheet library opens it. */
export interface ZipLimits {
  /** The file itself, in bytes. */
  maxFileBytes: number;
  /** Zip entries (an XLSX has a dozen or two). */
  maxEntries: number;
  /** All entries inflated, in bytes, actually inflated (not as declared: a zip bomb lies). */
  maxInflatedBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxFileBytes: 10 * 1024 * 1024,
  maxEntries: 500,
  // 10,000 participant rows (10 columns) inflate to about 4.7 MB; exceljs holds several times the XML in memory.
  maxInflatedBytes: 64 * 1024 * 1024,
};

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * Checks an untrusted zip (XLSX) against `limits` by walking its central directory (APPNOTE.TXT
 * §4.3) and inflating every entry under a hard output cap (zlib `maxOutputLength`), so a zip
 * bomb is refused after at most `maxInflatedBytes` of work, whatever its headers declare.
 * Refuses with `ImportFileRefused`: IMPORT.FILE_TOO_LARGE, IMPORT.NOT_A_SPREADSHEET (no zip
 * directory, ZIP64, encrypted or unknown compression, no `xl/workbook.xml`), IMPORT.TOO_MANY_ENTRIES,
 * IMPORT.INFLATES_TOO_LARGE.
 */
export function checkZip(file: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): void {
  if (file.length > limits.maxFileBytes) throw tooLarge(limits);
  const end = findEndOfCentralDirectory(file);
  const entries = file.readUInt16LE(end + 10);
  const directoryOffset = file.readUInt32LE(end + 16);
  if (entries === 0xffff || directoryOffset === 0xffffffff) throw notSpreadsheet('ZIP64');
  if (entries > limits.maxEntries) throw new ImportFileRefused('IMPORT.TOO_MANY_ENTRIES', 'The file holds too many parts for a spreadsheet', { max: limits.maxEntries });
  let budget = limits.maxInflatedBytes;
  let at = directoryOffset;
  let workbook = false;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > file.length || file.readUInt32LE(at) !== CENTRAL) throw notSpreadsheet('central directory');
    const flags = file.readUInt16LE(at + 8);
    const method = file.readUInt16LE(at + 10);
    const compressedSize = file.readUInt32LE(at + 20);
    const localOffset = file.readUInt32LE(at + 42);
    const nameLength = file.readUInt16LE(at + 28);
    const extraLength = file.readUInt16LE(at + 30);
    const commentLength = file.readUInt16LE(at + 32);
    if (flags & 0x1) throw notSpreadsheet('encrypted entry');
    if (compressedSize === 0xffffffff || localOffset === 0xffffffff) throw notSpreadsheet('ZIP64');
    budget -= inflatedSize(file, localOffset, compressedSize, method, budget, limits);
    workbook ||= file.toString('utf8', at + 46, at + 46 + nameLength) === WORKBOOK_PART;
    at += 46 + nameLength + extraLength + commentLength;
  }
  // Any zip passes the walk above (a .docx, a zipped folder): a spreadsheet has its workbook part.
  if (!workbook) throw notSpreadsheet('no workbook');
}

/** The workbook part every XLSX holds (ECMA-376 Part 1, §12.3.23, at the path Excel and every writer use). */
const WORKBOOK_PART = 'xl/workbook.xml';

function inflatedSize(file: Buffer, localOffset: number, compressedSize: number, method: number, budget: number, limits: ZipLimits): number {
  if (localOffset + 30 > file.length || file.readUInt32LE(localOffset) !== LOCAL) throw notSpreadsheet('local header');
  const start = localOffset + 30 + file.readUInt16LE(localOffset + 26) + file.readUInt16LE(localOffset + 28);
  if (start + compressedSize > file.length) throw notSpreadsheet('truncated entry');
  const data = file.subarray(start, start + compressedSize);
  if (method === 0) {
    if (data.length > budget) throw inflatesTooLarge(limits);
    return data.length;
  }
  if (method !== 8) throw notSpreadsheet('compression method');
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, budget) }).length;
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) throw inflatesTooLarge(limits);
    throw notSpreadsheet('corrupt entry');
  }
}

/** The End Of Central Directory record: the last 22 bytes, or earlier behind a comment of up to 65,535 bytes. */
function findEndOfCentralDirectory(file: Buffer): number {
  for (let at = file.length - 22; at >= Math.max(0, file.length - 22 - 0xffff); at--) {
    if (file.readUInt32LE(at) === EOCD) return at;
  }
  throw notSpreadsheet('no zip directory');
}

const tooLarge = (limits: ZipLimits) =>
  new ImportFileRefused('IMPORT.FILE_TOO_LARGE', 'The file is larger than an import takes', { maxBytes: limits.maxFileBytes });
const inflatesTooLarge = (limits: ZipLimits) =>
  new ImportFileRefused('IMPORT.INFLATES_TOO_LARGE', 'The spreadsheet unpacks to more than an import takes', { maxBytes: limits.maxInflatedBytes });
const notSpreadsheet = (why: string) =>
  new ImportFileRefused('IMPORT.NOT_A_SPREADSHEET', `The file is not an XLSX spreadsheet that can be read (${why})`);
