// The walking skeleton: create a case, answer Accommodation, and never lose a field.
import { test, expect } from './fixtures.mjs';
import AxeBuilder from '@axe-core/playwright';
import {
  SAMPLE_CASE, createCase, expectSaved, fillCaseForm, fillDate, issuesBox, openAccommodation, question, screenshot,
} from './journeys.mjs';

const ISSUES_TEXT = 'Staying on a friend\'s sofa since the tenancy ended in August. Wants a council flat near his sister.';

async function expectNoAxeViolations(page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(', ')})`)).toEqual([]);
}

test('an officer creates a case, answers every Accommodation item, and a reload brings it all back', async ({ page, context }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Your caseload' })).toBeVisible();
  await expect(page.getByText('You have no cases yet')).toBeVisible();

  await createCase(page);
  await expect(page.getByText('17 July 1991')).toBeVisible();
  await page.getByRole('link', { name: 'Back to caseload' }).click();
  await expect(page.getByRole('link', { name: SAMPLE_CASE.name })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'X123456' })).toBeVisible();
  await page.getByRole('link', { name: SAMPLE_CASE.name }).click();

  await openAccommodation(page);
  await expect(page.getByTestId('section-score')).toHaveText('0 out of 8');
  await question(page, '3.3').getByLabel('Yes').check();
  await expect(page.getByTestId('section-score')).toHaveText('2 out of 8');
  await expect(page.getByTestId('section-need')).toHaveText('Identified need');
  await question(page, '3.4').getByLabel('Significant problems').check();
  await question(page, '3.5').getByLabel('Some problems').check();
  await question(page, '3.6').getByLabel('Significant problems').check();
  await expect(page.getByTestId('section-score')).toHaveText('7 out of 8');
  await expect(page.getByTestId('section-need')).toHaveText('Identified need (severe)');
  await question(page, '3.6').getByLabel('No problems').check();
  await expect(page.getByTestId('section-score')).toHaveText('5 out of 8');
  await issuesBox(page).fill(ISSUES_TEXT);
  await question(page, '3.98').getByLabel('Yes').check();
  await question(page, '3.99').getByLabel('No').check();
  await expectSaved(page);
  await screenshot(page, 'accommodation-answered');
  const sectionUrl = page.url();

  const expectAllAnswersBack = async () => {
    await expect(question(page, '3.3').getByLabel('Yes')).toBeChecked();
    await expect(question(page, '3.4').getByLabel('Significant problems')).toBeChecked();
    await expect(question(page, '3.5').getByLabel('Some problems')).toBeChecked();
    await expect(question(page, '3.6').getByLabel('No problems')).toBeChecked();
    await expect(issuesBox(page)).toHaveValue(ISSUES_TEXT);
    await expect(question(page, '3.98').getByLabel('Yes')).toBeChecked();
    await expect(question(page, '3.99').getByLabel('No')).toBeChecked();
    await expect(page.getByTestId('section-score')).toHaveText('5 out of 8');
    await expect(page.getByTestId('save-status')).toHaveText(/^Last saved at \d\d:\d\d:\d\d$/);
  };

  await page.reload();
  await expect(page).toHaveURL(sectionUrl);
  await expectAllAnswersBack();

  // Closing the tab and opening the app again lands back in the same section.
  await page.close();
  const reopened = await context.newPage();
  await reopened.goto('/');
  await expect(reopened).toHaveURL(sectionUrl);
  const again = reopened;
  await expect(again.getByRole('heading', { level: 1, name: '3. Accommodation' })).toBeVisible();
  await expect(issuesBox(again)).toHaveValue(ISSUES_TEXT);

  await again.getByRole('button', { name: 'Continue' }).click();
  await expect(again.getByText('Score 5 out of 8 · Identified need')).toBeVisible();
  await expect(again.getByRole('link', { name: '3. Accommodation' })).toHaveAccessibleDescription('In progress');
});

test('a crash mid-typing loses at most the last 300 ms of typing', async ({ page, context }) => {
  await createCase(page);
  await openAccommodation(page);
  const box = issuesBox(page);
  await box.click();

  const text = 'He was evicted after rent arrears built up while he was out of work; the council has accepted a duty to house him. '.repeat(3);
  const typedAt = [];
  const crashAfterMs = 2500;
  const started = Date.now();
  let crashedAt = null;
  for (const character of text) {
    await page.keyboard.type(character);
    typedAt.push(Date.now());
    if (Date.now() - started > crashAfterMs) {
      const cdp = await context.newCDPSession(page);
      crashedAt = Date.now();
      cdp.send('Page.crash').catch(() => {});
      break;
    }
  }
  expect(crashedAt).not.toBeNull();
  await page.waitForEvent('crash');
  const typed = typedAt.length;
  const safelyTyped = typedAt.filter((time) => time <= crashedAt - 300).length;

  const reopened = await context.newPage();
  await reopened.goto('/');
  await expect(reopened.getByRole('heading', { level: 1, name: '3. Accommodation' })).toBeVisible();
  const restored = await issuesBox(reopened).inputValue();
  expect(text.slice(0, typed).startsWith(restored)).toBe(true);
  expect(restored.length).toBeGreaterThanOrEqual(safelyTyped);
  test.info().annotations.push({ type: 'crash', description: `typed ${typed} characters, ${safelyTyped} of them over 300 ms before the crash; ${restored.length} restored` });
  await screenshot(reopened, 'after-crash');
});

test('invalid dates give an error summary and what was saved stays saved', async ({ page }) => {
  await page.goto('/cases/new');
  await fillCaseForm(page, { ...SAMPLE_CASE, dateOfBirth: ['31', '2', '1990'], end: ['1', '10', '2026'] });
  await page.getByRole('button', { name: 'Create case' }).click();
  const summary = page.getByRole('alert');
  await expect(summary.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
  await expect(summary.getByRole('link', { name: 'Date of birth must be a real date' })).toBeVisible();
  await expect(summary.getByRole('link', { name: 'Sentence end date must be after the sentence or release date' })).toBeVisible();
  await expect(page.locator('#error-summary')).toBeFocused();
  await expect(page).toHaveTitle(/^Error: Create a case/);
  await expect(page.getByRole('group', { name: 'Date of birth' })).toHaveAccessibleDescription(/Date of birth must be a real date/);
  await summary.getByRole('link', { name: 'Date of birth must be a real date' }).click();
  await expect(page.getByRole('group', { name: 'Date of birth' }).getByLabel('Day')).toBeFocused();
  await screenshot(page, 'case-form-errors');
  await expectNoAxeViolations(page);

  // Nothing was created.
  await page.goto('/');
  await expect(page.getByText('You have no cases yet')).toBeVisible();

  // Changing a saved case to an impossible date is refused and the saved case is untouched.
  await createCase(page);
  await page.getByRole('link', { name: 'Change date of birth' }).click();
  await fillDate(page, 'Date of birth', ['30', 'feb', '1991']);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('alert').getByRole('link', { name: 'Date of birth must be a real date' })).toBeVisible();
  await page.getByRole('link', { name: 'Cancel' }).click();
  await expect(page.getByText('17 July 1991')).toBeVisible();
  await page.reload();
  await expect(page.getByText('17 July 1991')).toBeVisible();

  // A CRN already in use is refused.
  await page.goto('/cases/new');
  await fillCaseForm(page, { ...SAMPLE_CASE, crn: 'x123456' });
  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(page.getByRole('alert').getByRole('link', { name: 'A case with the reference number X123456 already exists' })).toBeVisible();
});

test('the screens built so far have no accessibility violations', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByText('You have no cases yet')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Create a case' }).click();
  await expectNoAxeViolations(page);
  await createCase(page);
  await expectNoAxeViolations(page);
  await screenshot(page, 'case');
  await page.getByRole('link', { name: 'Back to caseload' }).click();
  await expect(page.getByRole('table')).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshot(page, 'caseload');
  await page.getByRole('link', { name: SAMPLE_CASE.name }).click();
  await page.getByRole('button', { name: 'Start assessment' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Assessment' })).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshot(page, 'task-list');
  await page.getByRole('link', { name: '3. Accommodation' }).click();
  await question(page, '3.4').getByLabel('Some problems').check();
  await issuesBox(page).fill('x'.repeat(4001));
  await expect(page.getByText('You have 1 character too many')).toBeVisible();
  await expect(page.getByRole('alert').getByRole('link', { name: /must be 4000 characters or fewer/ })).toBeVisible();
  await expectNoAxeViolations(page);
  await issuesBox(page).fill('Settled');
  await expectSaved(page);
  await expectNoAxeViolations(page);
  await screenshot(page, 'accommodation');
  // The storage, backup, restore, profile and team screens.
  for (const [path, heading] of [['/storage', 'Storage and backup'], ['/storage/restore', 'Restore from a backup'], ['/profile', 'Your profile'], ['/team', 'Your team']]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expectNoAxeViolations(page);
  }
  await page.goto('/storage');
  await page.getByRole('button', { name: 'Back up the workbook' }).click();
  await expect(page.locator('#passphrase-error')).toBeVisible();
  await expectNoAxeViolations(page);
});
