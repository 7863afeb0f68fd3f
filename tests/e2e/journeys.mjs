// What an officer does, step by step, driven by labels and roles. Shared by the Chromium specs.
import { expect } from '@playwright/test';
import { mkdir } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const SCREENSHOTS = 'test-results/screenshots';

/** The native `workbook` CLI (schema validator, package verifier), built from the same code. */
export const WORKBOOK = fileURLToPath(new URL('../../target/debug/workbook', import.meta.url));

/**
 * For a spec's `test.beforeAll`: `make e2e` builds the CLI before any journey starts, so this is a
 * check that it is current; a spec run on its own may build it here. The hook's time is raised
 * from the test timeout, since a build from cold takes minutes (CI failed on a 60 s hook once).
 */
export function ensureWorkbookCli(test) {
  test.setTimeout(600_000);
  execFileSync('cargo', ['build', '--quiet', '--bin', 'workbook'], { cwd: fileURLToPath(new URL('../../', import.meta.url)), stdio: 'inherit' });
}

/** The record layout this build writes, read from its source so a new layout needs no test edit. */
export const RECORD_SCHEMA_VERSION = Number(
  readFileSync(new URL('../../src/domain/records.rs', import.meta.url), 'utf8').match(/pub const RECORD_SCHEMA_VERSION: u32 = (\d+);/)[1],
);

/** Saves a full-page screenshot kept as a test artefact. */
export async function screenshot(page, name) {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
}

export async function fillDate(page, legend, [day, month, year]) {
  const group = page.getByRole('group', { name: legend });
  await group.getByLabel('Day').fill(day);
  await group.getByLabel('Month').fill(month);
  await group.getByLabel('Year').fill(year);
}

/** A fictional person; every field valid unless overridden. */
export const SAMPLE_CASE = {
  name: 'Jordan Fictional',
  crn: 'X123456',
  dateOfBirth: ['17', 'jul', '1991'],
  sex: 'Male',
  sentenceType: 'Licence',
  startLegend: 'Release date',
  start: ['2', '11', '2026'],
  end: ['1', '11', '2028'],
};

/**
 * A fictional person in custody: sentenced on 2 March 2026, released on 2 March 2030 (at least two years
 * later, so the initial plan is due 16 weeks after the sentence date, on 22 June 2026).
 */
export const CUSTODY_CASE = {
  ...SAMPLE_CASE,
  name: 'Casey Custody',
  crn: 'C246802',
  sentenceType: 'Custody',
  sentenceDate: ['2', '3', '2026'],
  startLegend: 'Release date',
  start: ['2', '3', '2030'],
  end: ['1', '3', '2031'],
};

/** Fills the case form; the custody sentence date (asked for custody only) when `c.sentenceDate` is given. */
export async function fillCaseForm(page, c = SAMPLE_CASE) {
  await page.getByLabel('Full name').fill(c.name);
  await page.getByLabel('Case reference number (CRN)').fill(c.crn);
  await fillDate(page, 'Date of birth', c.dateOfBirth);
  await page.getByRole('group', { name: 'Sex' }).getByLabel(c.sex, { exact: true }).check();
  await page.getByRole('group', { name: 'Sentence type' }).getByLabel(c.sentenceType).check();
  if (c.sentenceDate) await fillDate(page, 'Sentence date', c.sentenceDate);
  await fillDate(page, c.startLegend, c.start);
  await fillDate(page, 'Sentence end date', c.end);
}

/** Creates a case from the caseload and lands on its page. */
export async function createCase(page, c = SAMPLE_CASE) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Create a case' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Create a case' })).toBeVisible();
  await fillCaseForm(page, c);
  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(page.getByRole('heading', { level: 1, name: c.name })).toBeVisible();
}

/** From a case page to the Accommodation section. */
export async function openAccommodation(page) {
  await page.getByRole('button', { name: /(Start|Continue) assessment/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Assessment' })).toBeVisible();
  await page.getByRole('link', { name: '3. Accommodation' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '3. Accommodation' })).toBeVisible();
}

export const question = (page, code) => page.getByRole('group', { name: new RegExp(`^${code.replace('.', '\\.')} `) });
export const issuesBox = (page) => page.getByLabel(/^3\.97 Accommodation issues/);

export async function expectSaved(page) {
  await expect(page.getByTestId('save-status')).toHaveText(/^Saved at \d\d:\d\d:\d\d$/);
}

/** In a review, confirms every section carried forward unchanged, one action each, from the task
 * list; returns how many there were. */
export async function confirmCarriedForward(page, caseUrl) {
  let confirmed = 0;
  for (;;) {
    await page.goto(`${caseUrl}/assessment`);
    await expect(page.getByRole('heading', { level: 1, name: 'Assessment' })).toBeVisible();
    const carried = page.locator('.govuk-task-list__item', { hasText: 'Carried forward — check' });
    if ((await carried.count()) === 0) return confirmed;
    await carried.first().getByRole('link').click();
    await page.getByRole('button', { name: 'This section is unchanged' }).click();
    await expect(page.getByTestId('confirmed-unchanged')).toBeFocused();
    confirmed += 1;
  }
}

/** A plan the person agrees to: the suggested housing goal, one step by the practitioner. */
export async function agreeHousingPlan(page, caseUrl) {
  await page.goto(`${caseUrl}/plan`);
  await page.getByRole('button', { name: /^Accept goal: Find settled accommodation/ }).click();
  const goal = page.getByTestId('goal').first();
  await goal.getByLabel('What will be done').fill('Refer to the housing options team');
  await goal.getByRole('group', { name: 'Who will do it' }).getByLabel('Probation practitioner').check();
  await goal.getByRole('button', { name: 'Add step' }).click();
  await page.getByRole('button', { name: 'Record agreement' }).click();
  await page.getByRole('group', { name: 'Does the person on probation agree with the plan?' }).getByLabel('Yes, they agree').check();
  await page.getByRole('button', { name: 'Save agreement' }).click();
  await expect(page.getByTestId('plan-status')).toContainText('Agrees with the plan');
}
