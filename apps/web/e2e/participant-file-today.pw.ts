import { expect, Page, test } from '@playwright/test';
import { expectNoAxeViolations, expectNoPageScrollAt320, inLanguage, LOCALES, openIn, signIn } from './support';
import { ADMIN, FILE_PROJECT } from './seed';

/** With SCREENSHOTS=dir, the screen is also photographed there. */
async function capture(page: Page, name: string): Promise<void> {
  if (!process.env.SCREENSHOTS) return;
  await page.setViewportSize({ width: 1024, height: 720 });
  await page.screenshot({ path: `${process.env.SCREENSHOTS}/${name}.png`, fullPage: true });
}

/** The monthly participant file (SCB) on Today: for an admin, the months to send and to send again. */
for (const locale of LOCALES) {
  const text = inLanguage(locale);
  const monthName = (month: string) => new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));

  test(`in ${locale}: an admin's Today shows the participant file's months due and to send again`, async ({ page }) => {
    await openIn(page, locale, `/projects/${FILE_PROJECT.id}/today`);
    await signIn(page, ADMIN);
    const section = page.getByRole('region', { name: text('Månatlig deltagarfil till SCB', 'Monthly participant file for Statistics Sweden (SCB)') });
    await expect(section).toBeVisible();
    // The months count among the things to do: never "all done" while one is to send.
    await expect(page.getByRole('status')).toContainText(text(/\d+ saker att göra i dag/, /\d+ things to do today/));
    await expect(section.locator('h3')).toHaveText([text('Att lämna', 'To send'), text('Att lämna igen', 'To send again')]);
    const resend = section.locator('ul').nth(1).locator('li');
    await expect(resend).toHaveText([
      text(
        `${monthName(FILE_PROJECT.first)}: ändrad sedan den lämnades (1 rad att lägga till, 0 lämnade rader gäller inte längre).`,
        `${monthName(FILE_PROJECT.first)}: changed since it was sent (1 row to add, 0 sent rows no longer hold).`,
      ),
      text(
        `${monthName(FILE_PROJECT.second)}: ${monthName(FILE_PROJECT.first)} ändrades, och SCB läser in varje senare månad igen.`,
        `${monthName(FILE_PROJECT.second)}: ${monthName(FILE_PROJECT.first)} changed, and SCB reads every later month again.`,
      ),
    ]);
    await expect(section.locator('ul').first().locator('li').first()).toContainText(text(/lämnas senast|försenad sedan/, /send by|overdue since/));
    await expectNoAxeViolations(page);
    await capture(page, `today-participant-file-${locale}`);
    await expectNoPageScrollAt320(page);
  });
}
