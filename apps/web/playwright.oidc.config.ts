import { defineConfig, devices } from '@playwright/test';

/**
 * The app signing in at an organisation's OpenID Connect provider (AUTH_ISSUER set), in its own
 * run beside the embedded-mode tests of playwright.config.ts: its global setup starts a real
 * provider and the built app pointed at it. `npm run test:web` runs the two one after the other,
 * so they share the port.
 */
export const PORT = Number(process.env.PATHWAY_WEB_TEST_PORT ?? 39170);

export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.oidc-pw.ts',
  globalSetup: './e2e/oidc-global-setup.ts',
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? 'line' : 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    ...devices['Desktop Chrome'],
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] },
  },
});
