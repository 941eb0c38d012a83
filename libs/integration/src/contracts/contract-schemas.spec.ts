import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RecordedEvent } from '@pathway/event-store';
import { toIndicatorReportPublished } from './indicator-report.v1';
import { toParticipantMilestone } from './participant-milestone.v1';

/** The JSON Schemas in libs/integration/schemas are the published contracts: what we send must fit them. */
const validator = (file: string) => {
  const ajv = new Ajv2020({ allErrors: true });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(join(__dirname, '..', '..', 'schemas', file), 'utf8')));
};

const recorded = (type: string, data: Record<string, unknown>): RecordedEvent => ({
  eventId: '0c5e1a52-7d6c-4a7e-9d2f-3b8a1c4e5f60',
  streamId: 's',
  streamVersion: 1,
  position: 1,
  type,
  data,
  metadata: { projectId: 'P1', recordedAt: '2024-10-15T08:00:00.000Z' },
  committedAt: '2024-10-15T08:00:00.000100Z',
});

const sealed = { alg: 'A256GCM', iv: 'aXYtMTI=', tag: 'dGFnLTE2', ciphertext: 'QW5uYSBUZXN0c3Nvbg==' };

describe('integration contracts fit their JSON Schemas', () => {
  const milestone = validator('participant-milestone.v1.schema.json');

  it.each([
    ['ParticipantEnrolled', { participantId: 'p-1', projectId: 'P1', enrolledOn: '2024-01-15', profile: {} }],
    ['ParticipantEnrolled', { participantId: 'p-1', projectId: 'P1', enrolledOn: '2024-01-15', profile: {}, personal: sealed }],
    ['InterventionStarted', { participantId: 'p-1', occurredOn: '2024-02-01', interventionId: 'ips-1', kind: 'ips' }],
    ['InterventionEnded', { participantId: 'p-1', occurredOn: '2024-05-01', interventionId: 'ips-1', outcome: 'completed' }],
    ['SchoolCompleted', { participantId: 'p-1', occurredOn: '2024-06-01', level: 'compulsory', fullGrades: null }],
    ['QualificationGained', { participantId: 'p-1', occurredOn: '2024-06-01', qualification: 'x', iscedLevel: null }],
    ['EducationEntered', { participantId: 'p-1', occurredOn: '2024-06-01', programme: 'vocational' }],
    ['JobSearchStarted', { participantId: 'p-1', occurredOn: '2024-06-01' }],
    ['JobPlaced', { participantId: 'p-1', occurredOn: '2024-06-01', employment: 'employee', contract: 'subsidised', hoursPerWeek: null }],
    ['ParticipantExited', { participantId: 'p-1', occurredOn: '2024-06-01', reason: 'moved', situation: 'unknown' }],
    ['FollowUpRecorded', { participantId: 'p-1', occurredOn: '2024-12-01', monthsAfterExit: 6, situation: 'employed', improvedSituation: true }],
    ['ParticipantReEntered', { participantId: 'p-1', occurredOn: '2025-01-01' }],
    ['MilestoneRetracted', { participantId: 'p-1', retractedEventId: 'e-0', reason: 'typo' }],
    ['PersonalDataErased', { participantId: 'p-1', reason: 'asked to be forgotten' }],
    ['EntryProfileCorrected', { participantId: 'p-1', correctedOn: '2024-10-15', corrected: { enrolledOn: '2024-01-10', gender: 'man' }, reason: sealed }],
    ['EnrolmentWithdrawn', { participantId: 'p-1', withdrawnOn: '2024-10-15', ground: 'duplicate', duplicateOf: 'p-2', reason: sealed }],
    ['EnrolmentWithdrawn', { participantId: 'p-1', withdrawnOn: '2024-10-15', ground: 'never-took-part', duplicateOf: null, reason: null }],
  ])('%s', (type, data) => {
    const message = toParticipantMilestone(recorded(type, data));
    expect(milestone(message) ? [] : milestone.errors).toEqual([]);
  });

  it('indicator report', () => {
    const report = validator('indicator-report.v1.schema.json');
    const message = toIndicatorReportPublished(
      recorded('IndicatorReportSubmitted', { projectId: 'P1', digest: 'sha-256=q1w2e3+/=', content: { meta: { position: 3 }, rows: [{ code: 'EECO01' }] } }),
    );
    expect(report(message) ? [] : report.errors).toEqual([]);
  });
});
