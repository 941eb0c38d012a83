import { expect, Page, test } from '@playwright/test';
import { ADMIN, CASEWORKER, PARTICIPANTS, PROJECT } from './seed';
import { expectNoAxeViolations, LOCALES, openIn } from './support';

/**
 * Every screen of the app, one line each: a screen added later is one more row. `user` null is
 * signed out; `ready` is what shows once the screen has its data (its h1 alone when omitted).
 */
interface Screen {
  name: string;
  path: string;
  user: typeof CASEWORKER | null;
  ready?: string;
}

const SCREENS: Screen[] = [
  { name: 'sign-in', path: '/', user: null, ready: 'form' },
  { name: 'accessibility statement', path: '/accessibility', user: null },
  // A caseworker's projects open on Today.
  { name: 'choose a project', path: '/projects', user: CASEWORKER, ready: `a[href="/projects/${PROJECT.id}/today"]` },
  { name: 'today', path: `/projects/${PROJECT.id}/today`, user: CASEWORKER, ready: '.worklist-group' },
  { name: 'participants', path: `/projects/${PROJECT.id}/participants`, user: CASEWORKER, ready: 'table' },
  { name: 'participants, second page', path: `/projects/${PROJECT.id}/participants?page=2`, user: CASEWORKER, ready: 'table' },
  { name: 'pathway', path: `/participants/${PARTICIPANTS[0].id}`, user: CASEWORKER, ready: '.timeline' },
  { name: 'indicator report', path: `/projects/${PROJECT.id}/report`, user: CASEWORKER, ready: 'table.figures' },
  { name: 'group session', path: `/projects/${PROJECT.id}/group-sessions/new`, user: CASEWORKER, ready: '.checkbox-list' },
  { name: 'register a project (admin)', path: '/admin/projects/new', user: ADMIN, ready: 'form' },
  { name: 'add a user (admin)', path: '/admin/users/new', user: ADMIN, ready: '.project-choices' },
  { name: 'page not found', path: '/no-such-page', user: CASEWORKER },
];

/** Signs in through the API as the app's form does; the page's context keeps the session cookie. */
async function signInByApi(page: Page, user: typeof CASEWORKER): Promise<void> {
  const response = await page.request.post('/api/v1/session', { data: { email: user.email, password: user.password }, headers: { 'X-Requested-With': 'pathway-web' } });
  expect(response.status()).toBe(200);
}

async function waitUntilReady(page: Page, screen: Screen): Promise<void> {
  await expect(page.locator('h1')).toBeVisible();
  if (screen.ready) await expect(page.locator(screen.ready).first()).toBeVisible();
}

/**
 * Navigates inside the running app, as its links do: the router's history entry and its
 * popstate handling (app/router.tsx), no page load.
 */
async function navigateInApp(page: Page, path: string): Promise<void> {
  await page.evaluate((to) => {
    window.history.pushState(null, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

for (const locale of LOCALES) {
  test.describe(`at 320 × 640 CSS px, in ${locale}`, () => {
    test.use({ viewport: { width: 320, height: 640 } });

    for (const screen of SCREENS) {
      test(`${screen.name}: no sideways scrolling, no axe violations, and focus on its heading when opened inside the app`, async ({ page }) => {
        // Opened from another screen, so the app is running when it navigates.
        const from = screen.path === '/accessibility' ? '/no-such-page' : '/accessibility';
        if (screen.user) await signInByApi(page, screen.user);
        await openIn(page, locale, from);
        await expect(page.locator('h1')).toBeVisible();

        await navigateInApp(page, screen.path);
        await waitUntilReady(page, screen);
        await expect(page.locator('h1')).toBeFocused();

        // WCAG 1.4.10 reflow: wide tables scroll inside their own box, never the page.
        const { scrollWidth, clientWidth } = await page.evaluate(() => ({
          scrollWidth: document.scrollingElement!.scrollWidth,
          clientWidth: document.scrollingElement!.clientWidth,
        }));
        expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
        await expectNoAxeViolations(page);
      });
    }
  });
}
