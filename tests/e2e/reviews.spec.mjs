// Review dates, the JSON export and the print view. `today` is the browser's real date, so every
// expectation about dates is worked out here from it, with the rule of domain.md §5.
import { test, expect } from './fixtures.mjs';
import AxeBuilder from '@axe-core/playwright';
import { spawnSync } from 'node:child_process';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { CUSTODY_CASE, SAMPLE_CASE, SCREENSHOTS, WORKBOOK, createCase, ensureWorkbookCli, expectSaved, fillCaseForm, fillDate, screenshot } from './journeys.mjs';

const DOWNLOADS = 'test-results/downloads';

/** A licence from 2 November 2026 to 1 November 2028, as in SAMPLE_CASE. */
const CASE = { ...SAMPLE_CASE, name: 'Robin Reviewed', crn: 'R246810' };
const RELEASE = '2026-11-02';
const END = '2028-11-01';
/** 15 working days after 2 November 2026 (no bank holiday falls in between). */
const INITIAL_PLAN = '2026-11-23';

/** The order of `ReviewKind`, which breaks ties between dates. */
const KINDS = ['Initial sentence plan', 'Review', 'Pre-release review', 'Termination review', 'Goal target date',
  'Significant change review'];

async function expectNoAxeViolations(page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(', ')})`)).toEqual([]);
}

/** "2026-11-02" plus whole months; the day (2) exists in every month, so no clamping is needed. */
function addMonths(iso, months) {
  const [year, month, day] = iso.split('-').map(Number);
  const index = year * 12 + (month - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Whole months from one ISO date to another on the same day of the month. */
function monthsBetween(from, to) {
  const [fromYear, fromMonth] = from.split('-').map(Number);
  const [toYear, toMonth] = to.split('-').map(Number);
  return (toYear - fromYear) * 12 + (toMonth - fromMonth);
}

/** "23 November 2026". */
const longDate = (iso) => new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', {
  day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC',
});

/**
 * What the table should hold: the initial plan, every `interval` months from release (of those already
 * passed only the latest), the termination review, then any goal targets and significant changes.
 */
function expectedRows(today, interval, extra = []) {
  const scheduled = [];
  for (let k = 1; addMonths(RELEASE, k * interval) < END; k += 1) scheduled.push(addMonths(RELEASE, k * interval));
  const latestPassed = scheduled.filter((date) => date < today).at(-1);
  return [
    { date: INITIAL_PLAN, what: 'Initial sentence plan' },
    ...scheduled.filter((date) => date >= today || date === latestPassed).map((date) => ({ date, what: 'Review' })),
    { date: END, what: 'Termination review' },
    ...extra,
  ].sort((a, b) => a.date.localeCompare(b.date) || KINDS.indexOf(a.what) - KINDS.indexOf(b.what));
}

/** Each row of the review dates table as the officer sees it. */
const readRows = (page) => page.getByTestId('review-dates').locator('tbody tr').evaluateAll((rows) => rows.map((row) => {
  const cells = [...row.querySelectorAll('td')].map((cell) => cell.textContent.trim());
  return {
    date: row.querySelector('[data-testid=review-date]').dataset.date,
    shown: cells[0],
    what: cells[1],
    reason: cells[2],
    status: cells[3],
    markedOverdue: row.classList.contains('workbook-review--overdue'),
  };
}));

/** Today and tomorrow in London, as ISO dates, from the page's clock (the app's days are London's). */
const browserDays = (page) => page.evaluate(() => {
  const london = (d) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
  const today = london(new Date());
  const [year, month, day] = today.split('-').map(Number);
  const next = new Date(Date.UTC(year, month - 1, day + 1));
  const tomorrow = `${next.getUTCFullYear()}-${String(next.getUTCMonth() + 1).padStart(2, '0')}-${String(next.getUTCDate()).padStart(2, '0')}`;
  return { today, tomorrow };
});

/**
 * Checks the table against the expected rows: dates, what, long dates, done and overdue marks and the
 * next review. Once the plan is `agreed` (on the release date, as `agreedPlan` records it), the initial
 * plan is done and never overdue; no review assessment is signed here, so nothing else is done.
 */
async function expectTable(page, today, expected, { agreed = false } = {}) {
  await expect.poll(async () => (await readRows(page)).map(({ date, what }) => ({ date, what }))).toEqual(
    expected.map(({ date, what }) => ({ date, what })),
  );
  const rows = await readRows(page);
  const isDone = (row) => row.what === 'Initial sentence plan' && agreed;
  const next = rows.find((row) => row.date >= today && !isDone(row));
  for (const row of rows) {
    expect(row.shown).toBe(longDate(row.date));
    const overdue = row.date < today && !isDone(row);
    expect(row.markedOverdue, `${row.date} ${row.what} overdue`).toBe(overdue);
    expect(row.status).toBe(overdue ? 'Overdue' : isDone(row) ? `Done ${longDate(RELEASE)}` : row === next ? 'Next' : '');
  }
  if (next) {
    await expect(page.getByTestId('next-review')).toHaveText(`Next review: ${longDate(next.date)} — ${next.reason}`);
  }
  return rows;
}

/** A plan with an active goal (three steps), a future goal, an achieved goal, and the person's agreement. */
function agreedPlan(today) {
  const goal = (fields) => ({
    related_areas: [], how_progress_is_measured: '', can_start_now: false, target: null, target_date: null,
    reminder_date: null, status: 'future', status_note: null, status_changed_on: null, steps: [], created_on: today, ...fields,
  });
  return {
    goals: [
      goal({
        id: 'goal-1', text: 'Find settled accommodation', area_of_need: 'accommodation', related_areas: ['finance'],
        how_progress_is_measured: 'A tenancy in his own name', can_start_now: true, target: 'in_six_months',
        target_date: addMonths(RELEASE, 7), status: 'active',
        steps: [
          { id: 'step-1', description: 'Register with the council housing team', actor: 'person_on_probation', status: 'in_progress' },
          { id: 'step-2', description: 'Refer to the tenancy support service', actor: 'probation_practitioner', status: 'not_started' },
          { id: 'step-3', description: 'Help with the deposit', actor: { someone_else: { name: 'Fictional Housing Trust' } }, status: 'not_started' },
        ],
      }),
      goal({
        id: 'goal-2', text: 'Get back into paid work', area_of_need: 'education_training_employability',
        reminder_date: addMonths(RELEASE, 4),
      }),
      goal({
        id: 'goal-3', text: 'Register with a GP', area_of_need: 'health', status: 'achieved',
        status_note: 'Registered at the local practice', status_changed_on: RELEASE,
        steps: [{ id: 'step-4', description: 'Fill in the registration form', actor: 'person_on_probation', status: 'completed' }],
      }),
    ],
    agreement: { answer: 'agrees' },
    agreed_on: RELEASE,
    agreement_updated_on: null,
    status: 'agreed',
  };
}

/** Puts `plan` into the case's saved plan record, as the plan screens would have. */
const seedPlan = (page, caseId, plan) => page.evaluate(([id, newPlan]) => new Promise((resolve, reject) => {
  const open = indexedDB.open('probation-workbook');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const db = open.result;
    const transaction = db.transaction('plans', 'readwrite');
    const plans = transaction.objectStore('plans');
    const read = plans.get(id);
    read.onsuccess = () => plans.put({ ...read.result, plan: newPlan }, id);
    transaction.oncomplete = () => { db.close(); resolve(); };
    transaction.onerror = () => reject(transaction.error);
  };
}), [caseId, plan]);

test.beforeAll(() => ensureWorkbookCli(test));

test('review dates: the schedule, the interval, significant changes, reload, export and print view', async ({ page }) => {
  test.setTimeout(180_000);
  await createCase(page, CASE);
  const caseId = page.url().match(/\/cases\/([^/?#]+)$/)[1];
  await page.goto(`/cases/${caseId}/reviews`);
  await expect(page.getByRole('heading', { level: 1, name: 'Review dates' })).toBeVisible();
  await expect(page.getByText(`${CASE.name} (${CASE.crn})`)).toBeVisible();
  await expect(page).toHaveTitle('Review dates – Probation Workbook');
  const { today, tomorrow } = await browserDays(page);

  // Every 6 months by default: the initial plan, the reviews, termination on 1 November 2028.
  await expect(page.getByRole('group', { name: 'How often should this case be reviewed?' }).getByLabel('Every 6 months')).toBeChecked();
  let rows = await expectTable(page, today, expectedRows(today, 6));
  expect(rows[0]).toMatchObject({
    date: INITIAL_PLAN,
    shown: '23 November 2026',
    reason: 'Initial sentence plan due: 15 working days from the release date 2 November 2026',
  });
  expect(rows.at(-1)).toMatchObject({ date: END, what: 'Termination review', reason: 'Termination review: the licence ends on 1 November 2028' });
  for (const row of rows.filter((r) => r.what === 'Review')) {
    const months = monthsBetween(RELEASE, row.date);
    expect(row.reason).toBe(`Review due: ${months} months from the release date 2 November 2026 (a review every 6 months)`);
  }
  const overdueCount = rows.filter((r) => r.markedOverdue).length;
  if (overdueCount > 0) await expect(page.getByTestId('overdue-count')).toContainText(`${overdueCount} review date`);
  await expect(page.getByTestId('last-review')).toHaveText('Last review done: No review assessment signed yet');
  await screenshot(page, 'review-dates');
  await expectNoAxeViolations(page);

  // Every 3 months: saved at once, and the table follows.
  await page.getByLabel('Every 3 months').check();
  await expectSaved(page);
  await expectTable(page, today, expectedRows(today, 3));

  // A significant change: nothing typed and a date tomorrow are refused, with the GOV.UK error pattern.
  const [tYear, tMonth, tDay] = tomorrow.split('-');
  await fillDate(page, 'When did it change?', [String(Number(tDay)), String(Number(tMonth)), tYear]);
  await page.getByRole('button', { name: 'Record significant change' }).click();
  const summary = page.locator('#error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveText([
    'Select what kind of change it was', 'Enter what changed', 'Date of the change must be today or in the past',
  ]);
  await expect(page.locator('#change-kind-error')).toHaveText('Error: Select what kind of change it was');
  await expect(page.locator('#change-reason-error')).toHaveText('Error: Enter what changed');
  await expect(page.locator('#change-date-error')).toHaveText('Error: Date of the change must be today or in the past');
  await expect(page).toHaveTitle('Error: Review dates – Probation Workbook');
  await screenshot(page, 'review-dates-errors');
  await expectNoAxeViolations(page);
  await summary.getByRole('link', { name: 'Enter what changed' }).click();
  await expect(page.getByLabel('What changed')).toBeFocused();
  await expectTable(page, today, expectedRows(today, 3));

  // A real one, dated today (or the nearest day within the sentence): the review it makes due shows at
  // once, due the day it is recorded.
  const changedOn = today < RELEASE ? RELEASE : today > END ? END : today;
  const dueOn = changedOn > today ? changedOn : today;
  await page.getByRole('group', { name: 'What kind of change is it?' }).getByLabel('Change of address').check();
  await page.getByLabel('What changed').fill('Moved to a new address');
  const [year, month, day] = changedOn.split('-');
  await fillDate(page, 'When did it change?', [String(Number(day)), String(Number(month)), year]);
  await page.getByRole('button', { name: 'Record significant change' }).click();
  await expect(summary).toHaveCount(0);
  await expect(page.getByRole('alert').filter({ hasText: 'Significant change recorded' }))
    .toContainText(`a review is due on ${longDate(dueOn)}`);
  await expectSaved(page);
  const changed = expectedRows(today, 3, [{ date: dueOn, what: 'Significant change review' }]);
  rows = await expectTable(page, today, changed);
  const changeReason = changedOn === today
    ? 'Significant change (change of address): Moved to a new address'
    : `Significant change (change of address): Moved to a new address, on ${longDate(changedOn)}, recorded ${longDate(today)}`;
  expect(rows.find((r) => r.what === 'Significant change review').reason).toBe(changeReason);
  expect(rows.find((r) => r.what === 'Significant change review').markedOverdue).toBe(false);
  await expect(page.getByTestId('next-review')).toHaveText(`Next review: ${longDate(dueOn)} — ${changeReason}`);
  await expect(page.getByLabel('What changed')).toHaveValue('');
  await expect(page.getByRole('group', { name: 'When did it change?' }).getByLabel('Day')).toHaveValue(String(Number(today.split('-')[2])));
  await screenshot(page, 'review-dates-change-recorded');

  // Reload: the interval and the change are still there.
  await page.reload();
  await expect(page.getByTestId('save-status')).toHaveText(/^Last saved at \d\d:\d\d:\d\d$/);
  await expect(page.getByLabel('Every 3 months')).toBeChecked();
  await expectTable(page, today, changed);

  // An agreed plan (as the plan screens would save it): the goal's target date is a review point and
  // the initial plan is no longer overdue.
  await seedPlan(page, caseId, agreedPlan(today));
  await page.reload();
  const withGoal = expectedRows(today, 3, [
    { date: dueOn, what: 'Significant change review' },
    { date: addMonths(RELEASE, 7), what: 'Goal target date' },
  ]);
  rows = await expectTable(page, today, withGoal, { agreed: true });
  expect(rows.find((r) => r.what === 'Goal target date').reason).toBe('Target date of the goal "Find settled accommodation"');

  // The export: named for the CRN and today, valid against the schema, with the dates on screen.
  await mkdir(DOWNLOADS, { recursive: true });
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export sentence plan (JSON)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`sentence-plan-R246810-${today}.json`);
  const file = `${DOWNLOADS}/${download.suggestedFilename()}`;
  await download.saveAs(file);
  const validated = spawnSync(WORKBOOK, ['validate-export', file], { encoding: 'utf8' });
  expect(validated.stderr).toBe('');
  expect(validated.stdout.trim()).toBe('valid');
  expect(validated.status).toBe(0);
  const exported = JSON.parse(await readFile(file, 'utf8'));
  const onScreen = await page.getByTestId('review-date').evaluateAll((cells) => cells.map((cell) => cell.dataset.date));
  expect(exported.review_dates.map((review) => review.date)).toEqual(onScreen);
  expect(exported.review_dates.map((review) => review.reason)).toEqual(rows.map((row) => row.reason));
  expect(exported.case.crn).toBe('R246810');
  expect(exported.plan.goals.map((goal) => goal.id)).toEqual(['goal-1', 'goal-2', 'goal-3']);
  expect(exported.assessment_summary.predictors).not.toBeNull();

  // The print view: one document for the person, without the app around it on paper.
  await page.getByRole('link', { name: 'Print the sentence plan' }).click();
  await expect(page).toHaveURL(`/cases/${caseId}/plan/print`);
  await expect(page.getByRole('heading', { level: 1, name: `Sentence plan for ${CASE.name}` })).toBeVisible();
  await expect(page).toHaveTitle(`Sentence plan for ${CASE.name} – Probation Workbook`);
  const facts = page.getByTestId('print-facts');
  await expect(facts).toContainText('R246810');
  await expect(facts).toContainText(`Date printed${longDate(today)}`);
  const goals = page.getByTestId('print-goal');
  await expect(goals).toHaveCount(2);
  await expect(goals.nth(0).getByRole('heading', { level: 3 })).toHaveText('Find settled accommodation');
  await expect(goals.nth(0)).toContainText(`Target date${longDate(addMonths(RELEASE, 7))}`);
  await expect(goals.nth(0)).toContainText('How progress will be measuredA tenancy in his own name');
  await expect(goals.nth(0).getByRole('row')).toHaveText([
    'WhoWhatStatus',
    'The person on probationRegister with the council housing teamIn progress',
    'Probation practitionerRefer to the tenancy support serviceNot started',
    'Fictional Housing TrustHelp with the depositNot started',
  ]);
  await expect(goals.nth(1)).toContainText(`Future goal: to look at again on ${longDate(addMonths(RELEASE, 4))}`);
  await expect(page.getByRole('region', { name: 'Goals achieved' })).toContainText(`Register with a GP (achieved on ${longDate(RELEASE)})`);
  await expect(page.getByRole('region', { name: 'Agreement' })).toContainText('Agrees with the plan');
  const upcoming = rows.filter((row) => row.date >= today && !row.status.startsWith('Done')).map((row) => row.date);
  await expect(page.getByTestId('print-reviews').locator('[data-date]')).toHaveCount(upcoming.length);
  expect(await page.getByTestId('print-reviews').locator('[data-date]').evaluateAll((cells) => cells.map((c) => c.dataset.date)))
    .toEqual(upcoming);
  // Fit to sign: both named, lines to sign and date, and reviews in plain words (no internal terms).
  await expect(facts).toContainText(`Name${CASE.name}`);
  await expect(facts).toContainText('Probation practitioner');
  const signatures = page.getByRole('region', { name: 'Signatures' }).getByTestId('print-signature');
  await expect(signatures).toHaveCount(2);
  await expect(signatures.nth(0)).toContainText(`Person on probation: ${CASE.name}`);
  await expect(signatures.nth(1)).toContainText('Probation practitioner');
  for (const internal of ['Termination review', 'working days', 'weeks from', 'sentence plan due']) {
    await expect(page.getByTestId('print-reviews')).not.toContainText(internal);
  }
  await screenshot(page, 'plan-print');
  await expectNoAxeViolations(page);

  // On paper: no header, back link or buttons; an A4 PDF.
  await page.emulateMedia({ media: 'print' });
  for (const chrome of [
    page.locator('.govuk-header'),
    page.locator('.govuk-phase-banner'),
    page.getByRole('link', { name: 'Back to the sentence plan' }),
    page.getByRole('button', { name: 'Print this plan' }),
  ]) {
    await expect(chrome).toBeHidden();
  }
  await expect(page.getByRole('heading', { level: 1, name: `Sentence plan for ${CASE.name}` })).toBeVisible();
  await screenshot(page, 'plan-print-media');
  const pdf = `${SCREENSHOTS}/plan-print.pdf`;
  await page.pdf({ path: pdf, format: 'A4' });
  expect((await stat(pdf)).size).toBeGreaterThan(10_000);
  await page.emulateMedia({ media: 'screen' });
  await expect(page.getByRole('button', { name: 'Print this plan' })).toBeVisible();
});

test('custody: the case form asks the sentence date, and the initial plan counts from it', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Create a case' }).click();
  // Asked for custody only.
  const sentenceDate = page.getByRole('group', { name: 'Sentence date', exact: true });
  await page.getByRole('group', { name: 'Sentence type' }).getByLabel('Licence').check();
  await expect(sentenceDate).toHaveCount(0);
  await page.getByRole('group', { name: 'Sentence type' }).getByLabel('Custody').check();
  await expect(sentenceDate).toBeVisible();
  await page.getByRole('group', { name: 'Sentence type' }).getByLabel('Community order').check();
  await expect(page.getByRole('group', { name: 'Release date' })).toHaveCount(0);
  await expect(sentenceDate).toBeVisible(); // the community order's own sentence date
  await expect(page.getByRole('group', { name: 'Sentence date' })).toHaveCount(1);

  // Required for custody, with the GOV.UK error pattern.
  await fillCaseForm(page, { ...CUSTODY_CASE, sentenceDate: undefined });
  await page.getByRole('button', { name: 'Create case' }).click();
  const summary = page.locator('#error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveText(['Enter the sentence date']);
  await expect(page.locator('#case-custody-sentence-date-error')).toHaveText('Error: Enter the sentence date');
  await summary.getByRole('link', { name: 'Enter the sentence date' }).click();
  await expect(page.locator('#case-custody-sentence-date')).toBeFocused();
  await fillDate(page, 'Sentence date', ['2', '3', '2031']);
  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(summary.getByRole('link')).toHaveText(['Sentence date must be today or in the past']);
  await fillDate(page, 'Sentence date', CUSTODY_CASE.sentenceDate);
  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(page.getByRole('heading', { level: 1, name: CUSTODY_CASE.name })).toBeVisible();
  await expect(page.locator('.govuk-summary-list__row').filter({ has: page.locator('dt').getByText('Sentence date', { exact: true }) })).toContainText('2 March 2026');

  // 16 weeks from the sentence date, whatever day it is now.
  const caseId = page.url().match(/\/cases\/([^/?#]+)$/)[1];
  await page.goto(`/cases/${caseId}/reviews`);
  // The table is drawn once the case is read: wait for it (evaluateAll does not).
  await expect(page.getByTestId('review-dates').locator('tbody tr').first()).toBeVisible();
  const rows = await readRows(page);
  expect(rows[0]).toMatchObject({
    date: '2026-06-22',
    what: 'Initial sentence plan',
    reason: 'Initial sentence plan due: 16 weeks from the sentence date 2 March 2026, as release on 2 March 2030 is at least 2 years after it',
  });
  await expectNoAxeViolations(page);
});
