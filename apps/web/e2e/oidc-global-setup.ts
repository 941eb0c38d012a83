import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestProvider, TestProvider } from '../../../test/support/oidc-provider';
import { PORT } from '../playwright.oidc.config';
import { PROJECT } from './seed';

const ROOT = join(__dirname, '..', '..', '..');
const API = join(ROOT, 'dist/apps/api/apps/api/src/main.js');
const CLI = join(ROOT, 'dist/apps/cli/apps/cli/src/main.js');

/**
 * Registers the project in embedded mode (the CLI's admin token), then starts the test OpenID
 * provider (test/support/oidc-provider.mjs) and the built app on the same data directory with
 * AUTH_ISSUER pointing at it. A provider that cannot start fails the run: nothing is skipped.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pathway-web-oidc-'));
  const base = `http://127.0.0.1:${PORT}`;
  const { KAFKA_BROKERS: _kafka, ...inherited } = process.env;
  const env = { ...inherited, DATA_DIR: dataDir, PORT: String(PORT), LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '0' };
  let provider: TestProvider | undefined;
  let server: ChildProcess | undefined;
  const stop = async () => {
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((resolve) => server!.once('exit', resolve));
    }
    await provider?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    // Another app answering on the port would pass every readiness check below.
    await portIsFree(PORT);
    server = spawn('node', [API], { env, stdio: ['ignore', 'inherit', 'inherit'] });
    await waitFor(async () => (await fetch(`${base}/health`)).ok);
    const admin = execFileSync('node', [CLI, 'token', '--role', 'admin'], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const registered = await fetch(`${base}/api/v1/projects`, { method: 'POST', headers: { Authorization: `Bearer ${admin}`, 'Content-Type': 'application/json' }, body: JSON.stringify(PROJECT.registration) });
    if (registered.status !== 201) throw new Error(`Registering the project: ${registered.status} ${await registered.text()}`);
    server.kill('SIGTERM');
    await new Promise((resolve) => server!.once('exit', resolve));

    provider = await startTestProvider({ redirectUris: [`${base}/api/v1/session/oidc/callback`], postLogoutRedirectUris: [`${base}/sign-in?signedOut`] });
    const oidc = {
      AUTH_ISSUER: provider.issuer,
      AUTH_AUDIENCE: 'pathway-api',
      AUTH_CLIENT_ID: 'pathway-web',
      AUTH_CLIENT_SECRET: 'pathway-web-secret',
      AUTH_SCOPE: 'openid profile email pathway',
      PUBLIC_URL: base,
    };
    server = spawn('node', [API], { env: { ...env, ...oidc }, stdio: ['ignore', 'inherit', 'inherit'] });
    await waitFor(async () => (await fetch(`${base}/health`)).ok);
  } catch (error) {
    await stop();
    throw error;
  }
  return stop;
}

function portIsFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
      .once('error', () => reject(new Error(`Port ${port} is taken: set PATHWAY_WEB_TEST_PORT to a free one`)))
      .listen(port, () => probe.close(() => resolve()));
  });
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // not up yet
    }
    if (Date.now() > until) throw new Error('The app did not get ready in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
