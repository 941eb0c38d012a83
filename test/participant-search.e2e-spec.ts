import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import { postgresTestDatabase, TestDatabase, testEngines } from '../libs/read-models/src/testing/read-model-engines';
import { pathwayWith } from './support/cli';
import { entryProfile, framtidProject } from './support/fixtures';
import { removeDir, startApp, TestApp } from './support/test-app';
import { projected } from './support/wait-for';

const LIST = '/api/v1/projects/22-015-S01/participants';
const ANNA = { name: 'Anna Åström', nationalIdentityNumber: '19900101-2385' };
const BERTIL = { name: 'Bertil Östlund', nationalIdentityNumber: '200308142389' };

type Engine = 'sqlite' | 'postgres';

/**
 * Search of a project's participants (issue 10, item 3): by identity number through the blind
 * index, by name for the project's caseworkers, by pseudonymous id for everyone; audited; and an
 * erased person no longer found. On the embedded SQLite key store and on PostgreSQL.
 */
describe.each<Engine>(testEngines() as Engine[])('participant search on %s', (engine) => {
  let t: TestApp;
  let database: TestDatabase | undefined;
  let settings: Record<string, string> = {};
  const ids = async (query: string, agent = () => t.caseworker) => (await agent().get(`${LIST}?${query}`).expect(200)).body.items.map((i: { participantId: string }) => i.participantId);
  const audit = async (participantId: string) =>
    (await t.admin.get(`/api/v1/audit?participantId=${participantId}`).expect(200)).body.entries.map((e: { action: string; correlationId: string }) => `${e.action} ${e.correlationId}`);

  /** The blind-index rows, straight from the key store's table. */
  async function indexRows(): Promise<string[]> {
    if (engine === 'sqlite') {
      const db = new Database(join(t.dataDir, 'keys.db'), { readonly: true });
      try {
        return db.prepare<[], { participant_id: string }>('SELECT participant_id FROM identity_index ORDER BY participant_id').all().map((r) => r.participant_id);
      } finally {
        db.close();
      }
    }
    const pg = new Client({ connectionString: settings.DATABASE_URL });
    await pg.connect();
    try {
      return (await pg.query<{ participant_id: string }>('SELECT participant_id FROM identity_index ORDER BY participant_id')).rows.map((r) => r.participant_id);
    } finally {
      await pg.end();
    }
  }

  beforeAll(async () => {
    if (engine === 'postgres') {
      database = await postgresTestDatabase();
      const url = database.config.engine === 'postgres' ? database.config.url : '';
      settings = { READ_MODEL_DB: 'postgres', DATABASE_URL: url, MASTER_KEY: randomBytes(32).toString('hex') };
    }
    t = await startApp(undefined, settings);
    await t.admin.post('/api/v1/projects').send(framtidProject).expect(201);
    await t.admin.post('/api/v1/projects').send({ ...framtidProject, id: 'P-2', name: 'Other' }).expect(201);
    const enrol = (project: string, participantId: string, personal?: object) =>
      t.caseworker.post(`/api/v1/projects/${project}/participants`).send({ participantId, enrolledOn: '2024-01-15', profile: entryProfile, personal }).expect(201);
    await enrol('22-015-S01', 'ps-anna', ANNA);
    await enrol('22-015-S01', 'ps-bertil', BERTIL);
    await enrol('22-015-S01', 'ps-carin');
    // The same person in another project: never found from this one.
    await enrol('P-2', 'ps-anna-elsewhere', { nationalIdentityNumber: '199001012385' });
    await projected(t);
  }, 30_000);

  afterAll(async () => {
    await t?.close();
    if (t) removeDir(t.dataDir);
    await database?.drop();
  });

  it('finds a caseworker the participant by identity number in any written form, in this project only, and audits it', async () => {
    for (const form of ['19900101-2385', '900101-2385', '199001012385', ' 9001012385 ']) {
      expect(await ids(`identityNumber=${encodeURIComponent(form)}`)).toEqual(['ps-anna']);
    }
    expect(await ids('identityNumber=200308142389')).toEqual(['ps-bertil']);
    expect(await ids('identityNumber=197001012380')).toEqual([]);
    await t.caseworker.get(`${LIST}?identityNumber=900101-2385`).set('X-Correlation-Id', 'search-anna').expect(200);
    expect(await audit('ps-anna')).toContain('personal-data.search search-anna');
    expect(await audit('ps-anna-elsewhere')).toEqual([]);
  });

  it('searches names for caseworkers, case and diacritics aside, and ids by prefix for everyone', async () => {
    expect(await ids('q=astrom')).toEqual(['ps-anna']);
    expect(await ids('q=BERTIL%20%C3%B6st')).toEqual(['ps-bertil']);
    expect(await ids('q=ps-')).toEqual(['ps-anna', 'ps-bertil', 'ps-carin']);
    expect(await ids('q=PS-C')).toEqual(['ps-carin']);
    expect(await ids('q=nobody')).toEqual([]);
    // An evaluator's q is an id prefix only: no name is opened for them.
    expect(await ids('q=astrom', () => t.evaluator)).toEqual([]);
    expect(await ids('q=ps-b', () => t.evaluator)).toEqual(['ps-bertil']);
  });

  it('gives caseworkers names with the page, each one audited', async () => {
    const { body } = await t.caseworker.get(`${LIST}?names=true`).set('X-Correlation-Id', 'names-1').expect(200);
    expect(body.items.map((i: { participantId: string; name: string | null }) => [i.participantId, i.name])).toEqual([
      ['ps-anna', ANNA.name],
      ['ps-bertil', BERTIL.name],
      ['ps-carin', null],
    ]);
    expect(await audit('ps-bertil')).toContain('personal-data.read names-1');
    expect(await audit('ps-carin')).toEqual([]);
    const plain = (await t.caseworker.get(LIST).expect(200)).body.items;
    expect(plain.every((i: object) => !('name' in i))).toBe(true);
  });

  it('refuses identity-number search and names to every other role (403), and bad input (400)', async () => {
    for (const query of ['identityNumber=900101-2385', 'names=true']) {
      const refused = await t.evaluator.get(`${LIST}?${query}`).expect(403);
      expect(refused.body.code).toBe('AUTH.FORBIDDEN');
      await t.admin.get(`${LIST}?${query}`).expect(403);
    }
    const bad = await t.caseworker.get(`${LIST}?identityNumber=${encodeURIComponent('<script>')}`).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['identityNumber']);
    await t.caseworker.get(`${LIST}?names=maybe`).expect(400);
  });

  it('forgets the erased: not found by number, no name, and no row left in the index', async () => {
    expect(await indexRows()).toEqual(['ps-anna', 'ps-anna-elsewhere', 'ps-bertil']);
    await t.admin.delete('/api/v1/participants/ps-anna/personal-data').send({ reason: 'Asked to be forgotten' }).expect(200);
    expect(await indexRows()).toEqual(['ps-anna-elsewhere', 'ps-bertil']);
    expect(await ids('identityNumber=900101-2385')).toEqual([]);
    expect(await ids('q=astrom')).toEqual([]);
    const { body } = await t.caseworker.get(`${LIST}?names=true&q=ps-anna`).expect(200);
    expect(body.items).toEqual([expect.objectContaining({ participantId: 'ps-anna', name: null })]);
  });

  it('`pathway blind-index rebuild` files participants enrolled before the index, never the erased', async () => {
    await t.close();
    if (engine === 'sqlite') {
      const db = new Database(join(t.dataDir, 'keys.db'));
      db.exec('DELETE FROM identity_index');
      db.close();
    } else {
      const pg = new Client({ connectionString: settings.DATABASE_URL });
      await pg.connect();
      await pg.query('DELETE FROM identity_index');
      await pg.end();
    }
    expect(await indexRows()).toEqual([]);
    const { stdout } = await pathwayWith(settings, t.dataDir, 'blind-index', 'rebuild');
    expect(stdout).toContain('2 participants filed by identity number; 1 sealed records not opened');
    expect(await indexRows()).toEqual(['ps-anna-elsewhere', 'ps-bertil']);
    t = await startApp(t.dataDir, settings);
    expect(await ids('identityNumber=200308142389')).toEqual(['ps-bertil']);
  }, 60_000);
});
