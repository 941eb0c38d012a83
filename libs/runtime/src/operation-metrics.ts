import { Counter } from 'prom-client';
import { EventStore } from '@pathway/event-store';

/**
 * Counters of what this process asks of its stores, in prom-client's default registry (served at
 * `GET /metrics`). Labels are the store and the interface method's name, never an argument: a
 * participant id or an identity digest must not become a label.
 */
const storeOperations = new Counter({
  name: 'pathway_store_operations_total',
  help: 'Calls this process made to a store, by store (event-store, key-store, audit-log), operation (the method) and outcome (ok, error)',
  labelNames: ['store', 'operation', 'outcome'],
});

const eventsAppended = new Counter({
  name: 'pathway_events_appended_total',
  help: 'Events in the appends the log accepted from this process (an idempotent retry of the same event ids counts again)',
});

type Store = 'event-store' | 'key-store' | 'audit-log';

/**
 * `target` with every method call counted in `pathway_store_operations_total`: a promise counts
 * when it settles (`ok` or `error`), anything else when it returns. Methods run on `target`
 * itself, so classes with private state behave as before; properties are passed through.
 * `onSettled` sees each successful call's method name, arguments and result.
 */
export function countOperations<T extends object>(store: Store, target: T, onSettled?: (operation: string, args: unknown[], result: unknown) => void): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      const value: unknown = Reflect.get(object, property, receiver);
      if (typeof value !== 'function' || typeof property !== 'string' || property === 'constructor') return value;
      return (...args: unknown[]) => {
        const count = (outcome: 'ok' | 'error') => storeOperations.inc({ store, operation: property, outcome });
        let result: unknown;
        try {
          result = (value as (...a: unknown[]) => unknown).apply(object, args);
        } catch (error) {
          count('error');
          throw error;
        }
        if (!(result instanceof Promise)) {
          count('ok');
          onSettled?.(property, args, result);
          return result;
        }
        return result.then(
          (settled: unknown) => {
            count('ok');
            onSettled?.(property, args, settled);
            return settled;
          },
          (error: unknown) => {
            count('error');
            throw error;
          },
        );
      };
    },
  });
}

/** The event store with its calls counted, and each committed append's events in `pathway_events_appended_total`. */
export function countedEventStore(store: EventStore): EventStore {
  return countOperations('event-store', store, (operation, args) => {
    if (operation === 'append') eventsAppended.inc((args[1] as unknown[]).length);
  });
}
