// Nothing typed is ever lost: one live copy of each case shared by every screen, writes that apply
// changes to the stored record, tabs that agree, failed writes that are retried, a newer build's
// records never overwritten, and bad data that never takes the app down.
import { test, expect } from './fixtures.mjs';
import {
  SAMPLE_CASE, agreeHousingPlan, createCase, expectSaved, fillCaseForm, fillDate, issuesBox, openAccommodation, question, screenshot,
} from './journeys.mjs';
import { completeAssessmentByMouse } from './assessment-data.mjs';
import { itemGroup } from './keyboard.mjs';
import { addToTeam } from './team.mjs';
import { fictionalCases, seedCases } from './seed.mjs';

/** One stored record, read straight from IndexedDB in the page. */
async function storedRecord(page, store, key, database = 'probation-workbook') {
  return page.evaluate(([name, storeName, id]) => new Promise((resolve, reject) => {
    const open = indexedDB.open(name);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const request = db.transaction(storeName).objectStore(storeName).get(id);
      request.onsuccess = () => { db.close(); resolve(request.result ?? null); };
      request.onerror = () => reject(request.error);
    };
  }), [database, store, key]);
}

async function putRecord(page, store, key, value) {
  await page.evaluate(([storeName, id, record]) => new Promise((resolve, reject) => {
    const open = indexedDB.open('probation-workbook');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(storeName, 'readwrite');
      tx.objectStore(storeName).put(record, id);
      tx.oncomplete = () => { db.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  }), [store, key, value]);
}

const caseIdOf = (page) => new URL(page.url()).pathname.split('/')[2];

test('a link from one section to another keeps every answer (one live copy of the case)', async ({ page }) => {
  await createCase(page);
  const id = caseIdOf(page);
  await page.getByRole('button', { name: 'Start assessment' }).click();
  await page.getByRole('link', { name: /^11\. / }).click();
  await itemGroup(page, '11.6').getByLabel('Significant problems').check();
  await expectSaved(page);
  // The predictors panel beside section 11 links to what it still needs from section 1.
  const stillNeeded = page.locator('a[href*="/assessment/1?change="]').first();
  await expect(stillNeeded).toBeVisible();
  await stillNeeded.click();
  await expect(page.getByRole('heading', { level: 1, name: /^1\. / })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: /^11\. / })).toBeVisible();
  await expect(itemGroup(page, '11.6').getByLabel('Significant problems')).toBeChecked();
  // Through the task list and back, and after a reload: still there, in the store too.
  await page.getByRole('link', { name: 'Back to assessment' }).click();
  await page.getByRole('link', { name: /^1\. / }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^1\. / })).toBeVisible();
  await page.getByRole('link', { name: 'Back to assessment' }).click();
  await page.getByRole('link', { name: /^11\. / }).click();
  await expect(itemGroup(page, '11.6').getByLabel('Significant problems')).toBeChecked();
  await page.reload();
  await expect(itemGroup(page, '11.6').getByLabel('Significant problems')).toBeChecked();
  const stored = await storedRecord(page, 'assessments', id);
  expect(stored.answers['11.6']).toEqual({ choice: '2' });
});

