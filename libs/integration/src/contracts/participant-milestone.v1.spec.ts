import { RecordedEvent } from '@pathway/event-store';
import { toParticipantMilestone } from './participant-milestone.v1';

const recorded = (type: string, data: Record<string, unknown>): RecordedEvent => ({
  eventId: 'e-1',
  streamId: 'participant-p-1',
  streamVersion: 2,
  position: 9,
  type,
  data,
  metadata: { projectId: 'P1', recordedAt: '2024-10-15T08:00:00.000Z', actor: 'caseworker-anna' },
  committedAt: '2024-10-15T08:00:00.000100Z',
});

/** A sealed box as libs/privacy makes it (here of "Anna Testsson"). */
const personal = { alg: 'A256GCM', iv: 'aXYtMTI=', tag: 'dGFnLTE2', ciphertext: 'QW5uYSBUZXN0c3Nvbg==' };

describe('participant milestone v1', () => {
  it('carries codes and dates, never the entry profile', () => {
    const profile = { birthDate: '2003-08-14', gender: 'woman', disability: true, thirdCountryNational: true };
    const message = toParticipantMilestone(recorded('ParticipantEnrolled', { participantId: 'p-1', projectId: 'P1', enrolledOn: '2024-01-15', profile }));
    expect(message).toEqual({
      schema: 'pathway.participant-milestone.v1',
      eventId: 'e-1',
      participantId: 'p-1',
      projectId: 'P1',
      milestone: 'enrolled',
      occurredOn: '2024-01-15',
      recordedAt: '2024-10-15T08:00:00.000Z',
      codes: {},
      retractedEventId: null,
    });
    expect(JSON.stringify(message)).not.toMatch(/2003-08-14|woman|disability|caseworker-anna/);
  });

  it('copies closed-list fields only: no free text crosses', () => {
    const qualification = toParticipantMilestone(
      recorded('QualificationGained', { participantId: 'p-1', occurredOn: '2024-07-01', qualification: 'Care course at Anna Svensson AB', iscedLevel: 'isced-3-4' }),
    );
    expect(qualification).toMatchObject({ milestone: 'qualification-gained', codes: { iscedLevel: 'isced-3-4' } });
    expect(JSON.stringify(qualification)).not.toContain('Svensson');

    const retraction = toParticipantMilestone(recorded('MilestoneRetracted', { participantId: 'p-1', retractedEventId: 'e-0', reason: 'Anna was confused with Bo' }));
    expect(retraction).toMatchObject({ milestone: 'retracted', retractedEventId: 'e-0', codes: {} });
    expect(JSON.stringify(retraction)).not.toContain('Anna');
  });

  it('never carries sealed personal data from an enrolment', () => {
    const message = toParticipantMilestone(
      recorded('ParticipantEnrolled', { participantId: 'p-1', projectId: 'P1', enrolledOn: '2024-01-15', profile: {}, personal }),
    );
    expect(message).toMatchObject({ milestone: 'enrolled', codes: {} });
    expect(JSON.stringify(message)).not.toMatch(/personal|A256GCM|aXYtMTI=|dGFnLTE2|QW5uYSBUZXN0c3Nvbg==|ciphertext/);
  });

  it('announces an erasure as a bare notice: no reason, no date of its own', () => {
    const message = toParticipantMilestone(recorded('PersonalDataErased', { participantId: 'p-1', reason: 'Anna Svensson asked to be forgotten' }));
    expect(message).toEqual({
      schema: 'pathway.participant-milestone.v1',
      eventId: 'e-1',
      participantId: 'p-1',
      projectId: 'P1',
      milestone: 'personal-data-erased',
      occurredOn: null,
      recordedAt: '2024-10-15T08:00:00.000Z',
      codes: {},
      retractedEventId: null,
    });
  });

  it('sends a corrected enrolment date, never a corrected profile answer nor the reason', () => {
    const reason = { legacyClearText: 'Anna Svensson gave the wrong year' };
    const both = toParticipantMilestone(
      recorded('EntryProfileCorrected', { participantId: 'p-1', correctedOn: '2024-10-15', corrected: { enrolledOn: '2024-01-10', birthDate: '1990-02-03', gender: 'man' }, reason }),
    );
    expect(both).toMatchObject({ milestone: 'enrolment-corrected', occurredOn: '2024-01-10', codes: {} });
    expect(JSON.stringify(both)).not.toMatch(/1990-02-03|man|Anna|reason/);
    expect(toParticipantMilestone(recorded('EntryProfileCorrected', { participantId: 'p-1', correctedOn: '2024-10-15', corrected: { disability: true }, reason }))).toBeNull();
  });

  it('announces a withdrawal with its ground and the pseudonymous id that stays, without the reason', () => {
    const message = toParticipantMilestone(
      recorded('EnrolmentWithdrawn', { participantId: 'p-1', withdrawnOn: '2024-10-15', ground: 'duplicate', duplicateOf: 'p-2', reason: { legacyClearText: 'Anna twice' } }),
    );
    expect(message).toMatchObject({ milestone: 'enrolment-withdrawn', occurredOn: '2024-10-15', codes: { ground: 'duplicate', duplicateOf: 'p-2' } });
    expect(JSON.stringify(message)).not.toContain('Anna');
  });

  it('keeps contact changes home', () => {
    expect(toParticipantMilestone(recorded('ContactDetailsChanged', { participantId: 'p-1', personal }))).toBeNull();
  });

  it('keeps group session attendance home: v1 consumers validate against its closed list of milestones', () => {
    expect(
      toParticipantMilestone(recorded('GroupSessionAttended', { participantId: 'p-1', occurredOn: '2024-10-14', sessionId: 's-1', kind: 'workshop' })),
    ).toBeNull();
  });

  it('translates each milestone with its codes', () => {
    expect(
      toParticipantMilestone(recorded('JobPlaced', { participantId: 'p-1', occurredOn: '2024-10-14', employment: 'employee', contract: 'temporary', hoursPerWeek: 30 })),
    ).toMatchObject({ milestone: 'job-placed', occurredOn: '2024-10-14', codes: { employment: 'employee', contract: 'temporary', hoursPerWeek: 30 } });
    expect(toParticipantMilestone(recorded('ParticipantExited', { participantId: 'p-1', occurredOn: '2024-09-30', reason: 'completed', situation: 'job-searching' }))).toMatchObject({
      milestone: 'exited',
      codes: { reason: 'completed', situation: 'job-searching' },
    });
  });

  it('leaves out events that are not a participant milestone', () => {
    expect(toParticipantMilestone(recorded('ProjectRegistered', { projectId: 'P1' }))).toBeNull();
  });
});
