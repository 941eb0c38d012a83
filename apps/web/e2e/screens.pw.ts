import { expect, Page, test } from '@playwright/test';
import { expectNoAxeViolations, expectNoPageScrollAt320, LOCALES, openIn, signIn } from './support';
import { PROJECT } from './seed';

/** With SCREENSHOTS=dir, each screen is also photographed there (docs/screenshots keeps a few). */
async function capture(page: Page, name: string): Promise<void> {
  if (!process.env.SCREENSHOTS) return;
  await page.setViewportSize({ width: 1024, height: 720 });
  await page.screenshot({ path: `${process.env.SCREENSHOTS}/${name}.png`, fullPage: true });
  await page.setViewportSize({ width: 360, height: 720 });
  await page.screenshot({ path: `${process.env.SCREENSHOTS}/${name}-narrow.png`, fullPage: true });
}

/** Every screen in both languages: the right heading, zero axe violations, no sideways scrolling at 320 px. */
for (const locale of LOCALES) {
  const text = (sv: string, en: string) => (locale === 'sv' ? sv : en);

  test.describe(`in ${locale}`, () => {
    test('the sign-in page, and a wrong password', async ({ page }) => {
      await openIn(page, locale);
      await expect(page.locator('h1')).toHaveText(text('Logga in', 'Sign in'));
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      await expectNoAxeViolations(page);
      await capture(page, `sign-in-${locale}`);
      await expectNoPageScrollAt320(page);

      await page.locator('input[name="email"]').fill('nobody@example.org');
      await page.locator('input[name="password"]').fill('not the password');
      await page.locator('button[type="submit"]').click();
      await expect(page.getByRole('alert')).toHaveText(text('E-postadressen eller lösenordet är fel.', 'The e-mail address or the password is wrong.'));
      await expectNoAxeViolations(page);
    });

    test('choosing a project', async ({ page }) => {
      await openIn(page, locale);
      await signIn(page);
      await expect(page.locator('h1')).toHaveText(text('Välj projekt', 'Choose a project'));
      await expect(page.getByRole('link', { name: `#framtid (${PROJECT.id})` })).toBeVisible();
      await expectNoAxeViolations(page);
      await capture(page, `projects-${locale}`);
      await expectNoPageScrollAt320(page);
    });

    test('the participants list, filtered and paged', async ({ page }) => {
      await openIn(page, locale, `/projects/${PROJECT.id}/participants`);
      await signIn(page);
      await expect(page.getByRole('status')).toHaveText(text('Visar 1–25 av 30', 'Showing 1–25 of 30'));
      await expectNoAxeViolations(page);
      await capture(page, `participants-${locale}`);
      await expectNoPageScrollAt320(page);

      await page.getByLabel(text('Visa', 'Show')).selectOption('exited');
      await expect(page.getByRole('status')).toHaveText(text('Visar 1–7 av 7', 'Showing 1–7 of 7'));
      await expect(page).toHaveURL(/status=exited/);
      await page.getByLabel(text('Visa', 'Show')).selectOption('all');
      await page.getByRole('button', { name: text('Nästa sida', 'Next page') }).click();
      await expect(page.getByRole('status')).toHaveText(text('Visar 26–30 av 30', 'Showing 26–30 of 30'));
      await expectNoAxeViolations(page);
    });

    test("a participant's pathway, a retraction struck through with its reason", async ({ page }) => {
      await openIn(page, locale, '/participants/p-0001');
      await signIn(page);
      await expect(page.locator('h1')).toHaveText(text('Deltagare p-0001', 'Participant p-0001'));
      await expect(page.locator('del')).toHaveText(text('Fick arbete', 'Got a job'));
      await expect(page.getByText(text('Återkallad: Registrerad två gånger', 'Retracted: Registrerad två gånger'))).toBeVisible();
      await expect(page.locator('.timeline li')).toHaveCount(4);
      await expectNoAxeViolations(page);
      await capture(page, `pathway-${locale}`);
      await expectNoPageScrollAt320(page);
    });

    test('the accessibility statement, signed out', async ({ page }) => {
      await openIn(page, locale, '/accessibility');
      await expect(page.locator('h1')).toHaveText(text('Tillgänglighets\u00ADredogörelse', 'Accessibility statement'));
      await expectNoAxeViolations(page);
      await capture(page, `accessibility-${locale}`);
      await expectNoPageScrollAt320(page);
    });
  });
}