test('two tabs on one section: both edits are kept, each tab redraws, and typing is never replaced under the cursor', async ({ context, page }) => {
  await createCase(page);
  const id = caseIdOf(page);
  await openAccommodation(page);
  const other = await context.newPage();
  await other.goto(page.url());
  await expect(other.getByRole('heading', { level: 1, name: '3. Accommodation' })).toBeVisible();

  // One tab answers 3.4; the other shows it at once, then types in the issues box.
  await question(page, '3.4').getByLabel('Significant problems').check();
  await expectSaved(page);
  await expect(question(other, '3.4').getByLabel('Significant problems')).toBeChecked();
  await issuesBox(other).click();
  await other.keyboard.type('Sofa surfing at a friend\'s flat.');
  await other.keyboard.press('Tab');
  await expectSaved(other);
  await expect(issuesBox(page)).toHaveValue('Sofa surfing at a friend\'s flat.');
  await expect(question(page, '3.4').getByLabel('Significant problems')).toBeChecked();
  const stored = await storedRecord(page, 'assessments', id);
  expect(stored.answers['3.4']).toEqual({ choice: '2' });
  expect(stored.answers['3.97']).toEqual({ text: 'Sofa surfing at a friend\'s flat.' });

  // While this tab types in the box, the other tab saves the same box: what is typed here stays,
  // and the officer is told what the other tab has.
  await issuesBox(page).click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Wants a council flat.');
  await expectSaved(page);
  await issuesBox(other).click();
  await other.keyboard.press('Control+A');
  await other.keyboard.type('Living with his sister now.');
  await other.keyboard.press('Tab');
  await expectSaved(other);
  const notice = page.getByTestId('changed-elsewhere');
  await expect(notice).toContainText('Changed in another tab to: “Living with his sister now.”');
  await expect(issuesBox(page)).toHaveValue('Sofa surfing at a friend\'s flat. Wants a council flat.');
  await screenshot(page, 'changed-in-another-tab');
  // Typing on: the later edit wins, and the other tab shows it.
  await page.keyboard.type(' Sister has a spare room.');
  await expect(notice).toHaveCount(0);
  await page.keyboard.press('Tab');
  await expectSaved(page);
  await expect(issuesBox(other)).toHaveValue('Sofa surfing at a friend\'s flat. Wants a council flat. Sister has a spare room.');
  await other.reload();
  await expect(issuesBox(other)).toHaveValue('Sofa surfing at a friend\'s flat. Wants a council flat. Sister has a spare room.');
  await expect(question(other, '3.4').getByLabel('Significant problems')).toBeChecked();
});

test('two tabs on one plan and one signing record: both edits kept, signing locks the other tab at once', async ({ context, page }) => {
  test.setTimeout(240_000);
  await page.goto('/profile');
  await page.getByLabel('Your full name').fill('Alex Officer');
  await page.getByRole('group', { name: 'Your grade' }).getByLabel('Probation officer (PO)').check();
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByTestId('profile-saved')).toContainText('Alex Officer');
  await addToTeam(page, 'tests/vectors/senior-card.json', 'Jo Bloggs');
  await createCase(page);
  const caseUrl = page.url();
  const id = caseIdOf(page);
  const other = await context.newPage();

  // The plan: one tab changes how often reviews happen, the other records a significant change.
  await page.goto(`${caseUrl}/reviews`);
  await other.goto(`${caseUrl}/reviews`);
  await page.getByRole('group', { name: 'How often should this case be reviewed?' }).getByLabel('Every 3 months').check();
  await expectSaved(page);
  await expect(other.getByRole('group', { name: 'How often should this case be reviewed?' }).getByLabel('Every 3 months')).toBeChecked();
  await other.getByRole('group', { name: 'What kind of change is it?' }).getByLabel('Change of address').check();
  await other.getByLabel('What changed').fill('Moved to a new address');
  const today = new Date().toLocaleDateString('en-GB', { timeZone: 'Europe/London' }).split('/');
  await fillDate(other, 'When did it change?', [String(Number(today[0])), String(Number(today[1])), today[2]]);
  await other.getByRole('button', { name: 'Record significant change' }).click();
  await expectSaved(other);
  await expect(page.getByText('Significant change (change of address): Moved to a new address').first()).toBeVisible();
  const plan = await storedRecord(page, 'plans', id);
  expect(plan.review_settings.interval_months).toBe(3);
  expect(plan.significant_changes.map((change) => change.reason)).toEqual(['Moved to a new address']);
  expect(plan.significant_changes.map((change) => change.kind)).toEqual(['change_of_address']);

  // A complete assessment and an agreed plan, so the case can be signed.
  await page.goto(`${caseUrl}/assessment`);
  await completeAssessmentByMouse(page);
  await agreeHousingPlan(page, caseUrl);

  // Signing in one tab locks the section open in the other at once.
  await other.goto(`${caseUrl}/assessment/3`);
  await expect(itemGroup(other, '3.4').getByLabel('Some problems')).toBeEnabled();
  await page.goto(`${caseUrl}/signing`);
  await page.getByRole('button', { name: 'Sign version 1' }).click();
  await expect(page.getByTestId('signing-status')).toContainText('Version 1');
  await expect(other.getByTestId('locked')).toBeVisible();
  await expect(itemGroup(other, '3.4').getByLabel('Some problems')).toBeDisabled();
  await screenshot(other, 'locked-by-another-tab');

  // The other tab sends the signed version; the first tab's timeline redraws with it, and the
  // signing record keeps both events.
  await other.goto(`${caseUrl}/signing`);
  await other.getByTestId('send-package').getByLabel('Jo Bloggs (SPO)').check();
  await Promise.all([other.waitForEvent('download'), other.getByRole('button', { name: 'Send for countersigning' }).click()]);
  const timeline = page.getByTestId('timeline');
  await expect(timeline).toContainText('Case package sent (version 1)');
  await expect(timeline).toContainText('Version 1 signed');
  const signing = await storedRecord(page, 'signing', id);
  expect(signing.signing.versions).toHaveLength(1);
  // The signature made in the first tab is kept by the other tab's write.
  expect(signing.signing.versions[0].signatures.map((event) => event.kind)).toEqual(['sign']);
  expect(signing.signing.history.map((event) => event.kind)).toEqual(expect.arrayContaining(['signed', 'sent']));
  expect(signing.revision).toBeGreaterThanOrEqual(2);
});

