import { EnrolmentFact } from '@pathway/indicators';
import { Selectable } from 'kysely';
import { OutcomeVersion, outcomeVersions } from './outcome-versions';
import { MilestonesTable } from '../schema/read-model-schema';

const enrolment = (position: number): EnrolmentFact => ({
  participantId: 'p-1',
  projectId: 'P',
  enrolledOn: '2024-01-15',
  recordedAt: '2024-01-15T12:00:00.000Z',
  position,
  profile: {
    birthDate: '2000-06-15', gender: 'woman', labourMarketStatus: 'unemployed', inEducationOrTraining: false, educationLevel: 'isced-3-4',
    disability: false, thirdCountryNational: false, foreignBackground: false, minority: false, homeless: false, ruralArea: false,
  },
});

/** A timeline row as the milestones table holds it; `retractedAt`: the position of its retraction. */
const row = (position: number, type: string, occurredOn: string, details: object = {}, retractedAt: number | null = null): Selectable<MilestonesTable> => ({
  event_id: `e-${position}`,
  participant_id: 'p-1',
  project_id: 'P',
  position,
  type,
  occurred_on: occurredOn,
  recorded_at: `${occurredOn}T12:00:00.000Z`,
  details: JSON.stringify(details),
  recorded_by: 'anna.k',
  retracted_by: retractedAt === null ? null : `r-${position}`,
  retracted_at: retractedAt === null ? null : '2024-12-01T12:00:00.000Z',
  retracted_position: retractedAt,
});
const exit = (position: number, on: string, retractedAt: number | null = null) =>
  row(position, 'ParticipantExited', on, { reason: 'completed', situation: 'employed' }, retractedAt);

/** Each version's span and the columns a case is about. */
const spans = (versions: OutcomeVersion[], ...columns: Array<keyof OutcomeVersion>) =>
  versions.map((v) => [v.from_position, v.to_position, ...columns.map((c) => v[c])]);

describe('outcomeVersions', () => {
  it('gives the outcome from each boundary on: an exit, then its retraction ending it', () => {
    const versions = outcomeVersions(enrolment(10), [exit(12, '2024-06-01', 15)]);
    expect(spans(versions, 'status', 'last_exit_on', 'exit_reason')).toEqual([
      [10, 12, 'active', null, null],
      [12, 15, 'exited', '2024-06-01', 'completed'],
      // The same outcome as at the enrolment, but not next to it: its own version.
      [15, null, 'active', null, null],
    ]);
  });

  it('follows an exit and a re-entry', () => {
    const versions = outcomeVersions(enrolment(1), [exit(2, '2024-03-01'), row(3, 'ParticipantReEntered', '2024-04-01')]);
    expect(spans(versions, 'status', 'last_entry_on')).toEqual([
      [1, 2, 'active', '2024-01-15'],
      [2, 3, 'exited', '2024-01-15'],
      [3, null, 'active', '2024-04-01'],
    ]);
  });

  it('takes a correction of the entry from its position on, the profile as recorded before it', () => {
    const versions = outcomeVersions(enrolment(1), [row(4, 'EntryProfileCorrected', '2024-02-01', { corrected: { gender: 'man', birthDate: '1990-06-15' } })]);
    expect(spans(versions, 'gender', 'birth_date', 'age_at_entry')).toEqual([
      [1, 4, 'woman', '2000-06-15', 23],
      [4, null, 'man', '1990-06-15', 33],
    ]);
  });

  it('merges consecutive boundaries whose outcome columns are equal', () => {
    // A job search and a retracted one change no column the report reads while the participant is active.
    const timeline = [row(2, 'JobSearchStarted', '2024-02-01'), row(3, 'JobSearchStarted', '2024-02-02', {}, 4), exit(6, '2024-06-01')];
    expect(spans(outcomeVersions(enrolment(1), timeline), 'status')).toEqual([
      [1, 6, 'active'],
      [6, null, 'exited'],
    ]);
  });

  it('begins at the enrolment', () => {
    expect(spans(outcomeVersions(enrolment(5), []), 'status')).toEqual([[5, null, 'active']]);
  });

  describe('from a later position on (the live projection: `previous` and `since`)', () => {
    const placed = row(3, 'JobPlaced', '2024-02-10', { employment: 'employee', contract: 'permanent', hoursPerWeek: 40 });
    // Before the batch: the placement; the exit is not retracted yet. The batch (from 7): a job search, the exit's retraction, a re-entry.
    const before = [placed, exit(5, '2024-06-01')];
    const after = [placed, exit(5, '2024-06-01', 8), row(7, 'JobSearchStarted', '2024-09-01'), row(9, 'ParticipantReEntered', '2024-10-01')];

    it('equals the versions derived from the enrolment on', () => {
      const stored = outcomeVersions(enrolment(1), before);
      const previous = stored.at(-1)!;
      const again = outcomeVersions(enrolment(1), after, previous, 7);
      expect([...stored.slice(0, -1), ...again]).toEqual(outcomeVersions(enrolment(1), after));
      // The job search (7), months after the exit, changes nothing: the exit's version runs on to its retraction (8).
      expect(spans(again, 'status', 'last_entry_on')).toEqual([
        [5, 8, 'exited', '2024-01-15'],
        [8, 9, 'active', '2024-01-15'],
        [9, null, 'active', '2024-10-01'],
      ]);
    });

    it('extends the version holding before `since` when the outcome there equals it', () => {
      const previous = outcomeVersions(enrolment(1), before).at(-1)!;
      expect(spans(outcomeVersions(enrolment(1), [...before, row(7, 'JobSearchStarted', '2024-09-01')], previous, 7), 'status')).toEqual([[5, null, 'exited']]);
    });
  });
});
