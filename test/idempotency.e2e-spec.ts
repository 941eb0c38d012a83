import Database from 'better-sqlite3';
import { join } from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { participantStream, projectStream } from '@pathway/application';
import { EVENT_STORE, EventStore } from '@pathway/event-store';
import { KeyStore } from '@pathway/privacy';
import { KEY_STORE } from '@pathway/runtime';
import { testEngines } from '../libs/read-models/src/testing/read-model-engines';
import { entryProfile, framtidProject } from './support/fixtures';
import { Agent, EngineTestApp, startAppOn } from './support/test-app';
import { projected } from './support/wait-for';

type Answer = request.Response;
const ENROL = '/api/v1/projects/22-015-S01/participants';
const PARTICIPANT = (id: string) => `/api/v1/participants/${id}`;
const jobSearch = { type: 'job-search-started', occurredOn: '2024-03-01' };
const exit = { type: 'exited', occurredOn: '2024-03-02', reason: 'completed', situation: 'employed' };

/** Status and body, the parts of an answer a retry must repeat (headers such as Date differ). */
const shape = (answer: Answer) => ({ status: answer.status, body: answer.body as unknown, etag: answer.headers.etag });

/**
 * Idempotency-Key bound to the request and the caller, on every write route, on both read-model
 * engines (the key store lives with them): same key and request, same answer and one event;
 * same key and another request, 422 IDEMPOTENCY.KEY_REUSED and nothing written.
 */
