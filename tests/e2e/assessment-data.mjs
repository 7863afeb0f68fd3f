// A whole fictional assessment (Jordan Fictional), section by section, as data shared by the keyboard
// journey and the countersigning journey, and the same answers given with the mouse.
import { expect } from '@playwright/test';
import { itemGroup } from './keyboard.mjs';

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
export const byCode = (page, code) => page.getByLabel(new RegExp(`^${escape(code)} `));
const no = (...codes) => codes.map((code) => ['radio', code, 'No']);
const none = (...codes) => codes.map((code) => ['radio', code, 'No problems']);

/** A fictional assessment of Jordan Fictional: what an officer answers, section by section. */
export const ASSESSMENT = [
  ['1. Offending information', [
    ['offence', '05000', 'Offence 1'],
    ['offence', 'burglary dwelling', 'Offence 2'],
    ['remove', 'Remove offence 2'],
    ['date', '1.29', ['5', 'aug', '2021']],
    ['radio', '1.30', 'No'],
    ['text', '1.32', '2'],
    ['text', '1.8', '21'],
    ['text', '1.40', '0'],
    // 1.38 is the case's release date, shown from the case details and never asked again.
    ['fact', '1.38', '2 November 2026 (the release date in the case details)'],
  ]],
  ['2. Analysis of offences', [
    ['text', '2.1', 'Broke into a lock-up garage at night and took power tools to sell.'],
    ['multi', '2.4.2', 'A stranger'],
    ['radio', '2.6', 'Yes'], ...no('2.7'), ['radio', '2.11', 'Yes'], ...no('2.13', '2.14'),
    // Linked to risk of serious harm is 2.99 and linked to offending 2.98 in section 2, asked in that order.
    ...no('2.99'), ['radio', '2.98', 'Yes'],
  ]],
  ['3. Accommodation', [
    ['radio', '3.3', 'No'], ['radio', '3.4', 'Some problems'], ['radio', '3.5', 'Some problems'], ['radio', '3.6', 'No problems'],
    ...no('3.98'), ['radio', '3.99', 'Yes'],
  ]],
  ['4. Education, training and employability', [
    // Linked to risk of serious harm is 4.96 and linked to offending 4.98 in section 4.
    ['radio', '4.2', 'Yes'], ['radio', '4.3', 'Some problems'], ...none('4.4', '4.5', '4.7'), ...no('4.96'), ['radio', '4.98', 'Yes'],
  ]],
  ['5. Financial management and income', [...none('5.2', '5.3'), ...no('5.4'), ...none('5.5', '5.6'), ...no('5.98', '5.99')]],
  ['6. Relationships', [
    ...none('6.1'), ['radio', '6.3', 'Some problems'], ...none('6.4', '6.6'), ...no('6.7'), ['radio', '6.8', 'Single'], ...no('6.98', '6.99'),
  ]],
  ['7. Lifestyle and associates', [
    ['radio', '7.2', 'Some problems'], ['radio', '7.3', 'Sometimes'], ...none('7.4'), ...no('7.5', '7.98'), ['radio', '7.99', 'Yes'],
  ]],
  ['8. Drug misuse', [
    ['radio', '8.1', 'Yes'], ['tick', 'Cannabis: Current use'], ['reload'], ['radio', '8.4', 'Some problems'],
    ['radio', '8.5', 'At least once a week'], ['radio', '8.6', 'Never'], ['radio', '8.8', 'Quite motivated'], ...none('8.9'),
    ...no('8.98'), ['radio', '8.99', 'Yes'],
  ]],
  ['9. Alcohol misuse', [...none('9.1', '9.2', '9.3', '9.4'), ['radio', '9.5', 'Very motivated'], ...no('9.98', '9.99')]],
  ['10. Emotional well-being', [...none('10.1', '10.2', '10.3', '10.4'), ...no('10.5'), ...none('10.6'), ...no('10.7', '10.98', '10.99')]],
  ['11. Thinking and behaviour', [
    ...none('11.1'), ['radio', '11.2', 'Some problems'], ...none('11.3'), ['radio', '11.4', 'Some problems'], ...none('11.5'),
    ['radio', '11.6', 'Some problems'], ['radio', '11.7', 'Some problems'], ...none('11.9'), ...no('11.98'), ['radio', '11.99', 'Yes'],
  ]],
  ['12. Attitudes', [
    ['radio', '12.1', 'Some problems'], ...none('12.4', '12.5'), ['radio', '12.8', 'Quite motivated'], ...none('12.9'),
    ...no('12.98'), ['radio', '12.99', 'Yes'],
  ]],
  ['13. Health and other considerations', [...no('13.1')]],
  ['Self-assessment questionnaire', [['radio', 'SAQ.1', 'No, they refused']]],
  ['Risk of serious harm screening', [
    ...no('R2.1'), ['radio', 'R2.2', 'Yes'],
    ...no('R2.3', 'R2.4', 'R2.5', 'R2.6', 'R3.1', 'R4.1', 'R4.2', 'R5.1', 'R5.2', 'R5.3', 'R5.4', 'R6.1', 'R6.2', 'R6.3'),
  ]],
  ['Risk of serious harm full analysis', [
    ['text', 'FA.1', 'Threatened a neighbour with a hammer during an argument in 2019.'],
    ['text', 'FA.2', 'Arguments when drinking with associates.'],
  ]],
  ['Risk of serious harm summary', [
    ['text', 'R10.1', 'Known adults: neighbours.'],
    ['text', 'R10.2', 'Threats of violence.'],
    ['text', 'R10.3', 'When intoxicated.'],
    ['text', 'R10.4', 'Drinking with associates.'],
    ['text', 'R10.5', 'Stable work and his sister.'],
    ['select', 'Children: Community', 'L'], ['select', 'Children: Custody', 'L'],
    ['select', 'Public: Community', 'L'], ['select', 'Public: Custody', 'L'],
    ['select', 'Known adult: Community', 'M'], ['select', 'Known adult: Custody', 'L'],
    ['select', 'Staff: Community', 'L'], ['select', 'Staff: Custody', 'L'], ['select', 'Prisoners: Custody', 'L'],
  ]],
  ['Risk management plan', [
    ['text', 'RM.1', 'On licence, living with his sister.'],
    ['text', 'RM.3', 'Weekly appointments at the office.'],
    ['text', 'RM.4', 'Licence conditions and home visits.'],
    ['text', 'RM.5', 'Thinking skills programme.'],
    ['text', 'RM.6', 'No contact with the neighbour.'],
    ['text', 'RM.7', 'Recall if he contacts the neighbour.'],
    ['radio', 'RM.9', 'None: not managed under MAPPA'],
  ]],
];

