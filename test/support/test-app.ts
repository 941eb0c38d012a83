import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { Role } from '@pathway/auth';
import { openLocalTokens } from '@pathway/config';
import { AppModule } from '../../apps/api/src/app.module';
import { configureApp } from '../../apps/api/src/configure-app';
import { postgresTestDatabase } from '../../libs/read-models/src/testing/read-model-engines';

/** The projects the tests' standard callers work in. */
export const TEST_PROJECTS = ['22-015-S01', 'P-2', 'P-3'];

export type Agent = ReturnType<typeof request.agent>;

export interface TestApp {
  app: NestExpressApplication;
  dataDir: string;
  /** Without a token. */
  anonymous: () => ReturnType<typeof request>;
  /** Callers with real tokens from the app's own signing key, working in TEST_PROJECTS. */
  admin: Agent;
  caseworker: Agent;
  evaluator: Agent;
  funder: Agent;
  /** A caller of any role and projects. */
  as(role: Role, projects?: readonly string[], subject?: string): Promise<Agent>;
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
  const tokens = await openLocalTokens(dataDir);
  const as = async (role: Role, projects: readonly string[] = TEST_PROJECTS, subject = `test-${role}`) =>
    request.agent(server).set('Authorization', `Bearer ${await tokens.mint({ subject, role, projects })}`);
  return {
    app,
    dataDir,
    anonymous: () => request(server),
    admin: await as('admin', []),
    caseworker: await as('caseworker'),
    evaluator: await as('evaluator'),
    funder: await as('funder'),
    as,
    close: () => app.close(),
  };
}

/** A test app with its own read-model database; `stop()` closes it, removes its directory and drops the database. */
export interface EngineTestApp extends TestApp {
  /** The settings it was started with (DATABASE_URL, MASTER_KEY…): for the CLI on the same data. */
  settings: Record<string, string>;
  stop(): Promise<void>;
}

/**
 * The real app with its read models on `engine`: SQLite in the app's own directory, or a fresh
 * PostgreSQL database of its own on the test server. Either way under a random MASTER_KEY (which
 * READ_MODEL_DB=postgres requires); `settings` are laid over these.
 */
export async function startAppOn(engine: 'sqlite' | 'postgres', settings: Record<string, string> = {}): Promise<EngineTestApp> {
  const database = engine === 'postgres' ? await postgresTestDatabase() : null;
  const readModels: Record<string, string> = database?.config.engine === 'postgres' ? { READ_MODEL_DB: 'postgres', DATABASE_URL: database.config.url } : {};
  const all = { MASTER_KEY: randomBytes(32).toString('hex'), ...readModels, ...settings };
  try {
    const t = await startApp(undefined, all);
    return {
      ...t,
      settings: all,
      stop: async () => {
        await t.close();
        removeDir(t.dataDir);
        await database?.drop();
      },
    };
  } catch (error) {
    await database?.drop();
    throw error;
  }
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
