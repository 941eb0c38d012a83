import Database from 'better-sqlite3';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { participantStream } from '@pathway/application';
import { openKeyStore } from '@pathway/config';
import { SqliteEventStore } from '@pathway/event-store';
import { PersonalData, Sealed, unseal, unsealPersonalData } from '@pathway/privacy';
import { pathway } from './support/cli';
import { entryProfile, framtidProject } from './support/fixtures';
import { removeDir, startApp, TestApp } from './support/test-app';
import { projected } from './support/wait-for';

/** The person of this file. Every value is distinctive, so finding one anywhere on disk means it leaked. */
const ZELDA = {
  name: 'Zelda Quistgaard-Vinterö',
  dateOfBirth: '1961-07-23',
  phone: '+46 70 555 01 23',
  email: 'zelda.q@example.org',
  address: 'Kvarnbäcksgränd 17, 702 11 Örebro',
  nationalIdentityNumber: '199001019876',
  notes: 'Prefers mornings; volunteers at the Blåklintsnäs orchard cooperative',
};
const ZELDA_NEW_PHONE = '+46 73 919 44 21';

/** Free text a caseworker or admin typed about her (issue 9, item 7): each names or identifies her. */
const ZELDA_TEXT = {
  qualification: 'Truck licence for Zelda Quistgaard-Vinterö 199001019876, tel +46 70 555 01 23',
  retraction: 'Typed on Zelda Quistgaard-Vinterö by mistake (Lastbilsövning)',
  erasure: 'Zelda Quistgaard-Vinterö phoned: art. 17 request, ticket ZQ-4711 (Raderingsärende)',
};

/** What must never be on disk in clear text: the values, and fragments that would betray them. */
const PLAINTEXT = [
  ...Object.values(ZELDA),
  ...Object.values(ZELDA_TEXT),
  'Truck licence for',
  'Lastbilsövning',
  'Raderingsärende',
  ZELDA_NEW_PHONE,
  'Quistgaard',
  'Vinterö',
  'Kvarnbäcksgränd',
  'Blåklintsnäs',
  '555 01 23',
  '919 44 21',
];

const ENROL = '/api/v1/projects/22-015-S01/participants';
const ZELDA_ID = 'zq-participant-1';

/** Every file under `dir`, however deep. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** `file: needle` for each needle found in each file, searched as raw bytes. */
function occurrences(files: string[], needles: Array<string | Buffer>): string[] {
  return files.flatMap((file) => {
    const bytes = readFileSync(file);
    return needles
      .filter((needle) => bytes.includes(typeof needle === 'string' ? Buffer.from(needle, 'utf8') : needle))
      .map((needle) => `${file}: ${typeof needle === 'string' ? needle : `<${needle.length} key bytes>`}`);
  });
}

/** For each needle, whether any of the files holds it: the positive control of `occurrences`. */
const foundIn = (files: string[], needles: string[]) =>
  needles.map((needle) => files.some((file) => readFileSync(file).includes(Buffer.from(needle, 'utf8'))));

const logFiles = (dataDir: string) => readdirSync(dataDir).filter((name) => name.startsWith('events.db')).map((name) => join(dataDir, name));

