import AxeBuilder from '@axe-core/playwright';
import { expect, Locator, Page } from '@playwright/test';
import { CASEWORKER } from './seed';

export const LOCALES = ['sv', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** The WCAG 2.0, 2.1 and 2.2 A and AA rules of axe (EN 301 549 asks for 2.1 AA; we build to 2.2 AA). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Opens the app in a language, as a user's earlier choice in localStorage would. */
export async function openIn(page: Page, locale: Locale, path = '/'): Promise<void> {
  await page.addInitScript((chosen) => localStorage.setItem('pathway.locale', chosen), locale);
  await page.goto(path);
}

export async function signIn(page: Page, user = CASEWORKER): Promise<void> {
  await page.locator('input[name="email"]').fill(user.email);
  await page.locator('input[name="password"]').fill(user.password);
  await page.locator('button[type="submit"]').click();
  await expect(page.locator('h1')).toBeFocused();
}

export async function expectNoAxeViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** WCAG 1.4.10 reflow: nothing scrolls sideways at 320 CSS px but wide tables, which scroll inside themselves. */
export async function expectNoPageScrollAt320(page: Page): Promise<void> {
  await page.setViewportSize({ width: 320, height: 640 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/**
 * With SCREENSHOTS=dir, each screen is also photographed there, 1024 and 360 px wide
 * (`name.png`, `name-narrow.png`; docs/screenshots keeps a few). The window is then as it was,
 * so a test goes on the same with photographs or without.
 */
export async function capture(page: Page, name: string): Promise<void> {
  if (!process.env.SCREENSHOTS) return;
  const before = page.viewportSize();
  await page.setViewportSize({ width: 1024, height: 720 });
  await page.screenshot({ path: `${process.env.SCREENSHOTS}/${name}.png`, fullPage: true });
  await page.setViewportSize({ width: 360, height: 720 });
  await page.screenshot({ path: `${process.env.SCREENSHOTS}/${name}-narrow.png`, fullPage: true });
  if (before) await page.setViewportSize(before);
}

/** Presses Tab (or Shift+Tab, backwards) until `target` has the focus, at most `most` times: the journey goes where a keyboard user's would. */
export async function tabTo(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab', most = 80): Promise<void> {
  for (let i = 0; i < most; i += 1) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  await expect(target).toBeFocused();
}

/** The Swedish or the English of a text, by the test's language: `text(locale, 'Spara', 'Save')`. */
export const text = <T,>(locale: Locale, sv: T, en: T): T => (locale === 'sv' ? sv : en);

/** `text` bound to one language, for a test run in it: `const say = inLanguage(locale); say('Spara', 'Save')`. */
export const inLanguage =
  (locale: Locale) =>
  <T,>(sv: T, en: T): T =>
    text(locale, sv, en);

/** A figure's row in a comparison (Compare, submitted reports): its heading cell names the code and the group. */
export const comparedRow = (page: Page, code: string, part: string): Locator =>
  page.locator('table.comparison tbody tr:not(.explanation)', { has: page.locator('th', { hasText: new RegExp(`^${code} .*– ${part}$`) }) });
