import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DomainError, Milestone, participantDecider, projectDecider } from '@pathway/domain';
import { framtid, unemployedWoman } from '../../domain/src/testing/fixtures';
import { SqliteEventStore } from '@pathway/event-store';
import { CommandDependencies, RequestContext } from './command-context';
import { enrolParticipant, recordMilestone, retractMilestone } from './participant-commands';
import { registerProject } from './project-commands';
import { loadStream, StreamStateCache } from './stream-state-cache';
import { participantStream } from './streams';

type Step = { kind: 'milestone'; milestone: Milestone } | { kind: 'retract'; of: number } | { kind: 'check' };

const day = (n: number) => new Date(Date.UTC(2024, 1, 1 + n)).toISOString().slice(0, 10);
const ids = ['i-a', 'i-b', 'i-c'];
const milestone: fc.Arbitrary<Milestone> = fc.integer({ min: 0, max: 300 }).chain((n) =>
  fc.oneof(
    fc.constantFrom(...ids).map((interventionId): Milestone => ({ type: 'intervention-started', occurredOn: day(n), interventionId, kind: 'mentoring' })),
    fc.constantFrom(...ids).map((interventionId): Milestone => ({ type: 'intervention-ended', occurredOn: day(n), interventionId, outcome: 'completed' })),
    fc.constant<Milestone>({ type: 'job-search-started', occurredOn: day(n) }),
    fc.constant<Milestone>({ type: 'exited', occurredOn: day(n), reason: 'completed', situation: 'employed' }),
    fc.constant<Milestone>({ type: 're-entered', occurredOn: day(n) }),
    fc.constant<Milestone>({ type: 'job-placed', occurredOn: day(n), employment: 'employee', contract: 'permanent', hoursPerWeek: 40 }),
  ),
);
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: milestone.map((m): Step => ({ kind: 'milestone', milestone: m })) },
  { weight: 2, arbitrary: fc.nat(40).map((of): Step => ({ kind: 'retract', of })) },
  { weight: 1, arbitrary: fc.constant<Step>({ kind: 'check' }) },
);

/**
 * The cached state a command decides on equals a full fold of the stream, whatever the history:
 * milestones, retractions that refold (entries, exits, interventions) and those that do not
 * (outcomes), commands interleaved with folds from an older cached version (a branch).
 */
describe('StreamStateCache: a cached fold equals the full fold', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pathway-cache-'));
  const store = new SqliteEventStore(join(dir, 'events.db'));
  const request: RequestContext = { actor: 'caseworker-1', actorRole: 'caseworker', correlationId: 'c-1' };

  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('for random histories, checked after every command', async () => {
    const states = new StreamStateCache();
    const deps: CommandDependencies = { store, now: () => new Date('2025-06-01T12:00:00Z'), newId: randomUUID, states };
    await registerProject(deps, framtid, request);
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 50 }), async (steps) => {
        const participantId = randomUUID();
        const stream = participantStream(participantId);
        await enrolParticipant(deps, { projectId: framtid.projectId, participantId, enrolledOn: '2024-02-01', profile: unemployedWoman }, request);
        const written: string[] = [];
        const older = await loadStream(deps, participantDecider, stream);
        for (const s of steps) {
          try {
            if (s.kind === 'milestone') written.push(...(await recordMilestone(deps, participantId, s.milestone, request)).eventIds);
            if (s.kind === 'retract' && written.length > 0) {
              await retractMilestone(deps, participantId, { eventId: written[s.of % written.length]!, reason: null }, request);
            }
          } catch (error) {
            if (!(error instanceof DomainError)) throw error; // a refused command writes nothing
          }
          if (s.kind === 'check') {
            // Fold again from the older cached version: a branch of the shared lists.
            const branch = new StreamStateCache();
            branch.set(stream, older);
            expect((await loadStream({ store, states: branch }, participantDecider, stream)).state).toEqual(await fullFold(stream));
          }
          expect((await loadStream(deps, participantDecider, stream)).state).toEqual(await fullFold(stream));
        }
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  it('folds a project stream to the same state', async () => {
    const states = new StreamStateCache();
    const deps: CommandDependencies = { store, now: () => new Date(), newId: randomUUID, states };
    await registerProject(deps, { ...framtid, projectId: 'P-cache' }, request);
    const cached = await loadStream(deps, projectDecider, 'project-P-cache');
    const full = await loadStream({ store }, projectDecider, 'project-P-cache');
    expect(cached.state).toEqual(full.state);
    expect(cached.version).toBe(full.version);
  });

  async function fullFold(stream: string) {
    const events = await store.readStream(stream);
    const { state } = await loadStream({ store }, participantDecider, stream);
    // The fold above, spelled out: no cache, from the first event.
    expect(state).toEqual(
      events.reduce(
        (s, e) => participantDecider.evolve(s, { type: e.type, data: e.data } as never, e.eventId),
        participantDecider.initialState(),
      ),
    );
    return state;
  }
});
