import { EventEmitter } from 'node:events';
import { EventStore, RecordedEvent, Subscription } from '../event-store';

const BATCH_SIZE = 500;

/**
 * Follows the global log by reading it in batches. Appends made by this process wake it at
 * once; appends by other processes sharing the file are seen within one poll interval.
 */
export function pollingSubscription(
  store: Pick<EventStore, 'readAll'>,
  appended: EventEmitter,
  after: number,
  onEvent: (event: RecordedEvent) => Promise<void> | void,
  pollIntervalMs: number,
): Subscription {
  let stopped = false;
  let appendedSinceRead = false;
  let wake: (() => void) | null = null;
  const nudge = () => {
    appendedSinceRead = true;
    wake?.();
  };
  appended.on('appended', nudge);

  const idle = () =>
    new Promise<void>((resolve) => {
      if (appendedSinceRead) return resolve();
      const timer = setTimeout(() => wake?.(), pollIntervalMs);
      wake = () => {
        clearTimeout(timer);
        wake = null;
        resolve();
      };
    });

  const run = async () => {
    let position = after;
    try {
      while (!stopped) {
        appendedSinceRead = false;
        const batch = await store.readAll(position, BATCH_SIZE);
        for (const event of batch) {
          if (stopped) return;
          await onEvent(event);
          position = event.position;
        }
        if (batch.length < BATCH_SIZE && !stopped) await idle();
      }
    } finally {
      appended.off('appended', nudge);
    }
  };

  const done = run();
  return {
    done,
    stop: async () => {
      stopped = true;
      nudge();
      await done.catch(() => undefined);
    },
  };
}
