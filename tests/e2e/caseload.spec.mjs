// The caseload at team scale: 1,000 fictional cases, search that forgives, filters, sorting, and
// every case one keystroke away.
import { test, expect } from './fixtures.mjs';
import AxeBuilder from '@axe-core/playwright';
import { screenshot } from './journeys.mjs';
import { fictionalCases, seedCases } from './seed.mjs';

async function expectNoAxeViolations(page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(', ')})`)).toEqual([]);
}

const NAMED = [['John Smith', 'X123456'], ['Jane Smythe', 'X654321'], ['Jon Stewart', 'X123999'], ['Sam Smith', 'Y123456'], ['Zoë Ashworth', 'Z123456']];
const firstRowName = (page) => page.locator('#caseload-table tbody tr').first().locator('th');

test('1,000 cases: search with typos, open with the keyboard only, filter and sort', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await expect(page.getByText('You have no cases yet')).toBeVisible();
  await seedCases(page, fictionalCases(1000, NAMED));
  await page.reload();
  await expect(page.getByTestId('caseload-count')).toHaveText('1000 cases');
  // A long caseload is drawn 100 rows at a time; more on asking, the first new one focused.
  const rows = page.locator('#caseload-table tbody tr');
  await expect(rows).toHaveCount(100);
  await expect(page.getByTestId('window')).toHaveText('Showing 100 of 1000 cases.');
  await page.getByRole('button', { name: 'Show 100 more cases' }).click();
  await expect(rows).toHaveCount(200);
  await expect(rows.nth(100).getByRole('link')).toBeFocused();
  await expect(page.getByTestId('window')).toHaveText('Showing 200 of 1000 cases.');

  // Typos, missing letters, swapped names, accents and CRNs, best match first.
  const search = page.getByLabel('Search by name or CRN');
  for (const [query, expected] of [['Jon Smyth', 'John Smith'], ['Smith John', 'John Smith'], ['jhn smth', 'John Smith'], ['x12345', 'John Smith'], ['zoe ashworth', 'Zoë Ashworth']]) {
    await search.fill(query);
    await expect(firstRowName(page)).toHaveText(expected);
  }
  // The red bar of an overdue row sits beside the name, never over it.
  const overdueRow = page.locator('#caseload-table tbody tr.workbook-row--overdue').first();
  const [rowBox, nameBox] = [await overdueRow.boundingBox(), await overdueRow.getByRole('link').first().boundingBox()];
  expect(nameBox.x - rowBox.x).toBeGreaterThanOrEqual(10);

  // A search that finds nothing says so, with a hint, instead of an empty table.
  await search.fill('Qwxzv Plonk');
  await expect(page.getByTestId('no-matches')).toContainText('No cases match “Qwxzv Plonk”');
  await expect(page.getByTestId('no-matches')).toContainText('CRN');
  await expect(page.locator('#caseload-table')).toBeHidden();
  await screenshot(page, 'caseload-no-matches');
  await search.fill('');
  await expect(page.getByTestId('caseload-count')).toHaveText('1000 cases');
  await expect(page.getByTestId('no-matches')).toHaveCount(0);
  // A new search starts from the top: 100 rows again.
  await expect(rows).toHaveCount(100);

  // The keyboard only: "/" to search, type, arrow down to the first result, Enter to open it.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('/');
  await expect(search).toBeFocused();
  await page.keyboard.type('Jon Smyth');
  await expect(firstRowName(page)).toHaveText('John Smith');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('link', { name: 'John Smith', exact: true })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await expect(page.getByRole('link', { name: 'John Smith', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'John Smith' })).toBeVisible();
  await page.goBack();
  await expect(page.getByTestId('caseload-count')).toHaveText(/cases$/);

  // Shortcuts: "?" lists them, and they are off while typing; "n" starts a new case.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('?');
  await expect(page.getByTestId('shortcuts')).toBeVisible();
  await search.fill('n');
  await expect(page).toHaveURL(/\/$/);
  await expectNoAxeViolations(page);
  await screenshot(page, 'caseload-1000');

  // Filters: overdue reviews only, then sorting by name.
  await search.fill('');
  await page.getByLabel('Overdue review').check();
  const overdue = await page.getByTestId('caseload-count').textContent();
  expect(overdue).toMatch(/^\d+ of 1000 cases$/);
  await expect(page.locator('#caseload-table tbody tr').first().getByText('Overdue')).toBeVisible();
  await page.getByLabel('Overdue review').uncheck();
  await page.getByRole('button', { name: 'Name' }).click();
  await expect(page.getByRole('columnheader', { name: 'Name' })).toHaveAttribute('aria-sort', 'ascending');
  await expect(firstRowName(page)).toHaveText(/^Alex Archer/);
  await page.getByRole('button', { name: 'Name' }).click();
  await expect(page.getByRole('columnheader', { name: 'Name' })).toHaveAttribute('aria-sort', 'descending');
  await expect(firstRowName(page)).toHaveText(/^Zoë Ashworth/);

  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('n');
  await expect(page.getByRole('heading', { level: 1, name: 'Create a case' })).toBeVisible();
});

test('a next appointment is set on the case and shown on the caseload', async ({ page }) => {
  await page.goto('/');
  // The app has made its database before the cases are written into it.
  await expect(page.getByText('You have no cases yet')).toBeVisible();
  await seedCases(page, fictionalCases(3, NAMED));
  await page.goto('/cases/seed-0');
  const date = page.getByRole('group', { name: 'Appointment date' });
  await date.getByLabel('Day').fill('3');
  await date.getByLabel('Month').fill('12');
  await date.getByLabel('Year').fill('2026');
  await page.getByLabel('Appointment time').fill('25:00');
  await page.getByRole('button', { name: 'Save appointment' }).click();
  await expect(page.getByText('Appointment time must be a real time').first()).toBeVisible();
  await page.getByLabel('Appointment time').fill('2:30pm');
  await page.getByRole('button', { name: 'Save appointment' }).click();
  await expect(page.getByTestId('next-appointment')).toHaveText('3 December 2026, 14:30');
  await page.goto('/');
  await expect(page.locator('#caseload-table')).toContainText('3 December 2026, 14:30');

  // The assessment column says how far each draft has got, not "Draft" for all of them.
  const status = (name) => page.getByRole('row').filter({ has: page.getByRole('link', { name }) }).getByTestId('row-status');
  const [[first]] = NAMED;
  await expect(status(first)).toHaveText('Not started');
  await page.goto('/cases/seed-0/assessment/3');
  await page.getByRole('group', { name: /^3\.3 / }).getByLabel('Yes').check();
  await page.getByRole('group', { name: 'Have you completed this section?' }).getByLabel("No, I'll come back later").check();
  await expect(page.getByTestId('save-status')).toHaveText(/^Saved at /);
  // (Opening "/" afresh would return to the section last open; the header link goes to the caseload.)
  await page.getByRole('link', { name: 'Probation Workbook' }).click();
  await expect(status(first)).toHaveText(/^In progress \(0 of \d+\)$/);
});
