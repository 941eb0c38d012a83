import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { demoSources, DemoSources } from './demo-sources';
import { scanSources, SourceStarts } from './merge-by-time';
import { Decided, ParticipantDesk } from './participant-desk';

/** What a deciding thread needs to make the same sources as the writing one. */
export interface DemoWorld {
  participants: number;
  seed: number;
  /** Epoch ms: nothing is recorded after it. */
  horizon: number;
}

type Request = { id: number } & ({ scan: [from: number, to: number] } | { decide: number[] });
type Reply = { id: number } & ({ starts: SourceStarts } | { decided: Decided[][] } | { failed: string });

/** Where sources are scanned and decided: a desk in this thread or in another one. */
interface Decider {
  scan(from: number, to: number): Promise<SourceStarts>;
  decide(sources: number[]): Promise<Decided[][]>;
  close(): Promise<void>;
}

/** Sources decided per request: a few hundred participants, some hundred kB to pass between threads. */
const CHUNK = 256;
/** Requests decided ahead of the writer per thread, so a thread never waits for the writer to ask. */
const AHEAD_PER_THREAD = 2;

/**
 * Decides the demo's sources on `threads` worker threads (each with its ParticipantDesk), or in
 * this thread when `threads` is 0, and answers each source's decided commands in the order the
 * merge asks for them (`listOf`), asking the threads ahead of it. Which thread decides a source
 * does not matter: a source's decisions depend only on the world and the source.
 */
export class DecisionPool {
  private order: Uint32Array = new Uint32Array();
  private asked = 0;
  private requested = 0;
  private readonly chunks = new Map<number, Promise<Decided[][]>>();
  private readonly busy: number[];

  private constructor(
    private readonly sources: DemoSources,
    private readonly deciders: Decider[],
    /** Requests made beyond the one the merge waits for. */
    private readonly ahead: number,
  ) {
    this.busy = deciders.map(() => 0);
  }

  static async start(world: DemoWorld, threads: number): Promise<DecisionPool> {
    const sources = demoSources(world.participants, world.seed, world.horizon);
    if (threads === 0) return new DecisionPool(sources, [await LocalDecider.open(sources, world.seed)], 0);
    const deciders = Array.from({ length: threads }, () => new ThreadDecider(world));
    return new DecisionPool(sources, deciders, AHEAD_PER_THREAD * threads);
  }

  keyOf(source: number): string {
    return this.sources.keyOf(source);
  }

  /** Every source's start, scanned in slices spread over the deciders. */
  async scan(): Promise<SourceStarts> {
    const count = this.sources.count;
    const slices = this.deciders.length * 4;
    const bounds = Array.from({ length: slices + 1 }, (_, i) => Math.round((i * count) / slices));
    const parts = await Promise.all(
      bounds.slice(1).map((to, i) => this.deciders[i % this.deciders.length]!.scan(bounds[i]!, to)),
    );
    const starts: SourceStarts = { firstAt: new Float64Array(count), lengths: new Uint32Array(count) };
    parts.forEach((part, i) => {
      starts.firstAt.set(part.firstAt, bounds[i]!);
      starts.lengths.set(part.lengths, bounds[i]!);
    });
    return starts;
  }

  /** The order sources will be asked for in (the merge's `order`): decided ahead in that order. */
  askInOrder(order: Uint32Array): void {
    this.order = order;
  }

  /** A source's decided commands. Sources must be asked for in the order given to `askInOrder`. */
  async listOf(source: number): Promise<Decided[]> {
    const nth = this.asked++;
    if (this.order[nth] !== source) throw new Error(`Source ${source} asked for out of order`);
    const chunk = Math.floor(nth / CHUNK);
    while (this.requested <= chunk + this.ahead && this.requested * CHUNK < this.order.length) this.request(this.requested++);
    const decided = (await this.chunks.get(chunk)!)[nth - chunk * CHUNK]!;
    if (nth === Math.min(this.order.length, (chunk + 1) * CHUNK) - 1) this.chunks.delete(chunk);
    return decided;
  }

