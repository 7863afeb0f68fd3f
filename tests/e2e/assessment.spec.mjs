// The full assessment: every section completed with the keyboard only (a repeat, grids, the offence
// picker), reloads at random points, check-answers Change links, task-list statuses, conditions.
import { test, expect } from './fixtures.mjs';
import AxeBuilder from '@axe-core/playwright';
import { createCase, expectSaved, screenshot } from './journeys.mjs';
import {
  activate, chooseItem, chooseRadio, fillDateByKeyboard, itemGroup, selectByTyping, tabTo, tick, typeInto,
} from './keyboard.mjs';
import { ASSESSMENT, byCode } from './assessment-data.mjs';

async function expectNoAxeViolations(page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(', ')})`)).toEqual([]);
}

async function answer(page, [kind, ...args]) {
  switch (kind) {
    case 'radio': return chooseItem(page, args[0], args[1]);
    case 'text': return typeInto(page, byCode(page, args[0]), args[1]);
    case 'date': return fillDateByKeyboard(page, itemGroup(page, args[0]), args[1]);
    case 'fact': return expect(page.getByTestId(`case-fact-${args[0]}`)).toContainText(args[1]);
    case 'multi': return tick(page, itemGroup(page, args[0]).getByLabel(args[1], { exact: true }));
    case 'tick': return tick(page, page.getByLabel(args[0], { exact: true }));
    case 'select': return selectByTyping(page, page.getByLabel(args[0], { exact: true }), args[1]);
    case 'remove': {
      await activate(page, page.getByRole('button', { name: args[0] }));
      return expect(page.getByRole('button', { name: args[0] })).toHaveCount(0);
    }
    case 'reload': {
      await expect(page.getByTestId('save-status')).toHaveText(/^Saved at /);
      await page.reload();
      return expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    }
    case 'offence': {
      const [query, entry] = args;
      await activate(page, page.getByRole('button', { name: /^Add (an|another) offence$/ }));
      const group = page.getByRole('group', { name: entry });
      const picker = group.getByRole('combobox', { name: 'Offence' });
      await expect(picker).toBeFocused();
      await page.keyboard.type(query);
      await expect(page.getByRole('option').first()).toBeVisible();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      return expect(group.getByText(/^Chosen: \d{5} /)).toBeVisible();
    }
    default: throw new Error(`unknown answer kind ${kind}`);
  }
}

/** A small seeded generator, so "random" reload points are the same in every run and can be reported. */
function seeded(seed) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

test('an officer completes a whole assessment with the keyboard only, and reloads lose nothing', async ({ page }) => {
  test.setTimeout(420_000);
  await createCase(page);
  await activate(page, page.getByRole('button', { name: 'Start assessment' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Assessment' })).toBeVisible();
  // The full analysis cannot start yet, and the risk management plan is optional until RoSH is Medium or higher.
  await expect(page.getByTestId('completed-count')).toHaveText('Completed 0 of 16 sections');

  const seed = 20261125;
  const random = seeded(seed);
  const reloadAfter = new Set([0, 1, 2].map(() => Math.floor(random() * ASSESSMENT.length)));
  test.info().annotations.push({ type: 'reloads', description: `seed ${seed}: reloaded the next section after sections ${[...reloadAfter].join(', ')}` });

  // From the task list to the first section; from then on each check answers page goes straight
  // to the next section in one action, with focus on its heading.
  await activate(page, page.getByRole('link', { name: ASSESSMENT[0][0], exact: true }));
  for (const [index, [heading, answers]] of ASSESSMENT.entries()) {
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    for (const given of answers) await answer(page, given);
    await chooseRadio(page, page.getByRole('group', { name: 'Have you completed this section?' }), 'Yes');
    await activate(page, page.getByRole('button', { name: 'Continue' }));
    await expect(page.getByRole('heading', { level: 1, name: `Check your answers: ${heading}` })).toBeVisible();
    await expect(page.getByTestId('section-status')).toHaveText('You have marked this section as completed.');
    if (index === 0) await screenshot(page, 'check-answers-offending');
    if (index + 1 < ASSESSMENT.length) {
      const next = page.getByRole('heading', { level: 1, name: ASSESSMENT[index + 1][0] });
      await activate(page, page.getByRole('button', { name: 'Save and go to the next section' }));
      await expect(next).toBeFocused();
      if (reloadAfter.has(index)) {
        await page.reload();
        await expect(next).toBeVisible();
      }
    } else {
      // The last section: the next step is the sentence plan.
      await expect(page.getByTestId('next-step')).toHaveText('Save and go to the sentence plan');
      await activate(page, page.getByRole('button', { name: 'Return to the task list' }));
      await expect(page.getByRole('heading', { level: 1, name: 'Assessment' })).toBeFocused();
    }
  }
  for (const [heading] of ASSESSMENT) {
    await expect(page.getByRole('link', { name: heading, exact: true })).toHaveAccessibleDescription('Completed');
  }
  await expect(page.getByTestId('task-list-next')).toContainText('Every section is completed. Next, the sentence plan.');
  await expect(page.getByTestId('task-list-next').getByRole('button', { name: 'Go to the sentence plan' })).toBeVisible();

  await expect(page.getByTestId('completed-count')).toHaveText('Completed 18 of 18 sections');
  await expect(page.getByTestId('overall-rosh')).toHaveText('Medium (draft: not yet signed)');
  await expect(page.getByTestId('identified-needs')).toHaveText(
    [
      // Thinking and behaviour scores 2 out of 8 (11.2 and 11.4 are asked, not scored): below its threshold of 4.
      'Accommodation (2 out of 8)', 'Education, training and employability (3 out of 8)', 'Lifestyle and associates (2 out of 6)',
      'Drug misuse (3 out of 10)', 'Attitudes (2 out of 8)',
    ].join(''),
  );
  // Section 1's answers above, the follow-up starting on the case's release date (2 November 2026, at 35).
  await expect(page.getByTestId('predictor-ogrs3')).toHaveText('10% in 1 year, 19% in 2 years Low');
  await expect(page.getByTestId('predictor-ogp')).toHaveText('15% in 1 year, 25% in 2 years Low');
  await expect(page.getByTestId('predictor-ovp')).toHaveText('8% in 1 year, 14% in 2 years Low');
  await screenshot(page, 'task-list-completed');

  // Everything is still there after closing and reopening: the check-answers page of section 1.
  await page.goto(page.url().replace(/\/assessment.*/, '/assessment/1/check'));
  const rows = page.getByTestId('check-answers');
  await expect(rows).toContainText('Offence 1: Offence');
  await expect(rows).toContainText('05000');
  await expect(rows).not.toContainText('Offence 2');
  await expect(rows).toContainText('5 August 2021');
  await expect(rows).toContainText('2 November 2026');

  // The assessment report: every section in words, the RoSH grid and summary, needs, predictors;
  // marked as a draft until signed; clean on paper.
  await page.goto(page.url().replace(/\/assessment.*/, '/assessment'));
  await page.getByRole('link', { name: 'Assessment report (to read or print)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Assessment report: Jordan Fictional' })).toBeFocused();
  await expect(page.getByTestId('report-draft')).toHaveText('Draft: not yet signed');
  await expect(page.getByTestId('report-summary')).toContainText('Medium (draft: not yet signed)');
  await expect(page.getByTestId('report-section')).toHaveCount(18);
  await expect(page.getByTestId('report-section').filter({ hasText: 'Risk of serious harm full analysis' })).toContainText('Threatened a neighbour with a hammer');
  await expect(page.getByTestId('report-rosh-grid')).toContainText('Medium');
  await expect(page.getByTestId('predictor-ogrs3')).toHaveText('10% in 1 year, 19% in 2 years Low');
  await expectNoAxeViolations(page);
  await screenshot(page, 'assessment-report');
  await page.screenshot({ path: 'test-results/screenshots/assessment-report-top.png', clip: { x: 0, y: 0, width: 1280, height: 1300 } });
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('link', { name: 'Back to the assessment' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print this report' })).toBeHidden();
  await page.emulateMedia({ media: 'screen' });

  // The case page's key facts: the draft's RoSH marked as a draft, the needs, the status, the next step;
  // and nothing left to continue, so the button says "View assessment".
  await page.goto(page.url().replace(/\/assessment.*/, ''));
  await expect(page.getByTestId('key-rosh')).toHaveText('Medium (draft: not yet signed)');
  // The main offence, from section 1's first offence (its one source), in words.
  await expect(page.getByTestId('key-main-offence')).toHaveText('05000 Obtaining goods by false pretences');
  await expect(page.getByTestId('key-needs')).toContainText('Accommodation (2 out of 8); Education, training and employability (3 out of 8)');
  await expect(page.getByTestId('key-status')).toHaveText('In progress (18 of 18)');
  await expect(page.getByTestId('key-next-step')).toHaveText('Agree the sentence plan with the person');
  await expect(page.getByTestId('key-next-review')).not.toBeEmpty();
  await expect(page.getByRole('button', { name: 'View assessment' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Continue assessment' })).toHaveCount(0);
  await screenshot(page, 'case-page-key-facts');
  // The caseload marks the level as the draft's too, and says how far the assessment has got.
  await page.getByRole('link', { name: 'Back to caseload' }).click();
  await expect(page.getByTestId('row-rosh')).toHaveText('Medium (draft)');
  await expect(page.getByTestId('row-status')).toHaveText('In progress (18 of 18)');
});

test('check answers, Change links, statuses, problems and conditions', async ({ page }) => {
  test.setTimeout(120_000);
  await createCase(page);
  await page.getByRole('button', { name: 'Start assessment' }).click();
  const fullAnalysis = page.getByText('Risk of serious harm full analysis', { exact: true });
  await expect(fullAnalysis).toBeVisible();
  await expect(page.getByRole('link', { name: 'Risk of serious harm full analysis' })).toHaveCount(0);
  await expect(page.locator('#section-rosh-full-status')).toHaveText('Cannot start yet');
  await expect(page.getByText('Predictors support, and never replace, your professional judgement.')).toBeVisible();
  await expect(page.getByTestId('predictor-ogrs3')).toContainText('Date of current conviction');
  await expectNoAxeViolations(page);
  await page.getByTestId('predictor-ogrs3').getByRole('link', { name: 'Date of current conviction' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '1. Offending information' })).toBeVisible();
  await expect(itemGroup(page, '1.29').getByLabel('Day')).toBeFocused();
  await page.getByRole('button', { name: 'Return to check your answers' }).click();
  await page.getByRole('button', { name: 'Return to the task list' }).click();

  // Marking a section completed with answers missing: error summary, links to the fields, "There is a problem".
  await page.getByRole('link', { name: '3. Accommodation' }).click();
  await itemGroup(page, '3.3').getByLabel('No').check();
  await page.getByRole('group', { name: 'Have you completed this section?' }).getByLabel('Yes').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  const summary = page.getByRole('alert');
  await expect(summary.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
  await expect(summary.getByRole('link')).toHaveText([
    'Select an answer for 3.4 Suitability of accommodation',
    'Select an answer for 3.5 Permanence of accommodation',
    'Select an answer for 3.6 Suitability of location of accommodation',
    'Select an answer for 3.98 Are accommodation issues linked to risk of serious harm?',
    'Select an answer for 3.99 Are accommodation issues linked to offending behaviour?',
  ]);
  await expect(page).toHaveTitle(/^Error: 3\. Accommodation/);
  await summary.getByRole('link', { name: 'Select an answer for 3.5 Permanence of accommodation' }).click();
  await expect(itemGroup(page, '3.5').getByRole('radio').first()).toBeFocused();
  await expectNoAxeViolations(page);
  await screenshot(page, 'section-problem');
  await page.getByRole('link', { name: 'Back to assessment' }).click();
  await expect(page.locator('#section-3-status')).toHaveText('There is a problem');

  // Fixing the answers completes it; check answers shows each answer in words.
  await page.getByRole('link', { name: '3. Accommodation' }).click();
  await expect(page.getByRole('alert').getByRole('link')).toHaveCount(5);
  await itemGroup(page, '3.4').getByLabel('Some problems').check();
  await itemGroup(page, '3.5').getByLabel('No problems').check();
  await itemGroup(page, '3.6').getByLabel('No problems').check();
  await itemGroup(page, '3.98').getByLabel('No').check();
  await itemGroup(page, '3.99').getByLabel('Yes').check();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check your answers: 3. Accommodation' })).toBeVisible();
  const row = (question) => page.locator('.govuk-summary-list__row', { has: page.getByText(question, { exact: true }) });
  await expect(row('3.4 Suitability of accommodation').locator('dd').first()).toHaveText('Some problems');
  await expectNoAxeViolations(page);
  await screenshot(page, 'check-answers');

  // A Change link goes to the question and comes back to check answers with the new answer.
  await page.getByRole('link', { name: 'Change 3.4 Suitability of accommodation' }).click();
  await expect(itemGroup(page, '3.4').getByRole('radio').first()).toBeFocused();
  await itemGroup(page, '3.4').getByLabel('Significant problems').check();
  await page.getByRole('button', { name: 'Return to check your answers' }).click();
  await expect(row('3.4 Suitability of accommodation').locator('dd').first()).toHaveText('Significant problems');
  await page.getByRole('button', { name: 'Return to the task list' }).click();
  await expect(page.locator('#section-3-status')).toHaveText('Completed');
  await expect(page.getByTestId('completed-count')).toHaveText('Completed 1 of 16 sections');

  // Conditions: answers hidden by a change are kept, said so, and not scored.
  await page.getByRole('link', { name: '8. Drug misuse' }).click();
  await itemGroup(page, '8.1').getByLabel('Yes').check();
  await page.getByLabel('Heroin: Injected', { exact: true }).check();
  await itemGroup(page, '8.4').getByLabel('Significant problems').check();
  await itemGroup(page, '8.6').getByLabel('Never').check();
  await expect(page.getByTestId('section-score')).toHaveText('2 out of 10');
  await page.getByRole('group', { name: 'Have you completed this section?' }).getByLabel('Yes').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('alert').getByRole('link', { name: /8\.6 says the person has never injected/ })).toBeVisible();
  await expectNoAxeViolations(page);
  await itemGroup(page, '8.1').getByLabel('No').check();
  await expect(itemGroup(page, '8.4')).toHaveCount(0);
  await expect(page.getByTestId('hidden-answers')).toContainText('Answers to 8.2, 8.4, 8.6 are hidden');
  await expect(page.getByTestId('section-score')).toHaveText('0 out of 10');
  await expectSaved(page);
  await page.reload();
  await itemGroup(page, '8.1').getByLabel('Yes').check();
  await expect(itemGroup(page, '8.4').getByLabel('Significant problems')).toBeChecked();
  await expect(page.getByLabel('Heroin: Injected', { exact: true })).toBeChecked();

  // A screening "yes" opens the full analysis; the RoSH grid sets the overall level, never "Low" when unrated.
  await page.goto(page.url().replace(/\/assessment.*/, '/assessment/rosh-screening'));
  await itemGroup(page, 'R4.1').getByLabel('Yes').check();
  // A reload within a few milliseconds of a choice can beat its save (CI once saw the full analysis
  // still "not needed" here): wait for "Saved at" as an officer would see it.
  await expectSaved(page);
  await page.goto(page.url().replace(/\/assessment.*/, '/assessment'));
  await expect(page.locator('#section-rosh-full-status')).toHaveText('Not yet started');
  await page.getByRole('link', { name: 'Risk of serious harm full analysis' }).click();
  await page.getByRole('button', { name: 'Add a child' }).click();
  await expect(page.getByRole('group', { name: 'Child 1' }).getByLabel("Child's initials")).toBeFocused();
  await page.keyboard.type('AB');
  await page.getByRole('group', { name: 'Child 1' }).getByLabel("Child's age").fill('7');
  await expectNoAxeViolations(page);
  await expectSaved(page);
  await page.goto(page.url().replace(/\/assessment.*/, '/assessment/rosh-summary'));
  await expect(page.getByTestId('overall-rosh')).toHaveText('RoSH not yet assessed');
  await page.getByLabel('Children: Community', { exact: true }).selectOption('High');
  await expect(page.getByTestId('overall-rosh')).toHaveText('High (1 of 9 groups rated)');
  await expectNoAxeViolations(page);
  await screenshot(page, 'rosh-summary');
  await page.reload();
  await expect(page.getByLabel('Children: Community', { exact: true })).toHaveValue('high');
  await page.goto(page.url().replace(/\/assessment.*/, '/assessment/rosh-full'));
  await expect(page.getByRole('group', { name: 'Child 1' }).getByLabel("Child's initials")).toHaveValue('AB');
  await expect(page.getByRole('group', { name: 'Child 1' }).getByLabel("Child's age")).toHaveValue('7');
});
