import { projectDecider } from './project';
import { esfPlusRetentionEnd, retentionPassed } from './retention';
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

  describe('the monthly participant file sent to SCB', () => {
    const sent = { projectId: framtid.projectId, month: '2024-01', asKnownOn: '2024-02-05T09:00:00.000Z', cutOffPosition: 42, rowsDigest: 'sha-256=AAAA', rows: 3, fileDigest: null };
    const registered = { type: 'ProjectRegistered' as const, data: framtid };

    it('records a month as sent once it has ended, and again when it is sent again', () => {
      given(registered).when({ type: 'RecordParticipantFileSent', data: sent, today: '2024-02-01' }).then([{ type: 'ParticipantFileSent', data: sent }]);
      given(registered, { type: 'ParticipantFileSent', data: sent })
        .when({ type: 'RecordParticipantFileSent', data: { ...sent, cutOffPosition: 50 }, today: '2024-03-10' })
        .then([{ type: 'ParticipantFileSent', data: { ...sent, cutOffPosition: 50 } }]);
    });

    it('refuses a month that has not ended in the project\'s calendar', () => {
      given(registered).when({ type: 'RecordParticipantFileSent', data: sent, today: '2024-01-31' }).thenFails('PARTICIPANT_FILE.MONTH_NOT_ENDED');
      given(registered).when({ type: 'RecordParticipantFileSent', data: { ...sent, month: '2024-05' }, today: '2024-02-01' }).thenFails('PARTICIPANT_FILE.MONTH_NOT_ENDED');
    });

    it.each(['2023-02', '2026-04'])('refuses %s, outside the project period (March 2023 to March 2026)', (month) => {
      given(registered).when({ type: 'RecordParticipantFileSent', data: { ...sent, month }, today: '2026-11-30' }).thenFails('PARTICIPANT_FILE.OUTSIDE_PROJECT_PERIOD');
    });

    it('accepts the first and the last month of the period', () => {
      for (const month of ['2023-03', '2026-03']) {
        given(registered).when({ type: 'RecordParticipantFileSent', data: { ...sent, month }, today: '2026-11-30' }).then([{ type: 'ParticipantFileSent', data: { ...sent, month } }]);
      }
    });

    it('refuses what is not a month, and an unknown project', () => {
      given(registered).when({ type: 'RecordParticipantFileSent', data: { ...sent, month: '2024-13' }, today: '2026-11-30' }).thenFails('PARTICIPANT_FILE.INVALID_MONTH');
      given().when({ type: 'RecordParticipantFileSent', data: sent, today: '2024-02-01' }).thenFails('PROJECT.NOT_FOUND');
    });
  });
});

describe('the retention end of a project', () => {
  const given = deciderSpecification(projectDecider);
  const registered = { type: 'ProjectRegistered' as const, data: framtid };
  const retention = { projectId: framtid.projectId, retentionEnd: '2031-12-31', basis: 'Regulation (EU) 2021/1060, Article 82', lastPaymentOn: '2026-06-10' };

  it('records when personal data is to be erased, and moves it later', () => {
    given(registered).when({ type: 'SetRetentionEnd', data: retention }).then([{ type: 'RetentionEndSet', data: retention }]);
    const interrupted = { ...retention, retentionEnd: '2033-12-31', basis: 'Article 82(2): legal proceedings', lastPaymentOn: null };
    given(registered, { type: 'RetentionEndSet', data: retention })
      .when({ type: 'SetRetentionEnd', data: interrupted })
      .then([{ type: 'RetentionEndSet', data: interrupted }]);
  });

  it('records nothing when the same end and basis are set again', () => {
    given(registered, { type: 'RetentionEndSet', data: retention }).when({ type: 'SetRetentionEnd', data: retention }).then([]);
  });

  it('refuses an end before the project ends, a blank basis, and an unknown project', () => {
    given(registered).when({ type: 'SetRetentionEnd', data: { ...retention, retentionEnd: '2026-03-29' } }).thenFails('PROJECT.RETENTION_BEFORE_PROJECT_END');
    given(registered).when({ type: 'SetRetentionEnd', data: { ...retention, basis: '  ' } }).thenFails('PROJECT.RETENTION_BASIS_REQUIRED');
    given().when({ type: 'SetRetentionEnd', data: retention }).thenFails('PROJECT.NOT_FOUND');
  });
});

describe('esfPlusRetentionEnd (Regulation (EU) 2021/1060, Article 82)', () => {
  it.each([
    ['2026-06-10', '2031-12-31'],
    ['2026-01-01', '2031-12-31'],
    ['2026-12-31', '2031-12-31'],
    ['2027-01-01', '2032-12-31'],
  ])('a last payment on %s keeps documents to %s', (lastPaymentOn, end) => {
    expect(esfPlusRetentionEnd(lastPaymentOn)).toBe(end);
  });

  it('has passed only from the day after the end', () => {
    expect(retentionPassed('2031-12-31', '2031-12-31')).toBe(false);
    expect(retentionPassed('2031-12-31', '2032-01-01')).toBe(true);
  });
});
