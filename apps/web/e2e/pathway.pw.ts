import { expect, Page, test } from '@playwright/test';
import { PROJECT, RECORDER, RECORDING_PROJECT } from './seed';
import { expectNoAxeViolations, expectNoPageScrollAt320, LOCALES, openIn, signIn, text } from './support';

/**
 * Recording on the pathway page. Each test enrols its own participant through the API (as the
 * signed-in caseworker), in a project of its own (RECORDING_PROJECT), so tests running side by
 * side never see each other's milestones and the first project's counts stay as seeded.
 */
const API = { 'X-Requested-With': 'pathway-web' };

async function enrolled(page: Page): Promise<string> {
  const answer = await page.request.post(`/api/v1/projects/${RECORDING_PROJECT.id}/participants`, { headers: API, data: { enrolledOn: '2024-01-15', profile: PROJECT.profile } });
  expect(answer.status()).toBe(201);
  return ((await answer.json()) as { participantId: string }).participantId;
}

/** Signs in as the caseworker and opens a new participant's pathway. */
async function openNewPathway(page: Page, locale: 'sv' | 'en'): Promise<string> {
  await openIn(page, locale);
  await signIn(page, RECORDER);
  const id = await enrolled(page);
  await page.goto(`/participants/${id}`);
  await expect(page.locator('h1')).toContainText(id);
  await expect(page.locator('.timeline, .record')).toHaveCount(1); // the form's section; the timeline is empty
  return id;
}

const history = async (page: Page, id: string) =>
  ((await (await page.request.get(`/api/v1/participants/${id}/history`, { headers: API })).json()) as { version: number; events: Array<{ type: string }> });

/** With SCREENSHOTS=dir, also photographed there, as screens.pw.ts does (docs/screenshots keeps a few). */
async function capture(target: Page | ReturnType<Page['locator']>, name: string): Promise<void> {
  if (process.env.SCREENSHOTS) await target.screenshot({ path: `${process.env.SCREENSHOTS}/${name}.png`, ...('goto' in target ? { fullPage: true } : {}) });
}


async function record(page: Page, locale: 'sv' | 'en', what: string, occurredOn: string, answers: Record<string, string> = {}) {
  await page.getByLabel(text(locale, 'Vad hände?', 'What happened?')).selectOption({ label: what });
  const form = page.locator('form.milestone-form');
  await form.getByLabel(text(locale, 'Datum då det hände', 'Date it happened')).fill(occurredOn);
  for (const [label, value] of Object.entries(answers)) {
    const field = form.getByLabel(label, { exact: true });
    if ((await field.evaluate((e) => e.tagName)) === 'SELECT') await field.selectOption({ label: value });
    else await field.fill(value);
  }
  await form.getByRole('button', { name: text(locale, 'Registrera', 'Record'), exact: true }).click();
  await expect(page.locator('p.notice[role="status"]')).toContainText(text(locale, `Registrerat: ${what}`, `Recorded: ${what}`));
  await expect(page.locator('.timeline li strong', { hasText: what }).first()).toBeVisible();
}

