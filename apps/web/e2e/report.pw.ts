import { expect, Page, test } from '@playwright/test';
import { REPORT_EMPTY_PROJECT, REPORT_EVALUATOR, REPORT_PROJECT } from './seed';
import { capture, expectNoAxeViolations, expectNoPageScrollAt320, inLanguage, LOCALES, openIn, signIn } from './support';

const REPORT = `/projects/${REPORT_PROJECT.id}/report`;
const ZONE = REPORT_PROJECT.registration.timeZone;

/** The instant the global set-up noted between the first six recordings and the late seventh, as the project's clocks show it. */
function knownOn(): { date: string; time: string } {
  const instant = process.env.REPORT_KNOWN_ON;
  if (!instant) throw new Error('The global set-up did not note REPORT_KNOWN_ON');
  const [date, time] = new Intl.DateTimeFormat('sv-SE', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
    .format(new Date(instant))
    .split(' ') as [string, string];
  return { date, time };
}

/** The cell of an indicator's row in the ESF+ table: `total`, or the n-th number (0 women … 4 data missing). */
const cell = (page: Page, code: string, column: 'total' | number) => {
  const row = page.locator('table.figures tr', { has: page.locator('th', { hasText: code }) });
  return column === 'total' ? row.locator('td.total') : row.locator('td').nth(column);
};

test('an evaluator chooses the period and the moment the figures are known on; the URL keeps them, reload and Back too', async ({ page }) => {
  const { date, time } = knownOn();
  await openIn(page, 'en', REPORT);
  await signIn(page, REPORT_EVALUATOR);
  await expect(page.locator('h1')).toHaveText(`Indicator report ${REPORT_PROJECT.id}`);
  await expect(page.getByRole('navigation', { name: `Project ${REPORT_PROJECT.id}` }).getByRole('link', { name: 'Report' })).toHaveAttribute('aria-current', 'page');

  // As known now: all seven, the late one a woman; two left with a job.
  await expect(cell(page, 'EECO01', 'total')).toHaveText('7');
  await expect(cell(page, 'EECO01', 0)).toHaveText('3');
  await expect(cell(page, 'EECR04', 'total')).toHaveText('2');
  await expect(page.getByRole('note')).toContainText('everything the log held when you opened them');
  await expect(page.locator('table.figures tbody th[scope="row"]').filter({ hasText: /^EEC/ })).toHaveCount(23);

  // A period from 1 March 2025: only the late enrolment is in it.
  await page.getByLabel('From', { exact: true }).fill('2025-03-01');
  await page.getByRole('button', { name: 'Show the figures' }).click();
  await expect(page).toHaveURL(/\?from=2025-03-01$/);
  await expect(cell(page, 'EECO01', 'total')).toHaveText('1');

  // As known on the instant before it was recorded, typed and sent with the keyboard alone.
  await page.getByLabel('Date', { exact: true }).fill(date);
  await page.getByLabel(`Time (${ZONE})`).fill(time);
  await page.getByLabel(`Time (${ZONE})`).press('Enter');
  await expect(page).toHaveURL(new RegExp(`knownOnDate=${date}&knownOnTime=${encodeURIComponent(time)}$`));
  await expect(cell(page, 'EECO01', 'total')).toHaveText('0');
  await expect(page.getByRole('note')).toContainText('events recorded later are not counted');
  await expect(page.getByRole('note')).toContainText(time);

  // The whole project's period as known then: the six first recorded.
  await page.getByLabel('From', { exact: true }).fill('');
  await page.getByRole('button', { name: 'Show the figures' }).click();
  await expect(cell(page, 'EECO01', 'total')).toHaveText('6');
  await expect(cell(page, 'EECO01', 0)).toHaveText('2');
  await expect(page).not.toHaveURL(/from=/);

  // The funder's files ask for the same figures.
  const csv = page.getByRole('link', { name: 'CSV (comma separated)' });
  await expect(csv).toHaveAttribute('href', new RegExp(`asKnownOn=${encodeURIComponent(new Date(process.env.REPORT_KNOWN_ON!).toISOString())}`));
  const download = await page.request.get((await csv.getAttribute('href'))!);
  expect(download.status()).toBe(200);
  expect(download.headers()['digest']).toMatch(/^sha-256=/i);

  // Reload keeps the choices; Back returns to the ones before.
  await page.reload();
  await expect(cell(page, 'EECO01', 'total')).toHaveText('6');
  await expect(page.getByLabel('Date', { exact: true })).toHaveValue(date);
  await page.goBack();
  await expect(page).toHaveURL(/from=2025-03-01/);
  await expect(cell(page, 'EECO01', 'total')).toHaveText('0');
  await expect(page.getByLabel('From', { exact: true })).toHaveValue('2025-03-01');
});

for (const locale of LOCALES) {
  const text = inLanguage(locale);

  test(`in ${locale}: the report loaded, loading, refused and empty; axe-clean, no sideways scrolling at 320 px`, async ({ page }) => {
    test.setTimeout(90_000);
    await openIn(page, locale, REPORT);
    await signIn(page, REPORT_EVALUATOR);
    await expect(cell(page, 'EECO01', 'total')).toHaveText('7');
    await expect(page.locator('table.figures caption').first()).toContainText(text('ESF+ gemensamma indikatorer', 'ESF+ common indicators'));
    await expect(page.getByRole('img', { name: text('Utfallsindikatorerna i ett diagram', 'Output indicators in a chart') })).toBeVisible();
    await expectNoAxeViolations(page);
    await capture(page, `report-${locale}`);
    await expectNoPageScrollAt320(page);
    // The caption wraps inside the screen rather than running off with the table's width.
    const captionRight = await page.locator('table.figures caption').first().evaluate((c) => c.getBoundingClientRect().right);
    expect(captionRight).toBeLessThanOrEqual(320);
    await expectNoAxeViolations(page);
    await page.setViewportSize({ width: 1280, height: 720 });

    // While the API counts: said, and still clean.
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/v1/projects/*/indicators?**', async (route) => {
      await held;
      await route.continue();
    });
    await page.getByLabel(text('Från', 'From'), { exact: true }).fill('2025-01-01');
    await page.getByRole('button', { name: text('Visa siffrorna', 'Show the figures') }).click();
    await expect(page.getByRole('status')).toHaveText(text('Räknar siffrorna…', 'Counting the figures…'));
    await expectNoAxeViolations(page);
    release();
    await expect(cell(page, 'EECO01', 'total')).toHaveText('7');
    await page.unroute('**/api/v1/projects/*/indicators?**');

    // The end before the start: said next to the field, nothing asked.
    await page.getByLabel(text('Till', 'To'), { exact: true }).fill('2024-12-31');
    await page.getByRole('button', { name: text('Visa siffrorna', 'Show the figures') }).click();
    await expect(page.locator('.error-summary')).toBeFocused();
    await expect(page.locator('.error-summary')).toContainText(text('Periodens sista dag får inte vara före dess första dag.', 'The last day of the period must not be before its first day.'));
    await expect(page.getByLabel(text('Till', 'To'), { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expectNoAxeViolations(page);
    await capture(page, `report-invalid-${locale}`);

    // A shared link with malformed dates: each named at its field, no figures for a question not asked.
    await page.goto(`${REPORT}?to=22025-03-11&knownOnDate=12026-03-01`);
    await expect(page.locator('.error-summary')).toContainText(text('Skriv ett datum som ÅÅÅÅ-MM-DD', 'Write a date as YYYY-MM-DD'));
    await expect(page.getByLabel(text('Till', 'To'), { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#report-known-date')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('table')).toHaveCount(0);
    await expectNoAxeViolations(page);

    // A shared link with a moment to come: the API refuses it, the page says why.
    await page.goto(`${REPORT}?knownOnDate=2099-01-01`);
    await expect(page.locator('.error-summary')).toContainText(text('måste ha passerat', 'must have passed'));
    await expectNoAxeViolations(page);
    await expectNoPageScrollAt320(page);
    await page.setViewportSize({ width: 1280, height: 720 });

    // A project with no one enrolled.
    await page.goto(`/projects/${REPORT_EMPTY_PROJECT.id}/report`);
    await expect(page.getByText(text('Ingen deltagare räknas i den här perioden.', 'No participant is counted in this period.'))).toBeVisible();
    await expect(cell(page, 'EECO01', 'total')).toHaveText('0');
    await expectNoAxeViolations(page);
    await capture(page, `report-empty-${locale}`);
    await expectNoPageScrollAt320(page);
  });
}
