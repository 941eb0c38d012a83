import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays, toIsoDate } from '@pathway/domain';
import { EventStore, RecordedEvent, SqliteEventStore } from '@pathway/event-store';
import { DemoOptions, generateDemo } from './generate-demo';

/** The demo through the real command path into real SQLite files. */
describe('generateDemo', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pathway-demo-'));
  let files = 0;
  const run = async (participants: number, seed: number, options: Partial<DemoOptions> = {}, view = (s: EventStore) => s) => {
    const store = new SqliteEventStore(join(dir, `events-${++files}.db`), { synchronous: 'NORMAL' });
    const progress: Array<[number, number]> = [];
    const summary = await generateDemo(view(store), { participants, seed, onProgress: (done, total) => progress.push([done, total]), ...options });
    const events = await store.readAll(0, 1_000_000);
    return { store, summary, events, progress };
  };
  let first: Awaited<ReturnType<typeof run>>;
  let events: RecordedEvent[];
  const ofType = (type: string) => events.filter((e) => e.type === type);
  const data = (e: RecordedEvent) => e.data as Record<string, any>;

  beforeAll(async () => {
    // Any broken rule would reject here with the refused command named: none may be.
    first = await run(300, 7);
    events = first.events;
  });
  afterAll(async () => {
    await first.store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('registers the four projects and enrols the participants asked for', () => {
    expect(first.summary).toEqual({ projects: 4, participants: 300, events: events.length });
    expect(ofType('ProjectRegistered')).toHaveLength(4);
    expect(ofType('ParticipantEnrolled')).toHaveLength(300);
    expect(first.progress.at(-1)).toEqual([events.length, events.length]);
  });

  it('writes the same log for the same seed, ids and recording instants included', async () => {
    const again = await run(300, 7);
    await again.store.close();
    expect(again.events).toEqual(events);
  });

  it('writes the same log on the slow path: each command reading its stream and appending alone', async () => {
    // Positions, stream versions, ids, payloads, metadata and commit stamps, in log order.
    const slow = await run(300, 7, { batchAppends: false });
    await slow.store.close();
    expect(slow.summary).toEqual(first.summary);
    expect(slow.events).toEqual(events);
  });

  it('writes the same log with participants decided on worker threads', async () => {
    // 300 participants are decided in this thread by default; two threads share them here.
    const threaded = await run(300, 7, { threads: 2 });
    await threaded.store.close();
    expect(threaded.summary).toEqual(first.summary);
    expect(threaded.events).toEqual(events);
  });

  it('writes the same log through a store that appends one at a time (no appendBatch, as KurrentDB)', async () => {
    const portOnly = (store: EventStore): EventStore => ({
      append: (...a) => store.append(...a),
      readStream: (...a) => store.readStream(...a),
      readAll: (...a) => store.readAll(...a),
      subscribe: (...a) => store.subscribe(...a),
      headPosition: () => store.headPosition(),
      cutOffAt: (instant) => store.cutOffAt(instant),
      close: () => store.close(),
    });
    const plain = await run(300, 7, {}, portOnly);
    await plain.store.close();
    expect(plain.events).toEqual(events);
  });

  it('writes other data for another seed', async () => {
    const other = await run(300, 8);
    await other.store.close();
    const profiles = (log: RecordedEvent[]) => log.filter((e) => e.type === 'ParticipantEnrolled').map((e) => e.data);
    expect(profiles(other.events)).not.toEqual(profiles(events));
  });

  it('refuses a store that already holds the demo projects, writing nothing', async () => {
    const before = await first.store.headPosition();
    await expect(generateDemo(first.store, { participants: 10 })).rejects.toThrow(
      'Demo project 22-015-S01 is already registered: the demo needs a store without its projects',
    );
    expect(await first.store.headPosition()).toBe(before);
  });

  it('reads like real life: recording instants only go forward, on weekdays, never in the future', () => {
    const instants = events.map((e) => e.metadata.recordedAt as string);
    expect([...instants].sort()).toEqual(instants);
    expect(instants.at(-1)! <= new Date().toISOString()).toBe(true);
    expect(instants.every((at) => ![0, 6].includes(new Date(at).getUTCDay()))).toBe(true);
    expect(new Set(events.map((e) => e.metadata.actor))).toContain('caseworker-3');
  });

  it('names participants by project and number, never by name', () => {
    const ids = ofType('ParticipantEnrolled').map((e) => data(e).participantId as string);
    expect(ids).toContain('22-015-S01-p1');
    expect(ids.every((id) => /^[\w-]+-p\d+$/.test(id))).toBe(true);
  });

  it('holds every kind of pathway the reports must cope with', () => {
    const profiles = ofType('ParticipantEnrolled').map((e) => data(e).profile);
    expect(profiles.some((p) => p.gender === null)).toBe(true);
    expect(profiles.some((p) => p.gender === 'non-binary')).toBe(true);
    for (const field of Object.keys(profiles[0]).filter((f) => f !== 'labourMarketStatus')) {
      expect([field, profiles.some((p) => p[field] === null)]).toEqual([field, true]);
    }
    const reasons = new Set(ofType('ParticipantExited').map((e) => data(e).reason));
    expect([...reasons].sort()).toEqual(['completed', 'dropped-out', 'moved', 'other']);
    for (const type of ['ParticipantReEntered', 'FollowUpRecorded', 'JobPlaced', 'EducationEntered', 'JobSearchStarted']) {
      expect([type, ofType(type).length > 0]).toEqual([type, true]);
    }
    expect(ofType('SchoolCompleted').length + ofType('QualificationGained').length).toBeGreaterThan(0);
    // Retractions keep no reason and qualifications no text: free text is sealed with a
    // participant's key, and the demo writes no keys (its log is byte-identical per seed).
    expect(ofType('MilestoneRetracted').length).toBeGreaterThan(0);
    expect(ofType('MilestoneRetracted').every((e) => data(e).reason === null)).toBe(true);
    expect(ofType('QualificationGained').every((e) => data(e).qualification === null)).toBe(true);
  });

  it('has milestones recorded weeks after they happened', () => {
    const late = events.filter((e) => {
      const occurredOn = data(e).occurredOn as string | undefined;
      return occurredOn !== undefined && toIsoDate(new Date(e.metadata.recordedAt as string)) > addDays(occurredOn, 7);
    });
    expect(late.length).toBeGreaterThan(0);
  });

  it('places jobs within the four weeks after exit and beyond them', () => {
    const exitOf = new Map(ofType('ParticipantExited').map((e) => [data(e).participantId, data(e).occurredOn as string]));
    const offsets = ofType('JobPlaced')
      .filter((e) => exitOf.has(data(e).participantId))
      .map((e) => (Date.parse(data(e).occurredOn) - Date.parse(exitOf.get(data(e).participantId)!)) / 86_400_000);
    expect(offsets.some((d) => d >= 0 && d <= 28)).toBe(true);
    expect(offsets.some((d) => d > 28)).toBe(true);
  });
});
