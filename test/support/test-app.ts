import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { AppModule } from '../../apps/api/src/app.module';
import { configureApp } from '../../apps/api/src/configure-app';

export interface TestApp {
  app: NestExpressApplication;
  http: () => ReturnType<typeof request>;
  dataDir: string;
  close(): Promise<void>;
}

/** The real app, on an SQLite file in a directory of its own (or the one given, to test a restart). */
export async function startApp(
  dataDir = mkdtempSync(join(tmpdir(), 'pathway-e2e-')),
  settings: Record<string, string> = {},
): Promise<TestApp> {
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot({ DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...settings }),
    { bufferLogs: true },
  );
  configureApp(app);
  await app.init();
  const server = app.getHttpServer();
  return {
    app,
    dataDir,
    http: () => request(server),
    close: () => app.close(),
  };
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
