import { randomUUID } from 'node:crypto';
import { expect, Page, test } from '@playwright/test';
import { EVALUATOR, GROUP_CASEWORKER, GROUP_PROJECT, PROJECT } from './seed';
import { expectNoAxeViolations, expectNoPageScrollAt320, inLanguage, LOCALES, openIn, signIn, tabTo } from './support';

const FORM = `/projects/${GROUP_PROJECT.id}/group-sessions/new`;

/** Calls the API with the page's own session cookie, as the app does (its CSRF header included). */
async function apiCall(page: Page, method: 'GET' | 'POST', path: string, data?: object) {
  const response = await page.request.fetch(`/api/v1${path}`, { method, data, headers: { 'X-Requested-With': 'pathway-web' } });
  expect(response.ok(), `${method} ${path}: ${response.status()} ${await response.text()}`).toBe(true);
  return response.json();
}

/** Participants of this test alone (the tests run in parallel), enrolled through the API. */
async function enrolGroup(page: Page, tag: string): Promise<string[]> {
  const ids = [1, 2, 3].map((n) => `${tag}-${n}`);
  for (const participantId of ids) {
    await apiCall(page, 'POST', `/projects/${GROUP_PROJECT.id}/participants`, { participantId, enrolledOn: '2024-01-15', profile: PROJECT.profile });
  }
  return ids;
}

const attendancesOf = async (page: Page, participantId: string) =>
  ((await apiCall(page, 'GET', `/participants/${participantId}`)) as { timeline: Array<{ type: string }> }).timeline.filter((m) => m.type === 'GroupSessionAttended').length;

