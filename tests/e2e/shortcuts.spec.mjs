// Keyboard shortcuts on every screen, not only the caseload: "/" searches from anywhere, "[" and "]"
// move between sections, "?" lists them; none fires while typing.
import { test, expect } from './fixtures.mjs';
import { createCase, issuesBox } from './journeys.mjs';
import { itemGroup, tabTo } from './keyboard.mjs';

test('shortcuts work on every screen: / searches, [ and ] move between sections, ? lists them', async ({ page }) => {
  await createCase(page);
  const caseUrl = page.url();
  await page.goto(`${caseUrl}/assessment/3`);
  await expect(page.getByRole('heading', { level: 1, name: '3. Accommodation' })).toBeVisible();

  // With a radio focused (not typing), "]" goes to the next section and "[" back.
  await tabTo(page, itemGroup(page, '3.3').getByRole('radio').first());
  await page.keyboard.press(']');
  await expect(page.getByRole('heading', { level: 1, name: '4. Education, training and employability' })).toBeFocused();
  await page.keyboard.press('[');
  await expect(page.getByRole('heading', { level: 1, name: '3. Accommodation' })).toBeFocused();

  // While typing, the keys are letters.
  await tabTo(page, issuesBox(page));
  await page.keyboard.type('Rent arrears [see letter] / notice?');
  await expect(issuesBox(page)).toHaveValue('Rent arrears [see letter] / notice?');
  await expect(page.getByRole('heading', { level: 1, name: '3. Accommodation' })).toBeVisible();
  await expect(page.getByTestId('shortcuts')).toHaveCount(0);

  // "?" lists the shortcuts on any screen; Escape hides them.
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('?');
  await expect(page.getByTestId('shortcuts')).toContainText('Previous and next section of the assessment');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('shortcuts')).toHaveCount(0);

  // "/" from a case's screen goes to the caseload with the search box focused.
  await page.goto(`${caseUrl}/plan`);
  await expect(page.getByRole('heading', { level: 1, name: 'Sentence plan' })).toBeVisible();
  await page.keyboard.press('/');
  await expect(page.getByLabel('Search by name or CRN')).toBeFocused();
  await page.keyboard.type('Jordan');
  await expect(page.locator('#caseload-table tbody tr').first()).toContainText('Jordan Fictional');
});
