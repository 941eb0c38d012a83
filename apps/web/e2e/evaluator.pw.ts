import { expect, Page, test } from '@playwright/test';
import type { paths } from '../src/api/schema';
import { EVALUATOR, PARTICIPANTS } from './seed';
import { openIn, signIn } from './support';

/**
 * The API's routes that answer with a person's data or act on it (access-policy.ts: erasure
 * and its record are admin's, contact details are a caseworker's record, the audit log names
 * who read whom). Typed by the OpenAPI document, so a renamed route fails to compile here.
 * The pathway view itself is not listed: it withholds personal data from an evaluator, which
 * the check of every API answer below holds it to.
 */
const PERSONAL_DATA_ROUTES = [
  '/api/v1/participants/{participantId}/personal-data',
  '/api/v1/participants/{participantId}/erasure',
  '/api/v1/participants/{participantId}/contact-details',
  '/api/v1/audit',
] as const satisfies ReadonlyArray<keyof paths>;

const personalDataRoute = new RegExp(`^(${PERSONAL_DATA_ROUTES.map((route) => route.replace(/\{[^}]+\}/g, '[^/]+')).join('|')})(/|$)`);

/** What an evaluator may not do, in the words of the app's buttons and links (English). */
const ACTIONS = /\b(enrol|record|retract|register|change|edit|erase|delete|remove|add|new|import|rebuild|save)\b/i;

/** The seeded participants' names: all begin so ("Seeded Person 12"). */
const NAME = 'Seeded Person';

/** Waits until the app has no request in flight for a moment: its screen has what it loaded. */
function trackRequests(page: Page): () => Promise<void> {
  let inFlight = 0;
  page.on('request', () => inFlight++);
  page.on('requestfinished', () => inFlight--);
  page.on('requestfailed', () => inFlight--);
  return async () => {
    await expect.poll(async () => {
      if (inFlight > 0) return false;
      await page.waitForTimeout(150);
      return inFlight === 0;
    }).toBe(true);
    await expect(page.getByRole('status').filter({ hasText: 'Loading…' })).toHaveCount(0);
  };
}

test('an evaluator goes through every screen they can reach: no personal-data route requested, no name shown, no action offered', async ({ page }) => {
  test.setTimeout(120_000);
  const requested: string[] = [];
  const answers: Array<Promise<{ path: string; body: string }>> = [];
  page.on('request', (request) => requested.push(`${request.method()} ${new URL(request.url()).pathname}`));
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    if (path.startsWith('/api/')) answers.push(response.text().then((body) => ({ path, body }), () => ({ path, body: '' })));
  });
  const settled = trackRequests(page);

  await openIn(page, 'en');
  await signIn(page, EVALUATOR);

  // Every same-origin link the app shows, followed inside the app, and every page of a paged list.
  const visited: string[] = [];
  const queue = ['/'];
  const look = async () => {
    await settled();
    const where = new URL(page.url());
    visited.push(`${where.pathname}${where.search}`);
    expect(await page.locator('body').innerText(), `text of ${page.url()}`).not.toContain(NAME);
    expect(await page.content(), `markup of ${page.url()}`).not.toContain(NAME);
    const controls = await page.locator('button, a, [role="button"], input[type="submit"]').evaluateAll((elements) =>
      elements.map((element) => (element.getAttribute('aria-label') ?? (element as HTMLElement).innerText ?? '').trim()),
    );
    expect(controls.filter((name) => ACTIONS.test(name)), `actions on ${page.url()}`).toEqual([]);
    const links = await page.locator('a[href^="/"]').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')!));
    queue.push(...links);
  };
  for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
    if (visited.includes(path)) continue;
    await page.evaluate((to) => {
      window.history.pushState(null, '', to);
      window.dispatchEvent(new PopStateEvent('popstate'));
    }, path);
    await look();
    const next = page.getByRole('button', { name: 'Next page' });
    while ((await next.count()) > 0 && (await next.isEnabled())) {
      await next.click();
      await look();
    }
  }

  // The walk reached every kind of screen an evaluator has, and every participant.
  expect(visited).toEqual(expect.arrayContaining(['/', '/accessibility', '/projects', ...PARTICIPANTS.map((p) => `/participants/${p.id}`)]));
  expect(visited.filter((path) => /^\/projects\/[^/]+\/participants\?page=2$/.test(path))).toHaveLength(1);

  expect(requested.filter((request) => personalDataRoute.test(request.split(' ')[1]!))).toEqual([]);
  const read = await Promise.all(answers);
  expect(read.filter((answer) => answer.path.startsWith('/api/v1/participants/')).length).toBeGreaterThanOrEqual(PARTICIPANTS.length);
  expect(read.filter((answer) => answer.body.includes(NAME)).map((answer) => answer.path)).toEqual([]);
});