test('a write that fails is kept, retried and warned about until it is saved', async ({ page }) => {
  await createCase(page);
  const id = caseIdOf(page);
  await openAccommodation(page);
  // Every put fails with QuotaExceededError until the test lets them through again.
  await page.evaluate(() => {
    const put = IDBObjectStore.prototype.put;
    window.failPuts = true;
    IDBObjectStore.prototype.put = function failingPut(...args) {
      if (window.failPuts) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
  });
  await question(page, '3.4').getByLabel('Some problems').check();
  const banner = page.getByTestId('unsaved-banner');
  await expect(banner).toContainText('Not saved yet — retrying');
  await expect(page.getByTestId('save-status')).toContainText('Not saved yet — retrying');
  await issuesBox(page).click();
  await page.keyboard.type('Typed while saving fails.');
  await page.keyboard.press('Tab');
  await expect(banner).toBeVisible();
  await screenshot(page, 'not-saved-yet');
  expect((await storedRecord(page, 'assessments', id))?.answers?.['3.4']).toBeUndefined();

  // Leaving now asks first.
  const dialogs = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.type());
    await dialog.dismiss();
  });
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => dialogs).toEqual(['beforeunload']);
  expect(page.isClosed()).toBe(false);

  // The storage recovers: the retry saves everything, the banner goes, and the status says so.
  await page.evaluate(() => { window.failPuts = false; });
  await expect(banner).toHaveCount(0, { timeout: 20_000 });
  await expectSaved(page);
  const stored = await storedRecord(page, 'assessments', id);
  expect(stored.answers['3.4']).toEqual({ choice: '1' });
  expect(stored.answers['3.97']).toEqual({ text: 'Typed while saving fails.' });
  await page.reload();
  await expect(question(page, '3.4').getByLabel('Some problems')).toBeChecked();
  await expect(issuesBox(page)).toHaveValue('Typed while saving fails.');
});

test('a record written by a newer build is never overwritten, and a newer build\'s upgrade closes this tab\'s connection', async ({ page }) => {
  await createCase(page);
  const id = caseIdOf(page);
  await openAccommodation(page);
  await question(page, '3.4').getByLabel('Some problems').check();
  await expectSaved(page);
  // A newer build saved this assessment, with a field this build does not know.
  const newer = { ...(await storedRecord(page, 'assessments', id)), schema_version: 99, from_the_future: 'kept' };
  await putRecord(page, 'assessments', id, newer);
  await page.reload();
  await expect(page.getByTestId('stale-banner')).toContainText('The workbook was updated in another tab. Reload this tab');
  await question(page, '3.5').getByLabel('Some problems').check();
  await expect(page.getByTestId('save-status')).toContainText('updated in another tab');
  await screenshot(page, 'updated-in-another-tab');
  expect(await storedRecord(page, 'assessments', id)).toEqual(newer);

  // A newer build upgrading the database: this tab lets go at once (the upgrade is not blocked) and stops writing.
  await putRecord(page, 'assessments', id, { ...newer, schema_version: 4 });
  await page.reload();
  await expect(page.getByTestId('stale-banner')).toHaveCount(0);
  await question(page, '3.6').getByLabel('Some problems').check();
  await expectSaved(page);
  const upgraded = await page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('probation-workbook', 99);
    open.onblocked = () => resolve('blocked');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => { open.result.close(); resolve('upgraded'); };
  }));
  expect(upgraded).toBe('upgraded');
  await expect(page.getByTestId('stale-banner')).toBeVisible();
  await question(page, '3.3').getByLabel('Yes').check();
  await expect(page.getByTestId('save-status')).toContainText('updated in another tab');
});

