import { Command, InvalidArgumentError } from 'commander';
import { Environment, openEventStore } from '@pathway/config';
import { DEFAULT_DEMO_SEED, generateDemo } from '@pathway/demo';

const PROGRESS_INTERVAL_MS = 1000;

/**
 * `pathway demo --participants N [--seed S]`: fills a store that does not yet hold the demo
 * projects with deterministic demo data, through the same commands and rules as the API.
 * Progress goes to stderr, so stdout carries only the summary line.
 */
export function demoCommand(env: Environment): Command {
  return new Command('demo')
    .description('record deterministic demo projects and participants, checked by the same rules as the API')
    .requiredOption('--participants <n>', 'how many participants, spread over the four demo projects', wholeNumber)
    .option('--seed <s>', 'the same seed writes the same events', integer, DEFAULT_DEMO_SEED)
    .action(async (options: { participants: number; seed: number }) => {
      const store = openEventStore(env, { bulk: true });
      const started = Date.now();
      let printed = 0;
      const onProgress = (done: number, total: number) => {
        if (done < total && Date.now() - printed < PROGRESS_INTERVAL_MS) return;
        printed = Date.now();
        process.stderr.write(`demo: ${done} of ${total} commands (${Math.floor((100 * done) / total)}%)\n`);
      };
      try {
        const summary = await generateDemo(store, { ...options, onProgress });
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        const { projects, participants, events } = summary;
        console.log(`demo: ${projects} projects, ${participants} participants, ${events} events (seed ${options.seed}) in ${seconds} s`);
      } finally {
        await store.close();
      }
    });
}

function wholeNumber(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('Not a whole number.');
  return Number(value);
}

function integer(value: string): number {
  if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(Number(value))) throw new InvalidArgumentError('Not a whole number.');
  return Number(value);
}
