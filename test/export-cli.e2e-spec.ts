import { mkdtempSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathway } from './support/cli';
import { removeDir } from './support/test-app';

/** `pathway export --project 22-015-S01 --format xlsx` on demo data: a file a funder can open, the same twice. */
describe('pathway export', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'pathway-export-'));
  beforeAll(async () => {
    await pathway(dataDir, 'demo', '--participants', '400');
    await pathway(dataDir, 'replay');
  }, 120_000);
  afterAll(() => removeDir(dataDir));

  it('writes the same XLSX with the same digest twice', async () => {
    const run = () => pathway(dataDir, 'export', '--project', '22-015-S01', '--format', 'xlsx', '--to', '2026-03-30', '--out-dir', dataDir);
    const first = (await run()).stdout.trim();
    const bytes = readFileSync(first.split('  ')[0]!);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const second = (await run()).stdout.trim();
    expect(second).toBe(first);
    expect(first).toMatch(/indicators-22-015-S01-start-to-2026-03-30\.xlsx {2}sha-256=/);
    expect(first.split('  ')[1]).toBe(`sha-256=${createHash('sha256').update(bytes).digest('base64')}`);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
  }, 60_000); // two pathway processes, each 10 s and more to start on a loaded machine (as the backup e2e)

  it('exports every project', async () => {
    const { stdout } = await pathway(dataDir, 'export', '--all', '--format', 'csv', '--out-dir', dataDir);
    expect(stdout.trim().split('\n')).toHaveLength(4);
  }, 30_000);

  it('writes the semicolon CSV for Swedish and Danish Excel with --format csv-semicolon', async () => {
    const { stdout } = await pathway(dataDir, 'export', '--project', '22-015-S01', '--format', 'csv-semicolon', '--to', '2026-03-30', '--out-dir', dataDir);
    const path = stdout.trim().split('  ')[0]!;
    expect(path).toMatch(/\.semicolon\.csv$/);
    const text = readFileSync(path, 'utf8');
    expect(text).toMatch(/^\uFEFF/);
    expect(text).toContain('\r\ncode;name;kind;breakdown;value;numerator;denominator\r\n');
    expect(text).toMatch(/\r\nTARGET_ACHIEVEMENT;Participants against plan;rate;total;\d+(,\d+)?;\d+;80\r\n/);
  }, 30_000);

  it('names a wrong option', async () => {
    await expect(pathway(dataDir, 'export', '--format', 'csv')).rejects.toMatchObject({ stderr: expect.stringContaining('--project <id> or --all') });
    await expect(pathway(dataDir, 'export', '--all', '--format', 'pdf')).rejects.toMatchObject({ stderr: expect.stringContaining('Allowed choices') });
  }, 30_000);
});
