import { projectDecider } from './project';
import { deciderSpecification } from '../testing/decider-specification';
import { framtid } from '../testing/fixtures';


describe('project decider', () => {
  const given = deciderSpecification(projectDecider);

  it('registers a new project', () => {
    given()
      .when({ type: 'RegisterProject', data: framtid })
      .then([{ type: 'ProjectRegistered', data: framtid }]);
  });

  it('refuses to register the same project twice', () => {
    given({ type: 'ProjectRegistered', data: framtid })
      .when({ type: 'RegisterProject', data: framtid })
      .thenFails('PROJECT.ALREADY_REGISTERED');
  });

  it('refuses a project that ends before it starts', () => {
    given()
      .when({ type: 'RegisterProject', data: { ...framtid, endDate: '2023-03-30' } })
      .thenFails('PROJECT.INVALID_PERIOD');
  });

  it.each([0, -5, 2.5])('refuses %p planned participants', (plannedParticipants) => {
    given()
      .when({ type: 'RegisterProject', data: { ...framtid, plannedParticipants } })
      .thenFails('PROJECT.INVALID_PLANNED_PARTICIPANTS');
  });

  it('keeps the IANA zone the project lives in', () => {
    const auckland = { ...framtid, timeZone: 'Pacific/Auckland' };
    given().when({ type: 'RegisterProject', data: auckland }).then([{ type: 'ProjectRegistered', data: auckland }]);
  });

  it.each(['Mars/Olympus', '+01:00', 'CET', 'europe/stockholm', ''])('refuses the time zone %p', (timeZone) => {
    given()
      .when({ type: 'RegisterProject', data: { ...framtid, timeZone } })
      .thenFails('PROJECT.INVALID_TIME_ZONE');
  });
});

describe('submitting an indicator report', () => {
  const given = deciderSpecification(projectDecider);
  const report = { projectId: framtid.projectId, digest: 'sha-256=abc', content: { meta: { position: 12 }, rows: [] } };

  it('records what was sent to the funder', () => {
    given({ type: 'ProjectRegistered', data: framtid })
      .when({ type: 'SubmitIndicatorReport', data: report })
      .then([{ type: 'IndicatorReportSubmitted', data: report }]);
  });

  it('needs a registered project', () => {
    given().when({ type: 'SubmitIndicatorReport', data: report }).thenFails('PROJECT.NOT_FOUND');
  });
});