const LEVELS = { L: 'Low', M: 'Medium', H: 'High', V: 'Very high' };

/** Gives one answer of ASSESSMENT by pointing and clicking, for journeys that are not about the keyboard. */
export async function answerByMouse(page, [kind, ...args]) {
  switch (kind) {
    case 'radio': return itemGroup(page, args[0]).getByRole('radio', { name: args[1], exact: true }).check();
    case 'text': return byCode(page, args[0]).fill(args[1]);
    case 'date': {
      const group = itemGroup(page, args[0]);
      await group.getByLabel('Day').fill(args[1][0]);
      await group.getByLabel('Month').fill(args[1][1]);
      return group.getByLabel('Year').fill(args[1][2]);
    }
    case 'multi': return itemGroup(page, args[0]).getByLabel(args[1], { exact: true }).check();
    case 'tick': return page.getByLabel(args[0], { exact: true }).check();
    case 'select': return page.getByLabel(args[0], { exact: true }).selectOption({ label: LEVELS[args[1]] });
    case 'remove': return page.getByRole('button', { name: args[0] }).click();
    case 'reload': return undefined;
    // Shown from whichever case this is (the keyboard journey checks the date itself).
    case 'fact': return expect(page.getByTestId(`case-fact-${args[0]}`)).toContainText('in the case details');
    case 'offence': {
      const [query, entry] = args;
      await page.getByRole('button', { name: /^Add (an|another) offence$/ }).click();
      const group = page.getByRole('group', { name: entry });
      await group.getByRole('combobox', { name: 'Offence' }).fill(query);
      await page.getByRole('option').first().click();
      return expect(group.getByText(/^Chosen: \d{5} /)).toBeVisible();
    }
    default: throw new Error(`unknown answer kind ${kind}`);
  }
}

/** Completes every section of ASSESSMENT from the task list, by mouse. */
export async function completeAssessmentByMouse(page) {
  for (const [heading, answers] of ASSESSMENT) {
    await page.getByRole('link', { name: heading, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    for (const given of answers) await answerByMouse(page, given);
    await page.getByRole('group', { name: 'Have you completed this section?' }).getByLabel('Yes').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Check your answers: ${heading}` })).toBeVisible();
    await page.getByRole('button', { name: 'Return to the task list' }).click();
    await expect(page.getByRole('link', { name: heading, exact: true })).toHaveAccessibleDescription('Completed');
  }
}
