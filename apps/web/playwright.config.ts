import { defineConfig, devices } from '@playwright/test';

/** The port the built app is started on for the browser tests (e2e/global-setup.ts). */
export const PORT = Number(process.env.PATHWAY_WEB_TEST_PORT ?? 39170);

/**
 * Browser tests of the built app (`npm run build` first) in Debian's Chromium, never a
 * downloaded browser. `npm test` runs them after jest; `npm run test:web` alone.
 */
export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.pw.ts',
  globalSetup: './e2e/global-setup.ts',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? 'line' : 'list',
  timeout: 60_000,
  // The machine is shared: allow a loaded moment, still far below what a person would wait.
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    ...devices['Desktop Chrome'],
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] },
  },
});
