import fc from 'fast-check';
import { Milestone } from './milestone';
import { milestoneEvent, ParticipantEvent } from './participant-events';
import { evolveParticipant, initialParticipantState, interventionOf, ParticipantState } from './participant-state';
import { AppendOnlyList } from '../shared/append-only-list';
import { unemployedWoman } from '../testing/fixtures';

const day = (n: number) => new Date(Date.UTC(2024, 1, 1 + n)).toISOString().slice(0, 10);
const milestone: fc.Arbitrary<Milestone> = fc.tuple(fc.integer({ min: 0, max: 300 }), fc.constantFrom('i-a', 'i-b')).chain(([n, interventionId]) =>
  fc.constantFrom<Milestone>(
    { type: 'intervention-started', occurredOn: day(n), interventionId, kind: 'mentoring' },
    { type: 'intervention-ended', occurredOn: day(n), interventionId, outcome: 'completed' },
    { type: 'job-search-started', occurredOn: day(n) },
    { type: 'exited', occurredOn: day(n), reason: 'completed', situation: 'employed' },
    { type: 're-entered', occurredOn: day(n) },
    { type: 'job-placed', occurredOn: day(n), employment: 'employee', contract: 'permanent', hoursPerWeek: 40 },
  ),
);
/** A milestone, or a retraction of the n-th event recorded before it. */
const history = fc.array(fc.oneof(milestone, fc.nat(30)), { maxLength: 60 });

const enrolled: ParticipantEvent = {
  type: 'ParticipantEnrolled',
  data: { participantId: 'p-1', projectId: '22-015-S01', enrolledOn: '2024-02-01', profile: unemployedWoman },
};

function events(steps: Array<Milestone | number>): Array<{ eventId: string; event: ParticipantEvent }> {
  const out = [{ eventId: 'e-0', event: enrolled }];
  steps.forEach((step, i) => {
    const event: ParticipantEvent =
      typeof step === 'number'
        ? { type: 'MilestoneRetracted', data: { participantId: 'p-1', retractedEventId: `e-${1 + (step % Math.max(1, i))}`, reason: null } }
        : milestoneEvent('p-1', step);
    out.push({ eventId: `e-${i + 1}`, event });
  });
  return out;
}

const fold = (recorded: Array<{ eventId: string; event: ParticipantEvent }>, from: ParticipantState = initialParticipantState()) =>
  recorded.reduce((s, r) => evolveParticipant(s, r.event, r.eventId), from);

/** What a state says, without its bookkeeping: every field, and each intervention as it stands. */
function said(state: ParticipantState) {
  const { recorded: _r, retracted: _x, movements: _m, interventionEvents: _i, interventions, ...fields } = state;
  const ids = new Set([...interventions].map((standing) => standing.interventionId));
  return { ...fields, interventions: Object.fromEntries([...ids].map((id) => [id, interventionOf(state, id)]).filter(([, i]) => i !== null)) };
}

describe('participant state fold', () => {
  it('equals a fold of the effective events alone: a retraction acts as if the milestone had never been recorded', () => {
    fc.assert(
      fc.property(history, (steps) => {
        const all = events(steps);
        const state = fold(all);
        const retracted = new Set(state.retracted);
        const effective = all.filter((r) => r.event.type !== 'MilestoneRetracted' && !retracted.has(r.eventId));
        expect(said(state)).toEqual(said(fold(effective)));
      }),
      { numRuns: 500 },
    );
  });

  it('gives the same state from any earlier state folded further, also after another branch grew from it', () => {
    fc.assert(
      fc.property(history, history, fc.nat(60), (steps, other, cut) => {
        const all = events(steps);
        const at = Math.min(cut, all.length);
        const middle = fold(all.slice(0, at));
        fold(events(other).slice(1).map((r) => ({ ...r, eventId: `x-${r.eventId}` })), middle); // a branch off `middle`
        expect(fold(all.slice(at), middle)).toEqual(fold(all));
      }),
      { numRuns: 300 },
    );
  });
});

describe('AppendOnlyList', () => {
  it('is a value: appending to an older version never shows in another', () => {
    const empty = AppendOnlyList.empty<string>((s) => s);
    const ab = empty.append('a').append('b');
    const abc = ab.append('c');
    const abd = ab.append('d');
    expect([...ab]).toEqual(['a', 'b']);
    expect([...abc]).toEqual(['a', 'b', 'c']);
    expect([...abd]).toEqual(['a', 'b', 'd']);
    expect([abc.has('d'), abd.has('c'), ab.has('c'), abd.get('d')]).toEqual([false, false, false, 'd']);
  });
});
