import { ParticipantFileSentDto } from '../apps/api/src/participant-files/participant-file.dto';
import 'reflect-metadata';
import { getMetadataStorage } from 'class-validator';
import { RetentionDto } from '../apps/api/src/data-protection/retention.dto';
import { IndicatorReportDto } from '../apps/api/src/indicators/indicator-report.dto';
import { EnrolParticipantDto } from '../apps/api/src/participants/enrol-participant.dto';
import { EntryProfileDto } from '../apps/api/src/participants/entry-profile.dto';
import { ErasureDto } from '../apps/api/src/participants/erasure.dto';
import { MILESTONE_DTOS } from '../apps/api/src/participants/milestone.dto';
import { ContactDetailsDto, PersonalDataDto } from '../apps/api/src/participants/personal-data.dto';
import { CorrectionDto } from '../apps/api/src/participants/correction.dto';
import { WithdrawalDto } from '../apps/api/src/participants/withdrawal.dto';
import { RetractionDto } from '../apps/api/src/participants/retraction.dto';
import { GroupSessionDto } from '../apps/api/src/group-sessions/group-session.dto';
import { ChangeProjectDetailsDto } from '../apps/api/src/projects/change-project-details.dto';
import { RegisterProjectDto } from '../apps/api/src/projects/register-project.dto';
import { removeDir, startApp, TestApp } from './support/test-app';
import { headPosition, ROUTE_PARTICIPANT, sendRaw, setUpWriteRoutes, WRITE_ROUTES, WriteRoute } from './support/write-routes';

