import { expect, Locator, Page, test } from '@playwright/test';
import { DUPLICATES_CASEWORKER, DUPLICATES_PROJECT, PROJECT } from './seed';
import { expectNoAxeViolations, expectNoPageScrollAt320, LOCALES, openIn, signIn, text } from './support';

/**
 * Issue 15: likely duplicates on Today, resolved through the withdrawal dialog; and the pathway's
 * Correction and Withdrawal dialogs when the participant changed after they were opened. In a
 * project of their own (DUPLICATES_PROJECT): each test enrols its own participants through the API,
 * with a number and name of its own, so runs in parallel never pair with each other.
 */
const API = { 'X-Requested-With': 'pathway-web' };
const TODAY = `/projects/${DUPLICATES_PROJECT.id}/today`;

async function enrol(page: Page, birthDate: string, personal?: object): Promise<string> {
  const answer = await page.request.post(`/api/v1/projects/${DUPLICATES_PROJECT.id}/participants`, {
    headers: API,
    data: { enrolledOn: '2024-01-15', profile: { ...PROJECT.profile, birthDate }, ...(personal ? { personal } : {}) },
  });
  expect(answer.status()).toBe(201);
  return ((await answer.json()) as { participantId: string }).participantId;
}

/** Today read again until `check` holds: the read models follow the log within moments. */
async function todayUntil(page: Page, check: () => Promise<void>): Promise<void> {
  await expect(async () => {
    await page.goto(TODAY);
    await expect(page.locator('h1')).toBeFocused();
    await check();
  }).toPass({ timeout: 20_000 });
}

/** Records an intervention start through the API: the participant's version moves on behind the dialog. */
async function recordMeanwhile(page: Page, participantId: string): Promise<void> {
  const answer = await page.request.post(`/api/v1/participants/${participantId}/milestones`, {
    headers: API,
    data: { type: 'intervention-started', occurredOn: '2024-02-01', interventionId: `meanwhile-${Date.now()}`, kind: 'mentoring' },
  });
  expect(answer.status()).toBe(201);
}

/**
 * The status the API answers the dialog's POST to `path`: with an If-Match older than the
 * participant's version, 409 CONCURRENCY.VERSION_MISMATCH (the expected version does not match).
 */
async function answerTo(page: Page, path: string): Promise<number> {
  const response = await page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(path));
  return response.status();
}

async function openPathway(page: Page, participantId: string): Promise<void> {
  await page.goto(`/participants/${participantId}`);
  await expect(page.locator('h1')).toContainText(participantId);
  await expect(page.locator('section.record')).toBeVisible();
}

/** The stale message at the top of the dialog's form, with focus, and the dialog still open. */
async function expectConflictShown(page: Page, dialog: Locator, message: string): Promise<void> {
  const alert = dialog.locator('p.error-message[role="alert"]');
  await expect(alert).toHaveText(message);
  await expect(alert).toBeFocused();
  await expect(dialog.locator('form')).toBeVisible();
  await expectNoAxeViolations(page);
}

