// A review as it is done (issue 20): a significant change recorded leads to its review; the review
// states its purpose and date; every section is carried forward to be checked, confirmed unchanged
// in one action or changed; a changed answer shows what it was; a narrative left as it was while
// the scores moved is flagged; signing waits until every section is checked.
import { test, expect } from './fixtures.mjs';
import AxeBuilder from '@axe-core/playwright';
import { agreeHousingPlan, confirmCarriedForward, createCase, expectSaved, screenshot } from './journeys.mjs';
import { completeAssessmentByMouse } from './assessment-data.mjs';
import { itemGroup, typeDate } from './keyboard.mjs';

async function expectNoAxeViolations(page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(', ')})`)).toEqual([]);
}

async function saveProfile(page, name, grade) {
  await page.goto('/profile');
  await page.getByLabel('Your full name').fill(name);
  await page.getByRole('group', { name: 'Your grade' }).getByLabel(grade).check();
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByTestId('profile-saved')).toContainText(name);
}

const london = (date) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'long', year: 'numeric' }).format(date);
const parts = (date) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'numeric', year: 'numeric' }).format(date).split('/');

test('a significant change leads to a review: purpose and date, sections carried forward, earlier answers shown, a narrative flagged', async ({ page }) => {
  test.setTimeout(240_000);
  const today = new Date();
  const tomorrow = new Date(today.getTime() + 24 * 3600 * 1000);
  await saveProfile(page, 'Alex Officer', 'Probation officer (PO)');
  await createCase(page);
  const caseUrl = page.url();

  // Version 1: a complete assessment with a narrative in section 9, and an agreed plan.
  await page.goto(`${caseUrl}/assessment`);
  await completeAssessmentByMouse(page);
  await page.goto(`${caseUrl}/assessment/9`);
  await page.getByLabel(/^9\.97 /).fill('Drinks at weekends with friends, no problems at work.');
  await expectSaved(page);
  await agreeHousingPlan(page, caseUrl);
  await page.goto(`${caseUrl}/signing`);
  await page.getByRole('button', { name: 'Sign version 1' }).click();
  await expect(page.getByTestId('signing-status')).toHaveText('Version 1 awaiting countersignature');
  // A first assessment is countersigned: a senior at this desk, under their own profile.
  await saveProfile(page, 'Sam Senior', 'Senior probation officer (SPO)');
  await page.goto(`${caseUrl}/signing`);
  await page.getByRole('button', { name: 'Review and decide' }).click();
  await page.getByLabel('Countersign', { exact: true }).check();
  await page.getByRole('button', { name: 'Confirm decision' }).click();
  await expect(page.getByTestId('signing-status')).toContainText('Version 1 countersigned');
  await saveProfile(page, 'Alex Officer', 'Probation officer (PO)');

  // A significant change recorded offers its review.
  await page.goto(`${caseUrl}/reviews`);
  await page.getByRole('group', { name: 'What kind of change is it?' }).getByLabel('Change of address').check();
  await page.getByLabel('What changed').fill('Moved to a hostel');
  await typeDate(page, 'When did it change?', parts(today));
  await page.getByRole('button', { name: 'Record significant change' }).click();
  await page.getByRole('link', { name: 'Start a review for this change' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Signing and countersigning' })).toBeVisible();
  const purpose = page.getByRole('group', { name: 'What is the new version of the assessment for?' });
  await expect(purpose.getByLabel('Significant change review')).toBeChecked();
  await expect(purpose.getByLabel('Transfer review')).toBeVisible();
  const which = page.getByRole('group', { name: 'Which significant change is this review for?' });
  await expect(which.getByLabel('Significant change (change of address): Moved to a hostel')).toBeChecked();

  // Its date: typed with the keyboard; one in the future is refused at the field and in the summary.
  await typeDate(page, 'Assessment date', parts(tomorrow));
  const start = page.getByRole('button', { name: 'Start a new draft (version 2)' });
  await start.click();
  const summary = page.locator('#error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveText(['Assessment date must be today or in the past']);
  await expect(page.locator('#review-date-error')).toHaveText('Error: Assessment date must be today or in the past');
  await expect(page.getByTestId('signing-status')).toHaveText('Version 1 countersigned');
  await expectNoAxeViolations(page);
  await typeDate(page, 'Assessment date', parts(today));
  await start.click();
  await expect(page.getByTestId('signing-status')).toHaveText('Version 2 is a draft (version 1 countersigned)');
  await expect(page.getByTestId('draft-purpose')).toHaveText('Significant change review');
  await expect(page.getByTestId('draft-review')).toHaveText(`Assessment date ${london(today)}, for: Significant change (change of address): Moved to a hostel`);
  await expect(page.getByTestId('timeline').locator('.moj-timeline__title').first()).toHaveText('Version 2 started as a new draft: significant change review');

  // Every section is carried forward, none completed: the copy is not the review.
  await page.goto(`${caseUrl}/assessment`);
  await expect(page.getByTestId('completed-count')).toHaveText(/^Completed 0 of \d+ sections$/);
  const accommodation = page.getByRole('link', { name: '3. Accommodation', exact: true });
  await expect(accommodation).toHaveAccessibleDescription('Carried forward — check');
  await screenshot(page, 'review-task-list');
  // Confirmed unchanged in one action.
  await accommodation.click();
  await expect(page.getByTestId('carried-forward')).toContainText(`These answers are carried forward from version 1 (${london(today)}). Check that each still holds.`);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'This section is unchanged' }).click();
  await expect(page.getByTestId('confirmed-unchanged')).toBeFocused();
  await expect(page.getByTestId('carried-forward')).toHaveCount(0);
  await expect(page.getByRole('group', { name: 'Have you completed this section?' }).getByLabel('Yes')).toBeChecked();
  await page.goto(`${caseUrl}/assessment`);
  await expect(accommodation).toHaveAccessibleDescription('Completed');

  // Changed: the earlier answer shows under the new one, and the narrative is flagged until it changes too.
  await page.getByRole('link', { name: '9. Alcohol misuse', exact: true }).click();
  await expect(page.getByTestId('before-9.1')).toHaveCount(0);
  await expect(page.getByTestId('stale-9.97')).toHaveCount(0);
  await itemGroup(page, '9.1').getByLabel('Some problems').check();
  await expect(page.getByTestId('before-9.1')).toHaveText(`Before: No problems, ${london(today)}`);
  await expect(page.getByTestId('stale-9.97')).toContainText('You changed the answer to 9.1 since version 1');
  await expect(page.getByTestId('stale-9.97')).toContainText('Check this still says what you mean.');
  await expect(page.getByTestId('carried-forward')).toHaveCount(0);
  await screenshot(page, 'review-before-and-narrative');
  await expectNoAxeViolations(page);
  const narrative = page.getByLabel(/^9\.97 /);
  await narrative.focus();
  await page.keyboard.press('End');
  await page.keyboard.type(' Since moving to the hostel he drinks most days.');
  await expect(page.getByTestId('stale-9.97')).toHaveCount(0);
  await expect(page.getByTestId('before-9.97')).toHaveText(`Before: Drinks at weekends with friends, no problems at work., ${london(today)}`);
  await expectSaved(page);
  await page.goto(`${caseUrl}/assessment`);
  await expect(page.getByRole('link', { name: '9. Alcohol misuse', exact: true })).toHaveAccessibleDescription('In progress');

  // Signing waits until every section is checked.
  await page.goto(`${caseUrl}/signing`);
  await page.getByRole('button', { name: 'Sign version 2' }).click();
  await expect(page.getByTestId('signing-problems')).toContainText('Complete every section of the assessment');
  expect(await confirmCarriedForward(page, caseUrl)).toBeGreaterThan(10);
  await page.goto(`${caseUrl}/assessment/9`);
  await page.getByRole('group', { name: 'Have you completed this section?' }).getByLabel('Yes').check();
  // Saved before the page is reloaded (a reload within the save's moment may cut it off).
  await expectSaved(page);
  await page.goto(`${caseUrl}/signing`);
  await page.getByRole('button', { name: 'Sign version 2' }).click();
  await expect(page.getByTestId('signing-status')).toHaveText('Version 2 self-signed');
  await expect(page.getByTestId('version-purpose').first()).toHaveText('Significant change review');
  // Signed, the draft is read-only and nothing says "before" any more.
  await page.goto(`${caseUrl}/assessment/9`);
  await expect(page.getByTestId('before-9.1')).toHaveCount(0);
});
