import { expect, Page, test } from '@playwright/test';
import { capture, expectNoAxeViolations, expectNoPageScrollAt320, inLanguage, Locale, openIn, signIn } from './support';
import { ADMIN, PF_PROJECT } from './seed';

/**
 * The participant file for SCB (admins): the months in words, the downloads, recording a month as
 * sent with the downloaded file's cut-off and digest, and an API refusal. Each test records a
 * different month of PF_PROJECT (see seed.ts), so they run side by side.
 */
const [first, second, third, fourth] = PF_PROJECT.months;
const page_ = `/projects/${PF_PROJECT.id}/participant-file`;
const monthName = (locale: Locale, month: string) => new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
const row = (page: Page, month: string) => page.locator(`#month-${month}`);

async function open(page: Page, locale: Locale): Promise<void> {
  await openIn(page, locale, page_);
  await signIn(page, ADMIN);
  await expect(page.locator('h1')).toContainText(locale === 'sv' ? 'Deltagarfil till SCB' : 'Participant file for SCB');
  await expect(page.locator('table')).toBeVisible();
}

/** Downloads a month's file by its button and checks the browser got it; returns its suggested name. */
async function download(page: Page, month: string, button: RegExp): Promise<string> {
  const downloaded = page.waitForEvent('download');
  await row(page, month).getByRole('button', { name: button }).click();
  return (await downloaded).suggestedFilename();
}

for (const [locale, month] of [['sv', third], ['en', fourth]] as const) {
  const text = inLanguage(locale);

  test(`in ${locale}: an admin reads how the months stand, downloads a month and records it as sent`, async ({ page }) => {
    await open(page, locale);
    await expect(page.getByRole('heading', { name: text('Vad SCB begär', 'What SCB asks for') })).toBeVisible();
    await expect(row(page, second)).toContainText(
      text(`Måste lämnas igen eftersom den följer efter ${monthName(locale, first)}`, `Must be sent again because it follows ${monthName(locale, first)}`),
    );
    await expect(row(page, second).locator('td').nth(1)).toHaveText(text('0 rader', '0 rows'));
    await expect(row(page, month)).toContainText(text(/Lämnas senast|Försenad/, /To send by|Overdue/));
    await expect(row(page, month)).toContainText(text('Ladda ned filen du skickar', 'Download the file you send'));
    await expectNoAxeViolations(page);
    await capture(page, `participant-file-${locale}`);

    const fileName = await download(page, month, text(/Ladda ned CSV \(semikolon\)/, /Download CSV \(semicolon\)/));
    expect(fileName).toMatch(/\.csv$/);
    await expect(page.getByRole('status').filter({ hasText: 'SHA-256' })).toContainText(fileName);

    await row(page, month).getByRole('button', { name: text('Registrera som lämnad', 'Record as sent') }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('heading')).toHaveText(text(`Registrera ${monthName(locale, month)} som lämnad?`, `Record ${monthName(locale, month)} as sent?`));
    await expect(dialog).toContainText(fileName);
    await expect(dialog.locator('.digest')).toHaveText(/^[0-9a-f]{64}$/);
    await expectNoAxeViolations(page);
    await capture(page, `participant-file-dialog-${locale}`);

    await dialog.getByRole('button', { name: text('Registrera som lämnad', 'Record as sent') }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: monthName(locale, month) })).toContainText(text('är registrerad som lämnad', 'is recorded as sent'));
    // Sent now: as it stands, or, while the first month's change is not yet sent again (the keyboard
    // test sends it, side by side with this one), to be sent again after it (SCB's rule).
    await expect(row(page, month).locator('td').first()).toHaveText(
      text(
        new RegExp(`^(Lämnad \\(filen som den var känd .+\\)|Måste lämnas igen eftersom den följer efter ${monthName(locale, first)}.*)\\.$`),
        new RegExp(`^(Sent \\(the file as known on .+\\)|Must be sent again because it follows ${monthName(locale, first)}.*)\\.$`),
      ),
    );
    await expect(row(page, month).locator('td').nth(1)).toHaveText(text('0 rader', '0 rows'));
    await expectNoAxeViolations(page);
    await capture(page, `participant-file-recorded-${locale}`);
    await expectNoPageScrollAt320(page);
  });
}

test('in en: a refusal by the API is said, and nothing is recorded', async ({ page }) => {
  await open(page, 'en');
  await download(page, second, /Download XLSX/);
  // The API refuses only what the screen cannot offer (a month not ended, a cut-off in the future):
  // its answer is stood in for here, to see how the screen says it.
  await page.route('**/participant-files/*/sent', (route) =>
    route.fulfill({
      status: 422,
      contentType: 'application/problem+json',
      body: JSON.stringify({ type: 'about:blank', title: 'Month not ended', status: 422, code: 'PARTICIPANT_FILE.MONTH_NOT_ENDED' }),
    }),
  );
  await row(page, second).getByRole('button', { name: 'Record as sent' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Record as sent' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'has not ended' })).toHaveText('The month has not ended yet: its file can be sent from the first day of the next month.');
  await expect(row(page, second)).toContainText('Must be sent again because it follows');
  await expectNoAxeViolations(page);
  await capture(page, 'participant-file-refused-en');
});

test('keyboard only (sv): from Today to the screen, download the month to send again and record it as sent', async ({ page }) => {
  await openIn(page, 'sv', `/projects/${PF_PROJECT.id}/today`);
  await signIn(page, ADMIN);
  const tabTo = async (name: RegExp) => {
    for (let i = 0; i < 80; i += 1) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText ?? '');
      if (name.test(focused)) return;
    }
    throw new Error(`never reached ${name}`);
  };
  // Today's item for the month to send again leads to the screen.
  await tabTo(new RegExp(`^${monthName('sv', first)}: ändrad sedan den lämnades`));
  await page.keyboard.press('Enter');
  await expect(page.locator('h1')).toBeFocused();
  await expect(page.locator('h1')).toContainText('Deltagarfil till SCB');
  await expect(row(page, first)).toContainText('Måste lämnas igen eftersom den ändrats sedan den lämnades');
  await expect(row(page, first)).toContainText('1 rad att lägga till, 0 lämnade rader gäller inte längre');

  const downloaded = page.waitForEvent('download');
  await tabTo(new RegExp(`^Ladda ned XLSX\\s+${monthName('sv', first)}$`));
  await page.keyboard.press('Enter');
  expect((await downloaded).suggestedFilename()).toMatch(/\.xlsx$/);
  await tabTo(new RegExp(`^Registrera som lämnad\\s+${monthName('sv', first)}$`));
  await page.keyboard.press('Enter');
  const confirm = page.getByRole('dialog').getByRole('button', { name: 'Registrera som lämnad' });
  await expect(confirm).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(row(page, first)).toContainText('Lämnad (filen som den var känd');
  await expect(page.getByRole('status').filter({ hasText: monthName('sv', first) })).toContainText('är registrerad som lämnad');
});
