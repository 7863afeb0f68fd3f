// Driving the app with the keyboard only: Tab to a control, then Space, Enter, arrows or typing,
// as an officer who never touches the mouse would. Every helper fails if Tab cannot reach its target.
import { expect } from '@playwright/test';

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The fieldset whose legend starts with an item code, e.g. "3.4". */
export const itemGroup = (page, code) => page.getByRole('group', { name: new RegExp(`^${escape(code)} `) });

async function isFocused(locator) {
  return locator.evaluate((element) => element === document.activeElement).catch(() => false);
}

/** Presses Tab until `locator` has focus (at most `max` presses). */
export async function tabTo(page, locator, max = 120) {
  await expect(locator).toBeAttached();
  for (let presses = 0; presses <= max; presses += 1) {
    if (await isFocused(locator)) return;
    await page.keyboard.press('Tab');
  }
  const focused = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200));
  throw new Error(`Tab did not reach ${locator} in ${max} presses; focus is on ${focused}`);
}

/** Picks a radio in a group: Tab into the group, then arrows until the choice is focused, Space to pick it. */
export async function chooseRadio(page, group, label) {
  const target = group.getByRole('radio', { name: label, exact: true });
  await tabTo(page, group.getByRole('radio').first());
  for (let presses = 0; presses < 10 && !(await isFocused(target)); presses += 1) {
    await page.keyboard.press('ArrowDown');
  }
  if (!(await target.isChecked())) await page.keyboard.press('Space');
  await expect(target).toBeChecked();
}

export async function chooseItem(page, code, label) {
  await chooseRadio(page, itemGroup(page, code), label);
}

/** Types into a text box, textarea or date part reached by Tab. */
export async function typeInto(page, locator, text) {
  await tabTo(page, locator);
  await page.keyboard.type(text);
}

/** Ticks (or unticks) a checkbox reached by Tab. */
export async function tick(page, checkbox) {
  await tabTo(page, checkbox);
  await page.keyboard.press('Space');
}

/** Picks an option of a closed select by typing its first letters, as a keyboard user does. */
export async function selectByTyping(page, select, letters) {
  await tabTo(page, select);
  await page.keyboard.type(letters);
}

export async function fillDateByKeyboard(page, group, [day, month, year]) {
  await typeInto(page, group.getByLabel('Day'), day);
  await page.keyboard.press('Tab');
  await page.keyboard.type(month);
  await page.keyboard.press('Tab');
  await page.keyboard.type(year);
}

/** Tab to a link or button and press Enter. */
export async function activate(page, locator) {
  await tabTo(page, locator);
  await page.keyboard.press('Enter');
}

const hasFocus = (locator) => locator.evaluate((element) => element === document.activeElement);

/** Types a date into the group named `legend` with the keyboard only, checking focus and labels. */
export async function typeDate(page, legend, [day, month, year]) {
  const group = page.getByRole('group', { name: legend, exact: true });
  const boxes = {
    Day: group.getByRole('textbox', { name: 'Day', exact: true }),
    Month: group.getByRole('textbox', { name: 'Month', exact: true }),
    Year: group.getByRole('textbox', { name: 'Year', exact: true }),
  };
  for (const [name, box] of Object.entries(boxes)) {
    await expect(box, `one "${name}" box in "${legend}"`).toHaveCount(1);
    // Its label points at it and at nothing else; its id is on it alone.
    expect(await box.evaluate((input) => ({
      labels: input.labels.length,
      withId: document.querySelectorAll(`[id="${input.id}"]`).length,
    })), `"${name}" of "${legend}"`).toEqual({ labels: 1, withId: 1 });
  }
  await boxes.Day.fill('');
  await boxes.Month.fill('');
  await boxes.Year.fill('');
  await tabTo(page, boxes.Day);
  for (const [index, [name, text]] of [['Day', day], ['Month', month], ['Year', year]].entries()) {
    if (index > 0) await page.keyboard.press('Tab');
    for (const key of text) {
      await page.keyboard.type(key);
      expect(await hasFocus(boxes[name]), `focus stays in "${name}" of "${legend}" while typing`).toBe(true);
    }
    await expect(boxes[name]).toHaveValue(text);
  }
  await expect(boxes.Day).toHaveValue(day);
  await expect(boxes.Month).toHaveValue(month);
  await expect(boxes.Year).toHaveValue(year);
  return boxes;
}

