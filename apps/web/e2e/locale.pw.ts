import { expect, test } from '@playwright/test';
import { PROJECT } from './seed';
import { signIn } from './support';

// A browser that prefers British English, so the first screen is in English until the user chooses.
test.use({ locale: 'en-GB' });

test('the language chosen before signing in holds after sign-in, reloads and signing in again; dates and counts follow it', async ({ page }) => {
  const heading = page.locator('h1');
  await page.goto('/');
  await expect(heading).toHaveText('Sign in');
  await page.getByRole('button', { name: 'På svenska' }).click();
  await expect(heading).toHaveText('Logga in');
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');

  await signIn(page);
  await expect(heading).toHaveText('Välj projekt');
  await expect(page.getByText('31 mars 2023 till 30 mars 2026')).toBeVisible();
  await page.getByRole('link', { name: `#framtid (${PROJECT.id})` }).click();
  await expect(heading).toContainText('I dag'); // a caseworker's project opens on Today
  await page.getByRole('link', { name: 'Deltagare' }).click();
  await expect(page.getByRole('status')).toHaveText('Visar 1–25 av 30');
  const firstRow = page.getByRole('row').nth(1);
  await expect(firstRow).toContainText('15 jan. 2024');

  await page.reload();
  await expect(heading).toContainText('Deltagare');
  await expect(firstRow).toContainText('15 jan. 2024');

  await page.getByRole('button', { name: 'In English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('status')).toHaveText('Showing 1–25 of 30');
  await expect(firstRow).toContainText('15 Jan 2024');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(heading).toHaveText('Sign in');
  // Signing in again returns to the page the user was on, still in English.
  await signIn(page);
  await expect(heading).toContainText('Participants');
  await expect(firstRow).toContainText('15 Jan 2024');
  await page.getByRole('link', { name: 'Projects' }).click();
  await expect(heading).toHaveText('Choose a project');
  await expect(page.getByText('31 Mar 2023 to 30 Mar 2026')).toBeVisible();
});