test('a date in year 9999 is refused at the case form, and one already stored does not take the caseload down', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Create a case' }).click();
  await fillCaseForm(page, { ...SAMPLE_CASE, start: ['20', '12', '9999'], end: ['31', '12', '9999'] });
  await page.getByRole('button', { name: 'Create case' }).click();
  const summary = page.locator('.govuk-error-summary');
  await expect(summary).toContainText('between 1900 and 2100');
  await expect(page.locator('.govuk-error-message').filter({ hasText: 'between 1900 and 2100' }).first()).toBeVisible();
  await screenshot(page, 'year-9999-refused');
  await page.goto('/');
  await expect(page.getByTestId('empty-caseload')).toBeVisible();

  // The same case arriving some other way (an older build, a hand-edited store) still shows.
  const [good] = fictionalCases(1);
  const far = { ...fictionalCases(2)[1], id: 'far-future', details: { ...fictionalCases(2)[1].details, name: 'Remy Farfuture', crn: 'F999999', sentence_or_release_date: '9999-12-20', sentence_end_date: '9999-12-31' } };
  await seedCases(page, [good, far]);
  await page.reload();
  await expect(page.getByRole('link', { name: 'Remy Farfuture' })).toBeVisible();
  await expect(page.getByRole('link', { name: good.details.name })).toBeVisible();
  await page.getByRole('link', { name: 'Remy Farfuture' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Remy Farfuture' })).toBeVisible();
  await page.goto('/cases/far-future/reviews');
  await expect(page.getByRole('heading', { level: 1, name: 'Review dates' })).toBeVisible();
});

test('an unreadable record is named on the caseload and the rest of the caseload shows', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('empty-caseload')).toBeVisible();
  await seedCases(page, fictionalCases(3));
  await putRecord(page, 'cases', 'broken-7', { schema_version: 3, id: 'broken-7', details: 42 });
  await putRecord(page, 'cases', 'broken-8', 'not a record at all');
  await putRecord(page, 'assessments', 'seed-1', { case_id: 'seed-1', answers: 'garbled' });
  await page.reload();
  const warning = page.getByTestId('unreadable-records');
  await expect(warning).toContainText('“broken-7” could not be read');
  await expect(warning).toContainText('“broken-8” could not be read');
  await expect(warning).toContainText('“seed-1” could not be read');
  for (const seeded of fictionalCases(3)) {
    await expect(page.getByRole('link', { name: seeded.details.name })).toBeVisible();
  }
  await screenshot(page, 'unreadable-records');
});

test('each tab keeps its own space: practice in one tab never moves another tab out of live work', async ({ context, page }) => {
  await createCase(page);
  const live = await context.newPage();
  await live.goto('/');
  await expect(live.getByRole('link', { name: SAMPLE_CASE.name })).toBeVisible();
  await page.goto('/');
  await page.getByRole('button', { name: 'Practise on sample cases' }).click();
  await expect(page.getByTestId('practice-banner')).toBeVisible();
  // The live tab, reloaded or moved about, stays live and writes only live work.
  await live.reload();
  await expect(live.getByRole('heading', { level: 1, name: 'Your caseload' })).toBeVisible();
  await expect(live.getByTestId('practice-banner')).toHaveCount(0);
  await expect(live.getByRole('link', { name: SAMPLE_CASE.name })).toBeVisible();
  // And the practice tab, reloaded, stays in practice, without the live case.
  await page.reload();
  await expect(page.getByTestId('practice-banner')).toBeVisible();
  await expect(page.getByRole('link', { name: SAMPLE_CASE.name })).toHaveCount(0);
});