for (const locale of LOCALES) {
  test.describe(`pathway recording (${locale})`, () => {
    test('records a pathway through exit and follow-up; each form and the pathway pass axe and reflow', async ({ page }) => {
      const id = await openNewPathway(page, locale);
      await record(page, locale, text(locale, 'Insats startade', 'Activity started'), '2024-02-01', { [text(locale, 'Typ av insats', 'Kind of activity')]: text(locale, 'IPS (individanpassat stöd till arbete)', 'IPS (individual placement and support)') });
      await record(page, locale, text(locale, 'Insats avslutad', 'Activity ended'), '2024-06-28', { [text(locale, 'Hur slutade den?', 'How did it end?')]: text(locale, 'Genomförd', 'Completed') });

      // The exit form, with its rule in plain words: the screenshot of a form.
      await page.getByLabel(text(locale, 'Vad hände?', 'What happened?')).selectOption({ label: text(locale, 'Avslutade projektet', 'Left the project') });
      const form = page.locator('form.milestone-form');
      await expect(form.locator('.rule')).toContainText(text(locale, 'inom fyra veckor efter avslutet', 'within four weeks after the exit'));
      await form.getByLabel(text(locale, 'Datum då det hände', 'Date it happened')).fill('2024-09-30');
      await form.getByLabel(text(locale, 'Varför avslutade deltagaren?', 'Why did the participant leave?')).selectOption('completed');
      await form.getByLabel(text(locale, 'Situation vid avslut', 'Situation upon leaving')).selectOption('job-searching');
      await expectNoAxeViolations(page);
      await capture(page.locator('section.record'), `milestone-form-${locale}`);
      await form.getByRole('button', { name: text(locale, 'Registrera', 'Record'), exact: true }).click();
      await expect(page.locator('.facts')).toContainText(text(locale, 'Har avslutat', 'Has left'));

      // After the exit the form offers the follow-up; its rule names the exit date.
      await page.getByLabel(text(locale, 'Vad hände?', 'What happened?')).selectOption({ label: text(locale, 'Uppföljning', 'Follow-up') });
      await expect(page.locator('form.milestone-form .rule')).toContainText(text(locale, '30 sep. 2024', '30 Sept 2024'));
      await page.getByLabel(text(locale, 'Vad hände?', 'What happened?')).selectOption('');
      await record(page, locale, text(locale, 'Uppföljning', 'Follow-up'), '2025-03-31', {
        [text(locale, 'Situation vid uppföljningen', 'Situation at the follow-up')]: text(locale, 'Anställd', 'Employed'),
        [text(locale, 'Bättre ställning på arbetsmarknaden?', 'Better situation on the labour market?')]: text(locale, 'Ja', 'Yes'),
      });

      expect((await history(page, id)).events.map((e) => e.type)).toEqual(['ParticipantEnrolled', 'InterventionStarted', 'InterventionEnded', 'ParticipantExited', 'FollowUpRecorded']);
      await expect(page.locator('.timeline li')).toHaveCount(4);
      await expect(page.locator('.timeline').getByText(text(locale, 'av dig', 'by you')).first()).toBeVisible();
      await expect(page.locator('.timeline .late').first()).toBeVisible(); // dated 2024, recorded today
      const indicators = page.locator('section[aria-labelledby="indicators-title"]');
      await expect(indicators).toContainText('EECR05');
      await expect(indicators).toContainText('EECO01');
      await expectNoAxeViolations(page);
      await capture(page, `pathway-recorded-${locale}`);
      await expectNoPageScrollAt320(page);
      await page.getByLabel(text(locale, 'Vad hände?', 'What happened?')).selectOption({ label: text(locale, 'Kom tillbaka till projektet', 'Came back to the project') });
      await expectNoPageScrollAt320(page);
    });

    test('every state passes axe: errors next to the field, a conflict, both dialogs', async ({ page }) => {
      const id = await openNewPathway(page, locale);
      // 422: before the enrolment, said next to the date field in the user's language.
      await page.getByLabel(text(locale, 'Vad hände?', 'What happened?')).selectOption('job-search-started');
      const form = page.locator('form.milestone-form');
      const date = form.getByLabel(text(locale, 'Datum då det hände', 'Date it happened'));
      await date.fill('2023-12-01');
      await form.getByRole('button', { name: text(locale, 'Registrera', 'Record'), exact: true }).click();
      const message = text(locale, 'Datumet får inte vara före inskrivningen (15 jan. 2024).', 'The date cannot be before the enrolment (15 Jan 2024).');
      await expect(form.locator('.field-error')).toHaveText(`${message}`);
      await expect(date).toHaveAttribute('aria-invalid', 'true');
      await expect(date).toHaveAccessibleDescription(new RegExp(message.replace(/[.()]/g, '\\$&')));
      await expect(form.locator('.error-summary')).toBeFocused();
      await expectNoAxeViolations(page);

      // 409: another change lands while the form is open; the form says what, then re-applies.
      await date.fill('2024-03-01');
      const concurrent = await page.request.post(`/api/v1/participants/${id}/milestones`, { headers: API, data: { type: 'job-placed', occurredOn: '2024-02-20', employment: 'employee', contract: 'permanent' } });
      expect(concurrent.status()).toBe(201);
      await form.getByRole('button', { name: text(locale, 'Registrera', 'Record'), exact: true }).click();
      const conflict = form.locator('.conflict');
      await expect(conflict.locator('h4')).toBeFocused();
      await expect(conflict).toContainText(text(locale, 'Fick arbete, 20 feb. 2024', 'Got a job, 20 Feb 2024'));
      await expectNoAxeViolations(page);
      await conflict.getByRole('button', { name: text(locale, 'Registrera min ändå', 'Record mine anyway') }).click();
      await expect(page.locator('p.notice[role="status"]')).toContainText(text(locale, 'Registrerat', 'Recorded'));
      expect((await history(page, id)).events.map((e) => e.type)).toEqual(['ParticipantEnrolled', 'JobPlaced', 'JobSearchStarted']);

      // The dialogs, open.
      await page.getByRole('button', { name: new RegExp(text(locale, 'Återkalla ”Fick arbete”', 'Retract “Got a job”')) }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await expectNoAxeViolations(page);
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: text(locale, 'Ändra kontaktuppgifter', 'Change contact details') }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await page.getByRole('dialog').getByLabel(text(locale, 'E-post', 'Email')).fill('not an address');
      await page.getByRole('dialog').getByRole('button', { name: text(locale, 'Spara', 'Save') }).click();
      await expect(page.getByRole('dialog').locator('.field-error')).toHaveText(text(locale, 'Kontrollera svaret: det saknas eller har fel form.', 'Check this answer: it is missing or not in the expected form.'));
      await expectNoAxeViolations(page);
    });
  });
}

