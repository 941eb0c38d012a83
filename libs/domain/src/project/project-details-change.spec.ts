import { projectDecider, ProjectEvent } from './project';
import { EnrolmentSpan, ProjectDetailsChange } from './project-details-change';
import { deciderSpecification } from '../testing/decider-specification';
import { framtid } from '../testing/fixtures';

describe('changing a project’s details', () => {
  const given = deciderSpecification(projectDecider);
  const registered: ProjectEvent = { type: 'ProjectRegistered', data: framtid };
  const { name, startDate, endDate, plannedParticipants, timeZone, projectId } = framtid;
  const change = (over: Partial<ProjectDetailsChange> = {}): ProjectDetailsChange => ({
    projectId, name, startDate, endDate, plannedParticipants, timeZone, reason: 'Amended funding decision', ...over,
  });
  const none: EnrolmentSpan = { enrolled: 0, earliest: null, latest: null };
  const enrolled: EnrolmentSpan = { enrolled: 3, earliest: '2023-05-02', latest: '2025-11-20' };
  const when = (data: ProjectDetailsChange, enrolments = none) => ({ type: 'ChangeProjectDetails' as const, data, enrolments });

  it('records the new period and planned participants with the reason', () => {
    const data = change({ endDate: '2026-09-30', plannedParticipants: 95 });
    given(registered).when(when(data, enrolled)).then([{ type: 'ProjectDetailsChanged', data }]);
  });

  it('folds the latest change into the project’s details', () => {
    const data = change({ name: '#framtid 2', timeZone: 'Europe/Helsinki' });
    const state = [registered, { type: 'ProjectDetailsChanged', data } as ProjectEvent].reduce(
      (s, e) => projectDecider.evolve(s, e, 'id'),
      projectDecider.initialState(),
    );
    expect(state).toEqual({ status: 'registered', details: { ...framtid, name: '#framtid 2', timeZone: 'Europe/Helsinki' } });
  });

  it('records nothing when nothing changes', () => {
    given(registered).when(when(change())).then([]);
  });

  it('needs a registered project', () => {
    given().when(when(change())).thenFails('PROJECT.NOT_FOUND');
  });

  it('needs a reason', () => {
    given(registered).when(when(change({ plannedParticipants: 90, reason: '  ' }))).thenFails('PROJECT.CHANGE_REASON_REQUIRED');
  });

  it.each([
    [{ endDate: '2023-03-01' }, 'PROJECT.INVALID_PERIOD'],
    [{ plannedParticipants: 0 }, 'PROJECT.INVALID_PLANNED_PARTICIPANTS'],
    [{ timeZone: 'CET' }, 'PROJECT.INVALID_TIME_ZONE'],
  ] as const)('holds the registration’s rules: %p', (over, code) => {
    given(registered).when(when(change(over))).thenFails(code);
  });

  it('moves the zone while no one is enrolled', () => {
    const data = change({ timeZone: 'Pacific/Auckland' });
    given(registered).when(when(data)).then([{ type: 'ProjectDetailsChanged', data }]);
  });

  it('keeps the zone once participants are enrolled: their dates were local to it', () => {
    given(registered).when(when(change({ timeZone: 'Pacific/Auckland' }), enrolled)).thenFails('PROJECT.TIME_ZONE_FIXED');
  });

  it.each([{ startDate: '2023-05-03' }, { endDate: '2025-11-19' }])('refuses a period that leaves out a recorded enrolment: %p', (over) => {
    given(registered).when(when(change(over), enrolled)).thenFails('PROJECT.PERIOD_EXCLUDES_ENROLMENTS');
  });

  it('accepts a period that just holds the first and last enrolment', () => {
    const data = change({ startDate: '2023-05-02', endDate: '2025-11-20' });
    given(registered).when(when(data, enrolled)).then([{ type: 'ProjectDetailsChanged', data }]);
  });

  it('keeps a set retention end on or after the project’s end', () => {
    const retention: ProjectEvent = { type: 'RetentionEndSet', data: { projectId, retentionEnd: '2026-12-31', basis: 'ESF+', lastPaymentOn: null } };
    given(registered, retention).when(when(change({ endDate: '2027-01-31' }))).thenFails('PROJECT.RETENTION_BEFORE_PROJECT_END');
  });
});
