import { expect, Page } from '@playwright/test';
import { test } from '@playwright/test';
import { CORRECTION_PROJECT, CORRECTOR, PROJECT } from './seed';
import { expectNoAxeViolations, expectNoPageScrollAt320, LOCALES, openIn, signIn, tabTo, text } from './support';

/**
 * Correcting the entry answers and withdrawing an enrolment on the pathway page, in a project of
 * their own (CORRECTION_PROJECT): each test enrols its own participants through the API.
 */
const API = { 'X-Requested-With': 'pathway-web' };

async function enrolled(page: Page): Promise<string> {
  const answer = await page.request.post(`/api/v1/projects/${CORRECTION_PROJECT.id}/participants`, { headers: API, data: { enrolledOn: '2024-01-15', profile: PROJECT.profile } });
  expect(answer.status()).toBe(201);
  return ((await answer.json()) as { participantId: string }).participantId;
}

async function openNewPathway(page: Page, locale: 'sv' | 'en'): Promise<string> {
  await openIn(page, locale);
  await signIn(page, CORRECTOR);
  const id = await enrolled(page);
  await page.goto(`/participants/${id}`);
  await expect(page.locator('h1')).toContainText(id);
  await expect(page.locator('section.record')).toBeVisible();
  return id;
}

/** With SCREENSHOTS=dir, the open dialog photographed whole (the window made tall enough for it). */
async function capture(page: Page, name: string): Promise<void> {
  if (!process.env.SCREENSHOTS) return;
  const size = page.viewportSize()!;
  const modal = page.locator('.modal');
  await page.setViewportSize({ width: 800, height: Math.ceil((await modal.evaluate((e) => e.scrollHeight)) + 100) });
  await modal.screenshot({ path: `${process.env.SCREENSHOTS}/${name}.png` });
  await page.setViewportSize(size);
}

