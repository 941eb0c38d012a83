import { buildFunderExport } from './funder-export';
import { FRAMTID, framtidReport } from './testing/report-fixture';
import { toJson } from './to-json';

const data = () => buildFunderExport(framtidReport(), FRAMTID);

describe('the JSON export', () => {
  it('holds { meta, rows } exactly as built', async () => {
    const file = toJson(await data());
    expect(JSON.parse(file.body.toString('utf8'))).toEqual(await data());
    expect(file.contentType).toBe('application/json; charset=utf-8');
    expect(file.fileName).toMatch(/^indicators-7c9e6679-.*-as-known-on-20260115T120000Z\.json$/);
  });

  it('is indented by two spaces, ends with a newline and has no BOM', async () => {
    const text = toJson(await data()).body.toString('utf8');
    expect(text.startsWith('{\n  "meta": {\n    "projectId": "7c9e6679-7425-40de-944b-e07fc1f90ae7",\n')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.charCodeAt(0)).toBe(0x7b);
  });

  it('writes keys in a fixed order, however the objects were built', async () => {
    const built = await data();
    const reversed = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).reverse()) as T;
    const shuffled = { rows: built.rows.map(reversed), meta: { ...reversed(built.meta), period: reversed(built.meta.period) } };
    expect(Object.keys(shuffled.rows[0]!)[0]).toBe('denominator');
    expect(toJson(shuffled).body.equals(toJson(built).body)).toBe(true);
    const parsed = JSON.parse(toJson(shuffled).body.toString('utf8'));
    expect(Object.keys(parsed.meta)).toEqual([
      'projectId', 'projectName', 'fund', 'programme', 'specificObjective', 'region', 'timeZone', 'period', 'asKnownOn', 'position',
      'catalogueVersion', 'suppression',
    ]);
    expect(Object.keys(parsed.rows[0])).toEqual(['code', 'name', 'kind', 'breakdown', 'value', 'numerator', 'denominator']);
  });

  it('gives the same bytes and digest twice', async () => {
    const [a, b] = [toJson(await data()), toJson(await data())];
    expect(a.body.equals(b.body)).toBe(true);
    expect(a.digest).toBe(b.digest);
    expect(a.digest).toMatch(/^sha-256=[A-Za-z0-9+/]{43}=$/);
  });

  it('writes the rates rounded to 4 decimals and hidden cells as the mark', async () => {
    const { rows } = JSON.parse(toJson(await data()).body.toString('utf8'));
    expect(rows.find((r: { code: string; breakdown: string }) => r.code === 'COMPLETION_RATE' && r.breakdown === 'non-binary'))
      .toEqual({ code: 'COMPLETION_RATE', name: 'Completion rate', kind: 'rate', breakdown: 'non-binary',
        value: 'suppressed', numerator: 'suppressed', denominator: 'suppressed' });
    expect(rows.find((r: { code: string; breakdown: string }) => r.code === 'COMPLETION_RATE' && r.breakdown === 'total').value).toBe(0.6667);
  });
});
