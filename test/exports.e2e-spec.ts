import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import { removeDir, startApp, TestApp } from './support/test-app';
import { framtidProject } from './support/fixtures';
import { projected } from './support/wait-for';

const binary = (res: any, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

describe('funder exports over HTTP', () => {
  let t: TestApp;
  const project = '22-015-S01';
  // Funders ask for a calendar quarter as known on a month end after it (FUNDER_REPORTING_PERIODS=quarter).
  const QUARTER = 'from=2025-10-01&to=2025-12-31&asKnownOn=2026-09-30';
  const exportOf = (format: string, query = QUARTER) =>
    t.funder.get(`/api/v1/projects/${project}/indicators/export?format=${format}&${query}`).buffer(true).parse(binary).expect(200);

  beforeAll(async () => {
    t = await startApp(undefined, { DEMO_PARTICIPANTS: '400' });
    await projected(t, 20_000);
  }, 60_000);
  afterAll(async () => {
    await t.close();
    removeDir(t.dataDir);
  });

  it.each([
    ['csv', /^text\/csv/],
    ['json', /^application\/json/],
    ['xlsx', /^application\/vnd.openxmlformats-officedocument.spreadsheetml.sheet/],
  ])('gives the same %s bytes and digest twice, with the SHA-256 of the content', async (format, contentType) => {
    const first = await exportOf(format);
    await new Promise((resolve) => setTimeout(resolve, 2100)); // zip entries carry 2-second timestamps
    const second = await exportOf(format);
    expect(first.headers['content-type']).toMatch(contentType);
    expect(first.headers['content-disposition']).toMatch(new RegExp(`attachment; filename="indicators-${project}.*\\.${format}"`));
    expect(Buffer.compare(first.body, second.body)).toBe(0);
    expect(first.headers.digest).toBe(second.headers.digest);
    expect(first.headers.digest).toBe(`sha-256=${createHash('sha256').update(first.body).digest('base64')}`);
    expect(first.headers['x-generated-at']).not.toBe(second.headers['x-generated-at']);
  }, 20_000);

  it('writes one row per indicator and breakdown with the metadata, suppressing small counts, naming no one', async () => {
    const { body } = await exportOf('json');
    const { meta, rows } = JSON.parse(body.toString('utf8'));
    expect(meta).toMatchObject({ projectId: project, projectName: '#framtid', fund: 'ESF+', timeZone: 'Europe/Stockholm', asKnownOn: '2026-09-30T21:59:59.999Z', catalogueVersion: expect.any(String) });
    expect(meta.position).toBeGreaterThan(0);
    expect(rows).toHaveLength(23 * 6 + 7 * 5);
    expect(rows.some((r: { value: unknown }) => r.value === 'suppressed')).toBe(true);
    expect(body.toString('utf8')).not.toMatch(new RegExp(`${project}-p\\d+`));

    const csv = (await exportOf('csv')).body.toString('utf8');
    expect(csv).toMatch(/^\uFEFF# /);
    expect(csv).toContain('\r\n');

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await exportOf('xlsx')).body as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Indicators', 'Metadata']);
    expect(workbook.getWorksheet('Indicators')!.rowCount).toBe(1 + rows.length);
  });

  it('gives spreadsheet-safe CSV: a formula in the project name stays inert text, in both CSV dialects', async () => {
    const id = 'csv-injection';
    const name = 'Framtid,=HYPERLINK("http://x","y")';
    await t.admin.post('/api/v1/projects').send({ ...framtidProject, id, name }).expect(201);
    const funder = await t.as('funder', [id]);
    const get = async (format: string) => {
      for (let tries = 0; ; tries++) {
        const res = await funder.get(`/api/v1/projects/${id}/indicators/export?format=${format}&${QUARTER}`).buffer(true).parse(binary);
        if (res.status !== 404 || tries > 50) return res;
        await new Promise((resolve) => setTimeout(resolve, 200)); // the project is not projected yet
      }
    };

    const csv = await get('csv');
    expect(csv.status).toBe(200);
    // One quoted field with the quotes doubled and a leading apostrophe nowhere needed: it starts with "#".
    expect(csv.body.toString('utf8')).toContain('\r\n"# projectName: Framtid,=HYPERLINK(""http://x"",""y"")"\r\n');

    const semicolon = await get('csv-semicolon');
    expect(semicolon.status).toBe(200);
    expect(semicolon.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(semicolon.headers['content-disposition']).toMatch(new RegExp(`attachment; filename="indicators-${id}.*\\.semicolon\\.csv"`));
    const text = semicolon.body.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain('\r\ncode;name;kind;breakdown;value;numerator;denominator\r\n');
    expect(text).toMatch(/\r\nTARGET_ACHIEVEMENT;Participants against plan;rate;total;0(,\d+)?;0;80\r\n/);
    expect(semicolon.headers.digest).toBe(`sha-256=${createHash('sha256').update(semicolon.body).digest('base64')}`);
  }, 30_000);

  it('answers a bad format or date with 400 and an unknown project with 404', async () => {
    expect((await t.funder.get(`/api/v1/projects/${project}/indicators/export?format=pdf`)).status).toBe(400);
    expect((await t.funder.get(`/api/v1/projects/${project}/indicators/export?format=csv&from=2025-10-01&to=2026-02-30&asKnownOn=2026-09-30`)).status).toBe(400);
    expect((await t.funder.get('/api/v1/projects/nope/indicators/export?format=csv')).status).toBe(404);
    expect((await t.admin.get('/api/v1/projects/nope/indicators/export?format=csv')).status).toBe(404);
  });

  it('records a submitted report as an event with its digest and figures', async () => {
    const { body } = await t.admin.post(`/api/v1/projects/${project}/reports`).send({ from: '2025-10-01', to: '2025-12-31', asKnownOn: '2026-09-30' }).expect(201);
    expect(body).toMatchObject({ eventId: expect.any(String), digest: expect.stringMatching(/^sha-256=/), asKnownOn: '2026-09-30T21:59:59.999Z' });
    const exported = await exportOf('json');
    expect(body.digest).toBe(exported.headers.digest);
  });

  describe('funders: fixed reporting periods as known on month ends (issue 14.5)', () => {
    const exportAs = (agent: TestApp['funder'], query: string) => agent.get(`/api/v1/projects/${project}/indicators/export?format=json&${query}`);

    it('refuses the bug report\'s two exports one day apart, saying what is allowed', async () => {
      for (const asKnownOn of ['2026-09-01', '2026-09-02']) {
        const { status, body } = await exportAs(t.funder, `to=2026-03-30&asKnownOn=${asKnownOn}`);
        expect(status).toBe(400);
        expect(body).toMatchObject({ code: 'REPORT.PERIOD_NOT_ALLOWED', errors: [{ field: 'to', reason: expect.stringContaining('a calendar quarter') }] });
      }
      const { status, body } = await exportAs(t.funder, 'from=2025-10-01&to=2025-12-31&asKnownOn=2026-09-02');
      expect(status).toBe(400);
      expect(body).toMatchObject({ code: 'REPORT.AS_KNOWN_ON_NOT_ALLOWED', errors: [{ field: 'asKnownOn', reason: expect.stringContaining('last day of a month') }] });
      expect((await exportAs(t.funder, 'from=2025-10-01&to=2025-12-31')).body.code).toBe('REPORT.AS_KNOWN_ON_NOT_ALLOWED');
      expect((await exportAs(t.funder, 'from=2025-10-01&to=2025-12-31&asKnownOn=2025-11-30')).body.code).toBe('REPORT.AS_KNOWN_ON_NOT_ALLOWED');
    });

    it('lets evaluators, caseworkers and admins keep free periods', async () => {
      for (const agent of [t.evaluator, t.caseworker, t.admin]) {
        await exportAs(agent, 'to=2026-03-30&asKnownOn=2026-09-02').expect(200);
      }
    });

    it('refuses an asKnownOn after now to everyone with 400 REPORT.AS_KNOWN_ON_IN_FUTURE', async () => {
      const nextYear = new Date(Date.now() + 366 * 86_400_000).toISOString().slice(0, 10); // the bug report's was in 2030
      const { body } = await exportAs(t.admin, `to=2026-03-30&asKnownOn=${nextYear}`).expect(400);
      expect(body).toMatchObject({ code: 'REPORT.AS_KNOWN_ON_IN_FUTURE', errors: [{ field: 'asKnownOn' }] });
    });
  });
});
