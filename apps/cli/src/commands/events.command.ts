import { Command } from 'commander';
import { participantStream, redactSealed, toDomainEvent } from '@pathway/application';
import { Environment, openEventStore } from '@pathway/config';
import { RecordedEvent } from '@pathway/event-store';

/** `pathway events --participant ID`: a participant's history, one event a line, or as JSON. */
export function eventsCommand(env: Environment): Command {
  return new Command('events')
    .description("print a participant's events in order, with who recorded each and when")
    .requiredOption('--participant <id>', 'the participant id')
    .option('--json', 'print the events as a JSON array')
    .action(async (options: { participant: string; json?: boolean }) => {
      const store = openEventStore(env);
      try {
        const events = await store.readStream(participantStream(options.participant));
        if (events.length === 0) {
          console.error(`No participant ${options.participant}`);
          process.exitCode = 2;
          return;
        }
        // Sealed personal data and free text show as 'sealed': the ciphertext never leaves the log.
        // Upcast first, so free text an older schema stored in clear is hidden too.
        const redacted = events.map((event) => ({ ...event, data: redactSealed(toDomainEvent(event).data) as Record<string, unknown> }));
        console.log(options.json ? JSON.stringify(redacted, null, 2) : redacted.map(formatLine).join('\n'));
      } finally {
        await store.close();
      }
    });
}

function formatLine(event: RecordedEvent): string {
  const { recordedAt, actor } = event.metadata as { recordedAt: string; actor: string };
  const { participantId: _, ...data } = event.data;
  return [`v${event.streamVersion}`, recordedAt, actor, event.type, event.eventId, JSON.stringify(data)].join('  ');
}
