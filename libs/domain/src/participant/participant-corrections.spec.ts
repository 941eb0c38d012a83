import { applyEntryCorrection } from './entry-correction';
import { EntryProfile } from './entry-profile';
import { Milestone } from './milestone';
import { DuplicateTarget, ParticipantCommand } from './participant-commands';
import { participantDecider } from './participant-decider';
import { milestoneEvent, ParticipantEvent, WithdrawalGround } from './participant-events';
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
const REASON: SealedData = { alg: 'A256GCM', iv: 'aXYtMTI=', tag: 'dGFnLTE2', ciphertext: 'dHlwZWQgd3Jvbmc=', key: { id: participantId, version: 1 } };
const event = (milestone: Milestone) => milestoneEvent(participantId, milestone);
const placed: Milestone = { type: 'job-placed', occurredOn: '2024-03-01', employment: 'employee', contract: 'permanent', hoursPerWeek: 40 };
const exited: Milestone = { type: 'exited', occurredOn: '2024-09-30', reason: 'completed', situation: 'employed' };
const erased: ParticipantEvent = { type: 'PersonalDataErased', data: { participantId, reason: REASON } };

const correct = (corrected: Record<string, unknown>): ParticipantCommand =>
  ({ type: 'CorrectEntryProfile', data: { participantId, corrected, reason: REASON }, project: framtid, today }) as ParticipantCommand;
const corrected = (fields: Record<string, unknown>): ParticipantEvent =>
  ({ type: 'EntryProfileCorrected', data: { participantId, correctedOn: today, corrected: fields, reason: REASON } }) as ParticipantEvent;

const withdraw = (ground: WithdrawalGround, duplicateOf: string | null = null, duplicate: DuplicateTarget | null = null): ParticipantCommand => ({
  type: 'WithdrawEnrolment',
  data: { participantId, ground, duplicateOf, reason: REASON },
  duplicate,
  today,
});
const withdrawn = (ground: WithdrawalGround, duplicateOf: string | null = null): ParticipantEvent => ({
  type: 'EnrolmentWithdrawn',
  data: { participantId, withdrawnOn: today, ground, duplicateOf, reason: REASON },
});
const stays: DuplicateTarget = { projectId: framtid.projectId, withdrawn: false };

const fold = (...events: ParticipantEvent[]) =>
  events.reduce((s, e, i) => participantDecider.evolve(s, e, `event-${i + 1}`), participantDecider.initialState());

