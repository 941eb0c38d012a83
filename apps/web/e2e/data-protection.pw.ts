import { expect, Page, test } from '@playwright/test';
import { ADMIN, ARCHIVE_PROJECT, ARCHIVED, CASEWORKER, ERASED, PARTICIPANTS, RETENTION_PROJECTS } from './seed';
import { capture, expectNoAxeViolations, expectNoPageScrollAt320, inLanguage, LOCALES, openIn, signIn, tabTo } from './support';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Replaces what the focused input holds with `value` (nothing: empties it). */
async function replaceWith(page: Page, value: string) {
  await page.keyboard.press('ControlOrMeta+a');
  if (value) await page.keyboard.type(value);
  else await page.keyboard.press('Delete');
}

for (const locale of LOCALES) {
  const text = inLanguage(locale);
  const archive = `${ARCHIVE_PROJECT.registration.name} (${ARCHIVE_PROJECT.id})`;

  test(`in ${locale}: an admin opens a participant's subject access from the pathway, reads it and downloads it as XLSX and JSON`, async ({ page }) => {
    await openIn(page, locale, `/participants/${ARCHIVED.id}`);
    await signIn(page, ADMIN);
    // An admin does not read the pathway (the API's access policy): the page says so and offers subject access.
    await expect(page.getByText(text('Administratörer ser inte deltagarnas väg', 'Administrators do not see participants’ pathways'))).toBeVisible();
    await expectNoAxeViolations(page);
    const action = page.getByRole('link', { name: text('Registerutdrag (GDPR art. 15/20)', 'Subject access (GDPR art. 15/20)') });
    await tabTo(page, action);
    await page.keyboard.press('Enter');
    await expect(page.locator('h1')).toHaveText(text(`Registerutdrag: deltagare ${ARCHIVED.id}`, `Subject access: participant ${ARCHIVED.id}`));
    await expect(page.locator('h1')).toBeFocused();
    await expect(page).toHaveURL(`/participants/${ARCHIVED.id}/subject-access`);
    // The document's sections, in the user's language, with who recorded what and when.
    await expect(page.getByRole('heading', { level: 2, name: text('Din situation vid inskrivningen', 'Your situation at enrolment') })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: text('Allt som registrerats om din väg', 'Everything recorded on your pathway') })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: text('Vem som tittat på dina personuppgifter', 'Who looked at your personal details') })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: text('Meddelanden till andra system', 'Notices sent to other systems') })).toBeVisible();
    await expect(page.getByRole('region', { name: text('Dina personuppgifter', 'Your personal details'), exact: true })).toContainText(ARCHIVED.name);
    // Answers from closed lists in words, as the enrolment form offers them, never their codes.
    const enrolment = page.getByRole('region', { name: text('Din situation vid inskrivningen', 'Your situation at enrolment') });
    await expect(enrolment).toContainText(text('Grundskola eller kortare (ISCED 0–2)', 'Compulsory school or less (ISCED 0–2)'));
    await expect(enrolment).toContainText(text('Långtidsarbetslös', 'Long-term unemployed'));
    await expect(enrolment).not.toContainText('isced-0-2');
    await expect(page.getByRole('region', { name: text('Allt som registrerats om din väg', 'Everything recorded on your pathway') })).toContainText(text('Slag: Studie- och yrkesvägledning', 'Kind: Career guidance'));
    await expect(page.getByRole('region', { name: text('Allt som registrerats om din väg', 'Everything recorded on your pathway') })).toContainText(text('Handläggare', 'Caseworker'));
    await expect(page.getByRole('region', { name: text('Allt som registrerats om din väg', 'Everything recorded on your pathway') })).toContainText('2018-03-01');
    // What was done and the entries the notices tell of, in words, never as codes.
    const reads = page.getByRole('region', { name: text('Vem som tittat på dina personuppgifter', 'Who looked at your personal details') });
    await expect(reads).toContainText(text('Registerutdrag', 'Subject access document'));
    await expect(reads).not.toContainText('subject-access.read');
    await expect(page.getByRole('region', { name: text('Allt som registrerats om din väg', 'Everything recorded on your pathway') })).toContainText(text('Inskriven', 'Enrolled'));
    await expect(page.getByRole('region', { name: text('Allt som registrerats om din väg', 'Everything recorded on your pathway') })).not.toContainText('ParticipantEnrolled');
    await expect(page.getByRole('region', { name: text('Meddelanden till andra system', 'Notices sent to other systems') }).locator('tbody tr').first().locator('td').nth(1)).toHaveText(text('Inskriven', 'Enrolled'));
    // The read is audited by the API under the user's pseudonymous id (the audit log holds no name), and the page says just that.
    await expect(page.getByText(text('Att du öppnar utdraget skrivs i granskningsloggen', 'Opening this document is recorded in the audit log'))).toContainText(
      text('ditt pseudonyma användar-id (inte ditt namn), din roll', 'your pseudonymous user id (not your name), your role'),
    );
    await expectNoAxeViolations(page);
    await capture(page, `subject-access-${locale}`);
    await expectNoPageScrollAt320(page);

    // The links are the API's own URLs: the browser sends the session cookie with them.
    const xlsx = page.getByRole('link', { name: text('Ladda ner som kalkylblad (XLSX)', 'Download as a spreadsheet (XLSX)') });
    const json = page.getByRole('link', { name: text('Ladda ner som JSON', 'Download as JSON') });
    const xlsxAnswer = await page.request.get((await xlsx.getAttribute('href'))!);
    expect(xlsxAnswer.status()).toBe(200);
    expect(xlsxAnswer.headers()['content-type']).toContain(XLSX);
    expect(xlsxAnswer.headers()['cache-control']).toBe('no-store');
    expect((await xlsxAnswer.body()).subarray(0, 2).toString()).toBe('PK');
    const jsonAnswer = await page.request.get((await json.getAttribute('href'))!);
    expect(jsonAnswer.status()).toBe(200);
    expect(jsonAnswer.headers()['content-type']).toContain('application/json');
    expect(await jsonAnswer.json()).toMatchObject({ schema: 'pathway.subject-access.v1', language: locale, participantId: ARCHIVED.id });
    // And a click on the link downloads the file.
    const [download] = await Promise.all([page.waitForEvent('download'), xlsx.click()]);
    expect(download.suggestedFilename()).toBe(`subject-access-${ARCHIVED.id}.xlsx`);
    expect(await download.failure()).toBeNull();
  });

  test(`in ${locale}: the subject access of an erased participant says what was erased and when; unknown and failing answers`, async ({ page }) => {
    await openIn(page, locale, `/participants/${ERASED.id}/subject-access`);
    await signIn(page, ADMIN);
    const erasure = page.getByRole('region', { name: text('Radering av dina personuppgifter', 'Erasure of your personal details') });
    await expect(erasure).toContainText(ERASED.reason);
    await expect(page.locator('main')).not.toContainText(ERASED.name);
    await expectNoAxeViolations(page);

    await page.goto('/participants/no-such-person/subject-access');
    await expect(page.getByRole('alert')).toBeVisible();
    await expectNoAxeViolations(page);

    await page.route(/\/api\/v1\/participants\/[^/]+\/subject-access\?/, (route) => route.fulfill({ status: 500, contentType: 'application/problem+json', body: '{}' }));
    await page.goto(`/participants/${ARCHIVED.id}/subject-access`);
    await expect(page.getByRole('alert')).toHaveText(text('Något gick fel. Försök igen, och säg till din administratör om det händer igen.', 'Something went wrong. Try again, and if it happens again, tell your administrator.'));
    await expectNoAxeViolations(page);
    await expectNoPageScrollAt320(page);
  });

  test(`in ${locale}: an admin finds the passed retention on the landing and sets a retention end by keyboard alone`, async ({ page }) => {
    const project = RETENTION_PROJECTS[locale];
    const name = `${project.registration.name} (${project.id})`;
    await openIn(page, locale, '/');
    await signIn(page, ADMIN);
    // The landing lists the projects whose retention end has passed.
    const landing = page.getByRole('region', { name: text('Lagringstiden har gått ut', 'Retention ended') });
    await expect(landing).toContainText(text(`${archive}: 1 deltagare har personuppgifter kvar`, `${archive}: 1 participant still has personal data`));
    await expectNoAxeViolations(page);

    await tabTo(page, page.getByRole('link', { name: text('Lagringstid', 'Retention'), exact: true }));
    await page.keyboard.press('Enter');
    await expect(page.locator('h1')).toHaveText(text('Lagringstid', 'Retention'));
    await expect(page.locator('h1')).toBeFocused();
    const passed = page.getByRole('region', { name: text('Projekt vars lagringstid har gått ut', 'Projects whose retention end has passed') });
    const row = passed.getByRole('row', { name: new RegExp(archive.replace(/[()#]/g, '\\$&')) });
    await expect(row).toContainText(text('31 december 2020', '31 December 2020'));
    await expect(row).toContainText(text('1 deltagare', '1 participant'));
    await expect(page.getByText('pathway retention --dry-run')).toBeVisible();
    await expect(page.getByRole('button', { name: /radera|erase/i })).toHaveCount(0);
    await expectNoAxeViolations(page);
    await capture(page, `retention-${locale}`);
    await expectNoPageScrollAt320(page);
    await page.setViewportSize({ width: 1280, height: 720 });

    // Choose the project with the arrow keys.
    const select = page.getByLabel(text('Projekt', 'Project'), { exact: true });
    await tabTo(page, select);
    for (let i = 0; i < 60 && (await select.inputValue()) !== project.id; i++) await page.keyboard.press('ArrowDown');
    await expect(select).toHaveValue(project.id);
    await expect(page.locator('#retention-current')).toHaveText(text('Ingen lagringstid är angiven för projektet ännu.', 'No retention end is recorded for this project yet.'));

    // A date before the project ends: refused next to the field.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('textbox', { name: text('Lagras till och med', 'Retention end'), exact: true })).toBeFocused();
    await page.keyboard.type('2025-06-30');
    await page.keyboard.press('Enter');
    await expect(page.locator('.error-summary')).toBeFocused();
    await expect(page.locator('#retention-retentionEnd-error')).toHaveText(text('Lagringstiden kan inte ta slut före projektet.', 'The retention period cannot end before the project does.'));
    await expectNoAxeViolations(page);
    await expectNoPageScrollAt320(page);
    await page.setViewportSize({ width: 1280, height: 720 });

    // No date at all: the API's 400 marks the date.
    await tabTo(page, page.getByRole('textbox', { name: text('Lagras till och med', 'Retention end'), exact: true }));
    await replaceWith(page, '');
    await page.keyboard.press('Enter');
    await expect(page.locator('#retention-retentionEnd-error')).toHaveText(text('Skriv ett datum som ÅÅÅÅ-MM-DD, till exempel 2025-03-14.', 'Write a date as YYYY-MM-DD, for example 2025-03-14.'));
    await expect(page.locator('.error-summary')).toBeFocused();
    await expectNoAxeViolations(page);

    // The last payment in 2027: kept until 31 December 2032 (the ESF+ rule), with the hint's basis.
    await tabTo(page, page.getByLabel(text('Sista utbetalningen till projektet (frivilligt)', 'Last payment to the project (optional)')));
    await page.keyboard.type('2027-06-30');
    await page.keyboard.press('Tab');
    await expect(page.getByLabel(text('Rättslig grund', 'Legal basis'))).toHaveValue(text('Förordning (EU) 2021/1060, artikel 82', 'Regulation (EU) 2021/1060, Article 82'));
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: text('Spara lagringstiden', 'Save the retention end') })).toBeFocused();
    await page.keyboard.press('Enter');
    const saved = page.getByText(text(`Lagringstiden för ${name} är nu till och med 31 december 2032.`, `The retention end of ${name} is now 31 December 2032.`));
    await expect(saved).toBeFocused();
    await expect(page.locator('.error-summary')).toHaveCount(0);
    await expect(page.locator('#retention-current')).toContainText(text('31 december 2032', '31 December 2032'));
    // It has not passed: the worklist does not list it.
    await expect(passed.getByRole('row', { name: new RegExp(project.id) })).toHaveCount(0);
    await expectNoAxeViolations(page);
    await expectNoPageScrollAt320(page);
  });

  test(`in ${locale}: the Retention screen when nothing has passed, and when the list cannot be read`, async ({ page }) => {
    await page.route('**/api/v1/admin/retention', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ projects: [] }) }));
    await openIn(page, locale, '/');
    await signIn(page, ADMIN);
    await expect(page.getByRole('link', { name: text('Lagringstid', 'Retention'), exact: true })).toBeVisible();
    await expect(page.getByRole('region', { name: text('Lagringstiden har gått ut', 'Retention ended') })).toHaveCount(0);
    await page.getByRole('link', { name: text('Lagringstid', 'Retention'), exact: true }).click();
    await expect(page.getByText(text('Inget projekts lagringstid har gått ut.', 'No project’s retention end has passed.'))).toBeVisible();
    await expectNoAxeViolations(page);
    await capture(page, `retention-empty-${locale}`);
    await expectNoPageScrollAt320(page);

    await page.unroute('**/api/v1/admin/retention');
    await page.route('**/api/v1/admin/retention', (route) => route.fulfill({ status: 500, contentType: 'application/problem+json', body: '{}' }));
    await page.reload();
    await expect(page.getByRole('alert')).toHaveText(text('Något gick fel. Försök igen, och säg till din administratör om det händer igen.', 'Something went wrong. Try again, and if it happens again, tell your administrator.'));
    await expectNoAxeViolations(page);
    await expectNoPageScrollAt320(page);
  });
}

test('a caseworker is shown neither subject access nor retention, and the API refuses them', async ({ page }) => {
  await openIn(page, 'en', `/participants/${PARTICIPANTS[1].id}`);
  await signIn(page, CASEWORKER);
  await expect(page.getByRole('heading', { level: 2, name: 'What has happened' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Subject access (GDPR art. 15/20)' })).toHaveCount(0);
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Retention', exact: true })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Retention ended' })).toHaveCount(0);
  await page.goto('/admin/retention');
  await expect(page.locator('h1')).toHaveText('Only an administrator may do this.');
  await expect(page.locator('form')).toHaveCount(0);
  await page.goto(`/participants/${PARTICIPANTS[1].id}/subject-access`);
  await expect(page.locator('h1')).toHaveText('Only an administrator may do this.');
  expect((await page.request.get(`/api/v1/participants/${PARTICIPANTS[1].id}/subject-access?format=xlsx`)).status()).toBe(403);
  expect((await page.request.get('/api/v1/admin/retention')).status()).toBe(403);
});