/** The wrapped data key row of a participant, straight from keys.db. */
function keyRow(dataDir: string, participantId: string): { wrapped: string | null; destroyed_at: string | null } | undefined {
  const db = new Database(join(dataDir, 'keys.db'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT wrapped, destroyed_at FROM data_keys WHERE participant_id = ?').get(participantId) as never;
  } finally {
    db.close();
  }
}

async function sealedEnrolment(dataDir: string, participantId: string): Promise<Sealed> {
  const store = new SqliteEventStore(join(dataDir, 'events.db'));
  try {
    const [enrolment] = await store.readStream(participantStream(participantId));
    expect(enrolment.type).toBe('ParticipantEnrolled');
    return enrolment.data.personal as Sealed;
  } finally {
    await store.close();
  }
}

describe('personal data over HTTP on SQLite', () => {
  let t: TestApp;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await t.close();
  };
  const view = (agent: TestApp['caseworker'], id = ZELDA_ID) => agent.get(`/api/v1/participants/${id}`);
  const history = async (id = ZELDA_ID) => (await t.caseworker.get(`/api/v1/participants/${id}/history`).expect(200)).body;
  const head = async () => (await t.anonymous().get('/health').expect(200)).body.eventStore.headPosition as number;
  let qualificationId: string;
  let mistakeId: string;
  let retractionId: string;
  /** The qualification's text and the retraction's reason, as a caller's pathway view shows them. */
  const freeTextIn = async (agent: TestApp['caseworker']) => {
    const { body } = await view(agent).expect(200);
    const byId = new Map<string, any>(body.timeline.map((m: { eventId: string }) => [m.eventId, m]));
    return { qualification: byId.get(qualificationId).details.qualification, retraction: byId.get(mistakeId).retracted.reason };
  };

  beforeAll(async () => {
    t = await startApp();
    await t.admin.post('/api/v1/projects').send(framtidProject).expect(201);
    await t.caseworker
      .post(ENROL)
      .set('X-Correlation-Id', 'zq-enrolment')
      .send({ participantId: ZELDA_ID, enrolledOn: '2024-01-15', profile: entryProfile, personal: ZELDA })
      .expect(201);
    await t.caseworker
      .post(`/api/v1/participants/${ZELDA_ID}/milestones`)
      .send({ type: 'intervention-started', occurredOn: '2024-02-01', interventionId: 'zq-ips', kind: 'ips' })
      .expect(201);
    await t.caseworker
      .post(`/api/v1/participants/${ZELDA_ID}/milestones`)
      .send({ type: 'job-placed', occurredOn: '2024-10-14', employment: 'employee', contract: 'temporary', hoursPerWeek: 30 })
      .expect(201);
    const qualified = await t.caseworker
      .post(`/api/v1/participants/${ZELDA_ID}/milestones`)
      .send({ type: 'qualification-gained', occurredOn: '2024-09-01', qualification: ZELDA_TEXT.qualification, iscedLevel: 'isced-3-4' })
      .expect(201);
    qualificationId = qualified.body.eventId;
    const mistaken = await t.caseworker
      .post(`/api/v1/participants/${ZELDA_ID}/milestones`)
      .send({ type: 'job-search-started', occurredOn: '2024-09-02' })
      .expect(201);
    mistakeId = mistaken.body.eventId;
    retractionId = (await t.caseworker.post(`/api/v1/participants/${ZELDA_ID}/retractions`).send({ eventId: mistakeId, reason: ZELDA_TEXT.retraction }).expect(201)).body.eventId;
    // Someone without personal data, so the figures count more than one person.
    await t.caseworker.post(ENROL).send({ participantId: 'zq-participant-2', enrolledOn: '2024-02-01', profile: entryProfile }).expect(201);
    await projected(t);
  });
  afterAll(async () => {
    await stop();
    removeDir(t.dataDir);
  });

  describe('who sees what', () => {
    it('shows the caseworker the personal data recorded at enrolment', async () => {
      const { body } = await view(t.caseworker).expect(200);
      expect(body.participantId).toBe(ZELDA_ID);
      expect(body.personalData).toEqual({ status: 'recorded', data: ZELDA });
    });

    it('tells the evaluator only that personal data was recorded', async () => {
      const { body } = await view(t.evaluator).expect(200);
      expect(body.personalData).toEqual({ status: 'recorded' });
      expect(JSON.stringify(body)).not.toContain('Quistgaard');
    });

    it("opens the qualification's text and the retraction's reason for the project's caseworker", async () => {
      expect(await freeTextIn(t.caseworker)).toEqual({
        qualification: { status: 'open', text: ZELDA_TEXT.qualification },
        retraction: { status: 'open', text: ZELDA_TEXT.retraction },
      });
      const { events } = await history();
      expect(events.find((e: { eventId: string }) => e.eventId === qualificationId).data.qualification).toEqual({ status: 'open', text: ZELDA_TEXT.qualification });
      expect(events.find((e: { eventId: string }) => e.eventId === retractionId).data.reason).toEqual({ status: 'open', text: ZELDA_TEXT.retraction });
    });

    it('shows the evaluator that there is free text, never what it says, in the pathway and the history', async () => {
      expect(await freeTextIn(t.evaluator)).toEqual({ qualification: { status: 'sealed' }, retraction: { status: 'sealed' } });
      const { body } = await t.evaluator.get(`/api/v1/participants/${ZELDA_ID}/history`).expect(200);
      expect(JSON.stringify(body)).not.toMatch(/Quistgaard|Truck|Lastbils|ciphertext/);
      expect(body.events.find((e: { eventId: string }) => e.eventId === qualificationId).data).toMatchObject({ qualification: { status: 'sealed' }, iscedLevel: 'isced-3-4' });
    });

    it('counts the qualification all the same: indicators never read the text', async () => {
      const { body } = await t.evaluator.get('/api/v1/participants/' + ZELDA_ID).expect(200);
      expect(body.timeline.find((m: { eventId: string }) => m.eventId === qualificationId)).toMatchObject({ type: 'QualificationGained', details: { iscedLevel: 'isced-3-4' } });
    });

    it('says "none" for a participant enrolled without personal data', async () => {
      const { body } = await view(t.caseworker, 'zq-participant-2').expect(200);
      expect(body.personalData).toEqual({ status: 'none' });
    });

    it("answers a caseworker of another project exactly as if the participant did not exist", async () => {
      const elsewhere = await t.as('caseworker', ['P-2'], 'caseworker-zq-elsewhere');
      const hidden = await view(elsewhere).expect(404);
      const missing = await view(elsewhere, 'zq-nobody').expect(404);
      const { instance: hiddenInstance, ...hiddenRest } = hidden.body;
      const { instance: missingInstance, ...missingRest } = missing.body;
      expect(hiddenRest).toEqual(missingRest);
      expect(hiddenRest).toMatchObject({ status: 404, code: 'PARTICIPANT.NOT_FOUND' });
      expect([hiddenInstance, missingInstance]).toEqual([`/api/v1/participants/${ZELDA_ID}`, '/api/v1/participants/zq-nobody']);
      expect(hidden.headers['content-type']).toBe(missing.headers['content-type']);
      expect(JSON.stringify(hidden.body)).not.toContain('Quistgaard');
    });

    it('refuses the funder with 403', async () => {
      const { body } = await view(t.funder).expect(403);
      expect(body.code).toBe('AUTH.FORBIDDEN');
    });
  });

  describe('in the log', () => {
    it('shows the sealed block as "sealed" in the history', async () => {
      const { events } = await history();
      expect(events[0]).toMatchObject({ type: 'ParticipantEnrolled', data: { participantId: ZELDA_ID, personal: 'sealed' } });
      // The caseworker's history opens free text (below), never the personal block.
      expect(JSON.stringify(events)).not.toMatch(/ciphertext|Kvarnbäcksgränd|199001019876"|zelda\.q/);
    });

    it("seals every box with the participant's key and names it (key id and version)", async () => {
      const store = new SqliteEventStore(join(t.dataDir, 'events.db'));
      try {
        const events = await store.readStream(participantStream(ZELDA_ID));
        const boxes = [events[0]!.data.personal, ...events.filter((e) => e.type === 'QualificationGained').map((e) => e.data.qualification), ...events.filter((e) => e.type === 'MilestoneRetracted').map((e) => e.data.reason)];
        expect(boxes).toHaveLength(3);
        for (const box of boxes) expect(box).toMatchObject({ alg: 'A256GCM', ciphertext: expect.any(String), key: { id: ZELDA_ID, version: 1 } });
      } finally {
        await store.close();
      }
    });

    it('writes the sealed block and never the clear text to the log file', async () => {
      const files = logFiles(t.dataDir);
      expect(files.length).toBeGreaterThan(0);
      // The search works: what is stored in the clear (the participant id, the sealed box) is found.
      const sealed = await sealedEnrolment(t.dataDir, ZELDA_ID);
      expect(foundIn(files, [ZELDA_ID, sealed.ciphertext])).toEqual([true, true]);
      expect(occurrences(files, PLAINTEXT)).toEqual([]);
    });
  });

  describe('changing contact details', () => {
    it('changes the phone and removes the email, and the view shows the merge', async () => {
      const before = (await history()).version;
      await t.caseworker.patch(`/api/v1/participants/${ZELDA_ID}/contact-details`).send({ phone: ZELDA_NEW_PHONE, email: null }).expect(200);
      const { events, version } = await history();
      expect(version).toBe(before + 1);
      expect(events.at(-1)).toMatchObject({ type: 'ContactDetailsChanged', data: { participantId: ZELDA_ID, personal: 'sealed' } });

      const { email: _, ...withoutEmail } = ZELDA;
      const { body } = await view(t.caseworker).expect(200);
      expect(body.personalData).toEqual({ status: 'recorded', data: { ...withoutEmail, phone: ZELDA_NEW_PHONE } });
      expect(occurrences(logFiles(t.dataDir), PLAINTEXT)).toEqual([]);
    });
  });

  describe('the audit log', () => {
    const auditOf = async (query: string) => (await t.admin.get(`/api/v1/audit?${query}`).expect(200)).body;

    it("records each caseworker's read with the token's subject, the role and the correlation id", async () => {
      const reader = await t.as('caseworker', ['22-015-S01'], 'caseworker-zq-audited');
      await view(reader).set('X-Correlation-Id', 'zq-read-1').expect(200);
      await view(reader).set('X-Correlation-Id', 'zq-read-2').expect(200);

      const { entries } = await auditOf(`participantId=${ZELDA_ID}&subject=caseworker-zq-audited`);
      expect(entries).toEqual(
        ['zq-read-1', 'zq-read-2'].map((correlationId) => ({
          sequence: expect.any(Number),
          at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
          subject: 'caseworker-zq-audited',
          role: 'caseworker',
          action: 'personal-data.read',
          participantId: ZELDA_ID,
          projectId: '22-015-S01',
          correlationId,
        })),
      );
      // And the standard caseworker's reads of the tests above are there too.
      const all = await auditOf(`participantId=${ZELDA_ID}`);
      expect(all.entries.filter((e: { subject: string }) => e.subject === 'test-caseworker').length).toBeGreaterThanOrEqual(2);
    });

    it("leaves an evaluator's read out: it opens nothing", async () => {
      await view(t.evaluator).set('X-Correlation-Id', 'zq-evaluator-read').expect(200);
      const { entries } = await auditOf(`participantId=${ZELDA_ID}&limit=1000`);
      expect(entries.length).toBeGreaterThan(0);
      expect(entries.filter((e: { role: string; correlationId: string }) => e.role !== 'caseworker' || e.correlationId === 'zq-evaluator-read')).toEqual([]);
    });

    it('is for admins only', async () => {
      for (const agent of [t.caseworker, t.evaluator, t.funder]) {
        expect((await agent.get(`/api/v1/audit?participantId=${ZELDA_ID}`)).status).toBe(403);
      }
      expect((await t.anonymous().get('/api/v1/audit')).status).toBe(401);
    });
  });

  describe('validation of personal data', () => {
    const expectRefused = (body: any, status: number, field: string, reason: RegExp, submitted: string) => {
      expect(status).toBe(400);
      expect(body).toMatchObject({ status: 400, code: 'REQUEST.INVALID' });
      expect(body.errors).toContainEqual({ field, reason: expect.stringMatching(reason) });
      expect(JSON.stringify(body)).not.toContain(submitted);
    };

    it.each([
      ['personal.email', { email: 'Zelda Quistgaard-Vinterö' }, /email address/, 'Quistgaard'],
      ['personal.phone', { phone: 'ring Zelda Quistgaard' }, /phone number/, 'Quistgaard'],
      ['personal.shoeSize', { shoeSize: 'Quistgaard-44' }, /should not exist/, 'Quistgaard-44'],
      ['personal.notes', { notes: `Quistgaard ${'x'.repeat(4000)}` }, /shorter than or equal to 4000/, 'Quistgaard'],
      ['personal', {}, /at least one field/, '{}'],
    ])('refuses an enrolment with a bad %s, echoing nothing and recording nothing', async (field, personal, reason, submitted) => {
      const headBefore = await head();
      const { status, body, headers } = await t.caseworker
        .post(ENROL)
        .send({ participantId: 'zq-refused', enrolledOn: '2024-03-01', profile: entryProfile, personal });
      expect(headers['content-type']).toMatch(/^application\/problem\+json/);
      expectRefused(body, status, field, reason, submitted);
      expect(await head()).toBe(headBefore);
      await t.caseworker.get('/api/v1/participants/zq-refused/history').expect(404);
    });

    it.each([
      ['email', { email: 'zelda-at-Quistgaard' }, /email address/],
      ['phone', { phone: 'Quistgaard 555' }, /phone number/],
      ['name', { name: 'Quistgaard the Second' }, /should not exist/],
      ['personal', {}, /at least one of phone, email, address/],
    ])('refuses a change of contact details with a bad %s, echoing nothing and recording nothing', async (field, change, reason) => {
      const before = await history();
      const { status, body } = await t.caseworker.patch(`/api/v1/participants/${ZELDA_ID}/contact-details`).send(change);
      expectRefused(body, status, field, reason, 'Quistgaard');
      expect(await history()).toEqual(before);
    });
  });

  it('lets only an admin erase, and 404s a participant who does not exist', async () => {
    const other = { name: 'Ottilia Brännvall-Sund', phone: '+46 8 123 98 76' };
    await t.caseworker.post(ENROL).send({ participantId: 'zq-participant-3', enrolledOn: '2024-03-01', profile: entryProfile, personal: other }).expect(201);
    await projected(t);
    for (const agent of [t.caseworker, t.evaluator, t.funder]) {
      const { status, body } = await agent.delete('/api/v1/participants/zq-participant-3/personal-data').send({ reason: 'Art. 17 request, ticket ZQ-1' });
      expect([status, body.code]).toEqual([403, 'AUTH.FORBIDDEN']);
    }
    expect((await view(t.caseworker, 'zq-participant-3').expect(200)).body.personalData).toEqual({ status: 'recorded', data: other });
    expect((await t.admin.delete('/api/v1/participants/zq-nobody/personal-data').send({ reason: 'Art. 17 request, ticket ZQ-0' })).status).toBe(404);
  });

  it('refuses a blank erasure reason with 422 before the key is touched: the person stays readable', async () => {
    const { status, body } = await t.admin.delete('/api/v1/participants/zq-participant-3/personal-data').send({ reason: '    ' });
    expect([status, body.code]).toEqual([422, 'ERASURE.REASON_REQUIRED']);
    expect((await view(t.caseworker, 'zq-participant-3').expect(200)).body.personalData).toMatchObject({ status: 'recorded', data: { name: 'Ottilia Brännvall-Sund' } });
    expect(keyRow(t.dataDir, 'zq-participant-3')).toMatchObject({ wrapped: expect.any(String), destroyed_at: null });
  });

  describe('erasure', () => {
    const indicators = async () => (await t.evaluator.get('/api/v1/projects/22-015-S01/indicators?to=2026-03-30').expect(200)).body;
    const exported = async (format: 'csv' | 'json') => {
      const { text, headers } = await t.evaluator.get(`/api/v1/projects/22-015-S01/indicators/export?format=${format}&to=2026-03-30`).expect(200);
      return { text, digest: headers.digest };
    };
    const before: { report?: unknown; csv?: unknown; json?: unknown; wrapped?: string; sealed?: Sealed; keysDbHeldIt?: boolean[] } = {};
    let erasure: { status: number; body: any };

    beforeAll(async () => {
      before.report = await indicators();
      before.csv = await exported('csv');
      before.json = await exported('json');
      before.wrapped = keyRow(t.dataDir, ZELDA_ID)!.wrapped!;
      before.sealed = await sealedEnrolment(t.dataDir, ZELDA_ID);
      before.keysDbHeldIt = foundIn([join(t.dataDir, 'keys.db')], [(JSON.parse(before.wrapped) as Sealed).ciphertext]);
      erasure = await t.admin
        .delete(`/api/v1/participants/${ZELDA_ID}/personal-data`)
        .set('X-Correlation-Id', 'zq-erasure')
        .send({ reason: ZELDA_TEXT.erasure });
      await projected(t);
    });

    const wrappedKey = () => Buffer.from((JSON.parse(before.wrapped!) as Sealed).ciphertext, 'base64');

    it('had a key that opened the sealed enrolment before the erasure (the checks below can fail)', () => {
      const masterKey = Buffer.from(readFileSync(join(t.dataDir, 'master.key'), 'utf8'), 'hex');
      const dataKey = unseal(JSON.parse(before.wrapped!) as Sealed, masterKey);
      expect(unsealPersonalData(before.sealed!, dataKey)).toEqual<PersonalData>(ZELDA);
      expect(wrappedKey()).toHaveLength(32);
      expect(before.keysDbHeldIt).toEqual([true]);
    });

    it('records the erasure and the admin who asked, its reason sealed from caseworkers and evaluators', async () => {
      expect(erasure.status).toBe(200);
      const { events } = await history();
      expect(events.at(-1)).toMatchObject({
        type: 'PersonalDataErased',
        data: { participantId: ZELDA_ID, reason: { status: 'sealed' } },
        metadata: { actor: 'test-admin', actorRole: 'admin', correlationId: 'zq-erasure', schemaVersion: 2 },
      });
      expect(erasure.body).toEqual({ eventId: events.at(-1).eventId, version: events.at(-1).version });
    });

    it('gives admins, and only them, the erasure record with its reason, audited', async () => {
      const { body } = await t.admin.get(`/api/v1/participants/${ZELDA_ID}/erasure`).set('X-Correlation-Id', 'zq-erasure-read').expect(200);
      expect(body).toEqual({ participantId: ZELDA_ID, erasedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), erasedBy: 'test-admin', reason: { status: 'open', text: ZELDA_TEXT.erasure } });
      for (const agent of [t.caseworker, t.evaluator, t.funder]) expect((await agent.get(`/api/v1/participants/${ZELDA_ID}/erasure`)).status).toBe(403);
      const { entries } = (await t.admin.get(`/api/v1/audit?participantId=${ZELDA_ID}&subject=test-admin`).expect(200)).body;
      expect(entries).toEqual([expect.objectContaining({ action: 'erasure-reason.read', role: 'admin', correlationId: 'zq-erasure-read' })]);
      const other = await t.admin.get('/api/v1/participants/zq-participant-2/erasure').expect(404);
      expect(other.body.code).toBe('ERASURE.NOT_FOUND');
    });

    it("forgets the qualification's text and the retraction's reason for everyone", async () => {
      const erased = { qualification: { status: 'erased' }, retraction: { status: 'erased' } };
      expect(await freeTextIn(t.caseworker)).toEqual(erased);
      expect(await freeTextIn(t.evaluator)).toEqual(erased);
      const { events } = await history();
      expect(JSON.stringify(events)).not.toMatch(/Quistgaard|Truck|Lastbils|Raderings/);
    });

    it('shows caseworker and evaluator that the data was erased', async () => {
      const erased = { status: 'erased', erasedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) };
      expect((await view(t.caseworker).expect(200)).body.personalData).toEqual(erased);
      expect((await view(t.evaluator).expect(200)).body.personalData).toEqual(erased);
    });

    it('keeps the pathway: the view still shows the milestones', async () => {
      const { body } = await view(t.evaluator).expect(200);
      expect(JSON.stringify(body)).toContain('zq-ips');
    });

    it('leaves the indicator report and both exports exactly as they were', async () => {
      expect(await indicators()).toEqual(before.report);
      expect(await exported('csv')).toEqual(before.csv);
      expect(await exported('json')).toEqual(before.json);
      expect((before.report as { position: number }).position).toBeGreaterThan(0);
    });

    it('refuses a second erasure with 409', async () => {
      const { status, body } = await t.admin.delete(`/api/v1/participants/${ZELDA_ID}/personal-data`).send({ reason: 'GDPR art. 17 request, again' });
      expect([status, body.code]).toEqual([409, 'PARTICIPANT.PERSONAL_DATA_ERASED']);
    });

    it('refuses new contact details with 409, recording nothing', async () => {
      const before = await history();
      const { status, body } = await t.caseworker.patch(`/api/v1/participants/${ZELDA_ID}/contact-details`).send({ phone: '+46 70 000 00 00' });
      expect([status, body.code]).toEqual([409, 'PARTICIPANT.PERSONAL_DATA_ERASED']);
      expect(await history()).toEqual(before);
    });

    it('left a tombstone in keys.db: no wrapped key, the time of destruction', () => {
      expect(keyRow(t.dataDir, ZELDA_ID)).toEqual({ wrapped: null, destroyed_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    });

    it('keeps no text typed after the erasure, and still records the milestone', async () => {
      const { body } = await t.caseworker
        .post(`/api/v1/participants/${ZELDA_ID}/milestones`)
        .send({ type: 'qualification-gained', occurredOn: '2024-11-01', qualification: 'Welding course for Zelda Quistgaard' })
        .expect(201);
      const { events } = await history();
      const recorded = events.find((e: { eventId: string }) => e.eventId === body.eventId);
      expect(recorded.data.qualification).toEqual({ status: 'not-kept' });
      // Nor a reason for retracting it.
      await t.caseworker.post(`/api/v1/participants/${ZELDA_ID}/retractions`).send({ eventId: body.eventId, reason: 'Zelda Quistgaard: test entry' }).expect(201);
      expect((await history()).events.at(-1).data.reason).toEqual({ status: 'not-kept' });
      await projected(t);
    });

    describe('on disk, once the app has stopped', () => {
      let copy: string;

      beforeAll(async () => {
        await stop();
        copy = join(t.dataDir, 'evaluator-copy.db');
        await pathway(t.dataDir, 'replay', '--until', '2999-12-31', '--out', copy);
      }, 60_000);

      it('holds the clear text in no file of the data directory', () => {
        const files = filesUnder(t.dataDir);
        expect(files.map((f) => f.slice(t.dataDir.length + 1))).toEqual(expect.arrayContaining(['events.db', 'keys.db', 'read-models.db', 'audit.db', 'evaluator-copy.db']));
        expect(occurrences(files, PLAINTEXT)).toEqual([]);
      });

      it("holds the destroyed key's wrapped bytes in no file", () => {
        const { ciphertext } = JSON.parse(before.wrapped!) as Sealed;
        expect(occurrences(filesUnder(t.dataDir), [ciphertext, wrappedKey()])).toEqual([]);
      });

      it('keeps the sealed box in the log only: no read model, audit file or copy holds it', () => {
        const elsewhere = filesUnder(t.dataDir).filter((f) => !f.slice(t.dataDir.length + 1).startsWith('events.db'));
        expect(occurrences(elsewhere, [before.sealed!.ciphertext])).toEqual([]);
        expect(foundIn(logFiles(t.dataDir), [before.sealed!.ciphertext])).toEqual([true]);
      });

      it('gives an evaluator copy made after the erasure with the pathway and none of the personal data', () => {
        expect(foundIn([copy], [ZELDA_ID, 'zq-ips'])).toEqual([true, true]);
        expect(occurrences([copy], PLAINTEXT)).toEqual([]);
      });

      it("cannot open the enrolment's sealed block from the log: the key store has no key for it", async () => {
        const sealed = await sealedEnrolment(t.dataDir, ZELDA_ID);
        expect(sealed).toEqual(before.sealed);
        const keys = await openKeyStore({ READ_MODEL_DB: 'sqlite', DATA_DIR: t.dataDir });
        try {
          expect(await keys.find(ZELDA_ID)).toBeNull();
          await expect(keys.keyFor(ZELDA_ID)).rejects.toThrow(/erased/);
          // The other participant's key is still there: the store itself works.
          expect(await keys.find('zq-participant-3')).toHaveLength(32);
        } finally {
          await keys.close();
        }
      });
    });
  });
});
