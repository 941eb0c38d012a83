import { expect, Page, test } from '@playwright/test';
import { PROJECT } from './seed';
import { expectNoAxeViolations, expectNoPageScrollAt320, openIn } from './support';

/** The provider's own login page (oidc-provider's development page): any password for a known login. */
async function logInAtProvider(page: Page, login: string): Promise<void> {
  await expect(page.locator('input[name="login"]')).toBeVisible();
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any password');
  await page.locator('button[type="submit"]').click();
}

test('signs in at the organisation, lands in the project list, and signs out there too', async ({ page }) => {
  await openIn(page, 'sv');
  await expect(page.locator('h1')).toHaveText('Logga in');
  // No password form here: the organisation signs people in.
  await expect(page.locator('input[name="password"]')).toHaveCount(0);
  await expectNoAxeViolations(page);
  await expectNoPageScrollAt320(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByRole('link', { name: 'Logga in via din organisation' }).click();

  await logInAtProvider(page, 'anna');
  await expect(page.locator('h1')).toHaveText('Välj projekt');
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('link', { name: `#framtid (${PROJECT.id})` })).toBeVisible();
  await expect(page.getByText('Inloggad som Anna Karlsson')).toBeVisible();

  await page.getByRole('button', { name: 'Logga ut' }).click();
  // The provider asks whether to sign out there as well.
  await page.getByRole('button', { name: /sign me out/i }).click();
  await expect(page).toHaveURL(/\/sign-in\?signedOut$/);
  await expect(page.getByRole('status')).toHaveText('Du har loggat ut.');
  await expectNoAxeViolations(page);
  // The session is gone: the app starts on the sign-in page again.
  await page.goto('/');
  await expect(page.locator('h1')).toHaveText('Logga in');
});

test('an account without a Pathway role is refused, with what to do, in both languages', async ({ page }) => {
  await openIn(page, 'en');
  await page.getByRole('link', { name: 'Sign in with your organisation' }).click();
  await logInAtProvider(page, 'nils');
  await expect(page).toHaveURL(/\/sign-in\?error=AUTH\.OIDC_ROLE_UNKNOWN$/);
  await expect(page.getByRole('alert')).toHaveText(/your account has no role in Pathway\. Ask your administrator/);
  await expect(page.getByRole('link', { name: 'Sign in with your organisation' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'På svenska' }).click();
  await expect(page.getByRole('alert')).toHaveText(/ditt konto har ingen roll i Pathway/);
  await expectNoAxeViolations(page);
});

test("an admin sees the users read-only, with the claims their role and projects come from, in both languages", async ({ page }) => {
  await openIn(page, 'en');
  await page.getByRole('link', { name: 'Sign in with your organisation' }).click();
  await logInAtProvider(page, 'ada');
  await expect(page.locator('h1')).toHaveText('Choose a project');
  await page.getByRole('link', { name: 'Users', exact: true }).click();
  await expect(page.locator('h1')).toHaveText('Users');
  await expect(page.getByText(/the role from the claim “role” and the projects from the claim “projects”/)).toBeVisible();
  await expect(page.getByRole('row', { name: /Ada Admin/ })).toContainText('ada@example.org');
  // Read-only: nothing to change or add here.
  await expect(page.getByRole('link', { name: /^Change / })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Add a user' })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'På svenska' }).click();
  await expect(page.getByText(/rollen från uppgiften ”role” och projekten från uppgiften ”projects”/)).toBeVisible();
  await expectNoAxeViolations(page);
  await expectNoPageScrollAt320(page);
});
