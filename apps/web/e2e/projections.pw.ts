import { expect, Page, test } from '@playwright/test';
import { ADMIN, EVALUATOR } from './seed';
import { expectNoAxeViolations, expectNoPageScrollAt320, Locale, LOCALES, openIn, signIn, tabTo, text } from './support';


/** With SCREENSHOTS=dir, the whole page (or the open dialog) photographed. */
async function capture(page: Page, name: string): Promise<void> {
  if (!process.env.SCREENSHOTS) return;
  const modal = page.locator('.modal');
  if (await modal.count()) await modal.screenshot({ path: `${process.env.SCREENSHOTS}/${name}.png` });
  else await page.screenshot({ path: `${process.env.SCREENSHOTS}/${name}.png`, fullPage: true });
}


/** Signed in as the administrator, on the Projections screen through the main menu. */
async function openProjections(page: Page, locale: Locale, user = ADMIN): Promise<void> {
  await openIn(page, locale);
  await signIn(page, user);
  await page.getByRole('navigation').getByRole('link', { name: text(locale, 'Projektioner', 'Projections') }).click();
  await expect(page.getByRole('heading', { level: 1, name: text(locale, 'Projektioner', 'Projections') })).toBeFocused();
  await expect(page.getByRole('rowheader', { name: text(locale, 'Deltagare, deltagarvägar och indikatorer', 'Participants, pathways and indicators') })).toBeVisible();
}

