import { expect, Page, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { IMPORT_PROJECTS, IMPORTER } from './seed';
import { capture, expectNoAxeViolations, expectNoPageScrollAt320, LOCALES, openIn, signIn, text } from './support';

/**
 * Issue 12: the upload screen. Each test imports a file of its own into a project of its own
 * (IMPORT_PROJECTS), so the second import of the same file finds nothing new whatever ran before.
 * The file holds two good rows, a row with an impossible date, a row with an identity number whose
 * check digit is wrong, and a column the import does not know. Personal data never shows.
 */
const PERSONAL = ['Åsa Öberg', 'Bo Ek', '811218', 'asa@example.org'];

function csv(prefix: string): { name: string; mimeType: string; buffer: Buffer } {
  const lines = [
    'Deltagar-id;Personnummer;Inskrivningsdatum;Namn;Kön;Labour market status;Födelsedatum;E-post;Favoritfärg',
    `${prefix}-1;;2024-01-15;Åsa Öberg;woman;unemployed;1981-12-18;asa@example.org;blå`,
    `${prefix}-2;;2024-02-01;Bo Ek;man;long-term-unemployed;vill inte uppge;;grön`,
    `${prefix}-3;;2024-13-01;Cy Berg;woman;inactive;;;röd`,
    `${prefix}-4;811218-9875;2024-02-01;Di Dal;man;employed;;;gul`,
  ];
  return { name: `${prefix}.csv`, mimeType: 'text/csv', buffer: Buffer.from(lines.join('\r\n') + '\r\n', 'utf8') };
}

async function expectNoPersonalData(page: Page): Promise<void> {
  const shown = await page.locator('main').innerText();
  for (const value of PERSONAL) expect(shown).not.toContain(value);
}

/** Axe clean, no sideways scroll at 320 px (then back to the default size). */
async function checkState(page: Page, name: string): Promise<void> {
  await expectNoAxeViolations(page);
  await capture(page, name);
  await expectNoPageScrollAt320(page);
  await page.setViewportSize({ width: 1280, height: 720 });
}

for (const locale of LOCALES) {
  test(`${locale}: template, dry run with problems, commit, the same file again, a refused file`, async ({ page }) => {
    const project = IMPORT_PROJECTS[locale];
    const path = `/projects/${project.id}/import`;
    await openIn(page, locale, path);
    await signIn(page, IMPORTER);
    await expect(page.locator('h1')).toContainText(text(locale, 'Importera från kalkylblad', 'Import from a spreadsheet'));
    await expect(page.locator('nav.project-nav a[aria-current="page"]')).toHaveText(text(locale, 'Importera', 'Import'));
    const template = await page.request.get('/api/v1/imports/template');
    expect(template.status()).toBe(200);
    expect(template.headers()['content-type']).toContain('spreadsheetml');
    await checkState(page, `import-empty-${locale}`);

    const input = page.getByLabel(text(locale, 'Kalkylblad att importera', 'Spreadsheet to import'));
    await input.setInputFiles(csv(`imp-${locale}`));
    await expect(page.getByText(`imp-${locale}.csv`)).toBeVisible();
    await checkState(page, `import-chosen-${locale}`);

    // The job's first answer is held back, so the running state (an indeterminate bar while the file is read) can be checked.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route((url) => /\/imports\/[0-9a-f-]{36}$/.test(url.pathname), async (route) => {
      await held;
      await route.continue();
    }, { times: 1 });
    await page.getByRole('button', { name: text(locale, 'Kontrollera filen', 'Check the file') }).click();
    await expect(page.getByRole('status').filter({ hasText: text(locale, 'Kontrollerar filen', 'Checking the file') })).toBeVisible();
    await expect(page.getByRole('progressbar', { name: text(locale, 'Förlopp', 'Progress') })).toBeVisible();
    await expect(page.locator('main')).toContainText(text(locale, 'Läser filen…', 'Reading the file…'));
    await checkState(page, `import-running-${locale}`);
    release();
    const heading = page.locator('#import-result');
    await expect(heading).toHaveText(text(locale, 'Resultat av kontrollen', 'Result of the check'));
    await expect(heading).toBeFocused();
    const report = page.locator('section.import-report');
    await expect(report).toContainText(text(locale, '2 deltagare av 4 rader kan importeras', '2 participants of 4 rows can be imported'));
    await expect(report.locator('dd')).toHaveText(['2', '0', '0', '2']); // new, imported before, conflicts, rows with errors
    const problems = report.locator('tbody tr');
    await expect(problems.filter({ hasText: text(locale, 'Kolumnen Favoritfärg känns inte igen', 'The column Favoritfärg is not recognised') })).toHaveCount(1);
    await expect(problems.filter({ hasText: text(locale, 'Datumet finns inte', 'The date does not exist') })).toHaveCount(1);
    await expect(problems.filter({ has: page.locator('th', { hasText: /^5$/ }) }).filter({ hasText: 'Personnummer' })).toHaveCount(1);
    await expect(page.getByRole('progressbar')).toHaveCount(0);
    await expectNoPersonalData(page);
    // The problems as an XLSX in the page's language, from the job's report.
    const download = report.getByRole('link', { name: text(locale, 'Ladda ner problemen som kalkylblad (XLSX)', 'Download the problems as a spreadsheet (XLSX)') });
    const href = await download.getAttribute('href');
    expect(href).toMatch(new RegExp(`/api/v1/projects/${project.id}/imports/[0-9a-f-]{36}/problems\\?lang=${locale}$`));
    const workbook = await page.request.get(href!);
    expect(workbook.status()).toBe(200);
    expect(workbook.headers()['content-type']).toContain('spreadsheetml');
    await checkState(page, `import-report-${locale}`);

    await page.getByRole('button', { name: text(locale, 'Importera 2 deltagare', 'Import 2 participants') }).click();
    await expect(heading).toHaveText(text(locale, 'Importerat', 'Imported'));
    await expect(heading).toBeFocused();
    await expect(report).toContainText(text(locale, '2 deltagare importerades', '2 participants were imported'));
    await expectNoPersonalData(page);
    await checkState(page, `import-committed-${locale}`);

    // The same file again: nothing new, and nothing to commit.
    await page.getByRole('button', { name: text(locale, 'Kontrollera filen', 'Check the file') }).click();
    await expect(heading).toHaveText(text(locale, 'Resultat av kontrollen', 'Result of the check'));
    await expect(report).toContainText(text(locale, 'Inget nytt att importera', 'Nothing new to import'));
    await expect(report.locator('dd')).toHaveText(['0', '2', '0', '2']);
    await expect(page.getByRole('button', { name: text(locale, 'Importera 2 deltagare', 'Import 2 participants') })).toHaveCount(0);

    // Over the 10 MB limit: the API refuses (413), and the page says why.
    await input.setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.alloc(10 * 1024 * 1024 + 1024, 'a') });
    await page.getByRole('button', { name: text(locale, 'Kontrollera filen', 'Check the file') }).click();
    await expect(heading).toHaveText(text(locale, 'Filen kunde inte importeras', 'The file could not be imported'));
    await expect(heading).toBeFocused();
    await expect(page.locator('main')).toContainText(text(locale, 'högst 10 MB', 'at most 10 MB'));
    await checkState(page, `import-refused-${locale}`);
  });
}

