import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { progress } from './measure';

const run = promisify(execFile);
const SCRIPT = join(__dirname, '..', 'scripts', 'kafka-local.sh');

export type LocalBroker = { brokers: string[]; stop(): Promise<void> } | { error: string };

/**
 * The broker of scripts/kafka-local.sh (the one the integration tests use). One that is already
 * running is used and left running; one started here is stopped by `stop()`, so the bench leaves
 * the machine as it found it. A broker that cannot be started is an answer, not an exception:
 * the suite reports its rows as not measured and the other suites still run.
 */
export async function localBroker(): Promise<LocalBroker> {
  // The script reads KAFKA_PORT too, so both agree on where the broker listens.
  const brokers = [`127.0.0.1:${process.env.KAFKA_PORT ?? '9092'}`];
  const running = await run(SCRIPT, ['status']).then(
    () => true,
    () => false, // status exits 1 when no broker runs
  );
  if (running) {
    progress(`using the running local broker on ${brokers[0]}`);
    return { brokers, stop: async () => undefined };
  }
  progress(`starting a local broker on ${brokers[0]} (scripts/kafka-local.sh start; stopped at the end)`);
  try {
    // The script waits up to KAFKA_START_TIMEOUT (90 s) itself; the first run also fetches jars.
    await run(SCRIPT, ['start'], { timeout: 300_000 });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    return { error: stderr ? stderr.split('\n').at(-1)! : (error as Error).message };
  }
  return {
    brokers,
    stop: async () => {
      progress('stopping the local broker this suite started');
      await run(SCRIPT, ['stop']);
    },
  };
}
