import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import { removeDir, startApp, TestApp } from './support/test-app';
import { projected } from './support/wait-for';

const binary = (res: any, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

describe('funder exports over HTTP', () => {
  let t: TestApp;
  const project = '22-015-S01';
  const exportOf = (format: string, query = 'to=2026-03-30&asKnownOn=2026-10-01') =>
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
    expect(meta).toMatchObject({ projectId: project, projectName: '#framtid', fund: 'ESF+', asKnownOn: '2026-10-01T23:59:59.999Z', catalogueVersion: expect.any(String) });
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

  it('answers a bad format or date with 400 and an unknown project with 404', async () => {
    expect((await t.funder.get(`/api/v1/projects/${project}/indicators/export?format=pdf`)).status).toBe(400);
    expect((await t.funder.get(`/api/v1/projects/${project}/indicators/export?format=csv&to=2026-02-30`)).status).toBe(400);
    expect((await t.funder.get('/api/v1/projects/nope/indicators/export?format=csv')).status).toBe(404);
    expect((await t.admin.get('/api/v1/projects/nope/indicators/export?format=csv')).status).toBe(404);
  });

  it('records a submitted report as an event with its digest and figures', async () => {
    const { body } = await t.admin.post(`/api/v1/projects/${project}/reports`).send({ to: '2026-03-30', asKnownOn: '2026-10-01' }).expect(201);
    expect(body).toMatchObject({ eventId: expect.any(String), digest: expect.stringMatching(/^sha-256=/), asKnownOn: '2026-10-01T23:59:59.999Z' });
    const exported = await exportOf('json');
    expect(body.digest).toBe(exported.headers.digest);
  });
});
