import { createHash } from 'node:crypto';
import { SUPPRESSED } from './export-row';
import { buildFunderExport } from './funder-export';
import { FRAMTID, framtidReport } from './testing/report-fixture';
import { csvField, toCsv } from './to-csv';

const csvOf = async (project = FRAMTID, threshold = 5) =>
  toCsv(await buildFunderExport(framtidReport(), project, { suppressionThreshold: threshold }));

/** A small RFC 4180 reader (quoted fields, doubled quotes, CRLF records), to read the export back. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (ch === '"') quoted = false; else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { record.push(field); field = ''; }
    else if (ch === '\r' && text[i + 1] === '\n') { record.push(field); records.push(record); record = []; field = ''; i++; }
    else field += ch;
  }
  return records;
}

describe('the CSV export', () => {
  it('starts with a BOM, then the metadata as # lines, the column names and one record per row', async () => {
    const text = (await csvOf()).body.toString('utf8');
    expect(text.startsWith('\uFEFF# projectId: 7c9e6679-7425-40de-944b-e07fc1f90ae7\r\n# projectName: 22-015-S01 #framtid\r\n')).toBe(true);
    expect(text).toContain('\r\n# region: SE12 Östra Mellansverige\r\n# timeZone: Europe/Stockholm\r\n# periodFrom: 2023-03-31\r\n# periodTo: 2025-12-31\r\n');
    expect(text).toContain('\r\n# asKnownOn: 2026-01-15T12:00:00.000Z\r\n# position: 4711\r\n');
    // A header line holding a quote or separator is one quoted field, like any other.
    expect(text).toContain('\r\n# suppressionThreshold: 5\r\n"# suppressionRule: counts of 1-4 are shown as ""suppressed"";');
    const records = parseCsv(text.slice(1)).filter((r) => !r[0]!.startsWith('#'));
    expect(records[0]).toEqual(['code', 'name', 'kind', 'breakdown', 'value', 'numerator', 'denominator']);
    expect(records).toHaveLength(1 + 23 * 6 + 7 * 5);
    expect(records[1]).toEqual(['EECO01', 'Total number of participants', 'output', 'women', '30', '', '']);
    expect(records[9]).toEqual(['EECO02', 'Unemployed, including long-term unemployed', 'output', 'non-binary', SUPPRESSED, '', '']);
    expect(records.find((r) => r[0] === 'COMPLETION_RATE' && r[3] === 'women')).toEqual(
      ['COMPLETION_RATE', 'Completion rate', 'rate', 'women', '0.7059', '12', '17']);
  });

  it('ends every line with CRLF and has no bare line feed', async () => {
    const text = (await csvOf()).body.toString('utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('encodes Swedish letters as UTF-8', async () => {
    expect((await csvOf()).body.includes(Buffer.from('Östra', 'utf8'))).toBe(true);
    expect((await csvOf()).body.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('quotes fields with commas, quotes or line breaks, and doubles the quotes', async () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hej"')).toBe('"say ""hej"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField(0.6667)).toBe('0.6667');
    expect(csvField(null)).toBe('');
  });

  it('neutralises text that a spreadsheet would run as a formula, in header lines and cells (OWASP)', async () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(csvField(`${start}1+1`).replace(/^"/, '').startsWith(`'${start}`)).toBe(true);
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    // Numbers are told apart by type: a negative number stays a number, the same text does not.
    expect(csvField(-0.5)).toBe('-0.5');
    expect(csvField('-0.5')).toBe("'-0.5");
    expect(csvField('a;b')).toBe('"a;b"');
  });

  it('keeps a project named like a formula in one inert field', async () => {
    const name = 'Framtid,=HYPERLINK("http://x","y")';
    const text = (await csvOf({ ...FRAMTID, name })).body.toString('utf8');
    const records = parseCsv(text.slice(1));
    const header = records.find((r) => r[0]!.startsWith('# projectName'))!;
    expect(header).toEqual([`# projectName: ${name}`]);
    // No field of any record starts a formula.
    for (const record of records) for (const field of record) expect(field).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('has a semicolon dialect with decimal commas that Swedish and Danish Excel open in columns', async () => {
    const file = toCsv(await buildFunderExport(framtidReport(), { ...FRAMTID, name: 'Framtid;=1+1' }), 'semicolon');
    const text = file.body.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(file.fileName).toMatch(/-as-known-on-20260115T120000Z\.semicolon\.csv$/);
    expect(text).toContain('\r\ncode;name;kind;breakdown;value;numerator;denominator\r\n');
    expect(text).toContain('\r\nCOMPLETION_RATE;Completion rate;rate;women;0,7059;12;17\r\n');
    expect(text).toContain('\r\nEECO01;Total number of participants;output;women;30;;\r\n');
    expect(text).toContain('\r\n# projectName: Framtid;=1+1"\r\n'.replace('# projectName', '"# projectName'));
  });

  it('keeps each metadata entry on one line, whatever the project is called', async () => {
    const odd = { ...FRAMTID, name: 'Activa, "#framtid"\r\nÖrebro' };
    const lines = (await csvOf(odd)).body.toString('utf8').split('\r\n');
    expect(lines).toContain('"# projectName: Activa, ""#framtid"" Örebro"');
  });

  it('gives the same bytes and digest twice, and a digest that is the SHA-256 of the body', async () => {
    const [a, b] = [await csvOf(), await csvOf()];
    expect(a.body.equals(b.body)).toBe(true);
    expect(a.digest).toBe(b.digest);
    expect(a.digest).toBe(`sha-256=${createHash('sha256').update(a.body).digest('base64')}`);
    expect(a.contentType).toBe('text/csv; charset=utf-8; header=present');
    expect(a.fileName).toBe(`indicators-${FRAMTID.projectId}-2023-03-31-to-2025-12-31-as-known-on-20260115T120000Z.csv`);
  });

  it('shows exact counts with suppression off', async () => {
    const records = parseCsv((await csvOf(FRAMTID, 0)).body.toString('utf8').slice(1));
    expect(records.some((r) => r.includes(SUPPRESSED))).toBe(false);
    expect(records.find((r) => r[0] === 'EECO08' && r[3] === 'total')).toEqual(
      ['EECO08', 'Participants aged 55 years and above', 'output', 'total', '3', '', '']);
  });
});