test('keyboard only: choose what happened, fill in the form and record it, without a mouse', async ({ page }) => {
  const id = await openNewPathway(page, 'en');
  // From the heading: the back link, the contact details, correction and withdrawal buttons, then "What happened?".
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Change contact details' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Correct the entry answers' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Withdraw the enrolment' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('What happened?')).toBeFocused();
  await page.keyboard.type('Started looking'); // type-ahead in a closed select
  await expect(page.getByLabel('What happened?')).toHaveValue('job-search-started');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Date it happened')).toBeFocused();
  await page.keyboard.type('2024-03-04');
  await page.keyboard.press('Enter');
  await expect(page.locator('p.notice[role="status"]')).toBeFocused();
  await expect(page.locator('p.notice[role="status"]')).toHaveText('Recorded: Started looking for work on 4 Mar 2024.');
  expect((await history(page, id)).events.map((e) => e.type)).toEqual(['ParticipantEnrolled', 'JobSearchStarted']);
});

test('a double click records once, and so does a resend after the answer was lost', async ({ page }) => {
  const id = await openNewPathway(page, 'en');
  await page.getByLabel('What happened?').selectOption('job-search-started');
  await page.getByLabel('Date it happened').fill('2024-03-04');
  await page.getByRole('button', { name: 'Record', exact: true }).dblclick();
  await expect(page.locator('p.notice[role="status"]')).toContainText('Recorded');

  // The API records, but its answer never reaches the app; the caseworker sends again.
  const keys: string[] = [];
  let lost = false;
  await page.route(`**/api/v1/participants/${id}/milestones`, async (route) => {
    keys.push(route.request().headers()['idempotency-key']);
    if (lost) return route.continue();
    lost = true;
    await route.fetch();
    await route.abort('connectionreset');
  });
  await page.getByLabel('What happened?').selectOption('education-entered');
  await page.getByLabel('Date it happened').fill('2024-04-01');
  await page.getByLabel('Kind of education').selectOption('vocational');
  await page.getByRole('button', { name: 'Record', exact: true }).click();
  await expect(page.locator('.error-summary')).toContainText('The request could not be carried out');
  await page.getByRole('button', { name: 'Record', exact: true }).click();
  await expect(page.locator('p.notice[role="status"]')).toContainText('Recorded: Started education');
  expect(keys).toHaveLength(2);
  expect(keys[1]).toBe(keys[0]);
  expect((await history(page, id)).events.map((e) => e.type)).toEqual(['ParticipantEnrolled', 'JobSearchStarted', 'EducationEntered']);
});

test('retraction: a dialog asks why; the milestone is struck through with the reason, in words too', async ({ page }) => {
  const id = await openNewPathway(page, 'en');
  await record(page, 'en', 'Got a job', '2024-05-02', { 'Kind of work': 'Employed', Contract: 'Temporary' });
  const retract = page.getByRole('button', { name: 'Retract “Got a job” of 2 May 2024' });
  // Cancelled: nothing happens and focus goes back to the button.
  await retract.click();
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await expect(retract).toBeFocused();
  await retract.press('Enter');
  await expect(page.getByRole('dialog').getByLabel('Why is it retracted?')).toBeFocused();
  await page.keyboard.type('Recorded for the wrong person');
  await page.getByRole('dialog').getByRole('button', { name: 'Retract' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.locator('p.notice[role="status"]')).toBeFocused();
  await expect(page.locator('.timeline del')).toHaveText('Got a job');
  await expect(page.locator('.timeline li.retracted')).toContainText('(retracted)');
  await expect(page.locator('.timeline li.retracted')).toContainText('Retracted: Recorded for the wrong person');
  await expect(page.getByRole('button', { name: /Retract “Got a job”/ })).toHaveCount(0);
  expect((await history(page, id)).events.map((e) => e.type)).toEqual(['ParticipantEnrolled', 'JobPlaced', 'MilestoneRetracted']);
});

test('contact details: changed in a dialog, kept sealed, and shown when the dialog opens again', async ({ page }) => {
  const id = await openNewPathway(page, 'en');
  const button = page.getByRole('button', { name: 'Change contact details' });
  await button.click();
  const dialog = page.getByRole('dialog', { name: 'Change contact details' });
  await expect(dialog.getByLabel('Phone')).toBeFocused();
  await dialog.getByLabel('Phone').fill('070-123 45 67');
  await dialog.getByLabel('Email').fill('kim@example.org');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(button).toBeFocused();
  await expect(page.locator('p.notice[role="status"]')).toHaveText('The contact details were saved.');
  expect((await history(page, id)).events.map((e) => e.type)).toEqual(['ParticipantEnrolled', 'ContactDetailsChanged']);
  await expect(page.locator('main')).not.toContainText('070-123 45 67'); // not on the page, only in the dialog

  await button.click();
  await expect(dialog.getByLabel('Phone')).toHaveValue('070-123 45 67');
  await dialog.getByLabel('Phone').fill('');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);
  await button.click();
  await expect(dialog.getByLabel('Phone')).toHaveValue('');
  await expect(dialog.getByLabel('Email')).toHaveValue('kim@example.org');
});
