
export interface LiveFollowerOptions {
  pollIntervalMs: number;
  onError: (error: unknown) => void;
}

/** Anything that reads the log from its checkpoint: the projection runner, the Kafka relay. */
export interface LogFollower {
  catchUp(): Promise<number>;
}

/** Keeps a follower caught up: applies what is there, then looks again after a short pause. */
export class LiveFollower {
  private stopped = false;
  private wake: (() => void) | null = null;
  private loop: Promise<void> | null = null;
  private errors = 0;

  constructor(
    private readonly runner: LogFollower,
    private readonly options: LiveFollowerOptions,
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
