import { expect, test } from '@playwright/test';
import { ADMIN, AUDITED, CASEWORKER, RECORDS_PROJECT, TO_ERASE } from './seed';
import { capture, expectNoAxeViolations, expectNoPageScrollAt320, inLanguage, LOCALES, openIn, signIn, tabTo } from './support';

for (const locale of LOCALES) {
  const text = inLanguage(locale);
  const person = TO_ERASE[locale];

  test(`in ${locale}: an admin erases a participant's personal data from the pathway notice by keyboard alone`, async ({ page }) => {
    await openIn(page, locale, `/participants/${person.id}`);
    await signIn(page, ADMIN);
    await expect(page.getByText(text('Administratörer ser inte deltagarnas väg', 'Administrators do not see participants’ pathways'))).toBeVisible();
    const section = page.getByRole('region', { name: text('Radering av personuppgifter', 'Erasure of personal data') });
    const trigger = section.getByRole('button', { name: text('Radera personuppgifterna', 'Erase personal data') });
    await expect(trigger).toBeVisible();
    await expectNoAxeViolations(page);

    // Opened and cancelled with Escape: focus goes back to the button that opened it.
    await tabTo(page, trigger);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: text(`Radera personuppgifterna för ${person.id}`, `Erase the personal data of ${person.id}`) });
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(trigger).toBeFocused();

    // Open again: what happens is said, the reason has focus, the button is off until the code is typed.
    await page.keyboard.press('Enter');
    await expect(dialog).toContainText(text('Det går inte att ångra.', 'This cannot be undone.'));
    await expect(dialog).toContainText(text('Vägen och alla rapporter finns kvar', 'The pathway and every report stay'));
    const reason = dialog.getByRole('textbox', { name: text('Skäl', 'Reason') });
    const confirm = dialog.getByRole('textbox', { name: text(`Skriv deltagarens kod, ${person.id}, för att bekräfta`, `Type the participant’s code, ${person.id}, to confirm`) });
    const submit = dialog.getByRole('button', { name: text('Radera för gott', 'Erase for good') });
    await expect(reason).toBeFocused();
    await expect(submit).toBeDisabled();
    await expectNoAxeViolations(page);
    await capture(page, `erasure-dialog-${locale}`);
    await page.setViewportSize({ width: 1280, height: 720 });

    // Focus stays inside the dialog (Tab goes round it).
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    }
    await tabTo(page, reason);
    await page.keyboard.type('GD');
    await page.keyboard.press('Tab');
    await expect(confirm).toBeFocused();
    await page.keyboard.type(`${person.id}x`);
    await expect(submit).toBeDisabled();
    await page.keyboard.press('Backspace');
    await expect(submit).toBeEnabled();
    // Too short a reason: refused at its field, which takes focus.
    await page.keyboard.press('Enter');
    await expect(reason).toBeFocused();
    await expect(page.locator('#erasure-reason-error')).toHaveText(text('Skriv varför personuppgifterna raderas.', 'Write why the personal data is erased.'));
    await expectNoAxeViolations(page);
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type('PR art. 17, ticket 4711');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(submit).toBeFocused();
    await page.keyboard.press('Enter');

    // Done: the dialog is gone, the page says so where focus is, and shows the erased state.
    await expect(dialog).toHaveCount(0);
    const done = page.getByText(text(`Personuppgifterna för ${person.id} är raderade.`, `The personal data of ${person.id} has been erased.`));
    await expect(done).toBeFocused();
    await expect(section).toContainText('GDPR art. 17, ticket 4711');
    await expect(section.getByRole('button')).toHaveCount(0);
    await expectNoAxeViolations(page);
    await capture(page, `erasure-done-${locale}`);
    await expectNoPageScrollAt320(page);
  });

  test(`in ${locale}: erasure from subject access; a 409 (erased meanwhile) is said plainly; an erased one shows when and why`, async ({ page }) => {
    await openIn(page, locale, `/participants/${AUDITED.id}/subject-access`);
    await signIn(page, ADMIN);
    const section = page.getByRole('region', { name: text('Radering av personuppgifter', 'Erasure of personal data') });
    await expect(section).toContainText(text('Personuppgifterna är inte raderade.', 'The personal data has not been erased.'));
    await expectNoAxeViolations(page);
    // Someone else erased it meanwhile: the API answers 409.
    await page.route(`**/api/v1/participants/${AUDITED.id}/personal-data`, (route) =>
      route.fulfill({ status: 409, contentType: 'application/problem+json', body: JSON.stringify({ type: 'x', title: 'erased', status: 409, code: 'PARTICIPANT.PERSONAL_DATA_ERASED' }) }),
    );
    await section.getByRole('button', { name: text('Radera personuppgifterna', 'Erase personal data') }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: text('Skäl', 'Reason') }).fill('The person asked');
    await dialog.getByRole('textbox', { name: new RegExp(AUDITED.id) }).fill(AUDITED.id);
    await dialog.getByRole('button', { name: text('Radera för gott', 'Erase for good') }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByText(text('Personuppgifterna var redan raderade: inget mer gjordes.', 'The personal data had already been erased: nothing more was done.'))).toBeFocused();
    await expectNoAxeViolations(page);
  });

  test(`in ${locale}: the audit log lists personal-data reads, filtered and paged in the URL`, async ({ page }) => {
    await openIn(page, locale, '/');
    await signIn(page, ADMIN);
    // The project list settles first: a click while the app is still routing after sign-in can be lost.
    await expect(page.locator('h1')).toHaveText(text('Välj projekt', 'Choose a project'));
    await page.getByRole('link', { name: text('Granskningslogg', 'Audit log'), exact: true }).click();
    await expect(page.locator('h1')).toHaveText(text('Granskningslogg', 'Audit log'));
    await expect(page.locator('h1')).toBeFocused();
    const results = page.getByRole('region', { name: text('Läsningar', 'Reads') });
    await expect(results.getByRole('row').nth(1)).toBeVisible();
    await expectNoAxeViolations(page);

    // Filter by the participant: in the URL, and only their reads.
    await page.getByLabel(text('Deltagare', 'Participant'), { exact: true }).fill(AUDITED.id);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(`/admin/audit?participantId=${AUDITED.id}`);
    const row = results.getByRole('row', { name: new RegExp(text('Personuppgifter lästa', 'Personal data read')) }).first();
    await expect(row).toContainText(AUDITED.id);
    await expect(row).toContainText(RECORDS_PROJECT.id);
    await expect(row).toContainText(text('Handläggare', 'Caseworker'));
    expect(await results.getByRole('row').count()).toBeGreaterThan(1);
    for (const cells of await results.getByRole('row').all()) await expect(cells).toContainText(new RegExp(`${AUDITED.id}|${text('Deltagare', 'Participant')}`));
    await expectNoAxeViolations(page);
    await capture(page, `audit-log-${locale}`);
    await expectNoPageScrollAt320(page);
    await page.setViewportSize({ width: 1280, height: 720 });

    // The one who read it, as a link: filters on them too.
    await row.getByRole('link').nth(1).click();
    await expect(page).toHaveURL(new RegExp(`participantId=${AUDITED.id}&subject=`));
    await expect(results.getByRole('row').nth(1)).toBeVisible();

    // A date the app cannot use: said at its field.
    await page.goto('/admin/audit?from=1%20May');
    await expect(page.locator('#audit-from-error')).toHaveText(text('Skriv ett datum som ÅÅÅÅ-MM-DD, till exempel 2025-03-14.', 'Write a date as YYYY-MM-DD, for example 2025-03-14.'));
    await expect(page.getByLabel(text('Från', 'From'), { exact: true })).toHaveValue('1 May');
    await expectNoAxeViolations(page);

    // Nothing matches.
    await page.goto('/admin/audit?participantId=nobody-000&from=2020-01-01&to=2020-01-31');
    await expect(page.getByText(text('Ingen läsning passar filtren.', 'No read matches the filters.'))).toBeVisible();
    await expectNoAxeViolations(page);
    await capture(page, `audit-log-empty-${locale}`);

    // Pages: the API's cursor goes into the URL.
    const entry = { sequence: 9, at: '2026-01-02T10:00:00Z', subject: 'user-1', role: 'caseworker', action: 'personal-data.read', participantId: 'p-0009', projectId: 'x', correlationId: 'c' };
    await page.route('**/api/v1/audit?*', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ entries: [entry], next: 9 }) }));
    await page.goto('/admin/audit?participantId=p-0009');
    await page.getByRole('link', { name: text('Nästa sida', 'Next page') }).click();
    await expect(page).toHaveURL('/admin/audit?participantId=p-0009&after=9');
    await expect(page.getByRole('link', { name: text('Första sidan', 'First page') })).toHaveAttribute('href', '/admin/audit?participantId=p-0009');
    await expectNoAxeViolations(page);

    await page.unroute('**/api/v1/audit?*');
    await page.route('**/api/v1/audit?*', (route) => route.fulfill({ status: 500, contentType: 'application/problem+json', body: '{}' }));
    await page.reload();
    await expect(page.getByRole('alert')).toHaveText(text('Något gick fel. Försök igen, och säg till din administratör om det händer igen.', 'Something went wrong. Try again, and if it happens again, tell your administrator.'));
    await expectNoAxeViolations(page);
  });

  test(`in ${locale}: an admin submits a report for a period and sees its digest and cut-off; refusals at their fields`, async ({ page }) => {
    await openIn(page, locale, '/');
    await signIn(page, ADMIN);
    // The project list settles first: a click while the app is still routing after sign-in can be lost.
    await expect(page.locator('h1')).toHaveText(text('Välj projekt', 'Choose a project'));
    await page.getByRole('link', { name: text('Lämna in en rapport', 'Submit a report'), exact: true }).click();
    await expect(page.locator('h1')).toHaveText(text('Lämna in en rapport', 'Submit a report'));
    await expect(page.locator('h1')).toBeFocused();
    await expectNoAxeViolations(page);
    const submit = page.getByRole('button', { name: text('Lämna in rapporten', 'Submit the report') });
    const from = page.getByLabel(text('Periodens första dag (frivilligt)', 'First day of the period (optional)'));
    const to = page.getByLabel(text('Periodens sista dag (frivilligt)', 'Last day of the period (optional)'));

    // No project.
    await submit.click();
    await expect(page.locator('.error-summary')).toBeFocused();
    await expect(page.locator('#report-projectId-error')).toHaveText(text('Välj projektet.', 'Choose the project.'));
    await expectNoAxeViolations(page);

    // A period that ends before it starts, and a date that is not one: at their fields.
    await page.getByLabel(text('Projekt', 'Project'), { exact: true }).selectOption(RECORDS_PROJECT.id);
    await from.fill('2024-12-31');
    await to.fill('2024-01-01');
    await submit.click();
    await expect(page.locator('#report-from-error')).toHaveText(text('Första dagen kan inte vara efter sista dagen.', 'The first day cannot be after the last day.'));
    await expect(page.locator('#report-projectId-error')).toHaveCount(0);
    await expectNoAxeViolations(page);
    await from.fill('');
    await to.fill('31/12/2024');
    await submit.click();
    await expect(page.locator('#report-to-error')).toHaveText(text('Skriv ett datum som ÅÅÅÅ-MM-DD, till exempel 2025-03-14.', 'Write a date as YYYY-MM-DD, for example 2025-03-14.'));
    await expectNoAxeViolations(page);
    await expectNoPageScrollAt320(page);
    await page.setViewportSize({ width: 1280, height: 720 });

    // Submitted: the digest and the cut-off, where focus goes.
    const period = locale === 'sv' ? ['2024-01-01', '2024-06-30'] : ['2024-07-01', '2024-12-31'];
    await from.fill(period[0]);
    await to.fill(period[1]);
    await submit.click();
    const done = page.getByRole('region', { name: text('Rapporten är inlämnad', 'The report has been submitted') });
    await expect(done).toBeFocused();
    await expect(done).toContainText(`#radering (${RECORDS_PROJECT.id})`);
    await expect(done).toContainText(text('Kontrollsumma (SHA-256)', 'Digest (SHA-256)'));
    // Hex, as sha256sum prints it and as the evaluator's and funder's pages show it; the same how-to-check.
    await expect(done.locator('code.digest')).toHaveText(/^[0-9a-f]{64}$/);
    await done.locator('.how-to-check summary').click();
    await expect(done.locator('.how-to-check pre').first()).toHaveText(text('sha256sum rapport.json', 'sha256sum report.json'));
    await expect(done.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}T/);
    await expect(page.locator('.error-summary')).toHaveCount(0);
    await expectNoAxeViolations(page);
    await capture(page, `submit-report-${locale}`);
    await expectNoPageScrollAt320(page);
  });
}

test('a caseworker is offered neither the audit log, submitting a report nor an erasure', async ({ page }) => {
  await openIn(page, 'en', '/');
  await signIn(page, CASEWORKER);
  await expect(page.getByRole('link', { name: 'Audit log', exact: true })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Submit a report', exact: true })).toHaveCount(0);
  for (const path of ['/admin/audit', '/admin/reports/new']) {
    await page.goto(path);
    await expect(page.locator('h1')).toHaveText('Only an administrator may do this.');
    await expect(page.locator('form')).toHaveCount(0);
  }
  expect((await page.request.get('/api/v1/audit')).status()).toBe(403);
});
