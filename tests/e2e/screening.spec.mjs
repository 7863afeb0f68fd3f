// The RoSH screening checks itself against the assessment: R1.2 pre-filled from 1.1's offence codes,
// each contradiction of an earlier answer named beside its question with a link to that answer, a
// reason required before the screening can be completed; and answers that stand alone ("No income")
// clear the others.
import { test, expect } from './fixtures.mjs';
import AxeBuilder from '@axe-core/playwright';
import { createCase, screenshot } from './journeys.mjs';
import { activate, itemGroup, tabTo } from './keyboard.mjs';

async function expectNoAxeViolations(page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(', ')})`)).toEqual([]);
}

const saved = (page) => expect(page.getByTestId('save-status')).toHaveText(/^Saved at /);

test('a screening that contradicts the assessment says so, links to the earlier answer and asks why', async ({ page }) => {
  test.setTimeout(90_000);
  await createCase(page);
  const caseUrl = page.url();

  // 1.1 is wounding or GBH without intent (00801), found by the shorthand officers type: "section 20".
  await page.goto(`${caseUrl}/assessment/1`);
  await activate(page, page.getByRole('button', { name: 'Add an offence' }));
  const offence = page.getByRole('group', { name: 'Offence 1' });
  // An officer types once the new entry's box has the focus (CI once typed before it had).
  await expect(offence.getByRole('combobox', { name: 'Offence' })).toBeFocused();
  for (const [shorthand, code] of [['GBH', '00501'], ['s47', '00806'], ['twoc', '13001'], ['drink driving', '80301']]) {
    await page.keyboard.type(shorthand);
    await expect(page.getByRole('option').first()).toContainText(code);
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
  }
  await page.keyboard.type('section 20');
  await expect(page.getByRole('option').first()).toContainText('00801');
  // The options are in the page's font, not the browser's default.
  const fonts = await page.getByRole('option').first().evaluate((option) => [getComputedStyle(option).fontFamily, getComputedStyle(document.querySelector('h1')).fontFamily]);
  expect(fonts[0]).toBe(fonts[1]);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(offence.getByText(/^Chosen: 00801 /)).toBeVisible();
  await saved(page);

  // 6.7.1 domestic abuse as a perpetrator; 10.5 self-harm in the past.
  await page.goto(`${caseUrl}/assessment/6`);
  await itemGroup(page, '6.7').getByLabel('Yes').check();
  await itemGroup(page, '6.7.1').getByLabel('As a perpetrator').check();
  // Saved before the next address is typed: a page left while its write is in flight may lose it
  // (CI failed this journey at stop 31, most likely here: the notices then lack R2.3's).
  await saved(page);
  await page.goto(`${caseUrl}/assessment/10`);
  await itemGroup(page, '10.5').getByLabel('Yes').check();
  await saved(page);

  // "No income" stands alone: it clears the others, and another clears it.
  await page.goto(`${caseUrl}/assessment/5`);
  const income = itemGroup(page, '5.1');
  await income.getByLabel('Benefits').check();
  await income.getByLabel('Family, partner or friends').check();
  await expect(income.getByText('or', { exact: true })).toBeVisible();
  await tabTo(page, income.getByLabel('No income'));
  await page.keyboard.press('Space');
  await expect(income.getByLabel('No income')).toBeChecked();
  await expect(income.getByLabel('Benefits')).not.toBeChecked();
  await expect(income.getByLabel('Family, partner or friends')).not.toBeChecked();
  await income.getByLabel('Employment').check();
  await expect(income.getByLabel('No income')).not.toBeChecked();
  await saved(page);
  await page.reload();
  await expect(itemGroup(page, '5.1').getByLabel('Employment')).toBeChecked();
  await expect(itemGroup(page, '5.1').getByLabel('No income')).not.toBeChecked();

  // The screening opens with R1.2 ticked from 1.1.
  await page.goto(`${caseUrl}/assessment/rosh-screening`);
  await expect(page.getByLabel('Wounding or grievous bodily harm: Current offence', { exact: true })).toBeChecked();
  await expect(page.getByLabel('Murder or manslaughter: Current offence', { exact: true })).not.toBeChecked();
  await expect(page.getByTestId('contradiction')).toHaveCount(0);

  // Everything "No", as a hurried officer might: R2.3 and R5.2 now contradict 6.7.1 and 10.5.
  for (const code of ['R2.1', 'R2.2', 'R2.3', 'R2.4', 'R2.5', 'R2.6', 'R3.1', 'R4.1', 'R4.2', 'R5.1', 'R5.2', 'R5.3', 'R5.4', 'R6.1', 'R6.2', 'R6.3']) {
    await itemGroup(page, code).getByLabel('No', { exact: true }).check();
  }
  const notices = page.getByTestId('contradiction');
  await expect(notices).toHaveCount(2);
  await expect(notices.nth(0)).toContainText('R2.3 says No, but 6.7.1 records domestic abuse as a perpetrator');
  await expect(notices.nth(1)).toContainText('R5.2 says No, but 10.5 records that the person has self-harmed');
  const reasons = page.getByLabel('Why does this screening answer differ from the earlier answer?');
  await expect(reasons).toHaveCount(2);

  // Taking the GBH tick away is a contradiction too.
  await page.getByLabel('Wounding or grievous bodily harm: Current offence', { exact: true }).uncheck();
  await expect(notices).toHaveCount(3);
  await expect(notices.nth(0)).toContainText('1.1 records current offences of concern that R1.2 does not tick as current: wounding or grievous bodily harm (00801)');
  await expectNoAxeViolations(page);
  await screenshot(page, 'screening-contradictions');

  // It cannot be completed without a reason for each.
  await page.getByRole('group', { name: 'Have you completed this section?' }).getByLabel('Yes').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  const summary = page.getByRole('alert');
  await expect(summary.getByRole('link', { name: /^Enter an answer for R2\.3 Why does this screening answer differ/ })).toBeVisible();
  await expect(summary.getByRole('link', { name: /^Enter an answer for R5\.2 Why does/ })).toBeVisible();
  await expect(summary.getByRole('link', { name: /^Enter an answer for R1\.2 Why does/ })).toBeVisible();
  await expectNoAxeViolations(page);

  // Fixed as the notices say: tick GBH back, answer R2.3 "Yes", explain R5.2 by typing.
  await page.getByLabel('Wounding or grievous bodily harm: Current offence', { exact: true }).check();
  await itemGroup(page, 'R2.3').getByLabel('Yes', { exact: true }).check();
  await expect(notices).toHaveCount(1);
  await tabTo(page, reasons.first());
  await page.keyboard.type('Self-harmed once at 15, none since and no current indicators.');
  await saved(page);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check your answers: Risk of serious harm screening' })).toBeVisible();
  await expect(page.getByText('Self-harmed once at 15, none since and no current indicators.')).toBeVisible();

  // The link beside a contradiction goes to the earlier answer, focused.
  await page.goto(`${caseUrl}/assessment/rosh-screening`);
  await notices.first().getByRole('link', { name: 'See the earlier answer: 10.5 Has the person ever self-harmed, attempted suicide, or had suicidal thoughts or feelings?' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '10. Emotional well-being' })).toBeVisible();
  await expect(itemGroup(page, '10.5').getByLabel('Yes')).toBeFocused();

  // With no profile yet, signing never says countersigning is not needed: it asks for the grade.
  await page.goto(`${caseUrl}/signing`);
  await expect(page.getByTestId('countersigning-need')).toContainText('Set up your profile (your name and grade) to see whether countersigning is needed');
  await expect(page.getByTestId('countersigning-need')).not.toContainText('not needed');
});
