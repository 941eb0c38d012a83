import { EntryProfile } from './entry-profile';
import { Milestone } from './milestone';
import { ParticipantCommand } from './participant-commands';
import { participantDecider } from './participant-decider';
import { milestoneEvent, ParticipantEvent } from './participant-events';
import { SealedData } from './sealed-data';
import { framtid, longTermUnemployedWoman } from '../testing/fixtures';
import { deciderSpecification } from '../testing/decider-specification';

const today = '2025-06-01';
const participantId = 'p-1';
const profile: EntryProfile = longTermUnemployedWoman;

const enrolled: ParticipantEvent = {
  type: 'ParticipantEnrolled',
  data: { participantId, projectId: framtid.projectId, enrolledOn: '2024-01-15', profile },
};
const event = (milestone: Milestone) => milestoneEvent(participantId, milestone);
const record = (milestone: Milestone): ParticipantCommand => ({
  type: 'RecordMilestone',
  data: { participantId, milestone },
  today,
});
/** Free text reaches the decider sealed; the decider only carries it. */
const sealedText = (ciphertext: string): SealedData => ({ alg: 'A256GCM', iv: 'aXYtMTI=', tag: 'dGFnLTE2', ciphertext, key: { id: participantId, version: 1 } });
const FORGOTTEN = sealedText('YXNrZWQgdG8gYmUgZm9yZ290dGVu');
const WRONG_PARTICIPANT = sealedText('d3JvbmcgcGFydGljaXBhbnQ=');
const retract = (eventId: string, reason: SealedData | null = WRONG_PARTICIPANT): ParticipantCommand => ({
  type: 'RetractMilestone',
  data: { participantId, eventId, reason },
  today,
});

const started = { type: 'intervention-started', occurredOn: '2024-02-01', interventionId: 'iv-1', kind: 'ips' } as const;
const ended = { type: 'intervention-ended', occurredOn: '2024-05-01', interventionId: 'iv-1', outcome: 'completed' } as const;
const exited = { type: 'exited', occurredOn: '2024-09-30', reason: 'completed', situation: 'job-searching' } as const;
const placed = {
  type: 'job-placed',
  occurredOn: '2024-10-10',
  employment: 'employee',
  contract: 'temporary',
  hoursPerWeek: 30,
} as const;
const followUp = {
  type: 'follow-up-recorded',
  occurredOn: '2025-03-30',
  monthsAfterExit: 6,
  situation: 'employed',
  improvedSituation: true,
} as const;
const reEntered = { type: 're-entered', occurredOn: '2025-01-10' } as const;

