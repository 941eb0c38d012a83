import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import {
  CommandDependencies,
  enrolParticipant,
  participantStream,
  recordMilestone,
  registerProject,
  RequestContext,
  StreamStateCache,
  toEventToAppend,
} from '@pathway/application';
import { Milestone, milestoneEvent, ParticipantEvent } from '@pathway/domain';
import { SqliteEventStore } from '@pathway/event-store';
import { framtid, unemployedWoman } from '../libs/domain/src/testing/fixtures';
import { latencies, progress, scaled, tempDir } from './measure';
import { Measurement } from './report';

const LONG_STREAM_EVENTS = 5_000;
const SEED_BATCH = 500;
const request: RequestContext = { actor: 'anna.k', actorRole: 'caseworker', correlationId: 'bench' };
const jobSearch: Milestone = { type: 'job-search-started', occurredOn: '2024-06-01' };

/**
 * Commands on a participant with 5,000 events (issue 9.9: 1.2 s per command at 3,000 before),
 * through the application's command path with the per-process cache the API uses. Baseline in
 * the same run: the same command on a participant with one event (a fresh enrolment). Also the
 * event loop's delay while the long commands run (other requests wait that long), the first
 * command on the long stream (a cold cache folds all 5,000) and the same without any cache.
 */
export async function longStreamCommands(): Promise<Measurement[]> {
  const dir = tempDir('long-stream');
  const store = new SqliteEventStore(join(dir.path, 'events.db'));
  try {
    const deps: CommandDependencies = { store, now: () => new Date(), newId: randomUUID, states: new StreamStateCache() };
    await registerProject(deps, framtid, request);
    const longId = 'long-stream';
    const events = scaled(LONG_STREAM_EVENTS);
    progress(`seeding a participant with ${events} events`);
    await enrolParticipant(deps, { projectId: framtid.projectId, participantId: longId, enrolledOn: '2024-01-15', profile: unemployedWoman }, request);
    await seed(store, longId, events - 1);

    const coldStalls = new LoopStalls();
    const cold = await timed(() => recordMilestone(deps, longId, jobSearch, request));
    coldStalls.stop();
    const samples = scaled(300);
    progress(`${samples} commands on the long stream and on fresh participants, interleaved`);
    const long: number[] = [];
    const fresh: number[] = [];
    const longStalls: number[] = [];
    const freshStalls: number[] = [];
    for (let i = 0; i < samples; i++) {
      const participantId = randomUUID();
      await enrolParticipant(deps, { projectId: framtid.projectId, participantId, enrolledOn: '2024-01-15', profile: unemployedWoman }, request);
      let stalls = new LoopStalls();
      long.push(await timed(() => recordMilestone(deps, longId, jobSearch, request)));
      longStalls.push(stalls.stop());
      stalls = new LoopStalls();
      fresh.push(await timed(() => recordMilestone(deps, participantId, jobSearch, request)));
      freshStalls.push(stalls.stop());
    }
    const uncachedSamples = Math.max(5, Math.round(samples / 10));
    const uncached: number[] = [];
    const noCache: CommandDependencies = { ...deps, states: undefined };
    for (let i = 0; i < uncachedSamples; i++) uncached.push(await timed(() => recordMilestone(noCache, longId, jobSearch, request)));

    const longL = latencies(long);
    const freshL = latencies(fresh);
    const freshLabel = 'same command, 1-event participant';
    const details = { streamEvents: events, samples, synchronous: 'FULL', journal: 'WAL' };
    return [
      { name: `command on a ${events}-event participant, p50`, value: longL.p50, unit: 'ms', baseline: { label: freshLabel, value: freshL.p50 }, details },
      {
        name: `command on a ${events}-event participant, p99`,
        value: longL.p99,
        unit: 'ms',
        baseline: { label: freshLabel, value: freshL.p99 },
        target: { op: '<=', value: 20 },
        details,
      },
      {
        name: 'longest event-loop stall in a long-stream command, p99',
        value: latencies(longStalls).p99,
        unit: 'ms',
        baseline: { label: freshLabel, value: latencies(freshStalls).p99 },
        target: { op: '<=', value: 20 },
        note: 'how long another request waits behind the command at worst',
      },
      { name: `first command on a ${events}-event participant (cold cache)`, value: cold, unit: 'ms', baseline: { label: freshLabel, value: freshL.p50 } },
      {
        name: 'longest event-loop stall in that first command',
        value: coldStalls.longest,
        unit: 'ms',
        baseline: { label: freshLabel, value: latencies(freshStalls).p99 },
        note: 'the cold fold yields every 250 events; the stream is still read in one query',
      },
      {
        name: `command on a ${events}-event participant without the cache, p50`,
        value: latencies(uncached).p50,
        unit: 'ms',
        baseline: { label: freshLabel, value: freshL.p50 },
        note: 'a full read and fold each time: what each command paid before the cache',
        details: { samples: uncachedSamples },
      },
    ];
  } finally {
    await store.close();
    if (!process.env.KEEP_BENCH_DIR) dir.remove(); else console.error(dir.path);
  }
}

/** The longest gap between turns of the event loop while it runs: how long anything else had to wait. */
class LoopStalls {
  longest = 0;
  private last = performance.now();
  private timer: NodeJS.Timeout | null = null;

  constructor() {
    this.tick();
  }

  stop(): number {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.longest = Math.max(this.longest, performance.now() - this.last);
    return this.longest;
  }

  private tick(): void {
    this.timer = setTimeout(() => {
      const now = performance.now();
      this.longest = Math.max(this.longest, now - this.last);
      this.last = now;
      this.tick();
    }, 0);
  }
}

async function timed(action: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await action();
  return performance.now() - started;
}

/**
 * A working life in milestones: interventions started and ended, outcomes, and now and then a
 * retraction of an outcome or of an intervention's end (which makes the fold refold).
 */
async function seed(store: SqliteEventStore, participantId: string, count: number): Promise<void> {
  const stream = participantStream(participantId);
  let version = 1;
  const recordedIds: string[] = [];
  for (let start = 0; start < count; start += SEED_BATCH) {
    const batch = Array.from({ length: Math.min(SEED_BATCH, count - start) }, (_, j) => {
      const i = start + j;
      const eventId = randomUUID();
      recordedIds.push(eventId);
      return toEventToAppend(eventFor(participantId, i, recordedIds), eventId, {
        recordedAt: new Date().toISOString(),
        actor: request.actor,
        actorRole: request.actorRole,
        correlationId: request.correlationId,
        causationId: request.correlationId,
        projectId: framtid.projectId,
      });
    });
    version = (await store.append(stream, batch, version)).streamVersion;
  }
}

function eventFor(participantId: string, i: number, ids: string[]): ParticipantEvent {
  const occurredOn = '2024-03-01';
  const interventionId = `int-${Math.floor(i / 4)}`;
  switch (i % 10) {
    case 0:
      return milestoneEvent(participantId, { type: 'intervention-started', occurredOn, interventionId, kind: 'mentoring' });
    case 1:
      return milestoneEvent(participantId, { type: 'intervention-ended', occurredOn, interventionId, outcome: 'completed' });
    case 5:
      return { type: 'MilestoneRetracted', data: { participantId, retractedEventId: ids[i - 1]!, reason: null } };
    case 9:
      return { type: 'MilestoneRetracted', data: { participantId, retractedEventId: ids[i - 8]!, reason: null } };
    default:
      return milestoneEvent(participantId, { type: 'job-placed', occurredOn, employment: 'employee', contract: 'temporary', hoursPerWeek: 20 });
  }
}