describe('participant decider: corrections of the entry', () => {
  const given = deciderSpecification(participantDecider);

  it('corrects profile fields and the enrolment date in one event naming the corrected fields', () => {
    given(enrolled)
      .when(correct({ gender: 'man', birthDate: '2004-06-17', enrolledOn: '2024-01-10' }))
      .then([corrected({ gender: 'man', birthDate: '2004-06-17', enrolledOn: '2024-01-10' })]);
  });

  it('names only the fields that change', () => {
    given(enrolled).when(correct({ gender: 'woman', disability: true })).then([corrected({ disability: true })]);
  });

  it('corrects an answer to "not disclosed" (null) and back', () => {
    given(enrolled).when(correct({ gender: null })).then([corrected({ gender: null })]);
    given(enrolled, corrected({ gender: null })).when(correct({ gender: 'non-binary' })).then([corrected({ gender: 'non-binary' })]);
  });

  it('needs at least one field, and one that changes', () => {
    given(enrolled).when(correct({})).thenFails('CORRECTION.NO_FIELDS');
    given(enrolled).when(correct({ gender: 'woman', enrolledOn: '2024-01-15' })).thenFails('CORRECTION.NOTHING_CHANGED');
    // Compared with the entry as corrected so far, not as first recorded.
    given(enrolled, corrected({ gender: 'man' })).when(correct({ gender: 'man' })).thenFails('CORRECTION.NOTHING_CHANGED');
  });

  it('refuses a corrected enrolment date in the future (the project day)', () => {
    given(enrolled).when(correct({ enrolledOn: '2025-06-02' })).thenFails('CORRECTION.DATE_IN_FUTURE');
    given(enrolled).when(correct({ enrolledOn: today })).then([corrected({ enrolledOn: today })]);
  });

  it('refuses a corrected enrolment date outside the project period', () => {
    given(enrolled).when(correct({ enrolledOn: '2023-03-30' })).thenFails('PARTICIPANT.ENROLMENT_OUTSIDE_PROJECT_PERIOD');
    given(enrolled).when(correct({ enrolledOn: '2023-03-31' })).then([corrected({ enrolledOn: '2023-03-31' })]);
  });

  it('refuses a corrected enrolment date after the first milestone that counts', () => {
    given(enrolled, event(placed)).when(correct({ enrolledOn: '2024-03-02' })).thenFails('CORRECTION.ENROLMENT_AFTER_FIRST_MILESTONE');
    given(enrolled, event(placed)).when(correct({ enrolledOn: '2024-03-01' })).then([corrected({ enrolledOn: '2024-03-01' })]);
    // A retracted milestone does not count.
    const retracted: ParticipantEvent = { type: 'MilestoneRetracted', data: { participantId, retractedEventId: 'event-2', reason: REASON } };
    given(enrolled, event(placed), retracted).when(correct({ enrolledOn: '2024-04-01' })).then([corrected({ enrolledOn: '2024-04-01' })]);
  });

  it('checks the birth date against the enrolment date as corrected', () => {
    given(enrolled).when(correct({ birthDate: '2024-01-16' })).thenFails('PARTICIPANT.BORN_AFTER_ENROLMENT');
    given(enrolled).when(correct({ birthDate: '1899-12-31' })).thenFails('PARTICIPANT.IMPLAUSIBLE_BIRTH_DATE');
    given(enrolled, corrected({ birthDate: '2024-01-01' })).when(correct({ enrolledOn: '2023-12-01' })).thenFails('PARTICIPANT.BORN_AFTER_ENROLMENT');
  });

  it('needs an enrolled participant that is not withdrawn nor erased', () => {
    given().when(correct({ gender: 'man' })).thenFails('PARTICIPANT.NOT_FOUND');
    given(enrolled, withdrawn('never-took-part')).when(correct({ gender: 'man' })).thenFails('PARTICIPANT.WITHDRAWN');
    given(enrolled, erased).when(correct({ gender: 'man' })).thenFails('PARTICIPANT.PERSONAL_DATA_ERASED');
  });

  it('moves what the later rules are checked against: milestones before a corrected enrolment are refused', () => {
    const record = (milestone: Milestone): ParticipantCommand => ({ type: 'RecordMilestone', data: { participantId, milestone }, today });
    given(enrolled, corrected({ enrolledOn: '2024-02-01' })).when(record({ ...placed, occurredOn: '2024-01-20' })).thenFails('MILESTONE.BEFORE_ENROLMENT');
    given(enrolled, corrected({ enrolledOn: '2024-01-02' })).when(record({ ...placed, occurredOn: '2024-01-05' })).then([event({ ...placed, occurredOn: '2024-01-05' })]);
  });

  it('folds corrections in order, the latest value of each field winning', () => {
    const state = fold(enrolled, corrected({ gender: 'man', enrolledOn: '2024-01-10' }), corrected({ gender: null }));
    expect(state.profile).toEqual({ ...profile, gender: null });
    expect(state.enrolledOn).toBe('2024-01-10');
    expect(state.lastEntryOn).toBe('2024-01-10');
    // After a re-entry the latest entry stays the re-entry's date.
    const reEntered = fold(enrolled, event(exited), event({ type: 're-entered', occurredOn: '2024-10-15' }), corrected({ enrolledOn: '2024-01-10' }));
    expect(reEntered.lastEntryOn).toBe('2024-10-15');
    expect(applyEntryCorrection({ enrolledOn: '2024-01-15', profile }, { homeless: true })).toEqual({ enrolledOn: '2024-01-15', profile: { ...profile, homeless: true } });
  });
});

