import { expect, Page, test } from '@playwright/test';
import { FUNDED_PARTICIPANTS, FUNDED_PROJECT, FUNDER } from './seed';
import { capture, expectNoAxeViolations, expectNoPageScrollAt320, LOCALES, openIn, signIn } from './support';

const THRESHOLD = 5;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const CODES = new RegExp(FUNDED_PARTICIPANTS.map((p) => p.id).join('|'));

/** Every count a funder may be sent: 0, at least the threshold, the mark, or nothing. */
const publishable = (value: unknown) => value === null || value === 'suppressed' || value === 0 || (typeof value === 'number' && value >= THRESHOLD);

/** Collects the JSON answers of the API to the page (the funder screens' data). */
function recordAnswers(page: Page): Array<Promise<{ path: string; body: string }>> {
  const answers: Array<Promise<{ path: string; body: string }>> = [];
  page.on('response', (response) => {
    const url = new URL(response.url());
    const path = url.pathname;
    if (!path.startsWith('/api/') || !/json/.test(response.headers()['content-type'] ?? '')) return;
    // The page reads the export as a blob, which leaves nothing to read here: the same request again.
    const body = path.endsWith('/indicators/export') ? page.request.get(url.toString()).then((again) => again.text()) : response.text();
    answers.push(body.then((text) => ({ path, body: text })));
  });
  return answers;
}

async function openFundedProject(page: Page) {
  await page.getByRole('link', { name: new RegExp(FUNDED_PROJECT.id) }).click();
  await expect(page.locator('h1')).toBeFocused();
  await expect(page.locator('table').first()).toBeVisible();
  await expect(page.getByRole('status')).toHaveCount(0);
}

for (const locale of LOCALES) {
  test(`a funder sees their project's suppressed figures, downloads with SHA-256, and submitted reports (${locale})`, async ({ page }) => {
    await openIn(page, locale);
    await signIn(page, FUNDER);
    await expect(page.locator('h1')).toHaveText(locale === 'en' ? 'Figures for funders' : 'Siffror för finansiärer');
    await expect(page.getByRole('link', { name: new RegExp(FUNDED_PROJECT.id) })).toContainText(FUNDED_PROJECT.registration.name);
    await expectNoAxeViolations(page);
    await capture(page, `funder-landing-${locale}`);

    await openFundedProject(page);
    await expectNoAxeViolations(page);
    // The indicators and rates in the reader's words, as the report names them; no API codes of rates.
    await expect(page.locator('tbody th').first()).toHaveText(locale === 'en' ? 'EECO01 Total number of participants' : 'EECO01 Totalt antal deltagare');
    await expect(page.getByRole('rowheader', { name: locale === 'en' ? 'Completed the programme (of those who left)' : 'Fullföljde programmet (av dem som avslutat)' })).toBeVisible();
    await expect(page.locator('main')).not.toContainText('COMPLETION_RATE');
    // The counts withheld, worked out from the threshold (5): 1 to 4.
    await expect(page.locator('.notice').first()).toContainText(locale === 'en' ? 'Counts from 1 to 4 are' : 'Antal från 1 till 4 visas');
    // Four files, each with its 64-hex-digit SHA-256, and how to check it.
    await expect(page.locator('.downloads a[download]')).toHaveCount(4);
    await expect(page.locator('.downloads code.digest')).toHaveText(Array(4).fill(/^[0-9a-f]{64}$/));
    await page.locator('.how-to-check summary').click();
    await expect(page.locator('.how-to-check pre').first()).toContainText('sha256sum');
    await expect(page.locator('.how-to-check pre').nth(1)).toContainText('Get-FileHash');
    // The report submitted with 7 women; 2 men since, recorded after the latest month end: nothing
    // is compared before the next one, so no comparison singles out the two.
    const report = page.locator('.submitted-reports > li');
    await expect(report).toHaveCount(1);
    await expect(report.locator('dd strong')).toHaveText(locale === 'en' ? /^Not yet: compared once a month has ended/ : /^Inte än: jämförs när en månad/);
    await expect(report.locator('details.changes')).toHaveCount(0);
    await expectNoAxeViolations(page);
    await capture(page, `funder-project-${locale}`);

    // A download is the file whose digest is shown.
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.downloads a[download]').last().click()]);
    expect(download.suggestedFilename()).toMatch(/\.json$/);

    // Keyboard: the period choice and the table regions are reachable by Tab.
    await page.locator('h1').focus();
    for (let i = 0; i < 6 && !(await page.locator('#funding-period').evaluate((e) => e === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(page.locator('#funding-period')).toBeFocused();

    await expectNoPageScrollAt320(page);
    await expectNoAxeViolations(page);
  });
}

test('funder screens never show an unsuppressed small count or a participant id, in the DOM or in what the API sent', async ({ page }) => {
  const answers = recordAnswers(page);
  await openIn(page, 'en');
  await signIn(page, FUNDER);
  await openFundedProject(page);

  const reportIds: string[] = [];
  for (const { path, body } of await Promise.all(answers)) {
    expect(body, path).not.toMatch(CODES);
    if (path.endsWith('/reports')) {
      const reports = JSON.parse(body) as { reports: Array<{ reportId: string; changes: Array<{ then: unknown; now: unknown }> }> };
      for (const report of reports.reports) {
        reportIds.push(report.reportId);
        // Recorded since the latest month end, the two men are not compared yet; once they are, the
        // men's 2 and what gives it away are withheld on the server, not by the page (test/funder-reports.e2e-spec.ts).
        expect(report.changes.flatMap((c) => [c.then, c.now]).filter((v) => !publishable(v))).toEqual([]);
      }
    }
    if (path.includes('/indicators/export')) {
      const { rows } = JSON.parse(body) as { rows: Array<{ value: unknown; numerator: unknown; denominator: unknown; kind: string }> };
      expect(rows.flatMap((r) => (r.kind === 'rate' ? [r.numerator, r.denominator] : [r.value])).filter((v) => !publishable(v))).toEqual([]);
    }
    // No UUID but the reports' own ids (events, not people) and the signed-in user's.
    if (!path.startsWith('/api/v1/session')) expect((body.match(UUID) ?? []).filter((id) => !reportIds.includes(id)), path).toEqual([]);
  }
  expect(new Set(reportIds).size).toBe(1);

  const html = await page.content();
  expect(html).not.toMatch(CODES);
  // The download links' blob: URLs are the browser's ids of the files, not people's.
  expect(html.replace(/blob:[^"]+/g, '').match(UUID) ?? []).toEqual([]);
  // Every count cell: 0, at least the threshold, withheld, or a rate (a decimal).
  const cells = await page.locator('td.num').allInnerTexts();
  expect(cells.length).toBeGreaterThan(0);
  expect(cells.filter((text) => /^[1-4]$/.test(text.trim()))).toEqual([]);
  // (The seed is recorded today, after the latest month end a funder sees figures as known on, so
  // this page withholds nothing yet; the server's suppression of what it sends is tested in
  // test/funder-reports.e2e-spec.ts and libs/exports.)
});