describe.each(testEngines())('Idempotency-Key (%s)', (engine) => {
  let t: EngineTestApp;
  let pg: Client | null = null;
  let store: EventStore;
  let keys: KeyStore;
  /** A caseworker of project P-2 only. */
  let otherProject: Agent;
  /** A second caseworker of the first project. */
  let colleague: Agent;

  const streamLength = async (streamId: string) => (await store.readStream(streamId)).length;
  const keyRows = async (): Promise<number> => {
    if (pg) return Number((await pg.query<{ n: string }>('SELECT count(*) AS n FROM data_keys')).rows[0]!.n);
    const db = new Database(join(t.dataDir, 'keys.db'), { readonly: true });
    try {
      return db.prepare<[], { n: number }>('SELECT count(*) AS n FROM data_keys').get()!.n;
    } finally {
      db.close();
    }
  };
  const enrol = async (participantId: string, personal?: object) =>
    t.caseworker.post(ENROL).send({ participantId, enrolledOn: '2024-01-15', profile: entryProfile, ...(personal ? { personal } : {}) }).expect(201);

  beforeAll(async () => {
    t = await startAppOn(engine);
    if (engine === 'postgres') {
      pg = new Client({ connectionString: t.settings.DATABASE_URL });
      await pg.connect();
    }
    store = t.app.get(EVENT_STORE);
    keys = t.app.get(KEY_STORE);
    otherProject = await t.as('caseworker', ['P-2'], 'caseworker-of-p2');
    colleague = await t.as('caseworker', ['22-015-S01'], 'colleague');
    await t.admin.post('/api/v1/projects').send(framtidProject).expect(201);
    await t.admin.post('/api/v1/projects').send({ ...framtidProject, id: 'P-2', name: 'Projekt två' }).expect(201);
  }, 30_000);

  afterAll(async () => {
    await pg?.end();
    await t?.stop();
  });

  interface Route {
    name: string;
    /** Prepares what the route needs; returns the stream it writes and how to send a body under a key. */
    setup(tag: string): Promise<{ stream: string; send: (body: object, key: string) => request.Test; first: object; other: object }>;
    ok: number;
  }

  const routes: Route[] = [
    {
      name: 'project registration',
      ok: 201,
      setup: async (tag) => ({
        stream: projectStream(`R-${tag}`),
        send: (body, key) => t.admin.post('/api/v1/projects').set('Idempotency-Key', key).send(body),
        first: { ...framtidProject, id: `R-${tag}`, name: 'Första' },
        other: { ...framtidProject, id: `R-${tag}`, name: 'Andra' },
      }),
    },
    {
      name: 'enrolment',
      ok: 201,
      setup: async (tag) => ({
        stream: participantStream(`e-${tag}`),
        send: (body, key) => t.caseworker.post(ENROL).set('Idempotency-Key', key).send(body),
        first: { participantId: `e-${tag}`, enrolledOn: '2024-01-15', profile: entryProfile, personal: { name: 'Ada Första' } },
        other: { participantId: `e-${tag}`, enrolledOn: '2024-01-15', profile: entryProfile, personal: { name: 'Bo Andra' } },
      }),
    },
    {
      name: 'milestone',
      ok: 201,
      setup: async (tag) => {
        await enrol(`m-${tag}`);
        return {
          stream: participantStream(`m-${tag}`),
          send: (body, key) => t.caseworker.post(`${PARTICIPANT(`m-${tag}`)}/milestones`).set('Idempotency-Key', key).send(body),
          first: jobSearch,
          other: exit,
        };
      },
    },
    {
      name: 'retraction',
      ok: 201,
      setup: async (tag) => {
        await enrol(`r-${tag}`);
        const one = await t.caseworker.post(`${PARTICIPANT(`r-${tag}`)}/milestones`).send(jobSearch).expect(201);
        const two = await t.caseworker.post(`${PARTICIPANT(`r-${tag}`)}/milestones`).send({ ...jobSearch, occurredOn: '2024-03-05' }).expect(201);
        return {
          stream: participantStream(`r-${tag}`),
          send: (body, key) => t.caseworker.post(`${PARTICIPANT(`r-${tag}`)}/retractions`).set('Idempotency-Key', key).send(body),
          first: { eventId: one.body.eventId, reason: 'Recorded on the wrong person' },
          other: { eventId: two.body.eventId, reason: 'Recorded on the wrong person' },
        };
      },
    },
    {
      name: 'contact details',
      ok: 200,
      setup: async (tag) => {
        await enrol(`c-${tag}`, { name: 'Cai Kontakt' });
        return {
          stream: participantStream(`c-${tag}`),
          send: (body, key) => t.caseworker.patch(`${PARTICIPANT(`c-${tag}`)}/contact-details`).set('Idempotency-Key', key).send(body),
          first: { phone: '+46 70 111 11 11' },
          other: { phone: '+46 70 222 22 22' },
        };
      },
    },
    {
      name: 'erasure',
      ok: 200,
      setup: async (tag) => {
        await enrol(`x-${tag}`, { name: 'Dag Radera' });
        return {
          stream: participantStream(`x-${tag}`),
          send: (body, key) => t.admin.delete(`${PARTICIPANT(`x-${tag}`)}/personal-data`).set('Idempotency-Key', key).send(body),
          first: { reason: 'GDPR art. 17, ticket 1' },
          other: { reason: 'GDPR art. 17, ticket 2' },
        };
      },
    },
    {
      name: 'correction',
      ok: 201,
      setup: async (tag) => {
        await enrol(`k-${tag}`);
        return {
          stream: participantStream(`k-${tag}`),
          send: (body, key) => t.caseworker.post(`${PARTICIPANT(`k-${tag}`)}/corrections`).set('Idempotency-Key', key).send(body),
          first: { corrected: { gender: 'man' }, reason: 'Typed wrong at enrolment' },
          other: { corrected: { gender: 'non-binary' }, reason: 'Typed wrong at enrolment' },
        };
      },
    },
    {
      name: 'withdrawal',
      ok: 201,
      setup: async (tag) => {
        await enrol(`w-${tag}`);
        await enrol(`w-${tag}-stays`);
        return {
          stream: participantStream(`w-${tag}`),
          send: (body, key) => t.caseworker.post(`${PARTICIPANT(`w-${tag}`)}/withdrawal`).set('Idempotency-Key', key).send(body),
          first: { ground: 'duplicate', duplicateOf: `w-${tag}-stays`, reason: 'Enrolled twice' },
          other: { ground: 'never-took-part', reason: 'Never came' },
        };
      },
    },
    {
      name: 'project details change',
      ok: 200,
      setup: async (tag) => {
        await t.admin.post('/api/v1/projects').send({ ...framtidProject, id: `D-${tag}` }).expect(201);
        const change = { name: framtidProject.name, startDate: framtidProject.startDate, endDate: framtidProject.endDate, timeZone: 'Europe/Stockholm', reason: 'Amended funding decision' };
        return {
          stream: projectStream(`D-${tag}`),
          send: (body, key) => t.admin.put(`/api/v1/projects/D-${tag}/details`).set('Idempotency-Key', key).send(body),
          first: { ...change, plannedParticipants: 90 },
          other: { ...change, plannedParticipants: 95 },
        };
      },
    },
    {
      name: 'report submission',
      ok: 201,
      setup: async () => ({
        stream: projectStream('22-015-S01'),
        send: (body, key) => t.admin.post('/api/v1/projects/22-015-S01/reports').set('Idempotency-Key', key).send(body),
        first: { to: '2025-12-31' },
        other: { to: '2026-03-30' },
      }),
    },
  ];

  describe.each(routes.map((r) => [r.name, r] as const))('%s', (name, route) => {
    const tag = name.replace(/\W/g, '').slice(0, 8);

    it('answers a retry and 8 concurrent retries of the same request alike, with one event', async () => {
      const { stream, send, first } = await route.setup(`${tag}-same`);
      const before = await streamLength(stream);
      const answer = await send(first, `same-${tag}`);
      expect(answer.status).toBe(route.ok);
      const retries = [await send(first, `same-${tag}`), ...(await Promise.all(Array.from({ length: 8 }, () => send(first, `same-${tag}`))))];
      for (const retry of retries) expect(shape(retry)).toEqual(shape(answer));
      expect(await streamLength(stream)).toBe(before + 1);
    });

    it('refuses the same key with a different request: 422 IDEMPOTENCY.KEY_REUSED, nothing written', async () => {
      const { stream, send, first, other } = await route.setup(`${tag}-other`);
      await send(first, `reuse-${tag}`).expect(route.ok);
      const length = await streamLength(stream);
      const reused = await send(other, `reuse-${tag}`);
      expect(reused.status).toBe(422);
      expect(reused.body).toMatchObject({ code: 'IDEMPOTENCY.KEY_REUSED' });
      expect(await streamLength(stream)).toBe(length);
    });

    it('lets one of 6 different requests racing under one key through; the others are refused', async () => {
      const { stream, send, first, other } = await route.setup(`${tag}-race`);
      const before = await streamLength(stream);
      const bodies = [first, other, first, other, first, other];
      const answers = await Promise.all(bodies.map((body) => send(body, `race-${tag}`)));
      const accepted = answers.filter((a) => a.status === route.ok);
      expect(accepted.length).toBeGreaterThanOrEqual(1);
      // Every accepted answer is the winner's (the same request as it); the rest were refused as reuses.
      for (const a of accepted) expect(shape(a)).toEqual(shape(accepted[0]!));
      for (const a of answers.filter((x) => x.status !== route.ok)) expect(a.body).toMatchObject({ status: 422, code: 'IDEMPOTENCY.KEY_REUSED' });
      expect(accepted.length + answers.filter((a) => a.status === 422).length).toBe(6);
      expect(await streamLength(stream)).toBe(before + 1);
    });
  });

  describe('the four worst cases reported', () => {
    it('an exit sent under a job search key is refused, not answered 201 and dropped', async () => {
      await enrol('worst-exit');
      await t.caseworker.post(`${PARTICIPANT('worst-exit')}/milestones`).set('Idempotency-Key', 'k-exit').send(jobSearch).expect(201);
      await t.caseworker.post(`${PARTICIPANT('worst-exit')}/milestones`).set('Idempotency-Key', 'k-exit').send(exit).expect(422);
      const types = (await store.readStream(participantStream('worst-exit'))).map((e) => e.type);
      expect(types).toEqual(['ParticipantEnrolled', 'JobSearchStarted']);
    });

    it("an erasure under a key used for a contact change is recorded with the key's destruction, never one without the other", async () => {
      await enrol('worst-erase', { name: 'Eva Nyckel' });
      await t.caseworker.patch(`${PARTICIPANT('worst-erase')}/contact-details`).set('Idempotency-Key', 'k-erase').send({ phone: '+46 70 333 33 33' }).expect(200);
      // Before: the key named the contact change's event, so the erasure destroyed the key and was "answered" by it.
      await t.admin.delete(`${PARTICIPANT('worst-erase')}/personal-data`).set('Idempotency-Key', 'k-erase').send({ reason: 'GDPR art. 17' }).expect(200);
      const types = (await store.readStream(participantStream('worst-erase'))).map((e) => e.type);
      expect(types).toEqual(['ParticipantEnrolled', 'ContactDetailsChanged', 'PersonalDataErased']);
      expect(await keys.find('worst-erase')).toBeNull();
      // The admin reusing their erasure key for another erasure request: refused, one erasure in the log.
      const refused = await t.admin.delete(`${PARTICIPANT('worst-erase')}/personal-data`).set('Idempotency-Key', 'k-erase').send({ reason: 'another ticket' });
      expect(refused.status).toBe(422);
      expect((await store.readStream(participantStream('worst-erase'))).filter((e) => e.type === 'PersonalDataErased')).toHaveLength(1);
    });

    it('an erasure refused under a reused key destroys nothing', async () => {
      await enrol('worst-erase-2', { name: 'Frej Nyckel' });
      // A caseworker cannot erase, so the one way for the same caller to meet a used key here is a
      // retraction-free stream: the caseworker's contact change, then the same key on an erasure
      // request sent by that caseworker (refused as forbidden, 403, before anything is decided).
      await t.caseworker.patch(`${PARTICIPANT('worst-erase-2')}/contact-details`).set('Idempotency-Key', 'k-erase-2').send({ phone: '+46 70 444 44 44' }).expect(200);
      await t.caseworker.delete(`${PARTICIPANT('worst-erase-2')}/personal-data`).set('Idempotency-Key', 'k-erase-2').send({ reason: 'GDPR' }).expect(403);
      expect(await keys.find('worst-erase-2')).not.toBeNull();
      expect(await streamLength(participantStream('worst-erase-2'))).toBe(2);
    });

    it('a second person enrolled under the first one\'s key is refused, not answered with the first participant', async () => {
      const first = await t.caseworker.post(ENROL).set('Idempotency-Key', 'k-person').send({ enrolledOn: '2024-01-15', profile: entryProfile, personal: { name: 'Hugo Ett' } }).expect(201);
      const second = await t.caseworker.post(ENROL).set('Idempotency-Key', 'k-person').send({ enrolledOn: '2024-01-16', profile: entryProfile, personal: { name: 'Ines Två' } });
      expect(second.status).toBe(422);
      expect(second.body.code).toBe('IDEMPOTENCY.KEY_REUSED');
      expect(JSON.stringify(second.body)).not.toContain(first.body.participantId);
      // The same key into another project (a new request too) is refused as well.
      const elsewhere = await (await t.as('caseworker', ['22-015-S01', 'P-2'])).post('/api/v1/projects/P-2/participants').set('Idempotency-Key', 'k-person').send({ enrolledOn: '2024-01-15', profile: entryProfile });
      expect(elsewhere.status).toBe(422);
    });

    it('a report retried after new events answers the digest and cut-off recorded, never figures not submitted', async () => {
      const first = await t.admin.post('/api/v1/projects/22-015-S01/reports').set('Idempotency-Key', 'k-report').send({ to: '2025-06-30' }).expect(201);
      await enrol('worst-report');
      const retry = await t.admin.post('/api/v1/projects/22-015-S01/reports').set('Idempotency-Key', 'k-report').send({ to: '2025-06-30' }).expect(201);
      expect(retry.body).toEqual(first.body);
      const changed = await t.admin.post('/api/v1/projects/22-015-S01/reports').set('Idempotency-Key', 'k-report').send({ to: '2025-07-31' });
      expect(changed.status).toBe(422);
      const reports = (await store.readStream(projectStream('22-015-S01'))).filter((e) => e.eventId === first.body.eventId);
      expect(reports.map((e) => (e.data as { digest: string }).digest)).toEqual([first.body.digest]);
    });
  });

  describe('keys are the caller\'s own', () => {
    it("another caller's same key is a new key: their request is decided on its own, never given the first answer", async () => {
      await enrol('scoped');
      const mine = await t.caseworker.post(`${PARTICIPANT('scoped')}/milestones`).set('Idempotency-Key', 'k-shared').send(jobSearch).expect(201);
      const theirs = await colleague.post(`${PARTICIPANT('scoped')}/milestones`).set('Idempotency-Key', 'k-shared').send(jobSearch).expect(201);
      expect(theirs.body.eventId).not.toBe(mine.body.eventId);
      expect(await streamLength(participantStream('scoped'))).toBe(3);
    });

    it("a caseworker of project B reusing A's enrolment key and participant id gets 409, not A's 201", async () => {
      const a = await t.caseworker.post(ENROL).set('Idempotency-Key', 'k-a-enrol').send({ participantId: 'scoped-a', enrolledOn: '2024-01-15', profile: entryProfile }).expect(201);
      const b = await otherProject.post('/api/v1/projects/P-2/participants').set('Idempotency-Key', 'k-a-enrol').send({ participantId: 'scoped-a', enrolledOn: '2024-01-15', profile: entryProfile });
      expect(b.status).toBe(409);
      expect(b.body.code).toBe('PARTICIPANT.ALREADY_ENROLLED');
      expect(a.status).toBe(201);
    });
  });

  describe('nothing happens before the decision', () => {
    it('leaves no key row for a refused enrolment with personal data', async () => {
      await enrol('taken', { name: 'Jon Tagen' });
      const before = await keyRows();
      const personal = { name: 'Karin Avvisad', nationalIdentityNumber: '199001011234' };
      const refusals: Array<[string, object, number]> = [
        [ENROL, { participantId: 'refused-future', enrolledOn: '2999-01-01', profile: entryProfile, personal }, 422],
        [ENROL, { participantId: 'refused-period', enrolledOn: '2020-01-01', profile: entryProfile, personal }, 422],
        [ENROL, { participantId: 'refused-born', enrolledOn: '2024-01-15', profile: { ...entryProfile, birthDate: '2024-02-01' }, personal }, 422],
        [ENROL, { participantId: 'taken', enrolledOn: '2024-01-15', profile: entryProfile, personal }, 409],
        ['/api/v1/projects/P-3/participants', { participantId: 'refused-project', enrolledOn: '2024-01-15', profile: entryProfile, personal }, 404],
        [ENROL, { enrolledOn: '2999-01-01', profile: entryProfile, personal }, 422],
      ];
      for (const [path, body, status] of refusals) {
        await t.caseworker.post(path).send(body).expect(status);
        await t.caseworker.post(path).set('Idempotency-Key', `refused-${status}-${path.length}`).send(body).expect(status);
      }
      expect(await keyRows()).toBe(before);
      for (const id of ['refused-future', 'refused-period', 'refused-born', 'refused-project']) expect(await keys.find(id)).toBeNull();
    });

    it("tells project B nothing about A's participants: an erased id answers exactly as one merely taken", async () => {
      await enrol('oracle-erased', { name: 'Lina Raderad' });
      await t.admin.delete(`${PARTICIPANT('oracle-erased')}/personal-data`).send({ reason: 'asked' }).expect(200);
      await enrol('oracle-taken', { name: 'Måns Tagen' });
      const attempt = (participantId: string, personal?: object) =>
        otherProject.post('/api/v1/projects/P-2/participants').send({ participantId, enrolledOn: '2024-01-15', profile: entryProfile, personal });
      const normalise = (answer: Answer, id: string) => ({ status: answer.status, body: JSON.parse(JSON.stringify(answer.body).replaceAll(id, 'ID')) });
      for (const personal of [{ name: 'Nils B' }, undefined]) {
        const erased = await attempt('oracle-erased', personal);
        const taken = await attempt('oracle-taken', personal);
        expect(erased.status).toBe(409);
        expect(normalise(erased, 'oracle-erased')).toEqual(normalise(taken, 'oracle-taken'));
        expect(erased.body.code).toBe('PARTICIPANT.ALREADY_ENROLLED');
      }
    });
  });

  describe('erasure order: decided, recorded, then the key destroyed', () => {
    it('a key store failure after the event leaves the person erased in the log; the retry destroys the key', async () => {
      await enrol('order', { name: 'Olle Ordning' });
      const destroy = keys.destroy.bind(keys);
      keys.destroy = async () => {
        throw new Error('key store unavailable');
      };
      try {
        const failed = await t.admin.delete(`${PARTICIPANT('order')}/personal-data`).set('Idempotency-Key', 'k-order').send({ reason: 'asked' });
        expect(failed.status).toBe(500);
      } finally {
        keys.destroy = destroy;
      }
      // The log says erased, so nothing opens although the key is still there.
      expect((await store.readStream(participantStream('order'))).map((e) => e.type)).toEqual(['ParticipantEnrolled', 'PersonalDataErased']);
      expect(await keys.find('order')).not.toBeNull();
      await projected(t);
      const view = await t.caseworker.get(PARTICIPANT('order')).expect(200);
      expect(view.body.personalData.status).toBe('erased');

      const retry = await t.admin.delete(`${PARTICIPANT('order')}/personal-data`).set('Idempotency-Key', 'k-order').send({ reason: 'asked' });
      expect(retry.body).toMatchObject({ version: 2 });
      expect(retry.status).toBe(200);
      expect(retry.body.version).toBe(2);
      expect(await keys.find('order')).toBeNull();
      expect(await streamLength(participantStream('order'))).toBe(2);
    });

    it('a later erasure without the key (409 already erased) also finishes the destruction', async () => {
      await enrol('order-2', { name: 'Pia Ordning' });
      const destroy = keys.destroy.bind(keys);
      keys.destroy = async () => {
        throw new Error('key store unavailable');
      };
      try {
        await t.admin.delete(`${PARTICIPANT('order-2')}/personal-data`).send({ reason: 'asked' }).expect(500);
      } finally {
        keys.destroy = destroy;
      }
      const again = await t.admin.delete(`${PARTICIPANT('order-2')}/personal-data`).send({ reason: 'asked' });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('PARTICIPANT.PERSONAL_DATA_ERASED');
      expect(await keys.find('order-2')).toBeNull();
    });
  });
});