describe('participant decider: withdrawal of an enrolment made in error', () => {
  const given = deciderSpecification(participantDecider);

  it('withdraws an enrolment of a person who never took part', () => {
    given(enrolled).when(withdraw('never-took-part')).then([withdrawn('never-took-part')]);
  });

  it('withdraws a duplicate, naming the participant who stays', () => {
    given(enrolled, event(placed)).when(withdraw('duplicate', 'p-2', stays)).then([withdrawn('duplicate', 'p-2')]);
  });

  it('needs the participant who stays for a duplicate, and only then', () => {
    given(enrolled).when(withdraw('duplicate')).thenFails('WITHDRAWAL.DUPLICATE_OF_REQUIRED');
    given(enrolled).when(withdraw('never-took-part', 'p-2', stays)).thenFails('WITHDRAWAL.DUPLICATE_OF_NOT_ALLOWED');
  });

  it('refuses a duplicate of itself, of no one, of another project or of a withdrawn participant', () => {
    given(enrolled).when(withdraw('duplicate', participantId, stays)).thenFails('WITHDRAWAL.DUPLICATE_OF_SELF');
    given(enrolled).when(withdraw('duplicate', 'p-2', null)).thenFails('WITHDRAWAL.DUPLICATE_NOT_FOUND');
    given(enrolled).when(withdraw('duplicate', 'p-2', { projectId: 'other', withdrawn: false })).thenFails('WITHDRAWAL.DUPLICATE_NOT_FOUND');
    given(enrolled).when(withdraw('duplicate', 'p-2', { ...stays, withdrawn: true })).thenFails('WITHDRAWAL.DUPLICATE_WITHDRAWN');
  });

  it('withdraws once, and only an enrolled participant', () => {
    given().when(withdraw('never-took-part')).thenFails('PARTICIPANT.NOT_FOUND');
    given(enrolled, withdrawn('never-took-part')).when(withdraw('never-took-part')).thenFails('PARTICIPANT.WITHDRAWN');
  });

  it('withdraws after an erasure too (the reason then not kept)', () => {
    const command = withdraw('never-took-part');
    const notKept = { ...command, data: { ...command.data, reason: null } } as ParticipantCommand;
    given(enrolled, erased).when(notKept).then([{ ...withdrawn('never-took-part'), data: { ...withdrawn('never-took-part').data, reason: null } } as ParticipantEvent]);
  });

  it('takes no more milestones, retractions, corrections or contact changes once withdrawn; erasure still', () => {
    const after = [enrolled, event(placed), withdrawn('duplicate', 'p-2')];
    given(...after).when({ type: 'RecordMilestone', data: { participantId, milestone: exited }, today }).thenFails('PARTICIPANT.WITHDRAWN');
    given(...after).when({ type: 'RetractMilestone', data: { participantId, eventId: 'event-2', reason: REASON }, today }).thenFails('PARTICIPANT.WITHDRAWN');
    given(...after).when(correct({ gender: 'man' })).thenFails('PARTICIPANT.WITHDRAWN');
    given(...after).when({ type: 'ChangeContactDetails', data: { participantId, personal: REASON }, today }).thenFails('PARTICIPANT.WITHDRAWN');
    given(...after).when({ type: 'ErasePersonalData', data: { participantId, reason: REASON }, today }).then([erased]);
  });

  it('is neither retractable nor undone by the refold of a retraction', () => {
    const retract = (eventId: string): ParticipantCommand => ({ type: 'RetractMilestone', data: { participantId, eventId, reason: REASON }, today });
    given(enrolled, corrected({ gender: 'man' })).when(retract('event-2')).thenFails('MILESTONE.NOT_RETRACTABLE');
    const retracted = (id: string): ParticipantEvent => ({ type: 'MilestoneRetracted', data: { participantId, retractedEventId: id, reason: REASON } });
    // Should the log hold a retraction of one anyway (as the read models do), it counts nowhere; the rest stays.
    const state = fold(enrolled, corrected({ gender: 'man' }), corrected({ disability: true }), withdrawn('never-took-part'), retracted('event-2'));
    expect(state.withdrawal).toEqual({ ground: 'never-took-part', duplicateOf: null });
    expect(state.profile).toEqual({ ...profile, disability: true });
  });
});
