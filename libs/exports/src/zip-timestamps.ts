/**
 * exceljs packs an XLSX with JSZip, which stamps every entry with the current time (`date || new Date()`
 * in JSZip's file options, which exceljs does not let a caller set). This rewrites those stamps in a
 * finished zip, in both places a zip keeps them (each local header and the central directory). The
 * stamps are outside the compressed data and its CRC, so nothing else changes. Zip64 and multi-disk
 * archives are refused: a few-kilobyte workbook is never either.
 */
const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** MS-DOS date and time (2-second resolution, years 1980-2107), in UTC as JSZip writes them. */
export function dosDateTime(date: Date): { time: number; date: number } {
  const year = date.getUTCFullYear();
  if (Number.isNaN(year) || year < 1980 || year > 2107) throw new RangeError(`A zip cannot hold the date ${date.toISOString()}`);
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

/** A copy of `zip` with every entry stamped `date`. */
export function withZipTimestamps(zip: Buffer, date: Date): Buffer {
  const out = Buffer.from(zip);
  const stamp = dosDateTime(date);
  for (const { central, local } of entries(out)) {
    out.writeUInt16LE(stamp.time, central + 12);
    out.writeUInt16LE(stamp.date, central + 14);
    out.writeUInt16LE(stamp.time, local + 10);
    out.writeUInt16LE(stamp.date, local + 12);
  }
  return out;
}

/** The stamps as written, per entry name, to check a zip without unpacking it. */
export function zipTimestamps(zip: Buffer): Map<string, { time: number; date: number }> {
  const stamps = new Map<string, { time: number; date: number }>();
  for (const { central, local } of entries(zip)) {
    const name = zip.toString('utf8', central + 46, central + 46 + zip.readUInt16LE(central + 28));
    const [time, date] = [zip.readUInt16LE(central + 12), zip.readUInt16LE(central + 14)];
    if (zip.readUInt16LE(local + 10) !== time || zip.readUInt16LE(local + 12) !== date) {
      throw new Error(`The local and central stamps of ${name} differ`);
    }
    stamps.set(name, { time, date });
  }
  return stamps;
}

/** Offsets of each entry's central-directory record and local header. */
function entries(zip: Buffer): Array<{ central: number; local: number }> {
  const end = findEndOfCentralDirectory(zip);
  const count = zip.readUInt16LE(end + 10);
  if (zip.readUInt16LE(end + 4) !== 0 || count === 0xffff || zip.readUInt32LE(end + 16) === 0xffffffff) {
    throw new Error('Multi-disk and Zip64 archives are not supported');
  }
  const found: Array<{ central: number; local: number }> = [];
  let central = zip.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(central) !== CENTRAL) throw new Error(`No central-directory record at ${central}`);
    const local = zip.readUInt32LE(central + 42);
    if (zip.readUInt32LE(local) !== LOCAL) throw new Error(`No local header at ${local}`);
    found.push({ central, local });
    central += 46 + zip.readUInt16LE(central + 28) + zip.readUInt16LE(central + 30) + zip.readUInt16LE(central + 32);
  }
  return found;
}

/** The record is 22 bytes plus a comment of up to 65,535, so it is searched for from the end. */
function findEndOfCentralDirectory(zip: Buffer): number {
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
    if (zip.readUInt32LE(at) === EOCD) return at;
  }
  throw new Error('Not a zip archive: no end-of-central-directory record');
}