describe('participant decider', () => {
  const given = deciderSpecification(participantDecider);

  describe('enrolment', () => {
    const enrol = (overrides: Partial<{ enrolledOn: string; profile: EntryProfile }> = {}): ParticipantCommand => ({
      type: 'EnrolParticipant',
      data: { participantId, enrolledOn: '2024-01-15', profile, ...overrides },
      project: framtid,
      today,
    });

    it('enrols a participant in a registered project with the entry profile', () => {
      given().when(enrol()).then([enrolled]);
    });

    it('enrols only in an existing project', () => {
      given()
        .when({ ...enrol(), project: null } as ParticipantCommand)
        .thenFails('PROJECT.NOT_FOUND');
    });

    it('enrols a participant once', () => {
      given(enrolled).when(enrol()).thenFails('PARTICIPANT.ALREADY_ENROLLED');
    });

    it('refuses an enrolment dated in the future', () => {
      given().when(enrol({ enrolledOn: '2025-06-02' })).thenFails('ENROLMENT.DATE_IN_FUTURE');
    });

    it.each(['2023-03-30', '2026-03-31'])('refuses an enrolment on %s, outside the project period', (enrolledOn) => {
      given()
        .when({ ...enrol({ enrolledOn }), today: '2027-01-01' } as ParticipantCommand)
        .thenFails('PARTICIPANT.ENROLMENT_OUTSIDE_PROJECT_PERIOD');
    });

    it('refuses a birth date after the enrolment', () => {
      given()
        .when(enrol({ profile: { ...profile, birthDate: '2024-02-01' } }))
        .thenFails('PARTICIPANT.BORN_AFTER_ENROLMENT');
    });

    // 0000-01-01 was accepted and counted as aged 55 and above.
    it.each(['0000-01-01', '1899-12-31', '1903-01-15'])('refuses the implausible birth date %s', (birthDate) => {
      given()
        .when(enrol({ profile: { ...profile, birthDate } }))
        .thenFails('PARTICIPANT.IMPLAUSIBLE_BIRTH_DATE');
    });

    it.each(['1903-01-16', '1950-06-30', '2024-01-15'])('accepts the birth date %s (aged 120 to 0 at entry)', (birthDate) => {
      const withBirthDate = { ...profile, birthDate };
      given()
        .when(enrol({ profile: withBirthDate }))
        .then([{ ...enrolled, data: { ...enrolled.data, profile: withBirthDate } } as ParticipantEvent]);
    });
  });

  describe('milestones', () => {
    it('records nothing before enrolment', () => {
      given().when(record(started)).thenFails('PARTICIPANT.NOT_FOUND');
    });

    it('records each kind of milestone as its own event', () => {
      given(enrolled).when(record(started)).then([
        {
          type: 'InterventionStarted',
          data: { participantId, occurredOn: '2024-02-01', interventionId: 'iv-1', kind: 'ips' },
        },
      ]);
      given(enrolled).when(record(placed)).then([event(placed)]);
      given(enrolled, event(exited)).when(record(followUp)).then([event(followUp)]);
    });

    it('refuses a milestone dated before the enrolment date', () => {
      given(enrolled)
        .when(record({ ...placed, occurredOn: '2024-01-14' }))
        .thenFails('MILESTONE.BEFORE_ENROLMENT');
    });

    it('refuses a milestone dated in the future', () => {
      given(enrolled)
        .when(record({ ...placed, occurredOn: '2025-06-02' }))
        .thenFails('MILESTONE.DATE_IN_FUTURE');
    });

    it('accepts a milestone dated today', () => {
      given(enrolled)
        .when(record({ ...placed, occurredOn: today }))
        .then([event({ ...placed, occurredOn: today })]);
    });
  });

  describe('interventions', () => {
    it('ends a started intervention once', () => {
      given(enrolled, event(started)).when(record(ended)).then([event(ended)]);
      given(enrolled, event(started), event(ended)).when(record(ended)).thenFails('INTERVENTION.ALREADY_ENDED');
    });

    it('ends only a started intervention', () => {
      given(enrolled).when(record(ended)).thenFails('INTERVENTION.NOT_STARTED');
    });

    it('does not end an intervention before it started', () => {
      given(enrolled, event(started))
        .when(record({ ...ended, occurredOn: '2024-01-31' }))
        .thenFails('INTERVENTION.ENDS_BEFORE_START');
    });

    it('does not start the same intervention twice', () => {
      given(enrolled, event(started)).when(record(started)).thenFails('INTERVENTION.ALREADY_STARTED');
    });

    it('needs a re-entry after exit', () => {
      given(enrolled, event(exited))
        .when(record({ ...started, occurredOn: '2024-10-01' }))
        .thenFails('PARTICIPANT.ALREADY_EXITED');
      given(enrolled, event(started), event(exited))
        .when(record({ ...ended, occurredOn: '2024-10-01' }))
        .thenFails('PARTICIPANT.ALREADY_EXITED');
      given(enrolled, event(exited), event(reEntered))
        .when(record({ ...started, interventionId: 'iv-2', occurredOn: '2025-01-11' }))
        .then([event({ ...started, interventionId: 'iv-2', occurredOn: '2025-01-11' })]);
    });

    it('does not start an intervention before the latest entry', () => {
      given(enrolled, event(exited), event(reEntered))
        .when(record({ ...started, occurredOn: '2025-01-09' }))
        .thenFails('MILESTONE.BEFORE_ENTRY');
    });
  });

  describe('group session attendance', () => {
    const attended = { type: 'group-session-attended', occurredOn: '2024-03-05', sessionId: 's-1', kind: 'workshop' } as const;
    const inProject = (projectId: string, milestone: Milestone = attended): ParticipantCommand => ({
      type: 'RecordMilestone',
      data: { participantId, milestone, inProject: projectId },
      today,
    });

    it('records one attendance for an active participant of the project', () => {
      given(enrolled).when(inProject(framtid.projectId)).then([event(attended)]);
    });

    it('refuses a participant of another project as if unknown, and an unknown one', () => {
      given(enrolled).when(inProject('another-project')).thenFails('PARTICIPANT.NOT_FOUND');
      given().when(inProject(framtid.projectId)).thenFails('PARTICIPANT.NOT_FOUND');
    });

    it('refuses an exited participant until a re-entry, and a session before the latest entry', () => {
      given(enrolled, event(exited))
        .when(inProject(framtid.projectId, { ...attended, occurredOn: '2024-10-01' }))
        .thenFails('PARTICIPANT.ALREADY_EXITED');
      given(enrolled, event(exited), event(reEntered))
        .when(inProject(framtid.projectId, { ...attended, occurredOn: '2025-01-09' }))
        .thenFails('MILESTONE.BEFORE_ENTRY');
      given(enrolled, event(exited), event(reEntered))
        .when(inProject(framtid.projectId, { ...attended, occurredOn: '2025-01-10' }))
        .then([event({ ...attended, occurredOn: '2025-01-10' })]);
    });

    it('refuses a session before the enrolment or in the future', () => {
      given(enrolled)
        .when(inProject(framtid.projectId, { ...attended, occurredOn: '2024-01-14' }))
        .thenFails('MILESTONE.BEFORE_ENROLMENT');
      given(enrolled)
        .when(inProject(framtid.projectId, { ...attended, occurredOn: '2025-06-02' }))
        .thenFails('MILESTONE.DATE_IN_FUTURE');
    });

    it('can be retracted like any milestone', () => {
      given(enrolled, event(attended))
        .when(retract('event-2'))
        .then([{ type: 'MilestoneRetracted', data: { participantId, retractedEventId: 'event-2', reason: WRONG_PARTICIPANT } }]);
    });
  });

  describe('exit, outcomes and follow-up', () => {
    it('exits once', () => {
      given(enrolled, event(exited)).when(record(exited)).thenFails('PARTICIPANT.ALREADY_EXITED');
    });

    it.each([
      placed,
      { type: 'education-entered', occurredOn: '2024-10-01', programme: 'vocational' },
      { type: 'job-search-started', occurredOn: '2024-10-01' },
      { type: 'qualification-gained', occurredOn: '2024-10-01', qualification: sealedText('Rm9ya2xpZnQ='), iscedLevel: null },
      { type: 'school-completed', occurredOn: '2024-10-01', level: 'compulsory', fullGrades: true },
    ] as Milestone[])('records the outcome $type after exit', (outcome) => {
      given(enrolled, event(exited)).when(record(outcome)).then([event(outcome)]);
    });

    it('records a follow-up only after exit, and not dated before it', () => {
      given(enrolled).when(record(followUp)).thenFails('PARTICIPANT.NOT_EXITED');
      given(enrolled, event(exited))
        .when(record({ ...followUp, occurredOn: '2024-09-29' }))
        .thenFails('MILESTONE.BEFORE_EXIT');
    });

    describe('the follow-up window: from 5 to 9 months after the last exit for a six-month follow-up', () => {
      // The exit is on 2024-09-30; a follow-up one month after exit was accepted and counted in EECR05/EECR06.
      it.each(['2024-10-30', '2025-02-27', '2025-07-01'])('refuses a six-month follow-up dated %s', (occurredOn) => {
        given(enrolled, event(exited))
          .when({ ...record({ ...followUp, occurredOn }), today: '2026-01-01' } as ParticipantCommand)
          .thenFails('FOLLOW_UP.OUTSIDE_WINDOW');
      });

      it.each(['2025-02-28', '2025-03-30', '2025-06-30'])('accepts a six-month follow-up dated %s', (occurredOn) => {
        given(enrolled, event(exited))
          .when({ ...record({ ...followUp, occurredOn }), today: '2026-01-01' } as ParticipantCommand)
          .then([event({ ...followUp, occurredOn })]);
      });

      it('measures from the last exit, not the first', () => {
        const secondExit = { ...exited, occurredOn: '2025-02-01' } as const;
        given(enrolled, event(exited), event(reEntered), event(secondExit))
          .when(record({ ...followUp, occurredOn: '2025-03-30' }))
          .thenFails('FOLLOW_UP.OUTSIDE_WINDOW');
        given(enrolled, event(exited), event(reEntered), event(secondExit))
          .when({ ...record({ ...followUp, occurredOn: '2025-08-01' }), today: '2026-01-01' } as ParticipantCommand)
          .then([event({ ...followUp, occurredOn: '2025-08-01' })]);
      });

      it('puts a twelve-month follow-up around twelve months', () => {
        const twelve = { ...followUp, monthsAfterExit: 12, occurredOn: '2025-03-30' } as const;
        given(enrolled, event(exited))
          .when({ ...record(twelve), today: '2026-01-01' } as ParticipantCommand)
          .thenFails('FOLLOW_UP.OUTSIDE_WINDOW');
        given(enrolled, event(exited))
          .when({ ...record({ ...twelve, occurredOn: '2025-09-30' }), today: '2026-01-01' } as ParticipantCommand)
          .then([event({ ...twelve, occurredOn: '2025-09-30' })]);
      });
    });

    it('re-enters only after exit, not dated before it', () => {
      given(enrolled).when(record(reEntered)).thenFails('PARTICIPANT.NOT_EXITED');
      given(enrolled, event(exited))
        .when(record({ ...reEntered, occurredOn: '2024-09-29' }))
        .thenFails('MILESTONE.BEFORE_EXIT');
      given(enrolled, event(exited)).when(record(reEntered)).then([event(reEntered)]);
    });

    it('does not exit before the latest entry', () => {
      given(enrolled, event(exited), event(reEntered))
        .when(record({ ...exited, occurredOn: '2025-01-09' }))
        .thenFails('MILESTONE.BEFORE_ENTRY');
    });
  });

  describe('retractions', () => {
    const retracted = (eventId: string): ParticipantEvent => ({
      type: 'MilestoneRetracted',
      data: { participantId, retractedEventId: eventId, reason: WRONG_PARTICIPANT },
    });

    it('retracts an existing milestone', () => {
      given(enrolled, event(placed)).when(retract('event-2')).then([retracted('event-2')]);
    });

    it('retracts only a milestone of this participant', () => {
      given(enrolled).when(retract('event-9')).thenFails('MILESTONE.NOT_FOUND');
    });

    it('retracts a milestone once', () => {
      given(enrolled, event(placed), retracted('event-2')).when(retract('event-2')).thenFails('MILESTONE.ALREADY_RETRACTED');
    });

    it('does not retract an enrolment or a retraction', () => {
      given(enrolled).when(retract('event-1')).thenFails('MILESTONE.NOT_RETRACTABLE');
      given(enrolled, event(placed), retracted('event-2')).when(retract('event-3')).thenFails('MILESTONE.NOT_FOUND');
    });

    it('carries a reason that was not kept (the person was erased first) as null', () => {
      const retraction: ParticipantEvent = { type: 'MilestoneRetracted', data: { participantId, retractedEventId: 'event-2', reason: null } };
      given(enrolled, event(placed)).when(retract('event-2', null)).then([retraction]);
    });

    it('undoes the effect of a retracted exit: the participant is active again', () => {
      given(enrolled, event(exited), retracted('event-2'))
        .when(record({ ...started, occurredOn: '2024-10-01' }))
        .then([event({ ...started, occurredOn: '2024-10-01' })]);
      given(enrolled, event(exited), retracted('event-2')).when(record(followUp)).thenFails('PARTICIPANT.NOT_EXITED');
    });

    it('undoes a retracted intervention start: it can no longer be ended', () => {
      given(enrolled, event(started), retracted('event-2')).when(record(ended)).thenFails('INTERVENTION.NOT_STARTED');
    });
  });

  describe('personal data', () => {
    const sealed = (ciphertext: string): SealedData => ({ alg: 'A256GCM', iv: 'aXYtMTI=', tag: 'dGFnLTE2', ciphertext });
    const personal = sealed('Y2lwaGVydGV4dC0x');
    const enrolledWithPersonal: ParticipantEvent = { ...enrolled, data: { ...enrolled.data, personal } } as ParticipantEvent;
    const changed = (data = sealed('Y2lwaGVydGV4dC0y')): ParticipantEvent => ({
      type: 'ContactDetailsChanged',
      data: { participantId, personal: data },
    });
    const erased: ParticipantEvent = { type: 'PersonalDataErased', data: { participantId, reason: FORGOTTEN } };
    const change: ParticipantCommand = {
      type: 'ChangeContactDetails',
      data: { participantId, personal: sealed('Y2lwaGVydGV4dC0y') },
      today,
    };
    const erase = (reason: SealedData = FORGOTTEN): ParticipantCommand => ({
      type: 'ErasePersonalData',
      data: { participantId, reason },
      today,
    });
    const retracted = (eventId: string): ParticipantEvent => ({
      type: 'MilestoneRetracted',
      data: { participantId, retractedEventId: eventId, reason: WRONG_PARTICIPANT },
    });
    const enrolWith = (data: Partial<{ personal: SealedData }>): ParticipantCommand => ({
      type: 'EnrolParticipant',
      data: { participantId, enrolledOn: '2024-01-15', profile, ...data },
      project: framtid,
      today,
    });

    it('seals personal data into the enrolment, and leaves the key out when there is none', () => {
      given().when(enrolWith({ personal })).then([enrolledWithPersonal]);
      const [plain] = participantDecider.decide(enrolWith({}), participantDecider.initialState());
      expect(Object.keys(plain!.data)).not.toContain('personal');
    });

    it('changes the contact details of an enrolled participant', () => {
      given(enrolled).when(change).then([changed()]);
      given(enrolledWithPersonal, changed(sealed('b2xk'))).when(change).then([changed()]);
    });

    it('erases personal data, also when none was ever recorded', () => {
      given(enrolledWithPersonal, changed()).when(erase()).then([erased]);
      given(enrolled).when(erase()).then([erased]);
    });

    it('needs a participant', () => {
      given().when(change).thenFails('PARTICIPANT.NOT_FOUND');
      given().when(erase()).thenFails('PARTICIPANT.NOT_FOUND');
    });

    it('records nothing personal after an erasure, and erases once', () => {
      given(enrolledWithPersonal, erased).when(change).thenFails('PARTICIPANT.PERSONAL_DATA_ERASED');
      given(enrolledWithPersonal, erased).when(erase()).thenFails('PARTICIPANT.PERSONAL_DATA_ERASED');
    });

    it('keeps the anonymous pathway going after an erasure', () => {
      given(enrolledWithPersonal, erased).when(record(placed)).then([event(placed)]);
      given(enrolledWithPersonal, erased, event(exited)).when(record(followUp)).then([event(followUp)]);
    });

    it('does not retract a contact change or an erasure', () => {
      given(enrolledWithPersonal, changed()).when(retract('event-2')).thenFails('MILESTONE.NOT_RETRACTABLE');
      given(enrolledWithPersonal, erased).when(retract('event-2')).thenFails('MILESTONE.NOT_RETRACTABLE');
    });

    it('keeps an erasure through the refold a retraction causes', () => {
      given(enrolledWithPersonal, erased, event(placed), retracted('event-3'))
        .when(change)
        .thenFails('PARTICIPANT.PERSONAL_DATA_ERASED');
      // Even a retraction naming the erasure itself (the decider refuses to write one) leaves it erased.
      given(enrolledWithPersonal, event(placed), erased, retracted('event-3'))
        .when(erase())
        .thenFails('PARTICIPANT.PERSONAL_DATA_ERASED');
    });

    it('tracks whether personal data was recorded or erased, across retractions', () => {
      const fold = (...events: ParticipantEvent[]) =>
        events.reduce((s, e, i) => participantDecider.evolve(s, e, `event-${i + 1}`), participantDecider.initialState())
          .personalData;
      expect(fold(enrolled)).toBe('none');
      expect(fold(enrolledWithPersonal)).toBe('recorded');
      expect(fold(enrolled, changed(), event(placed), retracted('event-3'))).toBe('recorded');
      expect(fold(enrolled, erased, event(placed), retracted('event-3'))).toBe('erased');
    });
  });
});
