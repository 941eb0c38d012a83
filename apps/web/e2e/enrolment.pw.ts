import { expect, Page, test } from '@playwright/test';
import { ENROL_PROJECT, ENROLLED, ENROLLER, EVALUATOR, PROJECT } from './seed';
import { expectNoAxeViolations, expectNoPageScrollAt320, inLanguage, LOCALES, openIn, signIn } from './support';

const LIST = `/projects/${ENROL_PROJECT.id}/participants`;
const FORM = `${LIST}?enrol`;

/** Fills the form with pointer-free calls (fill/check), for the tests that are not about the keyboard. */
async function fillForm(page: Page, text: (sv: string, en: string) => string, identityNumber: string) {
  await page.getByLabel(text('Namn (frivilligt)', 'Name (optional)')).fill('Test Person');
  await page.getByLabel(text('Personnummer (frivilligt)', 'Personal identity number (optional)')).fill(identityNumber);
  await page.getByLabel(text('Födelsedatum, som ÅÅÅÅ-MM-DD', 'Date of birth, as YYYY-MM-DD')).fill('1990-01-01');
  for (const group of await page.locator('fieldset.question:has(input[type=radio])').all()) await group.locator('input[type=radio]').last().check();
}

for (const locale of LOCALES) {
  const text = inLanguage(locale);

  test(`keyboard only: enrol a participant in ${locale}, then land on their pathway with focus on its heading`, async ({ page }) => {
    const press = (key: string, times = 1) => Array.from({ length: times }).reduce<Promise<void>>((p) => p.then(() => page.keyboard.press(key)), Promise.resolve());
    await openIn(page, locale, LIST);
    await expect(page.locator('h1')).toBeFocused();
    await press('Tab');
    await page.keyboard.type(ENROLLER.email);
    await press('Tab');
    await page.keyboard.type(ENROLLER.password);
    await press('Enter');

    await expect(page.locator('h1')).toContainText(text('Deltagare', 'Participants'));
    await expect(page.locator('h1')).toBeFocused();
    await press('Tab');
    await expect(page.getByRole('link', { name: text('Skriv in en deltagare', 'Enrol a participant') })).toBeFocused();
    await press('Enter');

    await expect(page.locator('h1')).toHaveText(text('Skriv in en deltagare', 'Enrol a participant'));
    await expect(page.locator('h1')).toBeFocused();
    await press('Tab'); // back link
    await press('Tab');
    await expect(page.locator('#name-input')).toBeFocused();
    await page.keyboard.type(`Kim Tangentbord ${locale}`);
    await press('Tab');
    await page.keyboard.type(locale === 'sv' ? '030814-2389' : 'X 1234 EN');
    await press('Tab', 3); // phone, email, address left empty
    await press('Tab');
    await expect(page.locator('#enrolledOn-input')).toBeFocused();
    await expect(page.locator('#enrolledOn-input')).toHaveValue(/^\d{4}-\d\d-\d\d$/); // today in the project's zone
    await press('Tab');
    await expect(page.locator('#birthDate-input')).toBeFocused();
    await page.keyboard.type('2003-08-14');
    await press('Tab'); // "not disclosed" for the birth date: left unticked
    await press('Tab');
    await expect(page.locator('#gender-input')).toBeFocused();
    await press('Space'); // woman
    await press('Tab');
    await press('ArrowDown'); // labour market: long-term unemployed
    await expect(page.locator('#labourMarketStatus-long-term-unemployed')).toBeChecked();
    // The seven yes/no questions: "not disclosed" (ArrowUp from the first answer wraps to the last) for
    // education, "no" (ArrowDown) for the others; and the education level: ISCED 0-2 (Space).
    await press('Tab');
    await press('ArrowUp');
    await expect(page.locator('#inEducationOrTraining-not-disclosed')).toBeChecked();
    await press('Tab');
    await press('Space');
    for (let i = 0; i < 6; i++) {
      await press('Tab');
      await press('ArrowDown');
    }
    await press('Tab');
    await expect(page.getByRole('button', { name: text('Skriv in', 'Enrol') })).toBeFocused();
    await press('Enter');

    await expect(page.locator('h1')).toHaveText(new RegExp(text('Deltagare ', 'Participant ')));
    await expect(page.locator('h1')).toBeFocused();
    const participantId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    // The caseworker sees whom they enrolled: the name beside the code.
    await expect(page.locator('h1')).toContainText(`Kim Tangentbord ${locale}`);
    // Recorded once, with the answers given: the API's view of the new participant.
    const pathway = await page.request.get(`/api/v1/participants/${participantId}`, { headers: { 'X-Requested-With': 'pathway-web' } });
    expect(pathway.ok()).toBe(true);
    const body = await pathway.json();
    expect(body.personalData.data).toMatchObject({ name: `Kim Tangentbord ${locale}` });
    expect(body.profile).toMatchObject({ gender: 'woman', labourMarketStatus: 'long-term-unemployed', inEducationOrTraining: null, educationLevel: 'isced-0-2', disability: false, ruralArea: false, birthDate: '2003-08-14' });
  });

  test(`the empty form, its errors and an API refusal next to the field, in ${locale}`, async ({ page }) => {
    await openIn(page, locale, FORM);
    await signIn(page, ENROLLER);
    await expect(page.locator('h1')).toHaveText(text('Skriv in en deltagare', 'Enrol a participant'));
    await expectNoAxeViolations(page);
    if (process.env.SCREENSHOTS) await page.screenshot({ path: `${process.env.SCREENSHOTS}/enrol-${locale}.png`, fullPage: true });
    await expectNoPageScrollAt320(page);
    await page.setViewportSize({ width: 1280, height: 720 });

    await page.getByRole('button', { name: text('Skriv in', 'Enrol') }).click();
    const summary = page.locator('.error-summary');
    await expect(summary).toBeFocused();
    await expect(page.locator('#gender-error')).toContainText(text('Välj ett svar, eller ”Vill inte uppge”.', 'Choose an answer, or “Not disclosed”.'));
    await expect(page.locator('#birthDate-error')).toBeVisible();
    await expectNoAxeViolations(page);
    if (process.env.SCREENSHOTS) await page.screenshot({ path: `${process.env.SCREENSHOTS}/enrol-errors-${locale}.png` });
    await expectNoPageScrollAt320(page);
    await page.setViewportSize({ width: 1280, height: 720 });

    // The API's refusals, in the user's language, next to their field: a date in the future (422) and an e-mail (400).
    await fillForm(page, text, '');
    await page.locator('#enrolledOn-input').fill('2999-01-01');
    await page.getByRole('button', { name: text('Skriv in', 'Enrol') }).click();
    await expect(page.locator('#enrolledOn-error')).toContainText(text('Inskrivningsdatum kan inte vara senare än i dag.', 'The enrolment date cannot be later than today.'));
    await expect(page.locator('#enrolledOn-input')).toHaveAttribute('aria-invalid', 'true');
    await page.locator('#enrolledOn-input').fill('2025-03-14');
    await page.locator('#email-input').fill('not an address');
    await page.getByRole('button', { name: text('Skriv in', 'Enrol') }).click();
    await expect(page.locator('#email-error')).toContainText(text('Skriv en e-postadress som namn@exempel.se.', 'Enter an email address like name@example.se.'));
    await expect(page.locator('#enrolledOn-error')).toHaveCount(0);
    await expectNoAxeViolations(page);
  });

  test(`the same identity number already enrolled: a warning, a link, stop or go on, in ${locale}`, async ({ page }) => {
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/participants')) posts.push(r.headers()['idempotency-key'] ?? '');
    });
    await openIn(page, locale, FORM);
    await signIn(page, ENROLLER);
    await fillForm(page, text, '900101-2385'); // ENROLLED's number in another written form
    await page.getByRole('button', { name: text('Skriv in', 'Enrol') }).click();

    const warning = page.getByRole('heading', { name: text('Personen kan redan vara inskriven', 'This person may already be enrolled') });
    await expect(warning).toBeFocused();
    await expect(page.getByRole('link', { name: new RegExp(`${ENROLLED.name} \\(${ENROLLED.id}\\)`) })).toHaveAttribute('href', `/participants/${ENROLLED.id}`);
    expect(posts).toEqual([]); // nothing sent before the caseworker chooses
    await expectNoAxeViolations(page);
    await expectNoPageScrollAt320(page);
    await page.setViewportSize({ width: 1280, height: 720 });

    if (process.env.SCREENSHOTS) await page.screenshot({ path: `${process.env.SCREENSHOTS}/enrol-duplicate-${locale}.png` });

    // Go on: a double click records once (one Idempotency-Key for the form, one participant more).
    const sameNumber = async () => {
      const list = await page.request.get(`/api/v1${LIST}?identityNumber=199001012385&limit=100`, { headers: { 'X-Requested-With': 'pathway-web' } });
      return ((await list.json()) as { total: number }).total;
    };
    const before = await sameNumber();
    await page.getByRole('button', { name: text('Skriv in ändå', 'Enrol anyway') }).dblclick();
    await expect(page.locator('h1')).toHaveText(new RegExp(text('Deltagare ', 'Participant ')));
    expect(new Set(posts).size).toBe(1);
    await expect.poll(sameNumber).toBe(before + 1);

    // Stop: back to the list, nothing recorded.
    await page.goto(FORM);
    await fillForm(page, text, '199001012385');
    await page.getByRole('button', { name: text('Skriv in', 'Enrol') }).click();
    await page.getByRole('button', { name: text('Skriv inte in', 'Do not enrol') }).click();
    await expect(page.locator('h1')).toContainText(text('Deltagare', 'Participants'));
    expect(new Set(posts).size).toBe(1);
  });
}

