/**
 * A process for the group-commit crash test: `WRITERS` concurrent writers append to the store
 * at argv[2] as fast as they can and print `ack <eventId>` for each append once it is answered.
 * Each writer has a stream of its own; every tenth append also races the others on a shared
 * stream at the version it last read (most of those are refused: they print `refused`). The test
 * kills this process with SIGKILL while it writes.
 */
import { randomUUID } from 'node:crypto';
import { SqliteEventStore } from './sqlite-event-store';
import { WrongExpectedVersionError } from '../errors';

const WRITERS = 50;
const store = new SqliteEventStore(process.argv[2]!);
const event = () => ({ eventId: randomUUID(), type: 'T', data: { n: 1 }, metadata: { recordedAt: new Date().toISOString() } });

async function writer(index: number): Promise<never> {
  for (let version = 0; ; version++) {
    const own = event();
    await store.append(`writer-${index}`, [own], version === 0 ? 'no-stream' : version);
    process.stdout.write(`ack ${own.eventId}\n`);
    if (version % 10 === 0) {
      const shared = event();
      const current = (await store.readStream('shared')).length;
      try {
        await store.append('shared', [shared], current === 0 ? 'no-stream' : current);
        process.stdout.write(`ack ${shared.eventId}\n`);
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        process.stdout.write('refused\n');
      }
    }
  }
}

for (let i = 0; i < WRITERS; i++) void writer(i);
