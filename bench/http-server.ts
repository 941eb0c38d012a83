import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { ChildProcess, fork, Serializable } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { AppModule } from '../apps/api/src/app.module';
import { configureApp } from '../apps/api/src/configure-app';

/**
 * The real app in a process of its own: a load generator sharing the app's event loop would
 * measure itself. The parent calls `startServer`; this same file, forked, is the child.
 */
export interface Server {
  port: number;
  /** The app process's CPU time so far (user + system), in microseconds. */
  cpuMicros(): Promise<number>;
  /** Starts the V8 CPU profiler in the app; `stop` writes `<name>.cpuprofile` into `dir`. */
  profile(dir: string, name: string): Promise<{ stop(): Promise<void> }>;
  stop(): Promise<void>;
}

/**
 * `settings`: environment variables for the app beyond the bench's own (e.g. `RUN_PROJECTOR`).
 * `process.execArgv` carries `-r @swc-node/register` over to the child.
 */
export async function startServer(dataDir: string, settings: Record<string, string> = {}): Promise<Server> {
  const child: ChildProcess = fork(__filename, [dataDir, JSON.stringify(settings)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = once(child, 'exit');
  const failed = exited.then(([code]) => Promise.reject(new Error(`The app exited (code ${code}) before listening`)));
  const [{ port }] = (await Promise.race([once(child, 'message'), failed])) as [{ port: number }];
  return {
    port,
    cpuMicros: async () => ((await ask(child, 'cpu')) as { cpu: number }).cpu,
    profile: async (dir, name) => {
      mkdirSync(dir, { recursive: true });
      await ask(child, 'profile-start');
      return { stop: async () => void (await ask(child, { profileStop: join(dir, `${name}.cpuprofile`) })) };
    },
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.send('close');
      await exited;
    },
  };
}

/** One question to the child and its answer (the child answers in order). */
async function ask(child: ChildProcess, message: Serializable): Promise<unknown> {
  child.send(message);
  const [answer] = await once(child, 'message');
  return answer;
}

/**
 * Child side: sends `{ port }` once listening; answers `cpu` with `{ cpu }` (µs, user + system),
 * starts and stops the CPU profiler; closes the app (and its store) on `close`.
 */
async function serve(dataDir: string, settings: Record<string, string>): Promise<void> {
  // No rate limit: one token sends every request, and the limit would measure itself.
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '0', ...settings }),
    { bufferLogs: true },
  );
  configureApp(app);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const profiler = new Session();
  process.on('message', (message: unknown) => {
    if (message === 'cpu') {
      const { user, system } = process.cpuUsage();
      process.send!({ cpu: user + system });
    } else if (message === 'profile-start') {
      profiler.connect();
      profiler.post('Profiler.enable', () => profiler.post('Profiler.start', () => process.send!({ started: true })));
    } else if (typeof message === 'object' && message !== null && 'profileStop' in message) {
      profiler.post('Profiler.stop', (error, { profile }) => {
        // Always answered: the bench waits for it.
        let written = false;
        try {
          if (!error) writeFileSync(String(message.profileStop), JSON.stringify(profile));
          written = !error;
        } finally {
          profiler.disconnect();
          process.send!({ written });
        }
      });
    } else {
      void app.close().then(() => process.disconnect());
    }
  });
  process.send!({ port });
}

if (require.main === module) {
  serve(process.argv[2]!, JSON.parse(process.argv[3] ?? '{}') as Record<string, string>).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
