import { expect, Page, Route, test } from '@playwright/test';
import { EVALWEB_EVALUATOR, FUNDED_PROJECT, FUNDER, MANY_PROJECT, SUBMITTED_PROJECT, UNSUBMITTED_PROJECT } from './seed';
import { capture, comparedRow, expectNoAxeViolations, expectNoPageScrollAt320, inLanguage, LOCALES, openIn, signIn, tabTo } from './support';

const REPORT = `/projects/${SUBMITTED_PROJECT.id}/report`;
const SUBMITTED = `${REPORT}/submitted`;

const row = comparedRow;

/** The total of EECO01 in the report's ESF+ table. */
const eeco01 = (page: Page) => page.locator('table.figures tr', { has: page.locator('th', { hasText: 'EECO01' }) }).locator('td.total');

/** Holds the requests `matches` picks until `release()`; the rest pass. Each held one is answered by the real API afterwards. */
async function hold(page: Page, pattern: string, matches: (url: string) => boolean = () => true) {
  let release = () => undefined as void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(pattern, async (route: Route) => {
    if (!matches(route.request().url())) return route.continue();
    await held;
    // The page may have aborted it meanwhile: then there is nothing left to answer.
    await route.continue().catch(() => undefined);
  });
  return release;
}

test('keyboard only: from the report to its submitted reports, one compared with now, each change explained', async ({ page }) => {
  await openIn(page, 'en', REPORT);
  await signIn(page, EVALWEB_EVALUATOR);

  await tabTo(page, page.getByRole('link', { name: 'Submitted reports compared with what is known now' }));
  await page.keyboard.press('Enter');
  await expect(page.locator('h1')).toHaveText(`Submitted reports ${SUBMITTED_PROJECT.id}`);
  await expect(page.locator('h1')).toBeFocused();

  // The one report: period, cut-off, by whom (a role, never a name), its digest.
  const list = page.getByRole('table', { name: 'Submitted reports, newest first' });
  await expect(list.locator('tbody tr')).toHaveCount(1);
  await expect(list.locator('tbody tr td').nth(1)).toHaveText('1 January 2025 to 31 December 2025');
  await expect(list.locator('tbody tr td').nth(3)).toHaveText('Administrator');
  await expect(list.locator('code.digest')).toHaveText(/^[0-9a-f]{64}$/);
  // The published (suppressed) figures are compared as a funder sees them, at the latest month end
  // after the report's cut-off: none has passed since the seed submitted it. The comparison below is exact, with now.
  await expect(list.locator('tbody tr td').nth(5)).toHaveText(/^Not yet: compared once a month has ended/);

  const compare = page.getByRole('link', { name: /^Compare with now: the report submitted / });
  await tabTo(page, compare);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/report\/submitted\?report=[0-9a-f-]{36}$/);
  // The comparison's heading takes the focus when it has come.
  await expect(page.getByRole('heading', { level: 2, name: /^The report submitted .*, compared with now$/ })).toBeFocused();
  await expect(page.getByText('The submitted side is the very report that was submitted')).toBeVisible();
  // The recorded digest in hex with the funder page's how-to-check words.
  await expect(page.locator('.submitted-comparison code.digest')).toHaveText(/^[0-9a-f]{64}$/);
  await expect(page.locator('.submitted-comparison .how-to-check summary')).toHaveText('How to check a file’s SHA-256');
  const comparison = page.locator('table.comparison');
  await expect(comparison.getByRole('columnheader', { name: 'Submitted', exact: true })).toBeVisible();
  await expect(comparison.getByRole('columnheader', { name: 'Now', exact: true })).toBeVisible();

  // Only the changed figures, as on the Compare screen: EECO01 2 → 3, the women's 1 → 2.
  await expect(row(page, 'EECO01', 'Total').locator('td')).toHaveText(['2', '3', '+1', /▲ Changed: higher$/]);
  await expect(row(page, 'EECO01', 'Women').locator('td')).toHaveText(['1', '2', '+1', /▲ Changed: higher$/]);
  await expect(row(page, 'EECO01', 'Men')).toHaveCount(0);
  const explained = page.getByRole('list', { name: /^Explained by these participants’ events: EECO01 .* – Total$/ });
  await expect(explained.getByRole('link')).toHaveText(['sub-0003']);
  await expect(explained).toContainText('Enrolled, occurred on 1 February 2025, recorded');

  // Show all figures, by the keyboard: the men's unchanged row, in words.
  await tabTo(page, page.getByLabel('Show all figures, also those that did not change'));
  await page.keyboard.press('Space');
  await expect(page).toHaveURL(/&all=1$/);
  await expect(row(page, 'EECO01', 'Men').locator('td')).toHaveText(['1', '1', '0', 'Unchanged']);

  // On to the participant who explains the change, and Back to the same comparison.
  await tabTo(page, explained.getByRole('link', { name: 'sub-0003' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/participants\/sub-0003$/);
  await page.goBack();
  await expect(row(page, 'EECO01', 'Men').locator('td')).toHaveText(['1', '1', '0', 'Unchanged']);
});

test('a funder has no such screen: their suppressed "differs now" stays on the funding page', async ({ page }) => {
  await openIn(page, 'en', `/projects/${FUNDED_PROJECT.id}/report/submitted`);
  await signIn(page, FUNDER);
  await expect(page.locator('h1')).toHaveText('Only evaluators and administrators compare submitted reports with what is known now');
  await expect(page.locator('table')).toHaveCount(0);
});

test('the report page while the API counts: progress said, the form still works, a superseded answer never replaces a newer one', async ({ page }) => {
  await openIn(page, 'en', REPORT);
  await signIn(page, EVALWEB_EVALUATOR);
  await expect(eeco01(page)).toHaveText('3');
  const aborted: string[] = [];
  page.on('requestfailed', (request) => {
    if (request.url().includes('/indicators?')) aborted.push(request.url());
  });

  // The first choice's answer is held back, as a 100,000-participant project's would be.
  const release = await hold(page, '**/api/v1/projects/*/indicators?**', (url) => url.includes('from=2025-02-01'));
  await page.getByLabel('From', { exact: true }).fill('2025-02-01');
  await page.getByRole('button', { name: 'Show the figures' }).click();
  await expect(page.getByRole('progressbar', { name: /^Counting the figures…/ })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText(/^Counting the figures…/);
  // Still waiting after a few seconds: it says so once, with what may be done meanwhile.
  await expect(page.getByRole('status')).toContainText('Still counting: a large project takes longer.');
  await expectNoAxeViolations(page);
  await capture(page, 'report-counting-en');

  // Meanwhile the form works: other choices are sent, and their answer is shown.
  await page.getByLabel('From', { exact: true }).fill('2025-01-01');
  await page.getByLabel('From', { exact: true }).press('Enter');
  await expect(page).toHaveURL(/\?from=2025-01-01$/);
  await expect(eeco01(page)).toHaveText('3');
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  // The superseded request was aborted by the page.
  await expect.poll(() => aborted.filter((url) => url.includes('from=2025-02-01')).length).toBe(1);

  // Its answer, let go now, changes nothing: the figures stay those of the choices last made.
  release();
  await page.waitForTimeout(1000);
  await expect(eeco01(page)).toHaveText('3');
  await expect(page.getByLabel('From', { exact: true })).toHaveValue('2025-01-01');
  await page.unroute('**/api/v1/projects/*/indicators?**');

  // Back to the first choice: asked again, and answered (1: only the late enrolment is in it).
  await page.goBack();
  await expect(eeco01(page)).toHaveText('1');
});

test('the participants behind a large figure are drawn 200 at a time, more on request', async ({ page }) => {
  await openIn(page, 'en', `/projects/${MANY_PROJECT.id}/report/figure?code=EECO01&group=total&measure=count`);
  await signIn(page, EVALWEB_EVALUATOR);
  const list = page.getByRole('list', { name: /Participants counted in EECO01/ });
  await expect(list.getByRole('listitem')).toHaveCount(200);
  await expect(page.getByText('Showing 200 of 205.')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Show 5 more' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(205);
  await expect(page.getByRole('button', { name: /^Show .* more$/ })).toHaveCount(0);
});

for (const locale of LOCALES) {
  const text = inLanguage(locale);

  test(`in ${locale}: submitted reports loading, listed, compared, none and unknown; axe-clean, no sideways scrolling at 320 px`, async ({ page }) => {
    test.setTimeout(90_000);
    await openIn(page, locale, REPORT);
    await signIn(page, EVALWEB_EVALUATOR);

    // The list while it comes.
    let release = await hold(page, '**/api/v1/projects/*/reports');
    await page.goto(SUBMITTED);
    await expect(page.getByRole('status')).toHaveText(text('Hämtar de inlämnade rapporterna…', 'Getting the submitted reports…'));
    await expectNoAxeViolations(page);
    release();
    await expect(page.getByRole('table', { name: text('Inlämnade rapporter, den senaste först', 'Submitted reports, newest first') })).toBeVisible();
    await page.unroute('**/api/v1/projects/*/reports');
    await expectNoAxeViolations(page);
    await capture(page, `submitted-list-${locale}`);
    await expectNoPageScrollAt320(page);
    await page.setViewportSize({ width: 1280, height: 720 });

    // One compared with now, while it compares and when it has.
    const href = await page.getByRole('link', { name: text('Jämför med nu', 'Compare with now') }).getAttribute('href');
    release = await hold(page, '**/reports/*/comparison');
    await page.goto(href!);
    await expect(page.locator('.submitted-comparison').getByRole('status')).toHaveText(text('Jämför den inlämnade rapporten med det som är känt nu…', 'Comparing the submitted report with what is known now…'));
    await expectNoAxeViolations(page);
    release();
    await expect(row(page, 'EECO01', text('Summa', 'Total')).locator('td').nth(3)).toHaveText(text('▲ Ändrad: högre', '▲ Changed: higher'));
    await page.unroute('**/reports/*/comparison');
    await expectNoAxeViolations(page);
    await capture(page, `submitted-compared-${locale}`);
    await expectNoPageScrollAt320(page);
    await expectNoAxeViolations(page);
    await page.setViewportSize({ width: 1280, height: 720 });

    // All figures.
    await page.goto(`${href}&all=1`);
    await expect(row(page, 'EECO01', text('Män', 'Men')).locator('td').nth(3)).toHaveText(text('Oförändrad', 'Unchanged'));
    await expectNoAxeViolations(page);

    // A report id this project never had: the API's 404, said.
    await page.goto(`${SUBMITTED}?report=00000000-0000-4000-8000-000000000000`);
    await expect(page.locator('.submitted-comparison [role="alert"]')).toBeVisible();
    await expectNoAxeViolations(page);

    // A project with nothing submitted.
    await page.goto(`/projects/${UNSUBMITTED_PROJECT.id}/report/submitted`);
    await expect(page.getByText(text('Ingen rapport har lämnats in för projektet ännu.', 'No report has been submitted for this project yet.'))).toBeVisible();
    await expectNoAxeViolations(page);
    await expectNoPageScrollAt320(page);
  });
}
