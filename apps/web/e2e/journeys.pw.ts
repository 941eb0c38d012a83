import { expect, test } from '@playwright/test';
import { CASEWORKER, EVALUATOR, PROJECT } from './seed';
import { openIn, signIn } from './support';

test('keyboard only: sign in, choose the project, Today, the participants, open one, sign out; focus on each new heading', async ({ page }) => {
  await openIn(page, 'en');
  await expect(page.locator('h1')).toBeFocused();
  // From the heading, Tab reaches the e-mail field, then the password; Enter submits.
  await page.keyboard.press('Tab');
  await expect(page.locator('input[name="email"]')).toBeFocused();
  await page.keyboard.type(CASEWORKER.email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(CASEWORKER.password);
  await page.keyboard.press('Enter');

  await expect(page.locator('h1')).toHaveText('Choose a project');
  await expect(page.locator('h1')).toBeFocused();
  // The list arrives after the heading: Tab once it is there, as a person would.
  await expect(page.getByRole('link', { name: `#framtid (${PROJECT.id})` })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: `#framtid (${PROJECT.id})` })).toBeFocused();
  await page.keyboard.press('Enter');

  // A caseworker lands on Today; Shift+Tab from its heading reaches the project's Import, Report, then Participants.
  await expect(page.locator('h1')).toContainText('Today');
  await expect(page.locator('h1')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('link', { name: 'Import', exact: true })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('link', { name: 'Report', exact: true })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('link', { name: 'Participants', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(page.locator('h1')).toContainText('Participants');
  await expect(page.locator('h1')).toBeFocused();
  await expect(page.getByRole('link', { name: 'p-0001' })).toBeVisible();
  // Enrolment, the search, the status filter, then the first participant.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Enrol a participant' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Search')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Show')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'p-0001' })).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(page.locator('h1')).toContainText('Participant p-0001');
  await expect(page.locator('h1')).toBeFocused();
  await expect(page.getByRole('heading', { name: 'What has happened' })).toBeVisible();

  // Back in the header: Shift+Tab from the heading walks the menu backwards to "Sign out".
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('h1')).toHaveText('Sign in');
  await expect(page.getByRole('status')).toHaveText('You have signed out.');
  await page.reload();
  await expect(page.locator('h1')).toHaveText('Sign in');
});

test('the language choice is remembered and <html lang> follows it', async ({ page }) => {
  await page.goto('/accessibility');
  await page.getByRole('button', { name: /In English|På svenska/ }).click();
  const first = await page.locator('html').getAttribute('lang');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', first!);
  await page.getByRole('button', { name: /In English|På svenska/ }).click();
  await expect(page.locator('html')).not.toHaveAttribute('lang', first!);
});

test('the session cookie is httpOnly and SameSite=Strict, and the page breaks no CSP rule', async ({ page, context }) => {
  const cspErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) cspErrors.push(message.text());
  });
  await openIn(page, 'sv');
  await signIn(page);
  const [cookie] = (await context.cookies()).filter((c) => c.name === 'pathway_session');
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', secure: false, path: '/' });
  expect(await page.evaluate(() => document.cookie)).not.toContain('pathway_session');
  expect(cspErrors).toEqual([]);
});

test("an evaluator's pathway view never asks for or shows personal data", async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await openIn(page, 'en', '/participants/p-0002');
  await signIn(page, EVALUATOR);
  await expect(page.locator('h1')).toHaveText('Participant p-0002');
  await expect(page.locator('body')).not.toContainText('Seeded Person');
  expect(requested.filter((path) => /personal-data|history|audit/.test(path))).toEqual([]);
});

test('a deep link that is not an API path gets the app; API paths keep their problem answers', async ({ request }) => {
  const app = await request.get('/projects/whatever/participants', { headers: { Accept: 'text/html' } });
  expect(app.status()).toBe(200);
  expect(await app.text()).toContain('<div id="root">');
  const api = await request.get('/api/v1/no-such-route', { headers: { Accept: 'text/html' } });
  expect(api.status()).toBe(404);
  expect(api.headers()['content-type']).toContain('application/problem+json');
});
