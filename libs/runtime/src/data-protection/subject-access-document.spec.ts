import { Workbook } from 'exceljs';
import { buildSubjectAccessDocument, SubjectAccessEvent, SubjectAccessInput } from './subject-access-document';
import { subjectAccessXlsx } from './subject-access-xlsx';

const event = (type: string, position: number, data: Record<string, unknown>, freeText: SubjectAccessEvent['freeText'] = {}): SubjectAccessEvent => ({
  eventId: `e-${position}`,
  type,
  position,
  recordedAt: `2025-01-0${position}T09:00:00.000Z`,
  actor: 'cw-1',
  actorRole: 'caseworker',
  data: { participantId: 'p-1', ...data },
  freeText,
});

const input = (events: SubjectAccessEvent[], notices: SubjectAccessInput['notices'] = { enabled: false, sentUpTo: null, messages: [] }): SubjectAccessInput => ({
  participantId: 'p-1',
  generatedAt: '2025-02-01T10:00:00.000Z',
  requestedBy: { subject: 'admin-1', role: 'admin' },
  project: { projectId: 'P', name: 'Project' },
  events,
  personalData: { status: 'recorded', data: { name: '=cmd|" /C calc"!A0' } },
  reads: [],
  notices,
});

const enrolled = event('ParticipantEnrolled', 1, { projectId: 'P', enrolledOn: '2025-01-01', profile: { birthDate: null, gender: 'man', labourMarketStatus: 'inactive' } });

