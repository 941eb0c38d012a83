import { expect, test } from '@playwright/test';
import { PROJECT } from './seed';
import { openIn, signIn } from './support';

test('keyboard only: paging the participants list keeps the place: focus on the new count, then Tab into its rows', async ({ page }) => {
  await openIn(page, 'en', `/projects/${PROJECT.id}/participants`);
  await signIn(page);
  await expect(page.getByRole('status')).toHaveText('Showing 1–25 of 30');
  await page.getByRole('button', { name: 'Next page' }).focus();
  await page.keyboard.press('Enter');

  const count = page.getByRole('status');
  await expect(count).toHaveText('Showing 26–30 of 30');
  await expect(count).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'p-0026' })).toBeFocused();

  // Back again from the last page, whose "Next page" is disabled.
  await page.getByRole('button', { name: 'Previous page' }).focus();
  await page.keyboard.press('Enter');
  await expect(count).toHaveText('Showing 1–25 of 30');
  await expect(count).toBeFocused();
});
