import { IsoDate } from '@pathway/domain';
import { knownAt, MilestoneFact } from './participant-facts';
import { enrolment, exited, followUp, outcomeOf, placed, reEntered } from './testing/facts';
import { buildWorklist, worklistParticipant, worklistToday, WorklistItem } from './worklist';

/** Facts as the read models hold them: retracted ones left out (`retracted_by IS NULL`). */
const FAR_FUTURE = '9999-12-31T00:00:00.000Z';
let ids = 0;
const intervention = (type: 'InterventionStarted' | 'InterventionEnded', on: IsoDate, interventionId: string, retractedAt?: string): MilestoneFact => ({
  eventId: `i-${(ids += 1)}`,
  participantId: 'set-by-outcomeOf',
  projectId: '22-015-S01',
  position: 10_000 + ids,
  type,
  occurredOn: on,
  recordedAt: `${on}T12:00:00.000Z`,
  details: type === 'InterventionStarted' ? { interventionId, kind: 'ips' } : { interventionId, outcome: 'completed' },
  retractedBy: retractedAt ? 'r' : null,
  retractedAt: retractedAt ?? null,
});

/** The worklist of one participant on `today`, built the way the read-model query builds it. */
function worklistOf(today: IsoDate, enrolledOn: IsoDate, ...all: MilestoneFact[]): WorklistItem[] {
  const enrolled = enrolment(enrolledOn);
  const facts = knownAt(all, FAR_FUTURE);
  const outcome = outcomeOf(enrolled, ...facts);
  const latest = facts.map((f) => f.occurredOn).sort().at(-1) ?? null;
  const interventions = facts.filter((f) => f.type === 'InterventionStarted' || f.type === 'InterventionEnded');
  return buildWorklist([worklistParticipant(outcome, latest, interventions)], today).map((item) => ({ ...item, participantId: 'p' }));
}
const kinds = (items: WorklistItem[]) => items.map((i) => i.kind);

describe('the worklist: situation upon leaving (four weeks after the last exit)', () => {
  // Exit on 1 March 2026 with the situation unknown; day 28 after it is 29 March.
  const exit = () => exited('2026-03-01', 'completed', 'unknown');

  it('is due from the exit day to day 28 inclusive, and missed on day 29', () => {
    expect(worklistOf('2026-03-01', '2026-01-10', exit())).toEqual([
      { participantId: 'p', kind: 'situation-upon-leaving-due', rule: 'ESF+.EECR01-04.UPON_LEAVING', since: '2026-03-01', dueOn: '2026-03-29', closesOn: '2026-03-29', daysLeft: 28, daysOverdue: 0 },
    ]);
    expect(worklistOf('2026-03-29', '2026-01-10', exit())).toMatchObject([{ kind: 'situation-upon-leaving-due', daysLeft: 0, daysOverdue: 0 }]);
    expect(worklistOf('2026-03-30', '2026-01-10', exit())).toMatchObject([{ kind: 'situation-upon-leaving-missed', dueOn: '2026-03-29', daysLeft: 0, daysOverdue: 1 }]);
  });

  it('is settled by a job placement dated on day 28, not by one dated on day 29', () => {
    expect(worklistOf('2026-03-29', '2026-01-10', exit(), placed('2026-03-29'))).toEqual([]);
    expect(worklistOf('2026-03-30', '2026-01-10', exit(), placed('2026-03-30'))).toMatchObject([{ kind: 'situation-upon-leaving-missed' }]);
  });

  it('keeps a missed window on the list for 90 days after it closed, then drops it', () => {
    expect(worklistOf('2026-06-27', '2026-01-10', exit())).toMatchObject([{ kind: 'situation-upon-leaving-missed', daysOverdue: 90 }]);
    expect(worklistOf('2026-06-28', '2026-01-10', exit())).toEqual([]);
  });

  it('does not count a retracted placement, nor a retracted exit', () => {
    expect(worklistOf('2026-03-15', '2026-01-10', exit(), placed('2026-03-10'))).toEqual([]);
    expect(worklistOf('2026-03-15', '2026-01-10', exit(), placed('2026-03-10', { retractedAt: '2026-03-12T08:00:00Z' }))).toMatchObject([
      { kind: 'situation-upon-leaving-due', daysLeft: 14 },
    ]);
    // The exit itself retracted: an active participant, last heard of at enrolment (10 Jan + 60 days = 11 March).
    expect(worklistOf('2026-03-15', '2026-01-10', exited('2026-03-01', 'completed', 'unknown', { retractedAt: '2026-03-02T08:00:00Z' }))).toMatchObject([
      { kind: 'no-recent-milestone', since: '2026-01-10', dueOn: '2026-03-11', daysOverdue: 4 },
    ]);
  });

  it('follows the last exit after a re-entry: the earlier exit is no longer on the list', () => {
    expect(worklistOf('2026-03-15', '2026-01-10', exit(), reEntered('2026-03-10'))).toEqual([]);
    // Left again on 20 May, situation stated: nothing due; the first exit's unknown does not come back.
    expect(worklistOf('2026-05-25', '2026-01-10', exit(), reEntered('2026-03-10'), exited('2026-05-20', 'completed', 'job-searching'))).toEqual([]);
    expect(worklistOf('2026-05-25', '2026-01-10', exit(), reEntered('2026-03-10'), exited('2026-05-20'))).toMatchObject([
      { kind: 'situation-upon-leaving-due', since: '2026-05-20', dueOn: '2026-06-17', daysLeft: 23 },
    ]);
  });

  it("takes today in the project's zone: 22:00 UTC on 29 March is already the 30th in Stockholm (summer time, UTC+2)", () => {
    expect(worklistToday(new Date('2026-03-29T21:59:59.999Z'), 'Europe/Stockholm')).toBe('2026-03-29');
    expect(worklistToday(new Date('2026-03-29T22:00:00.000Z'), 'Europe/Stockholm')).toBe('2026-03-30');
    // The day before, still winter time (UTC+1): 22:30 UTC is 23:30 on the 28th.
    expect(worklistToday(new Date('2026-03-28T22:30:00.000Z'), 'Europe/Stockholm')).toBe('2026-03-28');
    expect(worklistToday(new Date('2026-03-29T22:00:00.000Z'), 'UTC')).toBe('2026-03-29');
    const at = (instant: string) => worklistOf(worklistToday(new Date(instant), 'Europe/Stockholm'), '2026-01-10', exit());
    expect(kinds(at('2026-03-29T21:59:59.999Z'))).toEqual(['situation-upon-leaving-due']);
    expect(kinds(at('2026-03-29T22:00:00.000Z'))).toEqual(['situation-upon-leaving-missed']);
  });
});

