import { expect, test } from '@playwright/test';
import { capture, expectNoAxeViolations, expectNoPageScrollAt320, inLanguage, LOCALES, openIn, signIn } from './support';
import { EMPTY_PROJECT, PROJECT, TODAY_PROJECT } from './seed';

/** Every screen in both languages: the right heading, zero axe violations, no sideways scrolling at 320 px. */
for (const locale of LOCALES) {
  const text = inLanguage(locale);

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
      await expect(page.locator('h1')).toContainText(text('Deltagare p-0001', 'Participant p-0001'));
      await expect(page.locator('del')).toHaveText(text('Fick arbete', 'Got a job'));
      await expect(page.getByText(text('Återkallad: Registrerad två gånger', 'Retracted: Registrerad två gånger'))).toBeVisible();
      await expect(page.locator('.timeline li')).toHaveCount(4);
      await expectNoAxeViolations(page);
      await capture(page, `pathway-${locale}`);
      await expectNoPageScrollAt320(page);
    });

    test('Today: the worklist by kind, most urgent first, each item a link to the pathway', async ({ page }) => {
      await openIn(page, locale, `/projects/${TODAY_PROJECT.id}/today`);
      await signIn(page);
      await expect(page.locator('h1')).toHaveText(`${text('I dag', 'Today')} ${TODAY_PROJECT.id}`);
      await expect(page.getByRole('status')).toContainText(text('7 saker att göra i dag', '7 things to do today'));
      await expect(page.locator('.worklist-group h2')).toHaveText([
        text('Registrera vad de gjorde efter avslutet (2)', 'Record what they did after leaving (2)'),
        text('Sexmånadersuppföljningar som är sena (1)', 'Six-month follow-ups that are late (1)'),
        text('Sexmånadersuppföljningar att göra (1)', 'Six-month follow-ups to make (1)'),
        text('Insatser som har pågått länge (1)', 'Activities open a long time (1)'),
        text('Inget hört på ett tag (1)', 'Not heard from for a while (1)'),
        text('Situationen efter avslutet är okänd (tiden har gått ut) (1)', 'Situation after leaving not known (the time has run out) (1)'),
      ]);
      // The nearer deadline first; each sentence says what to do by when.
      const first = page.locator('.worklist-group').first();
      await expect(first.getByRole('link')).toHaveText(['t-0002', 't-0001']);
      await expect(first.locator('li').first()).toContainText(text(/Registrera situationen efter avslutet senast \d+ \p{L}+ \d{4} \(\d dag(ar)? kvar\)/u, /Record the situation upon leaving by \d+ \p{L}+ \d{4} at the latest \(\d days? left\)/u));
      await expect(page.getByText(text(/^Praktik startade/, /^Work practice started on/))).toBeVisible();
      await expect(page.getByRole('navigation', { name: text(`Projekt ${TODAY_PROJECT.id}`, `Project ${TODAY_PROJECT.id}`) }).getByRole('link', { name: text('I dag', 'Today') })).toHaveAttribute('aria-current', 'page');
      await expect(page.locator('body')).not.toContainText('Seeded Today Person');
      await expectNoAxeViolations(page);
      await capture(page, `today-${locale}`);
      await expectNoPageScrollAt320(page);

      await page.getByRole('link', { name: 't-0005' }).click();
      await expect(page.locator('h1')).toContainText(text('Deltagare t-0005', 'Participant t-0005'));
    });

    test('Today with nothing to do', async ({ page }) => {
      await openIn(page, locale, `/projects/${EMPTY_PROJECT.id}/today`);
      await signIn(page);
      await expect(page.getByRole('status')).toContainText(text('Allt är klart: inget behöver göras i dag', 'All done: nothing needs doing today'));
      await expect(page.locator('.worklist-group')).toHaveCount(0);
      await expectNoAxeViolations(page);
      await capture(page, `today-empty-${locale}`);
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