test('a caseworker searches by name and by identity number; each answer is announced', async ({ page }) => {
  await openIn(page, 'en', LIST);
  await signIn(page, ENROLLER);
  const search = page.getByLabel('Search');
  await search.fill('dubblett');
  await expect(page.getByRole('status')).toHaveText(/^Showing 1–1 of 1$/);
  await expect(page.getByRole('row', { name: new RegExp(ENROLLED.name) })).toBeVisible();
  await expect(page).toHaveURL(/q=dubblett/);
  await search.fill('9001012385');
  await expect(page.getByRole('link', { name: ENROLLED.id })).toBeVisible();
  await search.fill('nobody at all');
  await expect(page.getByRole('status')).toHaveText('No participants match your search.');
  await expectNoAxeViolations(page);
});

test("an evaluator's list and search never ask for personal data nor show a name", async ({ page }) => {
  const queries: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname.startsWith('/api/')) queries.push(`${url.pathname}${url.search}`);
  });
  await openIn(page, 'sv', `/projects/${PROJECT.id}/participants`);
  await signIn(page, EVALUATOR);
  await expect(page.getByRole('status')).toHaveText('Visar 1–25 av 30');
  await expect(page.getByRole('link', { name: 'Skriv in en deltagare' })).toHaveCount(0);
  await page.getByLabel('Sök').fill('p-002');
  await expect(page.getByRole('status')).toHaveText('Visar 1–10 av 10');
  await expect(page.locator('body')).not.toContainText('Seeded Person');
  expect(queries.filter((q) => /personal-data|names=|identityNumber=|history|audit/.test(q))).toEqual([]);
  await expectNoAxeViolations(page);
});