describe('the worklist: six-month follow-up (window 5 to 9 months after the last exit)', () => {
  // Left on 31 August 2025, situation known: the window opens 31 January, the six-month point is
  // 28 February (the shorter month's last day), the window closes 31 May.
  const exit = () => exited('2025-08-31', 'completed', 'job-searching');
  const on = (today: IsoDate, ...more: MilestoneFact[]) => worklistOf(today, '2025-03-01', exit(), ...more);

  it('is not on the list before the window opens, due from its first day to the six-month point', () => {
    expect(on('2026-01-30')).toEqual([]);
    expect(on('2026-01-31')).toEqual([
      { participantId: 'p', kind: 'follow-up-due', rule: 'ESF+.EECR05-06.SIX_MONTH_FOLLOW_UP', since: '2025-08-31', dueOn: '2026-02-28', closesOn: '2026-05-31', daysLeft: 28, daysOverdue: 0 },
    ]);
    expect(on('2026-02-28')).toMatchObject([{ kind: 'follow-up-due', daysLeft: 0 }]);
  });

  it('is overdue after the point while the window is open, missed after it closes, gone 90 days later', () => {
    expect(on('2026-03-01')).toMatchObject([{ kind: 'follow-up-overdue', dueOn: '2026-02-28', closesOn: '2026-05-31', daysOverdue: 1 }]);
    expect(on('2026-05-31')).toMatchObject([{ kind: 'follow-up-overdue', daysOverdue: 92 }]);
    expect(on('2026-06-01')).toMatchObject([{ kind: 'follow-up-missed', closesOn: '2026-05-31' }]);
    expect(on('2026-08-29')).toMatchObject([{ kind: 'follow-up-missed' }]);
    expect(on('2026-08-30')).toEqual([]);
  });

  it('is done once a six-month follow-up is recorded, and not done by a retracted one', () => {
    expect(on('2026-03-01', followUp('2026-02-10', 'employed', null))).toEqual([]);
    const retracted = { ...followUp('2026-02-10', 'employed', null), retractedBy: 'r', retractedAt: '2026-02-11T08:00:00Z' };
    expect(kinds(on('2026-03-01', retracted))).toEqual(['follow-up-overdue']);
  });

  it('puts the six-month point on 29 February in a leap year', () => {
    expect(worklistOf('2024-01-31', '2023-03-01', exited('2023-08-31', 'completed', 'employed'))).toMatchObject([
      { kind: 'follow-up-due', dueOn: '2024-02-29', closesOn: '2024-05-31', daysLeft: 29 },
    ]);
  });
});