describe('the subject-access document', () => {
  it('shows an event type it does not know by its name and fields, so nothing recorded is left out', () => {
    const doc = buildSubjectAccessDocument(input([enrolled, event('SomethingNew', 2, { occurredOn: '2025-01-02', field: 'x' })]));
    const records = doc.sections.find((s) => s.id === 'records')!.rows;
    expect(records[1]).toMatchObject({ entry: 'SomethingNew', occurredOn: '2025-01-02', details: 'field: x' });
  });

  it('shows the entry profile as corrected, with a note of the value first recorded (issue 15)', () => {
    const corrected = event('EntryProfileCorrected', 2, { correctedOn: '2025-01-02', corrected: { gender: 'woman', enrolledOn: '2024-12-30' } });
    const rows = buildSubjectAccessDocument(input([enrolled, corrected])).sections.find((s) => s.id === 'entry-profile')!.rows;
    expect(rows.find((r) => r.field === 'Gender')).toEqual({ field: 'Gender', value: 'Woman', note: 'corrected 2025-01-02T09:00:00.000Z; first recorded: Man' });
    expect(rows.find((r) => r.field === 'Enrolment date')).toMatchObject({ value: '2024-12-30', note: expect.stringContaining('first recorded: 2025-01-01') });
    expect(rows.find((r) => r.field === 'Situation on the labour market')).toMatchObject({ value: 'Inactive', note: null });
    const sv = buildSubjectAccessDocument(input([enrolled, corrected]), 'sv').sections.find((s) => s.id === 'entry-profile')!.rows;
    expect(sv.find((r) => r.value === 'Kvinna')!.note).toBe('rättat 2025-01-02T09:00:00.000Z; först registrerat: Man');
  });

  it("writes the closed lists' answers in the words of the forms, in the document's language; free text and unknown codes as they are", () => {
    const profile = { birthDate: null, gender: 'non-binary', labourMarketStatus: 'long-term-unemployed', educationLevel: 'isced-0-2' };
    const events = [
      event('ParticipantEnrolled', 1, { projectId: 'P', enrolledOn: '2025-01-01', profile }),
      event('InterventionStarted', 2, { occurredOn: '2025-01-02', interventionId: 'i-1', kind: 'ips' }),
      event('ParticipantExited', 3, { occurredOn: '2025-01-03', reason: 'dropped-out', situation: 'job-searching', note: 'isced-0-2' }),
    ];
    const section = (language: 'en' | 'sv', id: string) => buildSubjectAccessDocument(input(events), language).sections.find((s) => s.id === id)!.rows;
    expect(section('sv', 'entry-profile').slice(2, 5).map((r) => r.value)).toEqual(['Icke-binär', 'Långtidsarbetslös', 'Grundskola eller kortare (ISCED 0–2)']);
    expect(section('en', 'entry-profile')[4]!.value).toBe('Compulsory school or less (ISCED 0–2)');
    expect(section('en', 'records')[1]!.details).toBe('Activity id: i-1; Kind: IPS (individual placement and support)');
    expect(section('sv', 'records')[2]!.details).toBe('Skäl: Avbröt; Situation: Söker arbete; note: isced-0-2');
  });

  it("names roles, withdrawal grounds and the entries' fields in words of the document's language, not as codes", () => {
    const withdrawn = event('EnrolmentWithdrawn', 2, { withdrawnOn: '2025-01-02', ground: 'duplicate', duplicateOf: 'p-0', reason: {} }, { reason: { status: 'open', text: 'Två inskrivningar' } });
    const corrected = event('EntryProfileCorrected', 3, { correctedOn: '2025-01-03', corrected: { gender: 'woman', disability: true } });
    const school = event('SchoolCompleted', 4, { occurredOn: '2025-01-04', level: 'compulsory', fullGrades: null });
    const reads: SubjectAccessInput['reads'] = [{ at: '2025-02-01T10:00:00.000Z', subject: 'admin-1', role: 'admin', action: 'subject-access.read', participantId: 'p-1', projectId: 'P', correlationId: 'c' } as never];
    const doc = (language: 'en' | 'sv') => buildSubjectAccessDocument({ ...input([enrolled, withdrawn, corrected, school]), reads }, language);
    const rows = (language: 'en' | 'sv', id: string) => doc(language).sections.find((s) => s.id === id)!.rows;

    expect(rows('sv', 'corrections').map((r) => r.details)).toEqual([
      'Återkallad den: 2025-01-02; Grund: Personen är redan inskriven som en annan deltagare; Redan inskriven som: p-0; Skäl: Två inskrivningar',
      'Rättat den: 2025-01-03; Kön: Kvinna; Funktionsnedsättning: ja',
    ]);
    expect(rows('en', 'corrections')[0]!.details).toBe('Withdrawn on: 2025-01-02; Ground: The person is already enrolled as another participant; Already enrolled as: p-0; Reason: Två inskrivningar');
    expect(rows('en', 'records')[3]!.details).toBe('School: Compulsory school; Full grades: not recorded');
    expect(rows('sv', 'records').map((r) => r.role)).toEqual(['Handläggare', 'Handläggare', 'Handläggare', 'Handläggare']);
    expect(rows('en', 'corrections').map((r) => r.role)).toEqual(['Caseworker', 'Caseworker']);
    expect(rows('sv', 'reads')[0]!.role).toBe('Administratör');
    expect(rows('en', 'about')[3]!.value).toBe('admin-1 (Administrator)');
    // A role this installation does not know (from an organisation's login service) is shown as it came.
    const other = buildSubjectAccessDocument({ ...input([{ ...enrolled, actorRole: 'auditor' }]) }, 'sv');
    expect(other.sections.find((s) => s.id === 'records')!.rows[0]!.role).toBe('auditor');
  });

  it("names every entry, what the audit log recorded and each notice in words of the document's language, not as codes", () => {
    const events = [enrolled, event('JobPlaced', 2, { occurredOn: '2025-01-02', employment: 'employee', contract: 'permanent', hoursPerWeek: 40 }), event('GroupSessionAttended', 3, { occurredOn: '2025-01-03', sessionId: 's-1', kind: 'study-visit' })];
    const reads = ['personal-data.read', 'subject-access.read', 'participant-file.read', 'something-new.read'].map(
      (action, i) => ({ sequence: i, at: '2025-02-01T10:00:00.000Z', subject: 'admin-1', role: 'admin', action, participantId: 'p-1', projectId: 'P', correlationId: 'c' }),
    );
    const notice = (position: number, milestone: string) => ({ position, message: { schema: 'pathway.participant-milestone.v1', eventId: `e-${position}`, participantId: 'p-1', projectId: 'P', milestone, occurredOn: null, recordedAt: 'x', codes: {}, retractedEventId: null } as const });
    const notices = { enabled: true, sentUpTo: 2, messages: [notice(1, 'enrolled'), notice(2, 'job-placed'), notice(9, 'from-elsewhere')] };
    const rows = (language: 'en' | 'sv', id: string) => buildSubjectAccessDocument({ ...input(events, notices), reads }, language).sections.find((s) => s.id === id)!.rows;

    expect(rows('en', 'records').map((r) => r.entry)).toEqual(['Enrolled', 'Got a job', 'Took part in a group session']);
    expect(rows('sv', 'records').map((r) => r.entry)).toEqual(['Inskriven', 'Fick arbete', 'Deltog i en gruppaktivitet']);
    expect(rows('en', 'reads').map((r) => r.action)).toEqual(['Personal data read', 'Subject access document', 'Identity number read for the participant file to SCB', 'something-new.read']);
    expect(rows('sv', 'reads').map((r) => r.action)).toEqual(['Personuppgifter lästa', 'Registerutdrag', 'Personnummer läst till deltagarfilen till SCB', 'something-new.read']);
    // A notice is named by the entry it tells of; one whose entry is not in the stream keeps its own name.
    expect(rows('en', 'notices').map((r) => r.notice)).toEqual(['Enrolled', 'Got a job', 'from-elsewhere']);
    expect(rows('sv', 'notices').map((r) => r.notice)).toEqual(['Inskriven', 'Fick arbete', 'from-elsewhere']);
  });

  it('tells sent notices from those after the relay checkpoint', () => {
    const message = (position: number) => ({ position, message: { schema: 'pathway.participant-milestone.v1', eventId: `e-${position}`, participantId: 'p-1', projectId: 'P', milestone: 'enrolled', occurredOn: null, recordedAt: 'x', codes: {}, retractedEventId: null } as const });
    const doc = buildSubjectAccessDocument(input([enrolled], { enabled: true, sentUpTo: 1, messages: [message(1), message(2)] }), 'sv');
    expect(doc.sections.find((s) => s.id === 'notices')!.rows.map((r) => r.status)).toEqual(['skickat', 'inte skickat ännu']);
  });

  it('writes text that looks like a formula as text in the workbook', async () => {
    const workbook = new Workbook();
    await workbook.xlsx.load((await subjectAccessXlsx(buildSubjectAccessDocument(input([enrolled])))) as unknown as Parameters<Workbook['xlsx']['load']>[0]);
    const sheet = workbook.getWorksheet('Personal details')!;
    expect(sheet.getCell('B5').value).toBe(`'=cmd|" /C calc"!A0`);
    expect(workbook.worksheets).toHaveLength(9);
  });

  it('gives the same bytes for the same document', async () => {
    const doc = buildSubjectAccessDocument(input([enrolled]));
    expect((await subjectAccessXlsx(doc)).equals(await subjectAccessXlsx(doc))).toBe(true);
  });
});
