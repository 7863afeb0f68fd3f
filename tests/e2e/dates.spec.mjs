// Every date on every screen typed as officers type it: the day, Tab, the month, Tab, the year.
// Each box keeps its value and the focus while typed, has exactly one label naming it, and what
// was typed is still there after a reload where the screen saves as typed.
import { test, expect } from './fixtures.mjs';
import { createCase, CUSTODY_CASE } from './journeys.mjs';
import { tabTo, typeDate } from './keyboard.mjs';

const focused = (locator) => locator.evaluate((element) => element === document.activeElement);

/** Types `text` key by key into a box reached by Tab; the box keeps the focus after every key. */
async function typeKeepingFocus(page, box, text) {
  await tabTo(page, box);
  for (const key of text) {
    await page.keyboard.type(key);
    expect(await focused(box), `focus stays in the box while typing "${text}"`).toBe(true);
  }
  await expect(box).toHaveValue(text);
}

async function expectDate(page, legend, [day, month, year]) {
  const group = page.getByRole('group', { name: legend, exact: true });
  await expect(group.getByRole('textbox', { name: 'Day', exact: true })).toHaveValue(day);
  await expect(group.getByRole('textbox', { name: 'Month', exact: true })).toHaveValue(month);
  await expect(group.getByRole('textbox', { name: 'Year', exact: true })).toHaveValue(year);
}

test('every date box on every screen takes typing with Tab between boxes, and keeps it', async ({ page }) => {
  test.setTimeout(120_000);

  // The case form: date of birth, sentence date, release date and sentence end, typed.
  await page.goto('/');
  await page.getByRole('button', { name: 'Create a case' }).click();
  await page.getByLabel('Full name').fill(CUSTODY_CASE.name);
  await page.getByLabel('Case reference number (CRN)').fill(CUSTODY_CASE.crn);
  await typeDate(page, 'Date of birth', ['17', '7', '1991']);
  await page.getByRole('group', { name: 'Sex' }).getByLabel('Male', { exact: true }).check();
  await page.getByRole('group', { name: 'Sentence type' }).getByLabel('Custody').check();
  await typeDate(page, 'Sentence date', ['2', '3', '2026']);
  await typeDate(page, 'Release date', ['2', '3', '2030']);
  await typeDate(page, 'Sentence end date', ['1', '3', '2031']);
  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(page.getByRole('heading', { level: 1, name: CUSTODY_CASE.name })).toBeVisible();
  const caseUrl = page.url();

  // The case page: the next appointment.
  await typeDate(page, 'Appointment date', ['3', '12', '2026']);

  // Section 1: the conviction date, the start of the sentence, and an offence's date in its list.
  await page.goto(`${caseUrl}/assessment/1`);
  await typeDate(page, '1.29 Date of current conviction', ['5', '8', '2025']);
  await page.getByRole('button', { name: 'Add an offence' }).click();
  await typeDate(page, 'Date of offence', ['1', '6', '2025']);
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('save-status')).toHaveText(/^Saved at /);
  await page.reload();
  await expectDate(page, '1.29 Date of current conviction', ['5', '8', '2025']);
  await expectDate(page, 'Date of offence', ['1', '6', '2025']);

  // Review dates: a significant change.
  await page.goto(`${caseUrl}/reviews`);
  await typeDate(page, 'When did it change?', ['20', '11', '2026']);

  // A goal with a date of its own, and a future goal's reminder: the boxes appear after a choice.
  await page.goto(`${caseUrl}/plan/goals/new`);
  await page.getByLabel('What is the goal?').fill('Keep a settled address on release');
  await page.getByRole('group', { name: 'What is the main area of need?' }).getByLabel('Accommodation').check();
  await page.getByRole('group', { name: 'Can they start working on this goal now?' }).getByLabel('Yes', { exact: true }).check();
  await page.getByRole('group', { name: 'When should they aim to achieve it?' }).getByLabel('Set another date').check();
  await typeDate(page, 'Target date', ['15', '9', '2027']);
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('save-status')).toHaveText(/^Saved at /);
  await page.reload();
  await expectDate(page, 'Target date', ['15', '9', '2027']);
  await page.getByRole('group', { name: 'Can they start working on this goal now?' }).getByLabel('No, it is a future goal').check();
  await typeDate(page, 'Reminder date (optional)', ['1', '2', '2027']);
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('save-status')).toHaveText(/^Saved at /);
  await page.reload();
  await expectDate(page, 'Reminder date (optional)', ['1', '2', '2027']);
  // Both kept: back to "Yes" shows the target date as it was typed.
  await page.getByRole('group', { name: 'Can they start working on this goal now?' }).getByLabel('Yes', { exact: true }).check();
  await expectDate(page, 'Target date', ['15', '9', '2027']);
  await page.getByRole('button', { name: 'Save goal' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sentence plan' })).toBeVisible();
  await expect(page.getByTestId('goal')).toContainText('By 15 September 2027');
  await expect(page.getByTestId('goal')).not.toContainText('15 September 2027: 15 September 2027');

  // Boxes that appear after a choice keep the focus too: a step by someone named, and why the
  // person does not agree (whose label follows the answer).
  const goal = page.getByTestId('goal');
  await goal.getByRole('group', { name: 'Who will do it' }).getByLabel('Someone else').check();
  await typeKeepingFocus(page, goal.getByLabel('Name of who will do it'), 'Her aunt');
  await typeKeepingFocus(page, goal.getByLabel('What will be done'), 'Help with the deposit');
  await goal.getByRole('button', { name: 'Add step' }).click();
  await expect(goal.getByRole('cell', { name: 'Her aunt', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Record agreement' }).click();
  const answer = page.getByRole('group', { name: 'Does the person on probation agree with the plan?' });
  await answer.getByLabel('No, they do not agree').check();
  await typeKeepingFocus(page, page.getByLabel('Why do they not agree?'), 'Wants to live with family');
  await answer.getByLabel('They could not answer').check();
  await expect(page.getByLabel('Why could they not answer?')).toHaveValue('Wants to live with family');
});
