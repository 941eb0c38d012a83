import { ProjectionRunner } from './projection-runner';

export interface LiveProjectionOptions {
  pollIntervalMs: number;
  onError: (error: unknown) => void;
}

/** Keeps a runner caught up: applies what is there, then looks again after a short pause. */
export class LiveProjection {
  private stopped = false;
  private wake: (() => void) | null = null;
  private loop: Promise<void> | null = null;
  private errors = 0;

  constructor(
    private readonly runner: ProjectionRunner,
    private readonly options: LiveProjectionOptions,
  ) {}

  start(): void {
    this.loop ??= this.run();
  }

  /** A hint that something was appended: look now instead of after the pause. */
  nudge(): void {
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        await this.runner.catchUp();
        this.errors = 0;
      } catch (error) {
        // Transient (a locked file, a lost connection): report, back off, try again from the checkpoint.
        this.errors++;
        this.options.onError(error);
      }
      await this.pause(this.options.pollIntervalMs * Math.min(2 ** this.errors, 100));
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      this.wake = done;
      function done() {
        clearTimeout(timer);
        resolve();
      }
    });
  }
}