/** Issue 14 §1 and issue 9 §7, §10: malformed input is a 4xx that names what is wrong, never a 500, and writes nothing. */
describe('malformed input over HTTP', () => {
  jest.setTimeout(30_000);
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp();
    await setUpWriteRoutes(t);
  });
  afterAll(async () => {
    await t.close();
    removeDir(t.dataDir);
  });

  const route = (name: string) => WRITE_ROUTES.find((r) => r.name === name)!;
  const send = (r: WriteRoute, body: unknown) => sendRaw(t, r, JSON.stringify(body));

  /** Runs the request and checks that the log did not move. */
  const refused = async (answer: () => PromiseLike<{ status: number; body: any; headers: Record<string, string> }>) => {
    const before = await headPosition(t);
    const response = await answer();
    expect(await headPosition(t)).toBe(before);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    return response;
  };

  describe('JSON nested deeper than the limit', () => {
    // About 1,300 levels in 2.7 KB overflowed the stack in validation on every write route.
    const deep = (levels: number) => `{"x":${'['.repeat(levels)}${']'.repeat(levels)}}`;

    it.each(WRITE_ROUTES.map((r) => [r.name, r] as const))('%s: 400 REQUEST.TOO_DEEP', async (_, r) => {
      const response = await refused(() => sendRaw(t, r, deep(1_300)));
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ status: 400, code: 'REQUEST.TOO_DEEP' });
    });

    it('refuses a deep value inside a real field too, and lets the documented depth through to validation', async () => {
      const enrol = route('enrol');
      const nested = `${'['.repeat(40_000)}1${']'.repeat(40_000)}`;
      const raw = JSON.stringify({ ...enrol.body, profile: 0 }).replace('"profile":0', `"profile":${nested}`);
      expect((await refused(() => sendRaw(t, enrol, raw))).body.code).toBe('REQUEST.TOO_DEEP');
      // 32 levels is within the limit: an ordinary 400 for the field, no TOO_DEEP.
      const within = await refused(() => sendRaw(t, enrol, `{"profile":${'['.repeat(31)}${']'.repeat(31)}}`));
      expect(within.body.code).toBe('REQUEST.INVALID');
    });
  });

  describe('one validation path for every body', () => {
    it.each([
      ['{"x":{"constructor":1}}', 'x.constructor'],
      ['{"nested":{"__proto__":{"polluted":1}}}', 'nested.__proto__'],
      ['{"constructor":{"prototype":1}}', 'constructor'],
      ['{"__proto__":{"polluted":1}}', '__proto__'],
    ])('milestone body %s: 400, not 500', async (extra, field) => {
      const r = route('milestone job-search-started');
      const raw = JSON.stringify(r.body).replace(/}$/, `,${extra.slice(1, -1)}}`);
      const response = await refused(() => sendRaw(t, r, raw));
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('REQUEST.INVALID');
      expect(response.body.errors).toContainEqual({ field, reason: `property ${field} should not exist` });
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it('answers milestone fields with the same messages as every other body', async () => {
      const response = await refused(() => send(route('milestone qualification-gained'), { ...route('milestone qualification-gained').body, extra: 1 }));
      expect(response.body.errors).toContainEqual({ field: 'extra', reason: 'property extra should not exist' });
    });
  });

  describe('text that is not text', () => {
    const LONE_SURROGATE = '\ud800';
    it.each([
      ['enrol', 'personal.email', (b: any) => ({ ...b, personal: { ...b.personal, email: `anna${LONE_SURROGATE}@example.com` } })],
      ['contact details', 'email', (b: any) => ({ ...b, email: `a${LONE_SURROGATE}@example.com` })],
      ['contact details', 'address', (b: any) => ({ ...b, address: `Storgatan 1${'\udc00'}` })],
      ['milestone qualification-gained', 'qualification', (b: any) => ({ ...b, qualification: `Truck ${LONE_SURROGATE}` })],
    ])('%s: a lone surrogate in %s is 400 with the field', async (name, field, spoil) => {
      const response = await refused(() => send(route(name), spoil(route(name).body)));
      expect(response.status).toBe(400);
      expect(response.body.errors).toContainEqual({ field, reason: expect.stringMatching(/Unicode/) });
    });

    // NUL stopped the PostgreSQL projector for every project (issue 14 §4).
    const CONTROLS = ['\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u009b'];
    it.each([
      ['register project', 'name'],
      ['register project', 'owner'],
      ['enrol', 'personal.name'],
      ['enrol', 'personal.notes'],
      ['enrol', 'personal.nationalIdentityNumber'],
      ['milestone qualification-gained', 'qualification'],
      ['retraction', 'reason'],
      ['contact details', 'address'],
      ['erasure', 'reason'],
    ])('%s: control characters in %s are 400 with the field', async (name, field) => {
      for (const control of CONTROLS) {
        const body = structuredClone(route(name).body) as any;
        const [outer, inner] = field.split('.');
        if (inner) body[outer][inner] = `Anna ${control}Andersson`;
        else body[outer] = `Forklift ${control}licence`;
        const response = await refused(() => send(route(name), body));
        expect(response.status).toBe(400);
        expect(response.body.errors).toContainEqual({ field, reason: expect.stringMatching(/control characters/) });
      }
    });

    it('takes line breaks and tabs in multi-line fields only', async () => {
      const enrol = route('enrol');
      const multiLine = { ...enrol.body, participantId: 'multi-line-1', personal: { notes: 'Line one\r\n\tLine two', address: 'Storgatan 1\n702 10 Örebro' } };
      expect((await send(enrol, multiLine)).status).toBe(201);
      const response = await refused(() => send(enrol, { ...enrol.body, participantId: 'multi-line-2', personal: { name: 'Anna\nAndersson' } }));
      expect(response.body.errors).toContainEqual({ field: 'personal.name', reason: expect.stringMatching(/control characters/) });
    });

    it('refuses control characters in a query string the same way', async () => {
      const response = await t.caseworker.get('/api/v1/projects/22-015-S01/participants?status=active%00');
      expect(response.status).toBe(400);
      expect(response.body.errors).toContainEqual({ field: 'status', reason: expect.stringMatching(/control characters/) });
    });
  });

  describe('nested objects accept only objects', () => {
    it.each([
      ['profile', []],
      ['personal', []],
      ['profile', [{ labourMarketStatus: 'inactive' }]],
      ['personal', ['Anna']],
      ['profile', 'inactive'],
      ['personal', 42],
    ])('%s: %j is 400 with the field', async (field, value) => {
      const enrol = route('enrol');
      const response = await refused(() => send(enrol, { ...enrol.body, [field]: value }));
      expect(response.status).toBe(400);
      expect(response.body.errors).toContainEqual({ field, reason: expect.stringMatching(/object/) });
    });
  });

  describe('every DTO field against every wrong JSON type', () => {
    type Dto = new () => object;
    const SAMPLES: Record<string, unknown> = { null: null, number: 7, string: 'x', boolean: true, array: [], object: {} };
    const kindOf = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);
    const NESTED: Record<string, Dto> = { profile: EntryProfileDto, personal: PersonalDataDto };
    const DTO_OF: Record<string, Dto> = {
      'register project': RegisterProjectDto,
      enrol: EnrolParticipantDto,
      retraction: RetractionDto,
      correction: CorrectionDto,
      withdrawal: WithdrawalDto,
      'contact details': ContactDetailsDto,
      erasure: ErasureDto,
      'report submission': IndicatorReportDto,
      'participant file sent': ParticipantFileSentDto,
      'group session': GroupSessionDto,
      retention: RetentionDto,
      'project details': ChangeProjectDetailsDto,
      ...Object.fromEntries(Object.entries(MILESTONE_DTOS).map(([type, dto]) => [`milestone ${type}`, dto])),
    };
    /** Field name and whether it may be left out, straight from the DTO's class-validator metadata. */
    const fieldsOf = (dto: Dto) => {
      const metadata = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
      const names = [...new Set(metadata.map((m) => m.propertyName))];
      return names.map((name) => ({ name, optional: metadata.some((m) => m.propertyName === name && m.type === 'conditionalValidation') }));
    };

    it('covers every write route', () => {
      expect(Object.keys(DTO_OF).sort()).toEqual(WRITE_ROUTES.map((r) => r.name).sort());
    });

    it.each(WRITE_ROUTES.map((r) => [r.name, r] as const))('%s', async (_, r) => {
      const cases: { path: string[]; optional: boolean; valid: unknown }[] = [];
      for (const field of fieldsOf(DTO_OF[r.name])) {
        // A field missing from the fixture would go untested: the fixture must name every field.
        expect(r.body).toHaveProperty([field.name]);
        cases.push({ path: [field.name], optional: field.optional, valid: r.body[field.name] });
        const nested = NESTED[field.name];
        if (nested && r.name === 'enrol') {
          for (const inner of fieldsOf(nested)) {
            expect(r.body[field.name]).toHaveProperty([inner.name]);
            cases.push({ path: [field.name, inner.name], optional: inner.optional, valid: (r.body[field.name] as any)[inner.name] });
          }
        }
      }
      for (const { path, optional, valid } of cases) {
        for (const [kind, sample] of Object.entries(SAMPLES)) {
          // The fixture gives a value of each field's own type (never null), so every other type is wrong.
          expect(valid).not.toBeNull();
          if (kind === kindOf(valid)) continue;
          const body = structuredClone(r.body) as any;
          if (path.length === 2) body[path[0]][path[1]] = sample;
          else body[path[0]] = sample;
          if (r.name === 'enrol' && path[0] !== 'participantId') body.participantId = `typed-${cases.length}-${kind}`;
          const before = await headPosition(t);
          const response = await send(r, body);
          const what = `${r.name} ${path.join('.')}=${JSON.stringify(sample)}: ${response.status} ${JSON.stringify(response.body)}`;
          expect({ what, serverError: response.status >= 500 }).toEqual({ what, serverError: false });
          if (kind === 'null' && optional) continue;
          expect({ what, status: response.status }).toEqual({ what, status: 400 });
          expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(path.join('.'));
          expect(await headPosition(t)).toBe(before);
        }
      }
    }, 60_000);
  });

  describe('content types: JSON routes read JSON only', () => {
    it('refuses a text/plain report submission with 415 and records no report', async () => {
      const r = route('report submission');
      const response = await refused(() => sendRaw(t, r, 'from=2024-01-01', 'text/plain'));
      expect(response.status).toBe(415);
      expect(response.body.code).toBe('REQUEST.UNSUPPORTED_MEDIA_TYPE');
    });

    it.each(WRITE_ROUTES.map((r) => [r.name, r] as const))('%s: form-encoded and text bodies are 415', async (_, r) => {
      const form = new URLSearchParams(Object.entries(r.body).map(([k, v]): [string, string] => [k, String(v)])).toString();
      for (const type of ['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x', 'application/xml', 'application/json; charset=utf-16le', 'application/json; charset=latin1']) {
        const response = await refused(() => sendRaw(t, r, form, type));
        expect({ type, status: response.status, code: response.body.code }).toEqual({ type, status: 415, code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE' });
      }
    });

    it('refuses a form-encoded body over BODY_LIMIT_KB like any other (415 before it is read)', async () => {
      const r = route('erasure');
      const response = await refused(() => sendRaw(t, r, `reason=${'x'.repeat(300_000)}`, 'application/x-www-form-urlencoded'));
      expect([413, 415]).toContain(response.status);
    });

    it('takes application/json with a charset and +json types', async () => {
      const r = route('contact details');
      expect((await sendRaw(t, r, JSON.stringify({ phone: '+46 70 111 11 11' }), 'application/json; charset=utf-8')).status).toBe(200);
      expect((await sendRaw(t, r, JSON.stringify({ phone: '+46 70 222 22 22' }), 'application/merge-patch+json')).status).toBe(200);
    });

    it('refuses a body without a JSON type on a route that takes no body, and takes the bodiless request', async () => {
      const response = await refused(() => t.admin.post('/api/v1/projections/rebuild').set('Content-Type', 'text/plain').send('now'));
      expect(response.status).toBe(415);
    });
  });

  describe('identifiers that could carry text', () => {
    const milestone = () => route('milestone job-search-started');
    it.each([
      ['Idempotency-Key', 'anna.andersson@example.com'],
      ['Idempotency-Key', 'k'.repeat(65)],
      ['Idempotency-Key', 'Anna Andersson'],
      ['X-Correlation-Id', 'anna@example.com'],
      ['X-Correlation-Id', 'c'.repeat(65)],
    ])('%s %j is 400', async (header, value) => {
      const response = await refused(() => send(milestone(), milestone().body).set(header, value));
      expect(response.status).toBe(400);
      expect(response.body.errors).toContainEqual({ field: header, reason: expect.stringMatching(/letters, digits/) });
    });

    it.each([
      ['interventionId', { type: 'intervention-started', occurredOn: '2024-02-01', kind: 'ips', interventionId: 'Anna Andersson 200308142384' }],
      ['participantId', { participantId: 'anna@example.com' }],
    ])('%s with text is 400', async (field, change) => {
      const r = field === 'participantId' ? route('enrol') : milestone();
      const response = await refused(() => send(r, { ...r.body, ...change }));
      expect(response.body.errors).toContainEqual({ field, reason: expect.stringMatching(/letters, digits/) });
    });

    it('takes a UUID and a 64-character token', async () => {
      const r = milestone();
      expect((await send(r, r.body).set('Idempotency-Key', '7b0f2c1e-3a4d-4c5b-9e6f-0a1b2c3d4e5f')).status).toBe(201);
      expect((await send(r, r.body).set('X-Correlation-Id', `ui:${'a'.repeat(61)}`)).status).toBe(201);
    });
  });

  describe('If-Match uses strong comparison (RFC 9110 §13.1.1)', () => {
    const r = () => route('milestone job-search-started');
    const version = async () => Number((await t.evaluator.get(`/api/v1/participants/${ROUTE_PARTICIPANT}/history`)).headers.etag.replaceAll('"', ''));

    it('answers a weak tag with 412 PRECONDITION.WEAK_ETAG, even the current version', async () => {
      const response = await refused(() => send(r(), r().body).set('If-Match', 'W/"2"'));
      expect(response.status).toBe(412);
      expect(response.body.code).toBe('PRECONDITION.WEAK_ETAG');
      const current = await version();
      const again = await refused(() => send(r(), r().body).set('If-Match', `W/"${current}"`));
      expect(again.status).toBe(412);
    });

    it('takes the current strong tag and *; refuses an unquoted or listed one with 400', async () => {
      expect((await send(r(), r().body).set('If-Match', `"${await version()}"`)).status).toBe(201);
      expect((await send(r(), r().body).set('If-Match', '*')).status).toBe(201);
      for (const value of ['3', '"1", "2"', '"abc"']) {
        const response = await refused(() => send(r(), r().body).set('If-Match', value));
        expect({ value, status: response.status }).toEqual({ value, status: 400 });
      }
    });

    it('ignores * for a participant that does not exist: 404, as without the header (RFC 9110 §13.2.1)', async () => {
      const response = await refused(() => sendRaw(t, r(), JSON.stringify(r().body), 'application/json', '/api/v1/participants/nobody/milestones').set('If-Match', '*'));
      expect(response.status).toBe(404);
    });
  });

  describe('the problem names the path only (issue 14 §6)', () => {
    it('leaves the query string out of instance', async () => {
      const response = await t.caseworker.get('/api/v1/projects/22-015-S01/participants?status=Anna%20Andersson%20070-1234567');
      expect(response.status).toBe(400);
      expect(response.body.instance).toBe('/api/v1/projects/22-015-S01/participants');
      expect(JSON.stringify(response.body)).not.toMatch(/Anna|1234567/);
    });
  });
});