test('keyboard only: choose the file, check it, import it', async ({ page }) => {
  const project = IMPORT_PROJECTS.keyboard;
  await openIn(page, 'en', `/projects/${project.id}/import`);
  await signIn(page, IMPORTER);
  // From the heading: the template link, then the file input.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: /Download the template/ })).toBeFocused();
  await page.keyboard.press('Tab');
  const input = page.getByLabel('Spreadsheet to import');
  await expect(input).toBeFocused();
  // Space opens the operating system's file dialog, which is outside the page: the test gives the
  // focused input its file directly (waiting for Chromium's file-chooser event after a key press
  // timed out once on a loaded CI machine), then goes on by keyboard from the input.
  await input.setInputFiles(csv('imp-kb'));
  await expect(input).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Check the file' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#import-result')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Import 2 participants' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#import-result')).toHaveText('Imported');
  await expect(page.locator('#import-result')).toBeFocused();
});

/**
 * An XLSX with a milestone sheet: participant and milestone rows counted apart, each problem named
 * by its sheet (both sheets have a broken row 4), dates in the future refused under the code of
 * what is dated. `{prefix}-3` is enrolled in the future; `{prefix}-2`'s milestone is before its
 * enrolment and `{prefix}-1`'s second is in the future.
 */
async function workbook(prefix: string, withRows = true): Promise<{ name: string; mimeType: string; buffer: Buffer }> {
  const book = new ExcelJS.Workbook();
  const participants = book.addWorksheet('Deltagare');
  participants.addRow(['Deltagar-id', 'Inskrivningsdatum', 'Kön', 'Ställning på arbetsmarknaden']);
  if (withRows) {
    participants.addRow([`${prefix}-1`, '2024-01-15', 'woman', 'unemployed']);
    participants.addRow([`${prefix}-2`, '2024-02-01', 'man', 'unemployed']);
    participants.addRow([`${prefix}-3`, '2999-01-01', 'woman', 'unemployed']);
  }
  const milestones = book.addWorksheet('Milstolpar');
  milestones.addRow(['Deltagar-id', 'Händelse', 'Datum']);
  if (withRows) {
    milestones.addRow([`${prefix}-1`, 'job-search-started', '2024-02-01']);
    milestones.addRow([`${prefix}-2`, 'job-search-started', '2024-01-01']);
    milestones.addRow([`${prefix}-1`, 'job-search-started', '2999-01-01']);
  }
  return { name: `${prefix}.xlsx`, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(await book.xlsx.writeBuffer()) };
}