describe('the worklist: interventions open for long, participants not heard of', () => {
  const started = () => intervention('InterventionStarted', '2026-01-05', 'ips-1');

  it('lists an intervention open 90 days (from 5 January: 5 April), not on day 89', () => {
    // Enrolled on 2 January; the start on 5 January is the last activity: quiet from 6 March too.
    expect(kinds(worklistOf('2026-04-04', '2026-01-02', started()))).toEqual(['no-recent-milestone']);
    expect(worklistOf('2026-04-05', '2026-01-02', started())).toEqual([
      { participantId: 'p', kind: 'intervention-open-long', rule: 'PATHWAY.INTERVENTION_OPEN_LONG', since: '2026-01-05', dueOn: '2026-04-05', closesOn: null, daysLeft: 0, daysOverdue: 0, intervention: { interventionId: 'ips-1', kind: 'ips' } },
      { participantId: 'p', kind: 'no-recent-milestone', rule: 'PATHWAY.NO_RECENT_MILESTONE', since: '2026-01-05', dueOn: '2026-03-06', closesOn: null, daysLeft: 0, daysOverdue: 30 },
    ]);
  });

  it('drops an ended intervention, and counts one whose end was retracted as open', () => {
    const ended = intervention('InterventionEnded', '2026-03-20', 'ips-1');
    expect(worklistOf('2026-04-05', '2026-01-02', started(), ended)).toEqual([]);
    const endRetracted = intervention('InterventionEnded', '2026-03-20', 'ips-1', '2026-03-21T08:00:00Z');
    expect(kinds(worklistOf('2026-04-05', '2026-01-02', started(), endRetracted))).toEqual(['intervention-open-long', 'no-recent-milestone']);
  });

  it('counts quiet days from the latest-dated milestone or re-entry: day 59 not yet, day 60 listed', () => {
    expect(worklistOf('2026-03-05', '2026-01-02', started())).toEqual([]);
    expect(worklistOf('2026-03-06', '2026-01-02', started())).toMatchObject([{ kind: 'no-recent-milestone', daysOverdue: 0 }]);
  });

  it('leaves interventions and quiet stretches of leavers alone', () => {
    expect(worklistOf('2026-09-01', '2026-01-02', started(), exited('2026-01-10', 'completed', 'employed'), followUp('2026-07-10', 'employed', null))).toEqual([]);
  });
});

describe('the worklist order', () => {
  it('puts the most urgent kind first, then the earliest deadline, then the id', () => {
    const participant = (participantId: string, over: Partial<Parameters<typeof buildWorklist>[0] extends Iterable<infer P> ? P : never>) => ({
      participantId, status: 'exited' as const, lastExitOn: null, situationUponLeavingKnown: true, followUpRecorded: true, lastActivityOn: '2026-03-01', openInterventions: [], ...over,
    });
    const items = buildWorklist(
      [
        participant('a', { status: 'active', lastActivityOn: '2025-12-01' }),
        participant('b', { lastExitOn: '2026-03-05', situationUponLeavingKnown: false }),
        participant('c', { lastExitOn: '2025-09-10', followUpRecorded: false }),
        participant('d', { lastExitOn: '2026-03-02', situationUponLeavingKnown: false }),
        participant('e', { lastExitOn: '2025-09-20', followUpRecorded: false }),
        participant('f', { lastExitOn: '2026-01-20', situationUponLeavingKnown: false }),
      ],
      '2026-03-12',
    );
    expect(items.map((i) => `${i.kind} ${i.participantId}`)).toEqual([
      'situation-upon-leaving-due d',
      'situation-upon-leaving-due b',
      'follow-up-overdue c',
      'follow-up-due e',
      'no-recent-milestone a',
      'situation-upon-leaving-missed f',
    ]);
  });
});