for (const locale of LOCALES) {
  test.describe(`projections (${locale})`, () => {
    test('lists each projection with position, lag and state; the rebuild dialog says what it means; axe clean; 320 px', async ({ page }) => {
      await openProjections(page, locale);
      const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /outcomes\)$/ }) });
      await expect(row.getByRole('cell').nth(0)).toHaveText(/^\d[\d\s ]*$/);
      await expect(row.getByRole('cell').nth(2)).toContainText(text(locale, 'Aktuell', 'Live'));
      await expectNoAxeViolations(page);
      await capture(page, `projections-${locale}`);

      await page.getByRole('button', { name: text(locale, 'Bygg om…', 'Rebuild…') }).click();
      const dialog = page.getByRole('dialog');
      await expect(dialog).toContainText(text(locale, 'går rapporter, deltagarvägar och arbetslistor att läsa', 'reports, pathways and work lists stay readable'));
      await expect(dialog.getByRole('button', { name: text(locale, 'Starta ombyggnaden', 'Start the rebuild') })).toBeFocused();
      await expectNoAxeViolations(page);
      await capture(page, `projections-rebuild-dialog-${locale}`);
      await page.keyboard.press('Escape');
      await expect(dialog).toHaveCount(0);

      await expectNoPageScrollAt320(page);
      await expectNoAxeViolations(page);
    });

    test('a rebuild in progress shows a progress bar with the figures in words; axe clean', async ({ page }) => {
      // The rebuild's job answered as still running, so the state is seen however fast the real one is.
      await page.route('**/api/v1/projections/rebuild/*', (route) =>
        route.fulfill({ json: { jobId: '00000000-0000-4000-8000-000000000001', status: 'running', requestedAt: new Date().toISOString(), startedAt: new Date().toISOString(), finishedAt: null, processed: 1200, total: 4000, error: null } }),
      );
      await page.route('**/api/v1/projections/rebuild', (route) =>
        route.fulfill({ status: 202, json: { jobId: '00000000-0000-4000-8000-000000000001', status: 'requested', requestedAt: new Date().toISOString(), startedAt: null, finishedAt: null, processed: 0, total: 0, error: null } }),
      );
      await openProjections(page, locale);
      await page.getByRole('button', { name: text(locale, 'Bygg om…', 'Rebuild…') }).click();
      await page.getByRole('dialog').getByRole('button', { name: text(locale, 'Starta ombyggnaden', 'Start the rebuild') }).click();
      const progress = page.getByRole('progressbar', { name: text(locale, 'Ombyggnadens förlopp', 'Rebuild progress') });
      await expect(progress).toHaveAttribute('value', '1200');
      await expect(progress).toHaveAttribute('max', '4000');
      await expect(page.locator('.job-progress')).toContainText(text(locale, /1\s200 av 4\s000 händelser \(30 %\)/, /1,200 of 4,000 events \(30 %\)/));
      await expect(page.getByRole('status').filter({ hasText: text(locale, 'Ombyggnaden har startat.', 'The rebuild has started.') })).toBeVisible();
      await expectNoAxeViolations(page);
      await capture(page, `projections-rebuilding-${locale}`);
      await expectNoPageScrollAt320(page);
    });

    test('builds an evaluator copy as known on a date and downloads it; a wrong date is said at its field; axe clean', async ({ page }) => {
      await openProjections(page, locale);
      const date = page.getByLabel(text(locale, 'Känd per (datum)', 'As known on (date)'));
      // A time of day is read in the projects' zone, as the report reads it, and the hint says which (UTC once another test gives a project another zone).
      await expect(page.locator('#copy-time-hint')).toContainText(text(locale, /i projektens tidszon \((Europe\/Stockholm|UTC)\)/, /in the projects' time zone \((Europe\/Stockholm|UTC)\)/));
      await date.fill('2025-13-40');
      await page.getByRole('button', { name: text(locale, 'Ta fram kopian', 'Build the copy') }).click();
      await expect(page.locator('#copy-date-error')).toContainText(text(locale, 'Ange ett verkligt datum', 'Enter a real date'));
      await expect(date).toHaveAttribute('aria-invalid', 'true');
      await expectNoAxeViolations(page);

      // A date still to come is refused by the API, said at the field.
      await date.fill('2999-01-01');
      await page.getByRole('button', { name: text(locale, 'Ta fram kopian', 'Build the copy') }).click();
      await expect(page.getByRole('alert')).toBeVisible();
      await expectNoAxeViolations(page);
      await capture(page, `projections-copy-error-${locale}`);

      await date.fill('2025-06-30');
      await page.getByRole('button', { name: text(locale, 'Ta fram kopian', 'Build the copy') }).click();
      const link = page.getByRole('link', { name: text(locale, /Ladda ner kopian som den var känd slutet av 30 juni 2025/, /Download the copy as known on the end of 30 June 2025/) });
      await expect(link).toBeVisible({ timeout: 30_000 });
      await expect(page.getByRole('status').filter({ hasText: text(locale, 'kan laddas ner', 'ready to download') })).toBeVisible();
      await expectNoAxeViolations(page);
      await capture(page, `projections-copy-ready-${locale}`);
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      expect(download.suggestedFilename()).toBe('pathway-as-known-on-2025-06-30.sqlite');
      const stream = await download.createReadStream();
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      expect(Buffer.concat(chunks).subarray(0, 15).toString()).toBe('SQLite format 3');
      await expectNoPageScrollAt320(page);
    });

    test('the table cannot be loaded: said as an alert; axe clean', async ({ page }) => {
      await openIn(page, locale);
      await signIn(page, ADMIN);
      await page.route('**/api/v1/projections', (route) => route.fulfill({ status: 500, contentType: 'application/problem+json', body: JSON.stringify({ status: 500, code: 'INTERNAL', title: 'x' }) }));
      await page.getByRole('navigation').getByRole('link', { name: text(locale, 'Projektioner', 'Projections') }).click();
      await expect(page.getByRole('alert')).toContainText(text(locale, 'Projektionerna kunde inte hämtas', 'The projections could not be loaded'));
      await expectNoAxeViolations(page);
      await capture(page, `projections-error-${locale}`);
    });
  });
}

