import { expect, Page, test } from '@playwright/test';
import { ADMIN, DETAILS_PROJECTS, DETAILS_USERS } from './seed';
import { capture, expectNoAxeViolations, expectNoPageScrollAt320, inLanguage, LOCALES, openIn, signIn, tabTo } from './support';

/** Replaces what the focused input holds with `value`. */
async function replaceWith(page: Page, value: string) {
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(value);
}

for (const locale of LOCALES) {
  const text = inLanguage(locale);
  const project = DETAILS_PROJECTS[locale];

  test(`in ${locale}: an admin changes a project's details by keyboard; refusals, a change made meanwhile, at 320 px`, async ({ page, browser }) => {
    await openIn(page, locale, `/projects/${project.id}/participants`);
    await signIn(page, ADMIN);
    const nav = page.getByRole('link', { name: text('Projektuppgifter', 'Project details') });
    await tabTo(page, nav);
    await page.keyboard.press('Enter');
    await expect(page.locator('h1')).toHaveText(text(`Projektuppgifter: ${project.id}`, `Project details: ${project.id}`));
    await expect(page.locator('h1')).toBeFocused();
    await expect(page.locator('.details-list')).toContainText(project.registration.name);
    const zone = await page.getByLabel(text('Tidszon', 'Time zone')).inputValue();
    await expectNoAxeViolations(page);

    // A period that leaves out the participant enrolled on 2024-06-03: 422, said in the summary.
    await tabTo(page, page.getByLabel(text('Startdatum', 'Start date')));
    await replaceWith(page, '2024-07-01');
    await tabTo(page, page.getByLabel(text('Skäl till ändringen', 'Reason for the change')));
    await page.keyboard.type(text('Ändrat beslut om stöd', 'Amended funding decision'));
    await page.keyboard.press('Enter');
    const summary = page.locator('.error-summary');
    await expect(summary).toBeFocused();
    await expect(summary).toContainText(text('perioden måste omfatta de datumen', 'the period must include those dates'));
    await expectNoAxeViolations(page);

    // A new time zone once someone is enrolled: refused next to the zone.
    await tabTo(page, page.getByLabel(text('Startdatum', 'Start date')));
    await replaceWith(page, project.registration.startDate);
    await tabTo(page, page.getByLabel(text('Tidszon', 'Time zone')));
    await replaceWith(page, 'Europe/Helsinki');
    await page.keyboard.press('Enter');
    await expect(page.locator('#details-timeZone-error')).toContainText(text('Tidszonen kan inte ändras', 'The time zone cannot change'));
    await expect(summary).toBeFocused();
    await expectNoAxeViolations(page);

    // A valid change: saved, said, and shown among the current details.
    await tabTo(page, page.getByLabel(text('Tidszon', 'Time zone')));
    await replaceWith(page, zone);
    await tabTo(page, page.getByLabel(text('Planerat antal deltagare', 'Planned participants')));
    await replaceWith(page, '95');
    await tabTo(page, page.getByRole('button', { name: text('Spara uppgifterna', 'Save the details') }));
    await page.keyboard.press('Enter');
    const notice = page.locator('p.notice');
    await expect(notice).toHaveText(text('Uppgifterna är sparade.', 'The details are saved.'));
    await expect(notice).toBeFocused();
    await expect(page.locator('.details-list')).toContainText('95');
    await expectNoAxeViolations(page);
    await capture(page, `project-details-${locale}`);

    // Another admin changes the project meanwhile: this page's save is refused and shows theirs.
    const other = await browser.newContext();
    const theirs = await other.newPage();
    await openIn(theirs, locale, `/projects/${project.id}/details`);
    await signIn(theirs, ADMIN);
    await theirs.getByLabel(text('Planerat antal deltagare', 'Planned participants')).fill('120');
    await theirs.getByLabel(text('Skäl till ändringen', 'Reason for the change')).fill('Another decision');
    await theirs.getByRole('button', { name: text('Spara uppgifterna', 'Save the details') }).click();
    await expect(theirs.locator('p.notice')).toBeVisible();
    await other.close();

    await page.getByLabel(text('Namn', 'Name'), { exact: true }).fill(`${project.registration.name} 2`);
    await page.getByLabel(text('Skäl till ändringen', 'Reason for the change')).fill('Renamed');
    await page.getByRole('button', { name: text('Spara uppgifterna', 'Save the details') }).click();
    await expect(notice).toContainText(text('Någon annan ändrade', 'Someone else changed'));
    await expect(notice).toBeFocused();
    await expect(page.locator('.details-list')).toContainText('120');
    await expect(page.getByLabel(text('Namn', 'Name'), { exact: true })).toHaveValue(`${project.registration.name} 2`);
    await expectNoAxeViolations(page);
    await expectNoPageScrollAt320(page);
  });

  test(`in ${locale}: an admin lists the users, changes a caseworker's role and disables the account; a refusal at its field`, async ({ page }) => {
    const user = DETAILS_USERS[locale];
    await openIn(page, locale, '/');
    await signIn(page, ADMIN);
    await tabTo(page, page.getByRole('link', { name: text('Användare', 'Users'), exact: true }));
    await page.keyboard.press('Enter');
    await expect(page.locator('h1')).toHaveText(text('Användare', 'Users'));
    const row = page.getByRole('row', { name: new RegExp(user.name) });
    await expect(row).toContainText(user.email);
    await expect(row).toContainText(text('Kan logga in', 'Can sign in'));
    await expect(page.getByRole('link', { name: text('Lägg till en användare', 'Add a user') })).toBeVisible();
    await expectNoAxeViolations(page);
    await capture(page, `users-${locale}`);
    await expectNoPageScrollAt320(page);
    // Each project id stays whole (never `24-313-` / `D01`); a list of them wraps between ids.
    for (const width of [320, 1024]) {
      await page.setViewportSize({ width, height: 720 });
      const ids = page.locator('.users-table .project-id');
      await expect(ids.filter({ hasText: project.id })).toBeVisible();
      expect(await ids.evaluateAll((spans) => spans.filter((s) => s.getClientRects().length > 1).map((s) => s.textContent))).toEqual([]);
    }
    await page.setViewportSize({ width: 1280, height: 720 });

    await tabTo(page, page.getByRole('link', { name: text(`Ändra ${user.name}`, `Change ${user.name}`) }));
    await page.keyboard.press('Enter');
    await expect(page.locator('h1')).toHaveText(text(`Ändra ${user.name}`, `Change ${user.name}`));
    await expect(page.getByRole('checkbox', { name: `${project.registration.name} (${project.id})` })).toBeChecked();
    await expectNoAxeViolations(page);

    // No project for a caseworker: the API's 400, next to the projects.
    await page.getByRole('checkbox', { name: `${project.registration.name} (${project.id})` }).uncheck();
    await page.getByRole('button', { name: text('Spara ändringarna', 'Save the changes') }).click();
    await expect(page.locator('.error-summary')).toBeFocused();
    await expect(page.locator('#user-projects-error')).toBeVisible();
    await expectNoAxeViolations(page);

    // Evaluator of the project, and disabled: saved.
    await page.getByRole('checkbox', { name: `${project.registration.name} (${project.id})` }).check();
    // A radio group is one Tab stop, at the chosen role; the arrow keys choose another.
    await tabTo(page, page.getByRole('radio', { name: text('Handläggare', 'Caseworker') }));
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('radio', { name: text('Utvärderare', 'Evaluator') })).toBeChecked();
    await tabTo(page, page.getByRole('checkbox', { name: text('Stäng av kontot', 'Disable the account') }));
    await page.keyboard.press('Space');
    await tabTo(page, page.getByRole('button', { name: text('Spara ändringarna', 'Save the changes') }));
    await page.keyboard.press('Enter');
    await expect(page.locator('p.notice')).toBeFocused();
    await expect(page.locator('p.notice')).toHaveText(text('Ändringarna är sparade.', 'The changes are saved.'));
    await expectNoAxeViolations(page);
    await expectNoPageScrollAt320(page);

    await page.getByRole('link', { name: text('Tillbaka till användarna', 'Back to the users') }).click();
    await expect(row).toContainText(text('Avstängd', 'Disabled'));
    await expect(row).toContainText(text('Utvärderare', 'Evaluator'));

    // The disabled account: a wrong password learns nothing of it; the right one is told it is disabled and whom to ask.
    await page.context().clearCookies();
    await openIn(page, locale, '/');
    const trySignIn = async (password: string) => {
      await page.locator('input[name="email"]').fill(user.email);
      await page.locator('input[name="password"]').fill(password);
      await page.locator('button[type="submit"]').click();
    };
    await trySignIn('not the password');
    await expect(page.getByRole('alert')).toHaveText(text('E-postadressen eller lösenordet är fel.', 'The e-mail address or the password is wrong.'));
    await trySignIn(user.password);
    await expect(page.getByRole('alert')).toContainText(text('Ditt konto är avstängt. Be en administratör', 'Your account is disabled. Ask an administrator'));
    await expectNoAxeViolations(page);
  });
}
