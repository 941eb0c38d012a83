import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { participantStream } from '@pathway/application';
import { SqliteEventStore } from '@pathway/event-store';
import { MasterKeys, newDataKey } from '@pathway/privacy';
import { pathway } from './support/cli';
import { entryProfile, framtidProject } from './support/fixtures';
import { removeDir, startApp, TestApp } from './support/test-app';
import { projected } from './support/wait-for';

const ENROL = '/api/v1/projects/22-015-S01/participants';

/** keys.db as an operator's tool would touch it: a restore from the wrong backup, a damaged row. */
function keysDb<T>(dataDir: string, work: (db: Database.Database) => T): T {
  const db = new Database(join(dataDir, 'keys.db'));
  try {
    return work(db);
  } finally {
    db.close();
  }
}

type KeyRow = { participant_id: string; wrapped: string | null; destroyed_at: string | null; version: number };

/**
 * Sealed boxes name their key; a key missing from the key store is told apart from an erasure,
 * a key that does not open a box is a handled state, and free text written in clear before it
 * was sealed is read as personal data (issue 14, item 4; issue 9, item 7).
 */
describe('sealed data whose key is missing, wrong, or never used (SQLite)', () => {
  let t: TestApp;
  const view = async (agent: TestApp['caseworker'], id: string) => (await agent.get(`/api/v1/participants/${id}`).expect(200)).body;
  const qualificationIn = (body: any) => body.timeline.find((m: { type: string }) => m.type === 'QualificationGained')?.details.qualification;
  const history = async (id: string) => (await t.caseworker.get(`/api/v1/participants/${id}/history`).expect(200)).body;
  const keyRow = (id: string) => keysDb(t.dataDir, (db) => db.prepare('SELECT * FROM data_keys WHERE participant_id = ?').get(id) as KeyRow | undefined);

  async function enrolWithText(id: string): Promise<void> {
    await t.caseworker.post(ENROL).send({ participantId: id, enrolledOn: '2024-01-15', profile: entryProfile, personal: { name: 'Ingrid Märtasdotter-Lund' } }).expect(201);
    await t.caseworker
      .post(`/api/v1/participants/${id}/milestones`)
      .send({ type: 'qualification-gained', occurredOn: '2024-05-01', qualification: 'Truck licence for Ingrid Märtasdotter-Lund' })
      .expect(201);
  }

  beforeAll(async () => {
    t = await startApp();
    await t.admin.post('/api/v1/projects').send(framtidProject).expect(201);
    await enrolWithText('km-lost');
    await enrolWithText('km-wrong');
    await projected(t);
  });
  afterAll(async () => {
    await t.close();
    removeDir(t.dataDir);
  });

  describe('a key missing from the key store (restored from the wrong backup)', () => {
    let saved: KeyRow;

    beforeAll(() => {
      saved = keyRow('km-lost')!;
      expect(saved).toMatchObject({ wrapped: expect.any(String), version: 1 });
      keysDb(t.dataDir, (db) => db.prepare('DELETE FROM data_keys WHERE participant_id = ?').run('km-lost'));
    });

    it('is reported as missing, not as erased, and the pathway still answers 200', async () => {
      const body = await view(t.caseworker, 'km-lost');
      expect(body.personalData).toEqual({ status: 'key-missing' });
      expect(qualificationIn(body)).toEqual({ status: 'key-missing' });
      // The evaluator opens nothing, so learns nothing about the key store.
      const evaluator = await view(t.evaluator, 'km-lost');
      expect(evaluator.personalData).toEqual({ status: 'recorded' });
      expect(qualificationIn(evaluator)).toEqual({ status: 'sealed' });
    });

    it('mints no new key: a contact change or a retraction with a reason answers 409 PARTICIPANT.KEY_MISSING and writes nothing', async () => {
      const before = await history('km-lost');
      const change = await t.caseworker.patch('/api/v1/participants/km-lost/contact-details').send({ phone: '+46 70 111 22 33' });
      expect([change.status, change.body.code]).toEqual([409, 'PARTICIPANT.KEY_MISSING']);
      expect(change.headers['content-type']).toMatch(/^application\/problem\+json/);
      const qualificationId = before.events[1].eventId;
      const retraction = await t.caseworker.post('/api/v1/participants/km-lost/retractions').send({ eventId: qualificationId, reason: 'recorded twice' });
      expect([retraction.status, retraction.body.code]).toEqual([409, 'PARTICIPANT.KEY_MISSING']);
      expect(await history('km-lost')).toEqual(before);
      expect(keyRow('km-lost')).toBeUndefined();
    });

    it('reads again once the right key store is restored', async () => {
      keysDb(t.dataDir, (db) =>
        db.prepare('INSERT INTO data_keys (participant_id, wrapped, destroyed_at, version) VALUES (?, ?, ?, ?)').run(saved.participant_id, saved.wrapped, saved.destroyed_at, saved.version),
      );
      const body = await view(t.caseworker, 'km-lost');
      expect(body.personalData).toEqual({ status: 'recorded', data: { name: 'Ingrid Märtasdotter-Lund' } });
      expect(qualificationIn(body)).toEqual({ status: 'open', text: 'Truck licence for Ingrid Märtasdotter-Lund' });
    });
  });

  it('makes no key for free text about a participant who does not exist, nor for a refused blank reason', async () => {
    const retraction = await t.caseworker.post('/api/v1/participants/km-nobody/retractions').send({ eventId: randomUUID(), reason: 'Ingrid called' });
    expect([retraction.status, retraction.body.code]).toEqual([404, 'PARTICIPANT.NOT_FOUND']);
    const milestone = await t.caseworker.post('/api/v1/participants/km-nobody/milestones').send({ type: 'qualification-gained', occurredOn: '2024-05-01', qualification: 'Barista' });
    expect([milestone.status, milestone.body.code]).toEqual([404, 'PARTICIPANT.NOT_FOUND']);
    expect(keyRow('km-nobody')).toBeUndefined();
    await t.caseworker.post(ENROL).send({ participantId: 'km-bare', enrolledOn: '2024-01-15', profile: entryProfile }).expect(201);
    const blank = await t.caseworker.post('/api/v1/participants/km-bare/retractions').send({ eventId: randomUUID(), reason: ' \t ' });
    expect([blank.status, blank.body.code]).toEqual([422, 'RETRACTION.REASON_REQUIRED']);
    expect(keyRow('km-bare')).toBeUndefined();
  });

  it('answers a key that does not open the boxes (same name, other bytes) as unreadable, with 200', async () => {
    const masterKeys = new MasterKeys(Buffer.from(readFileSync(join(t.dataDir, 'master.key'), 'utf8'), 'hex'));
    keysDb(t.dataDir, (db) => db.prepare('UPDATE data_keys SET wrapped = ? WHERE participant_id = ?').run(masterKeys.wrap(newDataKey()), 'km-wrong'));
    const body = await view(t.caseworker, 'km-wrong');
    expect(body.personalData).toEqual({ status: 'unreadable' });
    expect(qualificationIn(body)).toEqual({ status: 'unreadable' });
    const { events } = await history('km-wrong');
    expect(events[1].data.qualification).toEqual({ status: 'unreadable' });
  });

  it('answers a key row the master key does not open (another installation\'s backup) as unreadable, and refuses to seal with it', async () => {
    await enrolWithText('km-foreign');
    await projected(t);
    keysDb(t.dataDir, (db) => db.prepare('UPDATE data_keys SET wrapped = ? WHERE participant_id = ?').run(new MasterKeys(newDataKey()).wrap(newDataKey()), 'km-foreign'));
    const body = await view(t.caseworker, 'km-foreign');
    expect(body.personalData).toEqual({ status: 'unreadable' });
    expect(qualificationIn(body)).toEqual({ status: 'unreadable' });
    const before = await history('km-foreign');
    const change = await t.caseworker.patch('/api/v1/participants/km-foreign/contact-details').send({ phone: '+46 70 111 22 33' });
    expect([change.status, change.body.code]).toEqual([409, 'PARTICIPANT.KEY_UNREADABLE']);
    expect(await history('km-foreign')).toEqual(before);
  });

  describe('free text written in clear before it was sealed (schema version 1)', () => {
    const LEGACY = { qualification: 'Forklift licence for Oskar Hägerström-Nyblom', reason: 'Oskar Hägerström-Nyblom phoned, tel 070-987 65 43' };
    let legacyQualificationId: string;

    beforeAll(async () => {
      await t.caseworker.post(ENROL).send({ participantId: 'km-legacy', enrolledOn: '2024-01-15', profile: entryProfile }).expect(201);
      const mistake = await t.caseworker.post('/api/v1/participants/km-legacy/milestones').send({ type: 'job-search-started', occurredOn: '2024-02-01' }).expect(201);
      // As an older release wrote them: the text in clear, schemaVersion 1.
      const metadata = { recordedAt: new Date().toISOString(), actor: 'caseworker-old', actorRole: 'caseworker', correlationId: 'c-old', causationId: 'c-old', projectId: '22-015-S01', schemaVersion: 1 };
      legacyQualificationId = randomUUID();
      const store = new SqliteEventStore(join(t.dataDir, 'events.db'));
      try {
        await store.append(participantStream('km-legacy'), [
          { eventId: legacyQualificationId, type: 'QualificationGained', data: { participantId: 'km-legacy', occurredOn: '2024-03-01', qualification: LEGACY.qualification, iscedLevel: null }, metadata },
          { eventId: randomUUID(), type: 'MilestoneRetracted', data: { participantId: 'km-legacy', retractedEventId: mistake.body.eventId, reason: LEGACY.reason }, metadata },
        ], 2);
      } finally {
        await store.close();
      }
      await projected(t);
    });

    it('opens it for the caseworker only, and keeps it out of every read model', async () => {
      const body = await view(t.caseworker, 'km-legacy');
      expect(qualificationIn(body)).toEqual({ status: 'open', text: LEGACY.qualification });
      expect(body.timeline.find((m: { type: string }) => m.type === 'JobSearchStarted').retracted.reason).toEqual({ status: 'open', text: LEGACY.reason });
      const evaluator = await t.evaluator.get('/api/v1/participants/km-legacy').expect(200);
      expect(qualificationIn(evaluator.body)).toEqual({ status: 'sealed' });
      const evaluatorHistory = await t.evaluator.get('/api/v1/participants/km-legacy/history').expect(200);
      expect(JSON.stringify([evaluator.body, evaluatorHistory.body])).not.toMatch(/Hägerström|Forklift|070-987/);
      expect(readFileSync(join(t.dataDir, 'read-models.db')).includes(Buffer.from('Hägerström'))).toBe(false);
    });

    it('hides it from the operator tool `pathway events` too', async () => {
      const { stdout } = await pathway(t.dataDir, 'events', '--participant', 'km-legacy', '--json');
      expect(stdout).not.toMatch(/Hägerström|Forklift|070-987/);
      const events = JSON.parse(stdout) as Array<{ type: string; data: Record<string, unknown> }>;
      expect(events.find((e) => e.type === 'QualificationGained')!.data.qualification).toBe('sealed');
    }, 30_000);

    it('shows it to no one once the person is erased', async () => {
      await t.admin.delete('/api/v1/participants/km-legacy/personal-data').send({ reason: 'art. 17 request, ticket KM-1' }).expect(200);
      const body = await view(t.caseworker, 'km-legacy');
      expect(qualificationIn(body)).toEqual({ status: 'erased' });
      expect(JSON.stringify(body)).not.toMatch(/Hägerström|Forklift|070-987/);
      expect(JSON.stringify(await history('km-legacy'))).not.toMatch(/Hägerström|Forklift|070-987/);
    });
  });
});