for (const locale of LOCALES) {
  test.describe(`corrections and withdrawal (${locale})`, () => {
    test('corrects the gender; nothing changed is refused at the top of the form; axe clean; 320 px', async ({ page }) => {
      await openNewPathway(page, locale);
      await page.getByRole('button', { name: text(locale, 'Rätta svaren vid inskrivningen', 'Correct the entry answers') }).click();
      const dialog = page.getByRole('dialog');
      await expect(dialog.getByLabel(text(locale, 'Kön', 'Gender'))).toHaveValue('woman');
      await expect(dialog).toContainText(text(locale, 'finns kvar i historiken', 'stays in the history'));
      await expectNoAxeViolations(page);
      await capture(page, `correction-${locale}`);

      // Nothing changed: said above the fields, with focus on it, and nothing is sent.
      await dialog.getByLabel(text(locale, 'Varför rättas svaren?', 'Why are the answers corrected?')).fill('Fel svar valt');
      await dialog.getByRole('button', { name: text(locale, 'Spara rättelsen', 'Save the correction') }).click();
      const alert = dialog.locator('p.error-message[role="alert"]');
      await expect(alert).toHaveText(text(locale, 'De rättade svaren är desamma som de registrerade: det finns inget att rätta.', 'The corrected answers are the same as those recorded: nothing to correct.'));
      await expect(alert).toBeFocused();
      await expectNoAxeViolations(page);
      await capture(page, `correction-error-${locale}`);

      // A reason left out: at its field.
      await dialog.getByLabel(text(locale, 'Kön', 'Gender')).selectOption('man');
      await dialog.getByLabel(text(locale, 'Varför rättas svaren?', 'Why are the answers corrected?')).fill('');
      await dialog.getByRole('button', { name: text(locale, 'Spara rättelsen', 'Save the correction') }).click();
      await expect(page.locator('#correct-reason-error')).toBeVisible();
      await expect(page.locator('#correct-reason')).toBeFocused();
      await expectNoAxeViolations(page);

      await dialog.getByLabel(text(locale, 'Varför rättas svaren?', 'Why are the answers corrected?')).fill('Fel svar valt vid inskrivningen');
      await dialog.getByRole('button', { name: text(locale, 'Spara rättelsen', 'Save the correction') }).click();
      await expect(page.locator('p.notice[role="status"]')).toHaveText(text(locale, 'Svaren vid inskrivningen är rättade.', 'The entry answers are corrected.'));
      await expect(page.locator('p.notice')).toBeFocused();
      await expect(page.locator('.timeline li', { hasText: text(locale, 'Svaren vid inskrivningen rättade', 'Entry answers corrected') })).toContainText(text(locale, 'Rättat: Kön', 'Corrected: Gender'));

      // The profile changed: the dialog opens with the corrected answer.
      await page.getByRole('button', { name: text(locale, 'Rätta svaren vid inskrivningen', 'Correct the entry answers') }).click();
      await expect(page.getByRole('dialog').getByLabel(text(locale, 'Kön', 'Gender'))).toHaveValue('man');
      await expectNoPageScrollAt320(page);
      await expectNoAxeViolations(page);
    });

    test('withdraws a duplicate with the keyboard only; the notice links the one who stays and recording is gone', async ({ page }) => {
      const stays = await openNewPathway(page, locale).then(async () => enrolled(page));
      const id = await enrolled(page);
      await page.goto(`/participants/${id}`);
      await expect(page.locator('section.record')).toBeVisible();

      const open = page.getByRole('button', { name: text(locale, 'Återkalla inskrivningen', 'Withdraw the enrolment') });
      await tabTo(page, open);
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog');
      await expect(dialog).toContainText(text(locale, 'räknas deltagaren inte i någon rapport', 'counts in no report'));
      await expectNoAxeViolations(page);

      // Sent unconfirmed and empty: each missing answer at its field, focus on the first.
      await tabTo(page, dialog.getByRole('button', { name: text(locale, 'Återkalla inskrivningen', 'Withdraw the enrolment') }));
      await page.keyboard.press('Enter');
      await expect(page.locator('#withdraw-ground-error')).toBeVisible();
      await expect(page.locator('#withdraw-confirm-error')).toBeVisible();
      await expect(page.locator('#withdraw-ground-never-took-part')).toBeFocused();
      await expectNoAxeViolations(page);

      await page.keyboard.press('ArrowDown'); // the second ground: a duplicate
      await expect(page.locator('#withdraw-ground-duplicate')).toBeChecked();
      await page.keyboard.press('Tab');
      await expect(page.locator('#withdraw-duplicateOf')).toBeFocused();
      await page.keyboard.type(stays);
      await page.keyboard.press('Tab');
      await page.keyboard.type('Inskriven två gånger');
      await page.keyboard.press('Tab');
      await expect(page.locator('#withdraw-confirm')).toBeFocused();
      await page.keyboard.press('Space');
      await expectNoAxeViolations(page);
      await capture(page, `withdrawal-${locale}`);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');

      const notice = page.locator('section.withdrawn-notice');
      await expect(notice).toContainText(text(locale, 'Inskrivningen är återkallad', 'This enrolment is withdrawn'));
      await expect(notice).toContainText(text(locale, 'av dig', 'by you'));
      await expect(notice.getByRole('link', { name: text(locale, `deltagare ${stays}`, `participant ${stays}`) })).toHaveAttribute('href', `/participants/${stays}`);
      await expect(page.locator('p.notice')).toBeFocused();
      await expect(page.locator('section.record')).toHaveCount(0);
      await expect(page.getByRole('button', { name: text(locale, 'Rätta svaren vid inskrivningen', 'Correct the entry answers') })).toHaveCount(0);
      await expect(page.locator('.timeline li', { hasText: text(locale, 'Inskrivningen återkallad som ett misstag', 'Enrolment withdrawn as made in error') })).toContainText(stays);
      await expectNoAxeViolations(page);
      await expectNoPageScrollAt320(page);
    });
  });
}