for (const locale of LOCALES) {
  test(`${locale}: an XLSX with milestones: counts of each sheet from the report, problems named by sheet, commit`, async ({ page }) => {
    const project = IMPORT_PROJECTS[locale === 'sv' ? 'milestonesSv' : 'milestonesEn'];
    await openIn(page, locale, `/projects/${project.id}/import`);
    await signIn(page, IMPORTER);
    await page.getByLabel(text(locale, 'Kalkylblad att importera', 'Spreadsheet to import')).setInputFiles(await workbook(`ms-${locale}`));
    await page.getByRole('button', { name: text(locale, 'Kontrollera filen', 'Check the file') }).click();
    const heading = page.locator('#import-result');
    await expect(heading).toHaveText(text(locale, 'Resultat av kontrollen', 'Result of the check'));
    const report = page.locator('section.import-report');
    await expect(report.locator('p').first()).toHaveText(
      text(locale, '2 deltagare av 3 rader kan importeras. Inget har skrivits än. 1 händelse av 3 rader kan registreras.', '2 participants of 3 rows can be imported. Nothing has been written yet. 1 milestone of 3 rows can be recorded.'),
    );
    await expect(report.locator('h3')).toHaveText([text(locale, 'Deltagarrader', 'Participant rows'), text(locale, 'Händelserader', 'Milestone rows'), text(locale, 'Problem (3)', 'Problems (3)')]);
    // new, imported before, conflicts, rows with errors: participants, then milestones.
    await expect(report.locator('dl').nth(0).locator('dd')).toHaveText(['2', '0', '0', '1']);
    await expect(report.locator('dl').nth(1).locator('dd')).toHaveText(['1', '0', '0', '2']);
    const problems = report.locator('tbody tr');
    const at = (sheet: string, row: string) => problems.filter({ has: page.locator('td:first-child', { hasText: new RegExp(`^${sheet}$`) }) }).filter({ has: page.locator('th', { hasText: new RegExp(`^${row}$`) }) });
    await expect(at('Deltagare', '4')).toContainText(text(locale, 'Inskrivningsdatumet får inte vara i framtiden', 'The enrolment date cannot be in the future'));
    await expect(at('Deltagare', '4')).toContainText('Inskrivningsdatum');
    await expect(at('Milstolpar', '3')).toContainText(text(locale, 'före inskrivningen', 'before the enrolment'));
    await expect(at('Milstolpar', '4')).toContainText(text(locale, 'Datumet får inte vara i framtiden', 'The date cannot be in the future'));
    await checkState(page, `import-milestones-report-${locale}`);

    await page.getByRole('button', { name: text(locale, 'Importera 2 deltagare och 1 händelse', 'Import 2 participants and 1 milestone') }).click();
    await expect(heading).toHaveText(text(locale, 'Importerat', 'Imported'));
    await expect(report.locator('p').first()).toHaveText(text(locale, '2 deltagare importerades. 1 händelse registrerades.', '2 participants were imported. 1 milestone was recorded.'));
    await expect(report.locator('dl').nth(0).locator('dd')).toHaveText(['2', '0', '0', '1']);
    await expect(report.locator('dl').nth(1).locator('dd')).toHaveText(['1', '0', '0', '2']);
    await checkState(page, `import-milestones-committed-${locale}`);
  });
}

for (const locale of LOCALES) {
  test(`${locale}: a file with a header and no rows: the job fails, and the page says why`, async ({ page }) => {
    await openIn(page, locale, `/projects/${IMPORT_PROJECTS.headerOnly.id}/import`);
    await signIn(page, IMPORTER);
    await page.getByLabel(text(locale, 'Kalkylblad att importera', 'Spreadsheet to import')).setInputFiles(await workbook(`empty-${locale}`, false));
    await page.getByRole('button', { name: text(locale, 'Kontrollera filen', 'Check the file') }).click();
    const heading = page.locator('#import-result');
    await expect(heading).toHaveText(text(locale, 'Filen kunde inte importeras', 'The file could not be imported'));
    await expect(heading).toBeFocused();
    await expect(page.locator('section.error-message p')).toHaveText(
      text(locale, 'Filen har en rubrikrad men inga deltagare eller milstolpar under den.', 'The file has a header but no participant or milestone rows below it.'),
    );
    await checkState(page, `import-no-rows-${locale}`);
  });
}
