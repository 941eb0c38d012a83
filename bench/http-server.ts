import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { AddressInfo } from 'node:net';
import { AppModule } from '../apps/api/src/app.module';
import { configureApp } from '../apps/api/src/configure-app';

/**
 * The real app in a process of its own: a load generator sharing the app's event loop would
 * measure itself. The parent calls `startServer`; this same file, forked, is the child.
 */
export interface Server {
  port: number;
  stop(): Promise<void>;
}

/** `process.execArgv` carries `-r @swc-node/register` over to the child. */
export async function startServer(dataDir: string): Promise<Server> {
  const child: ChildProcess = fork(__filename, [dataDir], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = once(child, 'exit');
  const failed = exited.then(([code]) => Promise.reject(new Error(`The app exited (code ${code}) before listening`)));
  const [{ port }] = (await Promise.race([once(child, 'message'), failed])) as [{ port: number }];
  return {
    port,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.send('close');
      await exited;
    },
  };
}

/** Child side: sends `{ port }` once listening; closes the app (and its store) on any message. */
async function serve(dataDir: string): Promise<void> {
  // No rate limit: one token sends every request, and the limit would measure itself.
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '0' }),
    { bufferLogs: true },
  );
  configureApp(app);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  process.once('message', () => {
    void app.close().then(() => process.disconnect());
  });
  process.send!({ port });
}

if (require.main === module) {
  serve(process.argv[2]!).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
