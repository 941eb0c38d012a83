import { randomUUID } from 'node:crypto';
import { expect, Page, test } from '@playwright/test';
import { ADMIN, CASEWORKER, PROJECT } from './seed';
import { expectNoAxeViolations, expectNoPageScrollAt320, inLanguage, LOCALES, openIn, signIn, tabTo } from './support';

/** Replaces what the focused input holds (a default, say) with `value`, then moves on with Tab. */
async function typeAndTab(page: Page, value: string) {
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(value);
  await page.keyboard.press('Tab');
}

/** A registration's answers in the form's order (RegisterProjectDto), the defaults of fund and time zone kept. */
const registration = (id: string, name: string) => [id, name, 'Stiftelsen Activa, Örebro', 'ESF+', '2021SE05SFPR', 'A2A', 'SE12', '2025-01-01', '2027-12-31', '40', 'Europe/Stockholm'];

for (const locale of LOCALES) {
  const text = inLanguage(locale);

  test(`in ${locale}: an admin registers a project by keyboard, adds a caseworker to it, and the caseworker sees it`, async ({ page, browser }) => {
    const id = `${locale === 'sv' ? '31' : '32'}-${randomUUID().slice(0, 3)}-S01`;
    const name = `#första dagen ${locale}`;
    await openIn(page, locale, '/');
    await expect(page.locator('h1')).toBeFocused();
    await page.keyboard.press('Tab');
    await page.keyboard.type(ADMIN.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(ADMIN.password);
    await page.keyboard.press('Enter');
    await expect(page.locator('h1')).toHaveText(text('Välj projekt', 'Choose a project'));

    await tabTo(page, page.getByRole('link', { name: text('Registrera ett projekt', 'Register a project') }));
    await page.keyboard.press('Enter');
    await expect(page.locator('h1')).toHaveText(text('Registrera ett projekt', 'Register a project'));
    await expect(page.locator('h1')).toBeFocused();
    await expect(page.getByLabel(text('Tidszon', 'Time zone'))).toHaveValue('Europe/Stockholm');
    await expectNoAxeViolations(page);

    await tabTo(page, page.getByLabel(text('Projekt-id', 'Project id')));
    const answers = registration(id, name);
    for (const answer of answers.slice(0, -1)) await typeAndTab(page, answer);
    if (process.env.SCREENSHOTS) await page.screenshot({ path: `${process.env.SCREENSHOTS}/register-project-${locale}.png`, fullPage: true });
    await typeAndTab(page, answers.at(-1)!);
    await expect(page.getByRole('button', { name: text('Registrera projektet', 'Register the project') })).toBeFocused();
    await page.keyboard.press('Enter');

    await expect(page.locator('h1')).toHaveText(text('Välj projekt', 'Choose a project'));
    await expect(page.locator('h1')).toBeFocused();
    await expect(page.getByRole('status')).toContainText(`${name} (${id})`);
    await expect(page.getByRole('link', { name: `${name} (${id})` })).toBeVisible();
    await expectNoAxeViolations(page);

    // Adds a caseworker to it, with a password made up by the app.
    const caseworker = { email: `first.day.${locale}.${randomUUID().slice(0, 8)}@example.org`, name: `Första Dagen ${locale}` };
    await page.getByRole('link', { name: text('Användare', 'Users'), exact: true }).click();
    await expect(page.locator('h1')).toHaveText(text('Användare', 'Users'));
    await page.getByRole('link', { name: text('Lägg till en användare', 'Add a user') }).click();
    await expect(page.locator('h1')).toBeFocused();
    await expect(page.getByRole('checkbox', { name: `${name} (${id})` })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel(text('Namn', 'Name'), { exact: true }).fill(caseworker.name);
    await page.getByLabel(text('E-postadress', 'Email address')).fill(caseworker.email);
    await expect(page.getByRole('radio', { name: text('Handläggare', 'Caseworker') })).toBeChecked();
    await page.getByRole('checkbox', { name: `${name} (${id})` }).check();
    await page.getByRole('button', { name: text('Hitta på ett lösenord åt mig', 'Make up a password for me') }).click();
    const password = await page.getByLabel(text('Lösenord', 'Password'), { exact: true }).inputValue();
    expect(password).toHaveLength(20);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: text('Lägg till användaren', 'Add the user') }).click();
    const added = page.getByRole('heading', { name: text(`${caseworker.name} är tillagd`, `${caseworker.name} is added`) });
    await expect(added).toBeFocused();
    await expect(page.locator('.generated-password')).toHaveText(password);
    await expectNoAxeViolations(page);
    await expectNoPageScrollAt320(page);

    // The caseworker signs in, in a browser of their own, and finds the project.
    const theirs = await browser.newContext();
    const their = await theirs.newPage();
    await openIn(their, locale, '/');
    await signIn(their, { ...CASEWORKER, email: caseworker.email, password });
    await expect(their.getByRole('link', { name: `${name} (${id})` })).toBeVisible();
    await expect(their.getByRole('link', { name: text('Registrera ett projekt', 'Register a project') })).toHaveCount(0);
    await theirs.close();
  });

  test(`in ${locale}: refusals at their fields — a missing answer, an id already registered, an email already taken — at 320 px`, async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await openIn(page, locale, '/admin/projects/new');
    await signIn(page, ADMIN);
    await expect(page.locator('h1')).toHaveText(text('Registrera ett projekt', 'Register a project'));

    // Nothing filled in: the API's 400 marks each field.
    await page.getByRole('button', { name: text('Registrera projektet', 'Register the project') }).click();
    await expect(page.locator('.error-summary')).toBeFocused();
    const idField = page.getByLabel(text('Projekt-id', 'Project id'));
    await expect(idField).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#project-startDate-error')).toHaveText(text('Skriv ett datum som ÅÅÅÅ-MM-DD, till exempel 2025-03-14.', 'Write a date as YYYY-MM-DD, for example 2025-03-14.'));
    await expect(page.locator('#project-timeZone-error')).toHaveCount(0);
    await expectNoAxeViolations(page);
    await expectNoPageScrollAt320(page);

    // The seeded project's id: 409, next to the id.
    const answers = registration(PROJECT.id, '#dubblett');
    const inputs = page.locator('form input');
    for (const [index, answer] of answers.entries()) await inputs.nth(index).fill(answer);
    await page.getByRole('button', { name: text('Registrera projektet', 'Register the project') }).click();
    const duplicate = text('Ett projekt med den koden finns redan.', 'A project with this id is already registered.');
    await expect(page.locator('#project-id-error')).toHaveText(duplicate);
    await expect(page.locator('.error-summary')).toBeFocused();
    await expect(page.locator('.error-summary')).toContainText(duplicate);
    await expect(idField).toHaveAttribute('aria-describedby', 'project-id-hint project-id-error');
    await expect(page.locator('[aria-invalid="true"]')).toHaveCount(1);
    await expectNoAxeViolations(page);
    await expectNoPageScrollAt320(page);

    // A user whose email is taken: 409 next to the email.
    await page.goto('/admin/users/new');
    await expect(page.getByRole('checkbox', { name: `${PROJECT.registration.name} (${PROJECT.id})` })).toBeVisible();
    await page.getByLabel(text('Namn', 'Name'), { exact: true }).fill('Anna Igen');
    await page.getByLabel(text('E-postadress', 'Email address')).fill(CASEWORKER.email);
    await page.getByRole('checkbox', { name: `${PROJECT.registration.name} (${PROJECT.id})` }).check();
    await page.getByLabel(text('Lösenord', 'Password'), { exact: true }).fill('short');
    await page.getByRole('button', { name: text('Lägg till användaren', 'Add the user') }).click();
    await expect(page.locator('#user-password-error')).toBeVisible();
    await expect(page.locator('.error-summary')).toBeFocused();
    await page.getByLabel(text('Lösenord', 'Password'), { exact: true }).fill('a long enough passphrase');
    await page.getByRole('button', { name: text('Lägg till användaren', 'Add the user') }).click();
    await expect(page.locator('#user-email-error')).toHaveText(text('Det finns redan en användare med den e-postadressen.', 'There is already a user with this email address.'));
    await expect(page.locator('.error-summary')).toBeFocused();
    await expectNoAxeViolations(page);
    await expectNoPageScrollAt320(page);
  });
}

test('a caseworker is shown neither the admin buttons nor the admin screens', async ({ page }) => {
  await openIn(page, 'en', '/');
  await signIn(page, CASEWORKER);
  await expect(page.getByRole('link', { name: `${PROJECT.registration.name} (${PROJECT.id})` })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Register a project' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Users', exact: true })).toHaveCount(0);
  await page.goto('/admin/projects/new');
  await expect(page.locator('h1')).toHaveText('Only an administrator may do this.');
  await expect(page.locator('form')).toHaveCount(0);
});