  async close(): Promise<void> {
    await Promise.all(this.deciders.map((decider) => decider.close()));
  }

  private request(chunk: number): void {
    const sources = Array.from(this.order.subarray(chunk * CHUNK, (chunk + 1) * CHUNK));
    const least = this.busy.indexOf(Math.min(...this.busy));
    this.busy[least]!++;
    const decided = this.deciders[least]!.decide(sources).finally(() => this.busy[least]!--);
    decided.catch(() => undefined); // awaited when its turn comes; not an unhandled rejection before
    this.chunks.set(chunk, decided);
  }
}

class LocalDecider implements Decider {
  private constructor(
    private readonly sources: DemoSources,
    private readonly desk: ParticipantDesk,
  ) {}

  static async open(sources: DemoSources, seed: number): Promise<LocalDecider> {
    return new LocalDecider(sources, await ParticipantDesk.open(sources, seed));
  }

  async scan(from: number, to: number): Promise<SourceStarts> {
    return scanSources(from, to, this.sources.commandsOf);
  }

  decide(sources: number[]): Promise<Decided[][]> {
    return this.desk.decide(sources);
  }

  async close(): Promise<void> {}
}

/** A worker thread running `serve` on this very file, answering requests by id. */
class ThreadDecider implements Decider {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve(reply: Reply): void; reject(error: unknown): void }>();
  private nextId = 0;
  private failure: Error | null = null;

  constructor(world: DemoWorld) {
    this.worker = new Worker(bootstrap(), { eval: true, workerData: { pathwayDemo: world } });
    this.worker.on('message', (reply: Reply) => {
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if ('failed' in reply) waiting?.reject(new Error(reply.failed));
      else waiting?.resolve(reply);
    });
    const fail = (error: Error) => {
      this.failure ??= error;
      for (const { reject } of this.pending.values()) reject(error);
      this.pending.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`A demo deciding thread stopped (exit code ${code})`)));
  }

  async scan(from: number, to: number): Promise<SourceStarts> {
    const reply = await this.ask({ scan: [from, to] });
    if (!('starts' in reply)) throw new Error('A demo deciding thread answered a scan with something else');
    return reply.starts;
  }

  async decide(sources: number[]): Promise<Decided[][]> {
    const reply = await this.ask({ decide: sources });
    if (!('decided' in reply)) throw new Error('A demo deciding thread answered a decision with something else');
    return reply.decided;
  }

  async close(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }

  private ask(request: { scan: [number, number] } | { decide: number[] }): Promise<Reply> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, ...request } satisfies Request);
    });
  }
}

/** The worker loads this very file: compiled JavaScript in production, TypeScript through swc in tests and development. */
function bootstrap(): string {
  const self = JSON.stringify(__filename);
  if (!__filename.endsWith('.ts')) return `require(${self});`;
  return `require(${JSON.stringify(require.resolve('@swc-node/register'))}); require(${self});`;
}

/** A deciding thread: answers requests one at a time, in the order they came. */
async function serve(world: DemoWorld): Promise<void> {
  const sources = demoSources(world.participants, world.seed, world.horizon);
  const desk = ParticipantDesk.open(sources, world.seed);
  let queue = Promise.resolve();
  parentPort!.on('message', (request: Request) => {
    queue = queue.then(async () => {
      try {
        if ('scan' in request) {
          const starts = scanSources(request.scan[0], request.scan[1], sources.commandsOf);
          parentPort!.postMessage({ id: request.id, starts } satisfies Reply, [starts.firstAt.buffer as ArrayBuffer, starts.lengths.buffer as ArrayBuffer]);
        } else {
          parentPort!.postMessage({ id: request.id, decided: await (await desk).decide(request.decide) } satisfies Reply);
        }
      } catch (error) {
        parentPort!.postMessage({ id: request.id, failed: (error as Error).stack ?? String(error) } satisfies Reply);
      }
    });
  });
}

if (!isMainThread && (workerData as { pathwayDemo?: DemoWorld } | null)?.pathwayDemo) {
  void serve((workerData as { pathwayDemo: DemoWorld }).pathwayDemo);
}