for (const locale of LOCALES) {
  const text = inLanguage(locale);

  test(`keyboard only, in ${locale}: a group session with one refused row, put right and sent again`, async ({ page }) => {
    await openIn(page, locale, `/projects/${GROUP_PROJECT.id}/participants`);
    await expect(page.locator('h1')).toBeFocused();
    await page.keyboard.press('Tab');
    await page.keyboard.type(GROUP_CASEWORKER.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(GROUP_CASEWORKER.password);
    await page.keyboard.press('Enter');
    await expect(page.locator('h1')).toContainText(text('Deltagare', 'Participants'));
    const [first, leaver, third] = await enrolGroup(page, `kb-${locale}-${randomUUID().slice(0, 8)}`);

    // From the page's heading back up into the menu, to the group session.
    const menuLink = page.getByRole('link', { name: text('Gruppaktivitet', 'Group session') });
    await tabTo(page, menuLink, 'Shift+Tab');
    await page.keyboard.press('Enter');
    await expect(page.locator('h1')).toContainText(text('Gruppaktivitet', 'Group session'));
    await expect(page.locator('h1')).toBeFocused();
    await expect(page.getByRole('checkbox', { name: first })).toBeVisible();
    await expectNoAxeViolations(page);

    // Date and kind first.
    await page.keyboard.press('Tab');
    await expect(page.getByLabel(text('Datum för aktiviteten', 'Date of the session'))).toBeFocused();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('2025-01-20');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('radio', { name: 'Workshop' })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('radio', { name: text('Studiebesök', 'Study visit') })).toBeChecked();

    // Then who attended: the search narrows the list to this test's three.
    await page.keyboard.press('Tab');
    await expect(page.getByLabel(text('Sök deltagare', 'Search participants'))).toBeFocused();
    await page.keyboard.type(first.slice(0, -2));
    await expect(page.getByRole('checkbox')).toHaveCount(3);
    for (const id of [first, leaver, third]) {
      await page.keyboard.press('Tab');
      await expect(page.getByRole('checkbox', { name: id })).toBeFocused();
      await page.keyboard.press('Space');
      await expect(page.getByRole('checkbox', { name: id })).toBeChecked();
    }
    await expect(page.locator('#gs-chosen')).toContainText(text('3 valda', '3 chosen'));

    // Meanwhile a colleague records that one of them left the project.
    await apiCall(page, 'POST', `/participants/${leaver}/milestones`, { type: 'exited', occurredOn: '2025-01-10', reason: 'moved', situation: 'unknown' });

    await tabTo(page, page.getByRole('button', { name: text('Registrera närvaro', 'Record attendance') }));
    await page.keyboard.press('Enter');

    const results = page.getByRole('heading', { name: text('Resultat', 'Result'), level: 2 });
    await expect(results).toBeFocused();
    await expect(page.getByText(text('Registrerade: 2. Redan registrerade: 0. Inte registrerade: 1.', 'Recorded: 2. Already recorded: 0. Not recorded: 1.'))).toBeVisible();
    const row = (id: string) => page.getByRole('row', { name: new RegExp(`^${id}`) });
    await expect(row(first)).toContainText(text('Registrerad', 'Recorded'));
    await expect(row(leaver)).toContainText(
      text('Inte registrerad: har lämnat projektet (10 jan. 2025).', 'Not recorded: has left the project (10 Jan 2025).'),
    );
    await expect(row(third)).toContainText(text('Registrerad', 'Recorded'));
    await expectNoAxeViolations(page);

    // The leaver comes back; only that row is sent again.
    await apiCall(page, 'POST', `/participants/${leaver}/milestones`, { type: 're-entered', occurredOn: '2025-01-15' });
    const resend = page.getByRole('button', { name: text('Skicka den deltagare som inte registrerades igen', 'Send the refused participant again') });
    await tabTo(page, resend);
    await page.keyboard.press('Enter');
    await expect(results).toBeFocused();
    await expect(page.getByText(text('Registrerade: 3. Redan registrerade: 0. Inte registrerade: 0.', 'Recorded: 3. Already recorded: 0. Not recorded: 0.'))).toBeVisible();
    await expect(row(leaver)).toContainText(text('Registrerad', 'Recorded'));
    await expect(resend).toHaveCount(0);
    await expectNoAxeViolations(page);

    // Each attended once, however many times the form was sent.
    await expect.poll(async () => Promise.all([first, leaver, third].map((id) => attendancesOf(page, id)))).toEqual([1, 1, 1]);
  });

  test(`every state in ${locale}: the form, its errors, and the results with a refusal; 320 px wide`, async ({ page }) => {
    await openIn(page, locale, FORM);
    await signIn(page, GROUP_CASEWORKER);
    const [first, leaver] = await enrolGroup(page, `st-${locale}-${randomUUID().slice(0, 8)}`);
    await page.reload();
    await expect(page.locator('h1')).toContainText(text('Gruppaktivitet', 'Group session'));
    await expect(page.getByRole('checkbox', { name: first })).toBeVisible();
    await expectNoAxeViolations(page);
    if (process.env.SCREENSHOTS) await page.screenshot({ path: `${process.env.SCREENSHOTS}/group-session-form-${locale}.png`, fullPage: true });
    await expectNoPageScrollAt320(page);
    await page.setViewportSize({ width: 1280, height: 720 });

    // Nothing chosen: the error summary takes focus and links to each field.
    await page.getByLabel(text('Datum för aktiviteten', 'Date of the session')).fill('20/01/2025');
    await page.getByRole('button', { name: text('Registrera närvaro', 'Record attendance') }).click();
    const summary = page.getByRole('alert').filter({ hasText: text('Kontrollera detta', 'Check these') });
    await expect(summary).toBeFocused();
    await expect(summary.getByRole('link')).toHaveText([
      text('Skriv datumet för aktiviteten som år-månad-dag, till exempel 2025-03-14.', 'Write the date of the session as year-month-day, for example 2025-03-14.'),
      text('Välj vilken typ av aktivitet det var.', 'Choose what kind of session it was.'),
      text('Välj minst en deltagare som var med (högst 500).', 'Choose at least one participant who attended (at most 500).'),
    ]);
    await expect(page.getByLabel(text('Datum för aktiviteten', 'Date of the session'))).toHaveAttribute('aria-invalid', 'true');
    await expectNoAxeViolations(page);
    if (process.env.SCREENSHOTS) await page.screenshot({ path: `${process.env.SCREENSHOTS}/group-session-errors-${locale}.png`, fullPage: true });
    await expectNoPageScrollAt320(page);
    await page.setViewportSize({ width: 1280, height: 720 });

    await page.getByLabel(text('Datum för aktiviteten', 'Date of the session')).fill('2025-01-20');
    await page.getByRole('radio', { name: 'Workshop' }).check();
    await page.getByLabel(text('Sök deltagare', 'Search participants')).fill(first.slice(0, -2));
    await page.getByRole('button', { name: text('Välj alla som visas', 'Choose all shown') }).click();
    await page.getByRole('checkbox', { name: first.replace(/-1$/, '-3') }).uncheck();
    await expect(page.getByRole('checkbox', { name: leaver })).toBeChecked();
    await apiCall(page, 'POST', `/participants/${leaver}/milestones`, { type: 'exited', occurredOn: '2025-01-10', reason: 'moved', situation: 'unknown' });
    await page.getByRole('button', { name: text('Registrera närvaro', 'Record attendance') }).click();
    await expect(page.getByRole('heading', { name: text('Resultat', 'Result'), level: 2 })).toBeFocused();
    await expect(page.getByRole('row', { name: new RegExp(`^${leaver}`) })).toContainText(text('har lämnat projektet', 'has left the project'));
    await expectNoAxeViolations(page);
    if (process.env.SCREENSHOTS) await page.screenshot({ path: `${process.env.SCREENSHOTS}/group-session-${locale}.png`, fullPage: true });
    await expectNoPageScrollAt320(page);
    if (process.env.SCREENSHOTS) await page.screenshot({ path: `${process.env.SCREENSHOTS}/group-session-${locale}-narrow.png`, fullPage: true });
  });
}

test("an evaluator is not shown the group session: no menu entry, no form", async ({ page }) => {
  await openIn(page, 'en', `/projects/${PROJECT.id}/group-sessions/new`);
  await signIn(page, EVALUATOR);
  await expect(page.locator('h1')).toHaveText('Group session');
  await expect(page.getByText('Group sessions are recorded by the caseworkers of the project.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Group session' })).toHaveCount(0);
  await expect(page.locator('form')).toHaveCount(0);
  await expectNoAxeViolations(page);
});
