import { expect, test } from '@playwright/test';
import { ADMIN, COMPARE_EVALUATOR, COMPARE_PROJECT } from './seed';
import { capture, comparedRow, expectNoAxeViolations, expectNoPageScrollAt320, inLanguage, LOCALES, openIn, signIn, tabTo } from './support';

const REPORT = `/projects/${COMPARE_PROJECT.id}/report`;
const COMPARE = `${REPORT}/compare`;
const ZONE = COMPARE_PROJECT.registration.timeZone;

/** The instant the global set-up noted between the first recordings and the late ones, as the project's clocks show it. */
function knownOn(): { date: string; time: string } {
  const instant = process.env.COMPARE_KNOWN_ON;
  if (!instant) throw new Error('The global set-up did not note COMPARE_KNOWN_ON');
  const [date, time] = new Intl.DateTimeFormat('sv-SE', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
    .format(new Date(instant))
    .split(' ') as [string, string];
  return { date, time };
}

const row = comparedRow;

test('keyboard only: from the report to the comparison of two instants, a change explained, and on to the participant who explains it', async ({ page }) => {
  const { date, time } = knownOn();
  await openIn(page, 'en', REPORT);
  await signIn(page, COMPARE_EVALUATOR);

  await tabTo(page, page.getByRole('link', { name: 'Compare the figures as known on two days' }));
  await page.keyboard.press('Enter');
  await expect(page.locator('h1')).toHaveText(`Compare two days ${COMPARE_PROJECT.id}`);
  await expect(page.locator('h1')).toBeFocused();
  await expect(page.getByText('Choose day A to compare the report with.')).toBeVisible();

  // Day A typed, the time to the second; B left empty (now); sent with Enter.
  await tabTo(page, page.getByLabel('Date A', { exact: true }));
  await page.getByLabel('Date A', { exact: true }).fill(date);
  await tabTo(page, page.getByLabel(`Time A (${ZONE}), optional`));
  await page.getByLabel(`Time A (${ZONE}), optional`).fill(time);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`aDate=${date}&aTime=${encodeURIComponent(time)}$`));

  // Only the changed figures: EECO01 2 → 3, its women 1 → 2, EECR01 0 → 1; the men's did not change.
  await expect(page.getByRole('note')).toContainText(time);
  const total = row(page, 'EECO01', 'Total');
  await expect(total.locator('td')).toHaveText(['2', '3', '+1', /▲ Changed: higher$/]);
  await expect(row(page, 'EECO01', 'Women').locator('td')).toHaveText(['1', '2', '+1', /▲ Changed: higher$/]);
  await expect(row(page, 'EECR01', 'Total').locator('td')).toHaveText(['0', '1', '+1', /▲ Changed: higher$/]);
  await expect(row(page, 'EECO01', 'Men')).toHaveCount(0);

  // Under each change, the events that explain it: participant, event type in words, dates, who.
  const explained = page.getByRole('list', { name: /^Explained by these participants’ events: EECO01 .* – Total$/ });
  await expect(explained.getByRole('link')).toHaveText(['cmp-0003']);
  await expect(explained).toContainText('Enrolled, occurred on 1 February 2025, recorded');
  const leaving = page.getByRole('list', { name: /^Explained by these participants’ events: EECR01 .* – Total$/ });
  await expect(leaving).toContainText('cmp-0001');
  await expect(leaving).toContainText('occurred on 30 September 2025');

  // Show all figures, by the keyboard: the men's unchanged row appears, said in words.
  await tabTo(page, page.getByLabel('Show all figures, also those that did not change'));
  await page.keyboard.press('Space');
  await expect(page).toHaveURL(/all=1/);
  await expect(row(page, 'EECO01', 'Men').locator('td')).toHaveText(['1', '1', '0', 'Unchanged']);

  // On to the participant who explains the late enrolment: their pathway.
  await tabTo(page, explained.getByRole('link', { name: 'cmp-0003' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/participants\/cmp-0003$/);
  await expect(page.locator('h1')).toBeFocused();

  // Back returns to the same comparison.
  await page.goBack();
  await expect(row(page, 'EECO01', 'Men').locator('td')).toHaveText(['1', '1', '0', 'Unchanged']);
});

test('drill-down: a figure of the report opens the pseudonymous participants counted in it, as known on the day chosen', async ({ page }) => {
  const { date, time } = knownOn();
  await openIn(page, 'en', `${REPORT}?knownOnDate=${date}&knownOnTime=${encodeURIComponent(time)}`);
  await signIn(page, COMPARE_EVALUATOR);
  const women = page.getByRole('link', { name: /^1: participants counted in EECO01 .* – Women$/ });
  await tabTo(page, women);
  await page.keyboard.press('Enter');
  await expect(page.locator('h1')).toContainText('Participants counted in EECO01');
  await expect(page.locator('h1')).toBeFocused();
  await expect(page.getByText('One participant is counted in this figure.')).toBeVisible();
  await expect(page.getByRole('list', { name: /Participants counted in EECO01/ }).getByRole('link')).toHaveText(['cmp-0001']);
  await page.getByRole('link', { name: 'Back to the indicator report' }).click();
  await expect(page).toHaveURL(new RegExp(`/report\\?knownOnDate=${date}`));

  // As known now: the total counts all three; data missing for nothing here is an empty list.
  await page.goto(`${REPORT}/figure?code=EECO01&group=total&measure=count`);
  await expect(page.getByRole('list', { name: /Participants counted in EECO01/ }).getByRole('link')).toHaveText(['cmp-0001', 'cmp-0002', 'cmp-0003']);
});

test('an admin sees the participants behind a figure but no pathway links (admins do not open pathways)', async ({ page }) => {
  await openIn(page, 'en', `${REPORT}/figure?code=EECO01&group=men&measure=count`);
  await signIn(page, ADMIN);
  await expect(page.getByRole('list', { name: /Participants counted in EECO01/ })).toHaveText('cmp-0002');
  await expect(page.getByRole('list', { name: /Participants counted in EECO01/ }).getByRole('link')).toHaveCount(0);
});

for (const locale of LOCALES) {
  const text = inLanguage(locale);

  test(`in ${locale}: comparison and drill-down in each state, axe-clean, no sideways scrolling at 320 px`, async ({ page }) => {
    test.setTimeout(90_000);
    const { date, time } = knownOn();
    await openIn(page, locale, COMPARE);
    await signIn(page, COMPARE_EVALUATOR);
    // Nothing chosen yet.
    await expect(page.getByText(text('Välj dag A att jämföra rapporten med.', 'Choose day A to compare the report with.'))).toBeVisible();
    await expectNoAxeViolations(page);
    await capture(page, `compare-empty-${locale}`);

    // Refused before asking: no day A, B before A.
    await page.getByLabel(text('Datum B, valfritt', 'Date B, optional'), { exact: true }).fill('2025-01-01');
    await page.getByRole('button', { name: text('Jämför', 'Compare') }).click();
    await expect(page.locator('.error-summary')).toBeFocused();
    await expect(page.locator('.error-summary')).toContainText(text('Ange dag A', 'Enter day A'));
    await expectNoAxeViolations(page);
    await capture(page, `compare-invalid-${locale}`);

    // While the API compares: said.
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/indicators/comparison?**', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${COMPARE}?aDate=${date}&aTime=${encodeURIComponent(time)}`);
    await expect(page.getByRole('status')).toHaveText(text('Jämför siffrorna…', 'Comparing the figures…'));
    await expectNoAxeViolations(page);
    release();
    await expect(row(page, 'EECO01', text('Summa', 'Total')).locator('td').nth(3)).toHaveText(text('▲ Ändrad: högre', '▲ Changed: higher'));
    await page.unroute('**/indicators/comparison?**');
    await expectNoAxeViolations(page);
    await capture(page, `compare-${locale}`);
    await expectNoPageScrollAt320(page);
    await expectNoAxeViolations(page);
    await page.setViewportSize({ width: 1280, height: 720 });

    // All figures shown.
    await page.goto(`${COMPARE}?aDate=${date}&aTime=${encodeURIComponent(time)}&all=1`);
    await expect(row(page, 'EECO01', text('Män', 'Men')).locator('td').nth(3)).toHaveText(text('Oförändrad', 'Unchanged'));
    await expectNoAxeViolations(page);

    // A malformed day A in a shared link: named at its field, no comparison shown.
    await page.goto(`${COMPARE}?aDate=61130-02-02`);
    await expect(page.locator('.error-summary')).toContainText(text('Skriv ett datum som ÅÅÅÅ-MM-DD', 'Write a date as YYYY-MM-DD'));
    await expect(page.locator('#compare-a-date')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('table')).toHaveCount(0);
    await expectNoAxeViolations(page);

    // A day to come: the API refuses, the page says why.
    await page.goto(`${COMPARE}?aDate=2099-01-01`);
    await expect(page.locator('.error-summary')).toContainText(text('Välj en tidpunkt som har passerat', 'Choose a moment that has passed'));
    await expectNoAxeViolations(page);

    // The same day twice: nothing changed.
    await page.goto(`${COMPARE}?aDate=${date}&aTime=${encodeURIComponent(time)}&bDate=${date}&bTime=${encodeURIComponent(time)}`);
    await expect(page.getByText(text('Ingen siffra ändrades mellan de två dagarna.', 'No figure changed between the two days.'))).toBeVisible();
    await expectNoAxeViolations(page);

    // The drill-down, loaded.
    await page.goto(`${REPORT}/figure?code=EECO01&group=women&measure=count`);
    await expect(page.getByText(text('2 deltagare räknas i siffran.', '2 participants are counted in this figure.'))).toBeVisible();
    await expectNoAxeViolations(page);
    await capture(page, `figure-${locale}`);
    await expectNoPageScrollAt320(page);
    await page.setViewportSize({ width: 1280, height: 720 });
    // The report with its figures as links.
    await page.goto(REPORT);
    await expect(page.getByRole('link', { name: new RegExp(`^3: ${text('deltagare som räknas i', 'participants counted in')} EECO01`) })).toBeVisible();
    await expectNoAxeViolations(page);
  });
}
