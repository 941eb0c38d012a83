import { randomUUID } from 'node:crypto';
import { instantToMicros } from '../commit-time';
import { WrongExpectedVersionError } from '../errors';
import { EventStore, EventToAppend, RecordedEvent } from '../event-store';

/**
 * The behaviour every EventStore adapter must have. Streams get unique names per run,
 * so the suite can also run against a shared server that holds other data.
 */
export function eventStoreContract(adapter: string, open: () => Promise<EventStore>) {
  describe(`EventStore contract: ${adapter}`, () => {
    let store: EventStore;
    const run = randomUUID().slice(0, 8);
    const stream = (name: string) => `contract-${run}-${name}`;
    const event = (type = 'ThingHappened', data: Record<string, unknown> = {}): EventToAppend => ({
      eventId: randomUUID(),
      type,
      data,
      metadata: { recordedAt: new Date().toISOString() },
    });
    const events = (n: number) => Array.from({ length: n }, (_, i) => event('Counted', { i }));
    const ours = (recorded: RecordedEvent[]) => recorded.filter((e) => e.streamId.startsWith(`contract-${run}-`));

    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store.close();
    });

    describe('streams', () => {
      it('reads back what was appended, in order, with versions from 1', async () => {
        const written = [event('A', { n: 1, nested: { ok: true } }), event('B', { n: 2 })];
        const result = await store.append(stream('order'), written, 'no-stream');
        expect(result.streamVersion).toBe(2);

        const read = await store.readStream(stream('order'));
        expect(read.map((e) => [e.eventId, e.type, e.data, e.metadata, e.streamVersion])).toEqual(
          written.map((e, i) => [e.eventId, e.type, e.data, e.metadata, i + 1]),
        );
        expect(read[1]!.position).toBe(result.position);
      });

      it('reads only the events after a given version', async () => {
        const id = stream('tail');
        await store.append(id, events(5), 'no-stream');
        const tail = await store.readStream(id, 3);
        expect(tail.map((e) => [e.streamVersion, e.data.i])).toEqual([[4, 3], [5, 4]]);
        await expect(store.readStream(id, 5)).resolves.toEqual([]);
        await expect(store.readStream(stream('missing-tail'), 2)).resolves.toEqual([]);
      });

      it('reads a stream that does not exist as empty', async () => {
        await expect(store.readStream(stream('missing'))).resolves.toEqual([]);
      });

      it('keeps a large stream whole and in order', async () => {
        const id = stream('large');
        for (let batch = 0; batch < 20; batch++) {
          await store.append(id, events(100), batch * 100);
        }
        const read = await store.readStream(id);
        expect(read).toHaveLength(2000);
        expect(read.map((e) => e.data.i)).toEqual(Array.from({ length: 2000 }, (_, i) => i % 100));
        expect(read.every((e, i) => e.streamVersion === i + 1)).toBe(true);
      });
    });

    describe('expected versions', () => {
      it('refuses no-stream when the stream exists, naming the actual version', async () => {
        await store.append(stream('exists'), [event()], 'no-stream');
        const append = store.append(stream('exists'), [event()], 'no-stream');
        await expect(append).rejects.toBeInstanceOf(WrongExpectedVersionError);
        await expect(append).rejects.toMatchObject({ actual: 1 });
      });

      it('appends at the exact version and refuses a stale one without writing', async () => {
        const id = stream('exact');
        await store.append(id, [event(), event()], 'no-stream');
        await expect(store.append(id, [event()], 2)).resolves.toMatchObject({ streamVersion: 3 });
        await expect(store.append(id, [event()], 2)).rejects.toMatchObject({ actual: 3 });
        await expect(store.append(id, [event()], 7)).rejects.toBeInstanceOf(WrongExpectedVersionError);
        expect(await store.readStream(id)).toHaveLength(3);
      });

      it('refuses an exact version on a stream that does not exist', async () => {
        await expect(store.append(stream('never'), [event()], 1)).rejects.toMatchObject({ actual: 0 });
      });

      it('appends with any, whatever the version', async () => {
        const id = stream('any');
        await store.append(id, [event()], 'any');
        await expect(store.append(id, [event()], 'any')).resolves.toMatchObject({ streamVersion: 2 });
      });
    });

    describe('idempotency', () => {
      it('treats a repeated append of the same event ids as done, returning the first result', async () => {
        const id = stream('retry');
        const batch = [event(), event()];
        const first = await store.append(id, batch, 'no-stream');
        await expect(store.append(id, batch, 'no-stream')).resolves.toEqual(first);
        await expect(store.append(id, batch, 'any')).resolves.toEqual(first);
        expect(await store.readStream(id)).toHaveLength(2);
      });

      it('refuses a batch that repeats only some event ids, writing nothing', async () => {
        const id = stream('partial');
        const first = event();
        await store.append(id, [first], 'no-stream');
        await expect(store.append(id, [first, event()], 'any')).rejects.toThrow();
        expect(await store.readStream(id)).toHaveLength(1);
      });
    });

    describe('global log', () => {
      it('orders every append across streams by increasing position', async () => {
        const before = await store.headPosition();
        const written: string[] = [];
        for (let i = 0; i < 5; i++) {
          for (const name of ['x', 'y']) {
            const e = event('Tick', { i });
            written.push(e.eventId);
            await store.append(stream(`log-${name}`), [e], 'any');
          }
        }
        const read = ours(await store.readAll(before, 1000));
        expect(read.map((e) => e.eventId)).toEqual(written);
        expect(read.every((e, i) => i === 0 || e.position > read[i - 1]!.position)).toBe(true);
        expect(await store.headPosition()).toBe(read[read.length - 1]!.position);
      });

      it('reads after a position, a page at a time', async () => {
        const before = await store.headPosition();
        await store.append(stream('pages'), events(25), 'no-stream');
        const seen: RecordedEvent[] = [];
        let after = before;
        for (;;) {
          const page = await store.readAll(after, 10);
          if (page.length === 0) break;
          expect(page.length).toBeLessThanOrEqual(10);
          expect(page[0]!.position).toBeGreaterThan(after);
          seen.push(...page);
          after = page[page.length - 1]!.position;
        }
        expect(ours(seen).map((e) => e.data.i)).toEqual(Array.from({ length: 25 }, (_, i) => i));
      });
    });

    describe('commit times and cut-offs', () => {
      const micros = (e: RecordedEvent) => instantToMicros(e.committedAt);

      it('stamps each event with a commit time that never decreases along the log and is shared by one append', async () => {
        const before = await store.headPosition();
        await store.append(stream('stamps'), events(3), 'no-stream');
        await store.append(stream('stamps'), events(2), 3);
        const read = ours(await store.readAll(before, 1000));
        expect(read).toHaveLength(5);
        expect(read.every((e) => typeof e.committedAt === 'string' && !Number.isNaN(micros(e)))).toBe(true);
        expect(read.every((e, i) => i === 0 || micros(e) >= micros(read[i - 1]!))).toBe(true);
        expect(new Set(read.slice(0, 3).map(micros)).size).toBe(1);
        expect(micros(read[3]!)).toBeGreaterThan(micros(read[2]!));
      });

      it('cuts the log off at the last event committed by an instant', async () => {
        await store.append(stream('cut-a'), events(2), 'no-stream');
        const [first, second] = ours(await store.readStream(stream('cut-a')));
        await store.append(stream('cut-b'), events(1), 'no-stream');
        const [third] = await store.readStream(stream('cut-b'));
        expect(await store.cutOffAt(first!.committedAt)).toBe(second!.position);
        expect(await store.cutOffAt(third!.committedAt)).toBeGreaterThanOrEqual(third!.position);
        expect(await store.cutOffAt('1970-01-01T00:00:00Z')).toBe(0);
      });

      it('keeps a cut-off that has passed: later appends are committed after it', async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        const cutOff = new Date().toISOString();
        const counted = await store.cutOffAt(cutOff);
        const result = await store.append(stream('after-cut'), events(2), 'no-stream');
        expect(result.position).toBeGreaterThan(counted);
        expect(await store.cutOffAt(cutOff)).toBe(counted);
        const appended = await store.readStream(stream('after-cut'));
        expect(appended.every((e) => micros(e) > instantToMicros(cutOff))).toBe(true);
      });
    });

    describe('subscriptions', () => {
      it('delivers past events after a position, then live ones, in order', async () => {
        const before = await store.headPosition();
        await store.append(stream('sub'), events(3), 'no-stream');
        const received: RecordedEvent[] = [];
        const arrived = waitFor(() => ours(received).length === 6);
        const subscription = store.subscribe(before, (e) => {
          received.push(e);
        });
        await store.append(stream('sub'), events(3), 3);
        await arrived;
        await subscription.stop();
        expect(ours(received).map((e) => e.streamVersion)).toEqual([1, 2, 3, 4, 5, 6]);
      });

      it('resumes from the last handled position without skipping or repeating', async () => {
        const before = await store.headPosition();
        await store.append(stream('resume'), events(10), 'no-stream');
        const first: RecordedEvent[] = [];
        const firstFive = waitFor(() => ours(first).length >= 5);
        const subscription = store.subscribe(before, async (e) => {
          if (ours(first).length < 5) first.push(e);
        });
        await firstFive;
        await subscription.stop();
        const checkpoint = first[first.length - 1]!.position;

        const rest: RecordedEvent[] = [];
        const allTen = waitFor(() => ours(rest).length >= 5);
        const resumed = store.subscribe(checkpoint, (e) => {
          rest.push(e);
        });
        await allTen;
        await resumed.stop();
        expect([...ours(first), ...ours(rest)].map((e) => e.data.i)).toEqual(Array.from({ length: 10 }, (_, i) => i));
      });

      it('stops with the handler error', async () => {
        const before = await store.headPosition();
        await store.append(stream('failing'), [event()], 'no-stream');
        const subscription = store.subscribe(before, (e) => {
          if (e.streamId === stream('failing')) throw new Error('projection failed');
        });
        await expect(subscription.done).rejects.toThrow('projection failed');
      });
    });

    describe('concurrent appenders', () => {
      it('lets exactly one of many racing writers append at the same expected version', async () => {
        const id = stream('race');
        await store.append(id, [event()], 'no-stream');
        const results = await Promise.allSettled(Array.from({ length: 20 }, () => store.append(id, [event()], 1)));
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        expect(results.filter((r) => r.status === 'rejected').every((r) => r.reason instanceof WrongExpectedVersionError)).toBe(true);
        expect(await store.readStream(id)).toHaveLength(2);
      });

      it('keeps every event of many writers on many streams', async () => {
        const before = await store.headPosition();
        await Promise.all(
          Array.from({ length: 10 }, async (_, writer) => {
            for (let i = 0; i < 20; i++) await store.append(stream(`writer-${writer}`), [event()], i);
          }),
        );
        const read = ours(await store.readAll(before, 10_000));
        expect(read).toHaveLength(200);
        expect(new Set(read.map((e) => e.position)).size).toBe(200);
      });
    });
  });
}

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for events');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