for (const locale of LOCALES) {
  test.describe(`likely duplicates and conflicts (${locale})`, () => {
    test.beforeEach(async ({ page }) => {
      await openIn(page, locale, TODAY);
      await signIn(page, DUPLICATES_CASEWORKER);
    });

    test('Today lists a likely duplicate with both pathways; withdrawn as a duplicate, it is gone', async ({ page }) => {
      const tag = `${locale}${Date.now().toString(36)}`;
      const birthDate = locale === 'sv' ? '1988-03-04' : '1988-03-05';
      const stays = await enrol(page, birthDate, { name: `Åsa Dubblett-${tag}`, nationalIdentityNumber: `DUP ${tag}` });
      const twice = await enrol(page, birthDate, { name: `dubblett ${tag}  ASA`, nationalIdentityNumber: `dup ${tag}` });

      const item = page.locator('section.duplicates li').filter({ has: page.getByRole('link', { name: stays, exact: true }) });
      await todayUntil(page, () => expect(item).toBeVisible({ timeout: 1_000 }));
      await expect(page.locator('section.duplicates h2')).toContainText(text(locale, 'Kanske inskrivna två gånger', 'Possibly enrolled twice'));
      await expect(item.getByRole('link')).toHaveText([stays, twice].sort());
      await expect(item).toContainText(text(locale, 'Samma personnummer. Samma födelsedatum och namn.', 'The same personal identity number. The same birth date and name.'));
      // Only codes: the names opened for the check stay on the server.
      await expect(page.locator('body')).not.toContainText(tag);
      await expectNoAxeViolations(page);
      if (process.env.SCREENSHOTS) await page.locator('section.duplicates').screenshot({ path: `${process.env.SCREENSHOTS}/today-duplicates-${locale}.png` });
      await expectNoPageScrollAt320(page);
      await page.setViewportSize({ width: 1280, height: 720 });

      await item.getByRole('link', { name: twice, exact: true }).click();
      await expect(page.locator('h1')).toContainText(twice);
      await page.getByRole('button', { name: text(locale, 'Återkalla inskrivningen', 'Withdraw the enrolment') }).click();
      const dialog = page.getByRole('dialog');
      await dialog.locator('#withdraw-ground-duplicate').check();
      await dialog.locator('#withdraw-duplicateOf').fill(stays);
      await dialog.locator('#withdraw-reason').fill(text(locale, 'Inskriven två gånger', 'Enrolled twice'));
      await dialog.locator('#withdraw-confirm').check();
      await dialog.getByRole('button', { name: text(locale, 'Återkalla inskrivningen', 'Withdraw the enrolment') }).click();
      await expect(page.locator('section.withdrawn-notice')).toContainText(text(locale, 'Inskrivningen är återkallad', 'This enrolment is withdrawn'));

      await todayUntil(page, () => expect(page.getByRole('link', { name: twice, exact: true })).toHaveCount(0, { timeout: 1_000 }));
      await expect(item).toHaveCount(0);
      await expectNoAxeViolations(page);
    });

    test('the Correction dialog shows a change made meanwhile next to its form; axe clean', async ({ page }) => {
      const id = await enrol(page, '1990-06-01');
      await openPathway(page, id);
      await page.getByRole('button', { name: text(locale, 'Rätta svaren vid inskrivningen', 'Correct the entry answers') }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel(text(locale, 'Kön', 'Gender')).selectOption('man');
      await dialog.getByLabel(text(locale, 'Varför rättas svaren?', 'Why are the answers corrected?')).fill('Fel svar valt');
      await recordMeanwhile(page, id);
      const answered = answerTo(page, `/participants/${id}/corrections`);
      await dialog.getByRole('button', { name: text(locale, 'Spara rättelsen', 'Save the correction') }).click();
      expect(await answered).toBe(409);
      await expectConflictShown(
        page,
        dialog,
        text(locale, 'Något har registrerats för deltagaren sedan du öppnade det här. Sidan visar det nu: kontrollera svaren och spara igen.', 'Something was recorded for this participant since you opened this. The page now shows it: check the answers and save again.'),
      );
      await expectNoPageScrollAt320(page);
    });

    test('the Withdrawal dialog shows a change made meanwhile next to its form; axe clean', async ({ page }) => {
      const id = await enrol(page, '1990-06-02');
      await openPathway(page, id);
      await page.getByRole('button', { name: text(locale, 'Återkalla inskrivningen', 'Withdraw the enrolment') }).click();
      const dialog = page.getByRole('dialog');
      await dialog.locator('#withdraw-ground-never-took-part').check();
      await dialog.locator('#withdraw-reason').fill(text(locale, 'Kom aldrig', 'Never came'));
      await dialog.locator('#withdraw-confirm').check();
      await recordMeanwhile(page, id);
      const answered = answerTo(page, `/participants/${id}/withdrawal`);
      await dialog.getByRole('button', { name: text(locale, 'Återkalla inskrivningen', 'Withdraw the enrolment') }).click();
      expect(await answered).toBe(409);
      await expectConflictShown(
        page,
        dialog,
        text(locale, 'Något har registrerats för deltagaren sedan du öppnade det här. Sidan visar det nu: kontrollera och försök igen.', 'Something was recorded for this participant since you opened this. The page now shows it: check and try again.'),
      );
      await expectNoPageScrollAt320(page);
    });
  });
}
