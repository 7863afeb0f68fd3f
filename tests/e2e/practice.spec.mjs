// Trainee practice: a sample case in a space of its own, feedback against the reference, "try again",
// and live work never touched — not by practising, and not by resetting practice.
import { test, expect } from './fixtures.mjs';
import AxeBuilder from '@axe-core/playwright';
import { createCase, SAMPLE_CASE, SCREENSHOTS, screenshot } from './journeys.mjs';
import { completeAssessmentByMouse } from './assessment-data.mjs';
import { itemGroup } from './keyboard.mjs';

async function expectNoAxeViolations(page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(', ')})`)).toEqual([]);
}

const SAMPLE = 'Acquisitive offending and drug misuse';

test('a trainee practises on a sample case, gets feedback, tries again, and live work is untouched', async ({ page }) => {
  test.setTimeout(240_000);
  await createCase(page);
  await page.goto('/');
  await expect(page.getByRole('link', { name: SAMPLE_CASE.name })).toBeVisible();

  await page.getByRole('button', { name: 'Practise on sample cases' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Practice cases' })).toBeVisible();
  await expect(page.getByTestId('practice-banner')).toContainText('PRACTICE');
  await expect(page).toHaveTitle(/^PRACTICE – Practice cases/);
  await expect(page.getByRole('link', { name: SAMPLE_CASE.name })).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 2 })).toHaveCount(5);
  await expectNoAxeViolations(page);
  await screenshot(page, 'practice-cases');

  await page.getByRole('button', { name: `Start practice case: ${SAMPLE}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Case file: ${SAMPLE}` })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Interview notes' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Start the assessment' }).click();
  await expect(page.getByTestId('practice-banner')).toBeVisible();
  await completeAssessmentByMouse(page);

  await page.getByRole('button', { name: 'Get feedback on your assessment' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Feedback on your assessment' })).toBeVisible();
  await expect(page.getByTestId('agreement')).toHaveText(/^\d+% agreement$/);
  const percent = Number((await page.getByTestId('agreement').textContent()).match(/\d+/)[0]);
  expect(percent).toBeLessThan(100);
  await expect(page.getByTestId('difference').first()).toBeVisible();
  await expect(page.getByTestId('feedback-3')).toContainText('Why the reference says this');
  await expect(page.getByTestId('rosh-feedback')).toContainText('Overall RoSH: you said Medium');
  // No empty tables: the levels that differ are listed only when some do.
  const differing = await page.getByTestId('rosh-difference').count();
  await expect(page.getByTestId('rosh-differences')).toHaveCount(differing > 0 ? 1 : 0);
  await expect(page.getByTestId('rosh-levels-agree')).toHaveCount(differing > 0 ? 0 : 1);
  // The self-assessment compares the ticks the trainee gave, not only that it was filled in.
  await expect(page.getByTestId('feedback-saq')).toContainText('SAQ.2');
  // Every difference shows the case-file sentence the reference answer rests on.
  const differences = page.getByTestId('difference');
  for (const row of await differences.all()) await expect(row.getByTestId('evidence')).toContainText(/^“.+”/);
  // Each narrative is a checklist of the reference's points: "Weekly appointments at the office."
  // makes the first point of RM.3 and not the second; each point quotes its evidence.
  const supervision = page.getByTestId('narrative-RM.3');
  await expect(supervision).toContainText('You wrote: Weekly appointments at the office.');
  await expect(supervision.getByTestId('narrative-count')).toHaveText('You mention 1 of the 2 points the reference makes.');
  await expect(supervision.getByTestId('narrative-point').filter({ hasText: 'Frequent appointments' })).toHaveAttribute('data-mentioned', 'true');
  await expect(supervision.getByTestId('narrative-point').filter({ hasText: 'Alongside the drug rehabilitation requirement' })).toHaveAttribute('data-mentioned', 'false');
  await expect(supervision).toContainText('Case file: “Three previous community orders: two were breached for missed appointments;');
  await expect(page.getByTestId('narrative-R10.3').getByTestId('narrative-count')).toHaveText('You mention 0 of the 2 points the reference makes.');
  await page.getByText('How your narratives are checked').click();
  await expect(page.getByTestId('matching-explained')).toContainText('It is a prompt, not a mark');
  await supervision.screenshot({ path: `${SCREENSHOTS}/practice-narrative.png` });
  await page.getByTestId('feedback-8').screenshot({ path: `${SCREENSHOTS}/practice-evidence.png` });
  await expectNoAxeViolations(page);
  await screenshot(page, 'practice-feedback');

  // Try again keeps this attempt; the next feedback compares the two.
  await page.getByRole('button', { name: 'Try again' }).click();
  await page.getByRole('button', { name: 'Start the next attempt' }).click();
  await expect(page.getByText('Select whether to keep your answers or start again from blank').first()).toBeVisible();
  await page.getByRole('group', { name: 'How do you want to start the next attempt?' }).getByLabel('Start again from blank answers').check();
  await page.getByRole('button', { name: 'Start the next attempt' }).click();
  await expect(page.getByTestId('completed-count')).toHaveText(/^Completed 0 of \d+ sections$/);
  await completeAssessmentByMouse(page);
  await page.getByRole('button', { name: 'Get feedback on your assessment' }).click();
  await expect(page.getByTestId('against-last-attempt')).toContainText(`${percent}%`);
  const feedbackUrl = page.url();

  // Or from the answers given: every section to complete again, each answer as it was.
  await page.getByRole('button', { name: 'Try again' }).click();
  await page.getByRole('group', { name: 'How do you want to start the next attempt?' }).getByLabel('Keep my answers and change them').check();
  await page.getByRole('button', { name: 'Start the next attempt' }).click();
  await expect(page.getByTestId('completed-count')).toHaveText(/^Completed 0 of \d+ sections$/);
  await page.getByRole('link', { name: '3. Accommodation', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: '3. Accommodation' })).toBeVisible();
  await expect(itemGroup(page, '3.4').getByLabel('Some problems')).toBeChecked();
  await expect(itemGroup(page, '3.6').getByLabel('No problems')).toBeChecked();

  // Practice cases are never live work: no signing, no import.
  await page.goto(feedbackUrl.replace(/\/feedback$/, '/signing'));
  await expect(page.getByTestId('practice-no-signing')).toBeVisible();
  await page.goto('/import');
  await expect(page.getByTestId('practice-no-import')).toBeVisible();

  // Leaving practice: the live caseload is as it was, with no sample case in it.
  await page.goto('/');
  await page.getByRole('button', { name: 'Leave practice' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your caseload' })).toBeVisible();
  await expect(page.getByTestId('practice-banner')).toHaveCount(0);
  await expect(page.getByRole('link', { name: SAMPLE_CASE.name })).toBeVisible();
  await expect(page.getByText('Wesley Brackenfield')).toHaveCount(0);

  // Reset practice clears practice only.
  await page.getByRole('button', { name: 'Practise on sample cases' }).click();
  await expect(page.getByRole('button', { name: `Continue practice case: ${SAMPLE}` })).toBeVisible();
  page.once('dialog', (dialog) => dialog.accept());
  await page.getByRole('button', { name: 'Reset practice' }).click();
  await expect(page.getByRole('button', { name: `Start practice case: ${SAMPLE}` })).toBeVisible();
  await page.getByRole('button', { name: 'Leave practice' }).click();
  await expect(page.getByRole('link', { name: SAMPLE_CASE.name })).toBeVisible();
});
