import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { Environment, openEventStore, readModelDbConfig } from '@pathway/config';
import { describeProjectionError, openReadModelDb, rebuildReadModels, RebuildProgress } from '@pathway/read-models';

/** What the worker needs to open the stores on its own connections. */
export type RebuildWorkerSettings = Pick<Environment, 'EVENT_STORE' | 'DATA_DIR' | 'EVENTSTORE_CONNECTION_STRING' | 'READ_MODEL_DB' | 'DATABASE_URL'>;

type WorkerMessage = ({ kind: 'progress' } & RebuildProgress) | { kind: 'done'; position: number } | { kind: 'failed'; error: string };

const PROGRESS_EVERY_MS = 250;

/** A rebuild in a worker thread, so the process's event loop keeps answering requests while it runs. */
export interface RunningRebuild {
  result: Promise<{ position: number }>;
  /** Stops the thread; the rebuild's checkpoint stays, and the next run resumes from it. */
  stop(): Promise<void>;
}

/**
 * Starts `rebuildReadModels` in a worker thread on connections of its own. A rebuild is CPU
 * work for minutes at a million events: on the main thread it held `/health` for seconds.
 * `onProgress` gets `{processed, total}` in log positions, at most every 250 ms.
 */
export function startRebuildWorker(settings: RebuildWorkerSettings, onProgress: (progress: RebuildProgress) => void): RunningRebuild {
  const worker = new Worker(bootstrap(), { eval: true, workerData: { pathwayRebuild: settings } });
  const result = new Promise<{ position: number }>((resolve, reject) => {
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'progress') onProgress(message);
      else if (message.kind === 'done') resolve({ position: message.position });
      else reject(new Error(message.error));
    });
    worker.on('error', reject);
    worker.on('exit', (code) => reject(new Error(`The rebuild worker stopped (exit code ${code})`)));
  });
  return { result, stop: async () => void (await worker.terminate()) };
}

/** The worker loads this very file: compiled JavaScript in production, TypeScript through swc in tests and development. */
function bootstrap(): string {
  const self = JSON.stringify(__filename);
  if (!__filename.endsWith('.ts')) return `require(${self});`;
  return `require(${JSON.stringify(require.resolve('@swc-node/register'))}); require(${self});`;
}

/**
 * On Linux a thread has a nice value of its own: the rebuild yields the CPU to the request
 * threads of this and other processes, and still takes every idle cycle. Elsewhere it stays as is.
 */
function yieldToRequests(): void {
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(threadId)) setPriority(threadId, 10);
  } catch {
    // not Linux, or not allowed: the rebuild runs at the process's priority
  }
}

async function work(settings: RebuildWorkerSettings): Promise<void> {
  yieldToRequests();
  const store = openEventStore(settings);
  // This thread may wait for a lock (the live projection writing): it blocks no one but itself.
  const { db } = openReadModelDb(readModelDbConfig(settings), { busyTimeoutMs: 5000 });
  let reported = 0;
  try {
    const { position } = await rebuildReadModels(store, db, (progress) => {
      if (Date.now() - reported < PROGRESS_EVERY_MS) return;
      reported = Date.now();
      parentPort!.postMessage({ kind: 'progress', ...progress } satisfies WorkerMessage);
    });
    parentPort!.postMessage({ kind: 'done', position } satisfies WorkerMessage);
  } catch (error) {
    parentPort!.postMessage({ kind: 'failed', error: describeProjectionError(error) } satisfies WorkerMessage);
  } finally {
    await db.destroy();
    await store.close();
  }
}

if (!isMainThread && (workerData as { pathwayRebuild?: RebuildWorkerSettings } | null)?.pathwayRebuild) {
  void work((workerData as { pathwayRebuild: RebuildWorkerSettings }).pathwayRebuild);
}