test('an evaluator working in some projects sees the table, and no rebuild or copy offered', async ({ page }) => {
  await openProjections(page, 'en', EVALUATOR);
  await expect(page.getByText('for evaluators working in every project')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Rebuild…' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Build the copy' })).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test('keyboard only: starts a rebuild and follows it to the end', async ({ page }) => {
  test.setTimeout(90_000);
  await openProjections(page, 'en');
  const rebuild = page.getByRole('button', { name: 'Rebuild…' });
  await tabTo(page, rebuild);
  await page.keyboard.press('Enter');
  const start = page.getByRole('dialog').getByRole('button', { name: 'Start the rebuild' });
  await expect(start).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  // Focus goes back to the button that opened the dialog.
  await expect(rebuild).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: /The rebuild is finished|A rebuild was already running/ })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('status').filter({ hasText: 'The rebuild is finished' })).toBeVisible({ timeout: 60_000 });
  // Said once: the table's own live region leaves the end to the panel, after its next poll too.
  await page.waitForTimeout(3_500); // the table's poll (PROJECTIONS_POLL_MS, 3 s) and a little
  await expect(page.getByRole('status').filter({ hasText: 'The rebuild is finished' })).toHaveCount(1);
  await expectNoAxeViolations(page);
});

test('asks again every few seconds, and announces a change of state once (a failure with its reason); axe clean', async ({ page }) => {
  const row = (state: string, failure?: object) => ({ name: 'outcomes', position: 40, headPosition: 42, lag: 2, state, updatedAt: '2026-11-30T05:00:00.000Z', ...(failure ? { failure } : {}) });
  let asked = 0;
  await page.route('**/api/v1/projections', (route) => {
    asked++;
    const failed = asked >= 2;
    const projections = [failed ? row('failed', { position: 41, reason: 'the event cannot be read', failedAt: '2026-11-30T05:00:01.000Z', detail: 'failed at position 41, because the event cannot be read' }) : row('catching-up')];
    return route.fulfill({ json: { projections, mayRebuild: true } });
  });
  await openProjections(page, 'en');
  const live = page.locator('p.visually-hidden[aria-live="polite"]');
  await expect(live).toHaveText('Participants, pathways and indicators: now Failed.', { timeout: 10_000 });
  await expect(page.getByRole('cell').filter({ hasText: 'Stopped at event 41' })).toContainText('the event cannot be read');
  await expect(page.getByRole('row').nth(1)).toContainText('2 events behind');
  await expectNoAxeViolations(page);
  // Polling, not a request storm: about one request every three seconds.
  const before = asked;
  await page.waitForTimeout(4_000);
  expect(asked - before).toBeLessThanOrEqual(2);
  // The same state again is not announced again.
  await expect(live).toHaveText('Participants, pathways and indicators: now Failed.');
});

test('a rebuild followed on this page is said finished once: the table leaves its copy going to the panel', async ({ page }) => {
  const job = (status: string) => ({ jobId: '00000000-0000-4000-8000-000000000002', status, requestedAt: '2026-11-30T05:00:00.000Z', startedAt: null, finishedAt: null, processed: 0, total: 0, error: null });
  const row = (name: string, state: string) => ({ name, position: 42, headPosition: 42, lag: 0, state, updatedAt: '2026-11-30T05:00:00.000Z' });
  // The table sees the rebuild's copy while the job runs, then the copy gone; the job ends after that.
  let finished = false;
  let tableAsked = 0;
  await page.route('**/api/v1/projections', (route) => {
    tableAsked++;
    const projections = finished || tableAsked > 2 ? [row('outcomes', 'caught-up')] : [row('outcomes', 'caught-up'), row('outcomes:next', 'rebuilding')];
    return route.fulfill({ json: { projections, mayRebuild: true } });
  });
  await page.route('**/api/v1/projections/rebuild', (route) => route.fulfill({ status: 202, json: job('requested') }));
  await page.route('**/api/v1/projections/rebuild/*', (route) => route.fulfill({ json: job(tableAsked > 3 ? 'succeeded' : 'running') }));
  await openProjections(page, 'en');
  await page.getByRole('button', { name: 'Rebuild…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Start the rebuild' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The rebuild is finished' }).first()).toBeVisible({ timeout: 20_000 });
  finished = true;
  await page.waitForTimeout(3_500); // one more poll of the table (PROJECTIONS_POLL_MS, 3 s)
  await expect(page.getByRole('status').filter({ hasText: 'The rebuild is finished' })).toHaveCount(1);
  await expect(page.locator('p.visually-hidden[aria-live="polite"]')).not.toContainText('finished');
});
