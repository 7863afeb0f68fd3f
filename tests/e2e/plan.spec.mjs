// The sentence plan: goals suggested from the assessment, accepted or edited, steps, agreement with
// its checks, and nothing typed lost on the way.
import { test, expect } from './fixtures.mjs';
import AxeBuilder from '@axe-core/playwright';
import { WORKBOOK, createCase, ensureWorkbookCli, screenshot } from './journeys.mjs';
import { itemGroup } from './keyboard.mjs';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdir, readFile } from 'node:fs/promises';

const run = promisify(execFile);

test.beforeAll(() => ensureWorkbookCli(test));

async function expectNoAxeViolations(page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(', ')})`)).toEqual([]);
}

const HOUSING = 'Find settled accommodation that supports staying away from offending';
const DRUGS = 'Reduce and stop drug misuse, with the support of drug treatment services';

/** A fictional assessment with two identified needs: accommodation and drug misuse. */
async function assessWithTwoNeeds(page) {
  await createCase(page, {
    name: 'Casey Planner', crn: 'P135790', dateOfBirth: ['4', '4', '1994'], sex: 'Female', sentenceType: 'Community order',
    startLegend: 'Sentence date', start: ['16', '11', '2026'], end: ['15', '11', '2027'],
  });
  const caseUrl = page.url();
  await page.goto(`${caseUrl}/assessment/3`);
  await itemGroup(page, '3.3').getByLabel('Yes').check();
  await expect(page.getByTestId('save-status')).toHaveText(/^Saved at /);
  await page.goto(`${caseUrl}/assessment/8`);
  await itemGroup(page, '8.1').getByLabel('Yes').check();
  await itemGroup(page, '8.4').getByLabel('Significant problems').check();
  await expect(page.getByTestId('save-status')).toHaveText(/^Saved at /);
  await page.goto(caseUrl);
  return caseUrl;
}

test('an officer builds a plan from suggested goals, adds steps and records agreement', async ({ page }) => {
  test.setTimeout(120_000);
  const caseUrl = await assessWithTwoNeeds(page);
  await expect(page.getByTestId('key-rosh')).toHaveText('RoSH not yet assessed');
  await expect(page.getByTestId('key-status')).toHaveText(/^In progress \(0 of \d+\)$/);
  await expect(page.getByRole('button', { name: 'Continue assessment' })).toBeVisible();
  await page.getByRole('button', { name: 'Sentence plan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sentence plan' })).toBeVisible();
  await expect(page.getByTestId('plan-status')).toHaveText('Draft: not yet agreed with the person on probation');
  await expect(page.getByRole('heading', { level: 3, name: HOUSING })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: DRUGS })).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshot(page, 'plan-suggestions');

  // Accept the housing goal as it is: it starts now, with a target in 6 months.
  await page.getByRole('button', { name: `Accept goal: ${HOUSING}` }).click();
  const housing = page.getByTestId('goal').filter({ has: page.getByRole('heading', { name: HOUSING }) });
  await expect(housing).toContainText('Active');
  await expect(housing).toContainText(/In 6 months: \d+ \w+ \d{4}/);
  await expect(page.getByRole('button', { name: `Accept goal: ${HOUSING}` })).toHaveCount(0);
  // Accepted goals come first, suggestions after; "Dismiss" is a quiet link-style action, not a red button.
  const headings = await page.getByRole('heading', { level: 2 }).allTextContents();
  expect(headings.indexOf('Goals')).toBeLessThan(headings.indexOf('Suggested goals'));
  await expect(page.getByRole('button', { name: `Dismiss suggestion: ${DRUGS}` })).not.toHaveClass(/govuk-button--warning/);

  // Edit the drugs goal before adding it: a future goal. What is typed survives a reload before saving.
  await page.getByRole('button', { name: `Edit and add goal: ${DRUGS}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Add a goal' })).toBeVisible();
  await expect(page.getByLabel('What is the goal?')).toHaveValue(DRUGS);
  await page.getByLabel('What is the goal?').fill(`${DRUGS} once she has moved`);
  await page.getByRole('group', { name: 'Does it help with any other areas? (optional)' }).getByLabel('Accommodation').check();
  await expect(page.getByTestId('save-status')).toHaveText(/^Saved at /);
  await page.reload();
  await expect(page.getByLabel('What is the goal?')).toHaveValue(`${DRUGS} once she has moved`);
  await page.getByRole('button', { name: 'Save goal' }).click();
  await expect(page.getByRole('alert').getByRole('link', { name: 'Select whether they can start working on this goal now' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('group', { name: 'Can they start working on this goal now?' }).getByLabel('No, it is a future goal').check();
  await page.getByRole('button', { name: 'Save goal' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sentence plan' })).toBeVisible();
  const drugs = page.getByTestId('goal').filter({ has: page.getByRole('heading', { name: `${DRUGS} once she has moved` }) });
  await expect(drugs).toContainText('Future goal: no target date yet');
  await expect(drugs).toContainText('Related areas');
  await expect(page.getByTestId('no-suggestions')).toBeVisible();

  // Agreement is checked first: every active goal needs a step.
  await page.getByRole('button', { name: 'Record agreement' }).click();
  await expect(page.getByTestId('readiness')).toContainText('step');
  await page.getByRole('group', { name: 'Does the person on probation agree with the plan?' }).getByLabel('Yes, they agree').check();
  await page.getByRole('button', { name: 'Save agreement' }).click();
  await expect(page.getByRole('alert')).toContainText('step');
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Back to the plan' }).click();

  // Steps: one by the practitioner, one by someone named; each saved as typed until added.
  await housing.getByLabel('What will be done').fill('Refer to the council housing options team');
  await housing.getByRole('group', { name: 'Who will do it' }).getByLabel('Probation practitioner').check();
  await housing.getByRole('button', { name: 'Add step' }).click();
  await expect(housing.getByRole('cell', { name: 'Refer to the council housing options team', exact: true })).toBeVisible();
  await housing.getByRole('button', { name: 'Add step' }).click();
  await expect(housing.getByText('Enter a description of the step')).toBeVisible();
  await housing.getByLabel('What will be done').fill('Help with the deposit');
  await housing.getByRole('group', { name: 'Who will do it' }).getByLabel('Someone else').check();
  await housing.getByLabel('Name of who will do it').fill('Her brother');
  await housing.getByRole('button', { name: 'Add step' }).click();
  await expect(housing.getByRole('cell', { name: 'Her brother', exact: true })).toBeVisible();
  await housing.getByLabel('Status of step: Refer to the council housing options team').selectOption('In progress');
  await expect(page.getByTestId('save-status')).toHaveText(/^Saved at /);
  await page.reload();
  await expect(housing.getByLabel('Status of step: Refer to the council housing options team')).toHaveValue('in_progress');
  await expectNoAxeViolations(page);
  await screenshot(page, 'plan-goals');

  // "Could not answer" needs details; it can be updated later to the person's answer.
  await page.getByRole('button', { name: 'Record agreement' }).click();
  await expect(page.getByTestId('readiness')).toHaveCount(0);
  await page.getByRole('group', { name: 'Does the person on probation agree with the plan?' }).getByLabel('They could not answer').check();
  await page.getByRole('button', { name: 'Save agreement' }).click();
  await expect(page.getByRole('alert').getByRole('link', { name: 'Give details of why they could not answer' })).toBeVisible();
  await page.getByLabel('Why could they not answer?').fill('Appointment cut short: she was unwell');
  await page.getByRole('button', { name: 'Save agreement' }).click();
  await expect(page.getByTestId('plan-status')).toHaveText(/^Agreed on \d+ \w+ \d{4}: Could not answer$/);
  await page.getByRole('button', { name: 'Record agreement' }).click();
  await page.getByRole('group', { name: 'Does the person on probation agree with the plan?' }).getByLabel('Yes, they agree').check();
  await page.getByRole('button', { name: 'Save agreement' }).click();
  await expect(page.getByTestId('plan-status')).toHaveText(/: Agrees with the plan$/);

  // Once agreed, achieving or removing a goal needs a note.
  await housing.getByRole('button', { name: `Mark as achieved (${HOUSING})` }).click();
  await expect(housing.getByText('Add a note saying why the goal is achieved')).toBeVisible();
  await housing.getByLabel('Note (needed to mark as achieved or remove)').fill('Moved into a housing association flat');
  await housing.getByRole('button', { name: `Mark as achieved (${HOUSING})` }).click();
  await expect(housing).toContainText('Achieved');
  await expect(housing).toContainText('Moved into a housing association flat');
  await page.reload();
  await expect(housing).toContainText('Achieved');

  // Once agreed, a removed goal is kept with its note, and can be added back with a new target.
  await drugs.getByLabel('Note (needed to mark as achieved or remove)').fill('She has moved area for now');
  await drugs.getByRole('button', { name: `Remove goal (${DRUGS} once she has moved)` }).click();
  await expect(drugs).toContainText('Removed');
  await expect(drugs).toContainText('She has moved area for now');
  await drugs.getByLabel('Add this goal back, with a new target').selectOption('In 3 months');
  await drugs.getByRole('button', { name: `Add goal back (${DRUGS} once she has moved)` }).click();
  await expect(drugs).toContainText('Active');
  await expect(drugs).toContainText(/In 3 months: \d+ \w+ \d{4}/);
  // The plan changed after it was agreed: it says so, here and in print, until agreement is recorded again.
  await expect(page.getByTestId('plan-status')).toHaveText(/^Changed since it was agreed on \d+ \w+ \d{4}: record the person's agreement again \(agrees with the plan then\)$/);
  await page.getByRole('link', { name: 'Print the plan' }).click();
  await expect(page.getByTestId('print-facts')).toContainText('Changed since it was agreed');
  await expect(page.getByTestId('print-facts')).not.toContainText('PlanAgreed');
  await page.goBack();
  // Active again, the goal needs a step before the person can agree to the plan again.
  await drugs.getByLabel('What will be done').fill('Referral to the drug service');
  await drugs.getByRole('group', { name: 'Who will do it' }).getByLabel('Probation practitioner').check();
  await drugs.getByRole('button', { name: 'Add step' }).click();
  await expect(drugs.getByRole('cell', { name: 'Referral to the drug service', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Record agreement' }).click();
  await page.getByRole('group', { name: 'Does the person on probation agree with the plan?' }).getByLabel('Yes, they agree').check();
  await page.getByRole('button', { name: 'Save agreement' }).click();
  await expect(page.getByTestId('plan-status')).toHaveText(/^Agreed on \d+ \w+ \d{4}: Agrees with the plan$/);
  await screenshot(page, 'plan-agreed');
  expect(page.url()).toBe(`${caseUrl}/plan`);

  // The export: validated by the schema, holding the plan as agreed and the review dates on screen.
  await mkdir('test-results/exports', { recursive: true });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export sentence plan (JSON)' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^sentence-plan-P135790-\d{4}-\d{2}-\d{2}\.json$/);
  const file = 'test-results/exports/plan-spec.json';
  await download.saveAs(file);
  const { stdout } = await run(WORKBOOK, ['validate-export', file]);
  expect(stdout.trim()).toBe('valid');
  const exported = JSON.parse(await readFile(file, 'utf8'));
  expect(exported.plan.status).toBe('agreed');
  const texts = exported.plan.goals.map((goal) => goal.text);
  expect(texts).toEqual(expect.arrayContaining([HOUSING, `${DRUGS} once she has moved`]));
  const housingGoal = exported.plan.goals.find((goal) => goal.text === HOUSING);
  expect(housingGoal.status).toBe('achieved');
  expect(housingGoal.steps.map((step) => step.description)).toEqual(['Refer to the council housing options team', 'Help with the deposit']);
  await page.goto(`${caseUrl}/reviews`);
  await expect(page.getByTestId('review-date').first()).toBeVisible();
  const onScreen = await page.getByTestId('review-date').evaluateAll((cells) => cells.map((cell) => cell.dataset.date));
  expect(exported.review_dates.map((review) => review.date)).toEqual(onScreen);
  await expectNoAxeViolations(page);
});

test('removing a goal and dismissing a suggestion can each be undone; a dismissed suggestion keeps its reason and comes back', async ({ page }) => {
  test.setTimeout(120_000);
  const caseUrl = await assessWithTwoNeeds(page);
  await page.goto(`${caseUrl}/plan`);
  await page.getByRole('button', { name: `Accept goal: ${HOUSING}` }).click();
  const housing = page.getByTestId('goal').filter({ has: page.getByRole('heading', { name: HOUSING }) });
  await expect(housing).toContainText('Active');
  // Removed by mistake, and undone: the goal is back as it was.
  await housing.getByRole('button', { name: `Remove goal (${HOUSING})` }).click();
  await expect(housing).toHaveCount(0);
  const undo = page.getByTestId('undo');
  await expect(undo).toContainText(`Goal removed: ${HOUSING}`);
  await expectNoAxeViolations(page);
  await undo.getByRole('button', { name: 'Undo' }).click();
  await expect(housing).toContainText('Active');
  await expect(undo).toHaveCount(0);
  // Dismissed, and undone.
  await page.getByRole('button', { name: `Dismiss suggestion: ${DRUGS}` }).click();
  await expect(page.getByRole('heading', { level: 3, name: DRUGS })).toHaveCount(0);
  await expect(undo).toContainText(`Suggestion dismissed: ${DRUGS}`);
  await undo.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('heading', { level: 3, name: DRUGS })).toBeVisible();
  // Dismissed again and left: listed with what led to it, and brought back later, after a reload.
  await page.getByRole('button', { name: `Dismiss suggestion: ${DRUGS}` }).click();
  await expect(page.getByTestId('save-status')).toHaveText(/^Saved at /);
  await page.reload();
  const dismissed = page.getByTestId('dismissed-suggestions');
  await expect(dismissed).toContainText(DRUGS);
  await expect(dismissed).toContainText('Drug misuse ·');
  await screenshot(page, 'plan-dismissed');
  await dismissed.getByRole('button', { name: `Bring back suggestion: ${DRUGS}` }).click();
  await expect(page.getByRole('heading', { level: 3, name: DRUGS })).toBeVisible();
  await expect(dismissed).toHaveCount(0);
});
