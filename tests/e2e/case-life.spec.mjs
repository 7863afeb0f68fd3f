// A case from start to close (issue 19): the officer's contact details on the printed plan, one
// source for the sentence dates (section 1 shows the case's), closing a case (why and when, typed
// with the keyboard), a closed case read-only and out of the caseload, the closed cases list with
// its retention setting, and deleting a case after the retention period — only after an export
// and a typed confirmation — which deletes every record of that case and nothing else.
import { test, expect } from './fixtures.mjs';
import AxeBuilder from '@axe-core/playwright';
import { createCase, expectSaved, fillCaseForm, fillDate, openAccommodation, question, screenshot } from './journeys.mjs';
import { typeDate } from './keyboard.mjs';
import { fictionalCases, seedCases } from './seed.mjs';
import { addToTeam, saveProfileAndCard } from './team.mjs';

async function expectNoAxeViolations(page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(', ')})`)).toEqual([]);
}

/** A community order that ended in February 2025: closed long enough ago to be deleted. */
const ENDED = {
  name: 'Robin Fictional',
  crn: 'R135790',
  dateOfBirth: ['3', '4', '1988'],
  sex: 'Female',
  sentenceType: 'Community order',
  startLegend: 'Sentence date',
  start: ['1', '3', '2024'],
  end: ['28', '2', '2025'],
};
/** Another case that stays, with work in it. */
const STAYS = { ...ENDED, name: 'Casey Keeper', crn: 'K246801', start: ['1', '6', '2026'], end: ['31', '5', '2027'] };

/** The keys held in each of the case stores. */
const storedKeys = (page) => page.evaluate(() => new Promise((resolve, reject) => {
  const open = indexedDB.open('probation-workbook');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const db = open.result;
    const names = ['cases', 'assessments', 'plans', 'signing', 'settings'];
    const tx = db.transaction(names, 'readonly');
    const keys = {};
    for (const name of names) {
      const request = tx.objectStore(name).getAllKeys();
      request.onsuccess = () => { keys[name] = request.result.sort(); };
    }
    tx.oncomplete = () => { db.close(); resolve(keys); };
    tx.onerror = () => reject(tx.error);
  };
}));

const caseIdOf = (page) => page.url().match(/\/cases\/([^/?#]+)/)[1];

test('contact details on the printed plan, one source for dates, close, read-only, retention and delete with every other case intact', async ({ page }) => {
  test.setTimeout(240_000);

  // The profile: a phone number that is not one is refused beside the field, then saved.
  await page.goto('/profile');
  await page.getByLabel('Your full name').fill('Sam Fictional');
  await page.getByRole('group', { name: 'Your grade' }).getByLabel('Probation officer (PO)').check();
  await page.getByLabel('Phone number').fill('call me');
  await page.getByLabel('Email address').fill('sam.fictional@');
  await page.getByLabel('Office address').fill('1 Fictional Street\nExampletown');
  await page.getByRole('button', { name: 'Save profile' }).click();
  const summary = page.locator('#error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveText([
    'Enter a phone number, like 01632 960 001 or +44 808 157 0192',
    'Enter an email address in the correct format, like name@example.com',
  ]);
  await expect(page.locator('#profile-phone-error')).toHaveText('Error: Enter a phone number, like 01632 960 001 or +44 808 157 0192');
  await expectNoAxeViolations(page);
  await page.getByLabel('Phone number').fill('01632 960 001');
  await page.getByLabel('Email address').fill('sam.fictional@probation.example.org');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByTestId('profile-saved')).toHaveText('Saved: you sign as Sam Fictional (PO)');
  await page.reload();
  await expect(page.getByLabel('Phone number')).toHaveValue('01632 960 001');
  await expect(page.getByLabel('Office address')).toHaveValue('1 Fictional Street\nExampletown');

  // Other people's cases, which must come through the deletion untouched.
  await page.goto('/');
  await seedCases(page, fictionalCases(3));
  await createCase(page, STAYS);
  const staysId = caseIdOf(page);
  await openAccommodation(page);
  await question(page, '3.3').getByLabel('Yes').check();
  await expectSaved(page);

  // From the caseload (opening the app at "/" would bring back the last section).
  await page.getByRole('link', { name: 'Probation Workbook' }).click();
  await page.getByRole('button', { name: 'Create a case' }).click();
  await fillCaseForm(page, ENDED);
  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(page.getByRole('heading', { level: 1, name: ENDED.name })).toBeVisible();
  const endedId = caseIdOf(page);

  // The printed plan names the practitioner and how to reach them.
  await page.goto(`/cases/${endedId}/plan/print`);
  const facts = page.getByTestId('print-facts');
  await expect(facts).toContainText('Probation practitionerSam Fictional');
  await expect(facts).toContainText("Practitioner's phone01632 960 001");
  await expect(facts).toContainText("Practitioner's emailsam.fictional@probation.example.org");
  await expect(facts).toContainText('Probation office1 Fictional Street, Exampletown');
  await screenshot(page, 'plan-print-contact');

  // One source: section 1 shows the sentence date from the case, and follows a change to it.
  await page.goto(`/cases/${endedId}/assessment/1`);
  const followUp = page.getByTestId('case-fact-1.38');
  await expect(followUp).toContainText('1 March 2024 (the sentence date in the case details)');
  await expect(page.getByRole('group', { name: /^1\.29 / })).toBeVisible();
  await expect(page.getByRole('group', { name: /^1\.38 / })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await followUp.getByRole('link', { name: 'Change it in the case details' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // 1.29 is asked until the case gives the conviction date; then it is read from the case too.
  await expect(page.getByRole('group', { name: 'Date of conviction (optional)' })).toBeVisible();
  await fillDate(page, 'Sentence date', ['4', '3', '2024']);
  await typeDate(page, 'Date of conviction (optional)', ['5', '3', '2024']);
  await page.getByRole('button', { name: /Save/ }).first().click();
  await expect(page.locator('#case-conviction-date-error')).toHaveText('Error: Date of conviction must be on or before the sentence date 4 March 2024');
  await typeDate(page, 'Date of conviction (optional)', ['20', '2', '2024']);
  // The main offence is the case's too: found by the shorthand officers type, with the keyboard.
  const mainOffence = page.getByRole('combobox', { name: 'Main offence (optional)' });
  await mainOffence.focus();
  await page.keyboard.type('section 20');
  await expect(page.getByRole('option').first()).toContainText('00801');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByText(/^Chosen: 00801 Malicious wounding/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Clear the offence' })).toBeVisible();
  await page.getByRole('button', { name: /Save/ }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: ENDED.name })).toBeVisible();
  const WOUNDING = '00801 Malicious wounding and other like offences – Wound or inflict grievous bodily harm without intent';
  await expect(page.getByTestId('key-main-offence')).toHaveText(WOUNDING);
  await page.goto(`/cases/${endedId}/assessment/1`);
  await expect(page.getByTestId('case-fact-1.29')).toContainText('20 February 2024 (the date of conviction in the case details)');
  await expect(page.getByRole('group', { name: /^1\.29 / })).toHaveCount(0);
  // Section 1 reads the main offence from the case as its first offence: shown, not asked, not removable.
  const first = page.getByRole('group', { name: 'Offence 1' });
  await expect(first.getByTestId('case-main-offence')).toContainText(`${WOUNDING} (the main offence in the case details)`);
  await expect(first.getByRole('combobox')).toHaveCount(0);
  await expect(first.getByRole('button', { name: 'Remove offence 1' })).toBeHidden();
  await expect(first.getByRole('group', { name: 'Date of offence' })).toBeVisible();
  await screenshot(page, 'section-1-main-offence-from-case');
  await expectNoAxeViolations(page);
  // Cleared in the case details, section 1 asks again and keeps the offence as its own.
  await first.getByRole('link', { name: 'Change the main offence in the case details' }).click();
  await expect(page.getByText(/^Chosen: 00801 /)).toBeVisible();
  await page.getByRole('button', { name: 'Clear the offence' }).click();
  await expect(page.getByText('No offence chosen yet')).toBeVisible();
  await page.getByRole('button', { name: /Save/ }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: ENDED.name })).toBeVisible();
  await expect(page.getByTestId('key-main-offence')).toHaveText(WOUNDING);
  await page.goto(`/cases/${endedId}/assessment/1`);
  await expect(first.getByRole('combobox', { name: 'Offence' })).toBeVisible();
  await expect(first.getByText(/^Chosen: 00801 /)).toBeVisible();
  await expect(first.getByRole('button', { name: 'Remove offence 1' })).toBeVisible();
  // And chosen there again, it is the case's once more.
  await page.goto(`/cases/${endedId}/edit`);
  await expect(page.getByText(/^Chosen: 00801 /)).toBeVisible();
  await page.getByRole('button', { name: /Save/ }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: ENDED.name })).toBeVisible();
  await page.goto(`/cases/${endedId}/assessment/1`);
  await expect(first.getByTestId('case-main-offence')).toBeVisible();
  await page.goto(`/cases/${endedId}/assessment/1/check`);
  await expect(page.getByTestId('check-answers')).toContainText('4 March 2024');
  await expect(page.getByTestId('check-answers')).toContainText('20 February 2024');

  // Close the case: nothing chosen says what is missing; "the sentence ended" before its end is refused.
  await page.goto(`/cases/${endedId}`);
  await page.getByRole('link', { name: 'Close the case' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Close the case' })).toBeFocused();
  await expect(page.getByTestId('termination-review')).toHaveText('The termination review is due on 28 February 2025 and is not done yet.');
  const closeDate = page.getByRole('group', { name: 'When did the case close?' });
  for (const box of ['Day', 'Month', 'Year']) await closeDate.getByLabel(box).fill('');
  await page.getByRole('button', { name: 'Close the case' }).click();
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveText(['Select why the case is closing', 'Enter the date the case closed']);
  await expect(page).toHaveTitle('Error: Close the case – Probation Workbook');
  await expectNoAxeViolations(page);
  await page.getByRole('group', { name: 'Why is the case closing?' }).getByLabel('The sentence or licence ended').check();
  await typeDate(page, 'When did the case close?', ['27', '2', '2025']);
  await page.getByRole('button', { name: 'Close the case' }).click();
  await expect(page.locator('#close-date-error')).toHaveText('Error: The sentence ends on 28 February 2025: for an earlier date, choose another reason');
  await typeDate(page, 'When did the case close?', ['28', '2', '2025']);
  await screenshot(page, 'close-case');
  await page.getByRole('button', { name: 'Close the case' }).click();

  // Closed: the case page says so, offers reopening and deletion, and no longer offers changes.
  await expect(page.getByRole('heading', { level: 1, name: ENDED.name })).toBeVisible();
  await expect(page.getByTestId('closed-banner')).toContainText('Closed on 28 February 2025: the sentence or licence ended. It is read-only.');
  await expect(page.getByTestId('closure')).toHaveText('Closed on 28 February 2025: the sentence or licence ended');
  await expect(page.getByRole('link', { name: /^Change/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Reopen the case' })).toBeVisible();
  await expect(page.getByTestId('key-next-review')).toHaveText('None: the case is closed');
  await expect(page.getByTestId('key-main-offence')).toHaveText(WOUNDING);
  await expect(page.getByTestId('key-next-step')).toHaveText('None: the case is closed');
  await expect(page.getByRole('button', { name: 'Read the assessment' })).toBeVisible();
  await screenshot(page, 'case-closed');
  await expectNoAxeViolations(page);
  // Read-only on every screen: the answers cannot be changed, and a reload keeps it closed.
  await page.goto(`/cases/${endedId}/assessment/3`);
  await expect(page.getByTestId('closed-banner')).toBeVisible();
  await expect(question(page, '3.3').getByLabel('Yes')).toBeDisabled();
  await page.reload();
  await expect(question(page, '3.3').getByLabel('No')).toBeDisabled();
  await page.goto(`/cases/${endedId}/plan`);
  await expect(page.getByTestId('closed-banner')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Record agreement' })).toBeHidden();
  await expect(page.getByRole('button', { name: /^Add/ })).toBeHidden();

  // Out of the caseload, into the closed cases list.
  await page.getByRole('link', { name: 'Probation Workbook' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your caseload' })).toBeVisible();
  await expect(page.getByRole('link', { name: ENDED.name })).toHaveCount(0);
  await expect(page.getByRole('link', { name: STAYS.name })).toBeVisible();
  await page.getByRole('link', { name: 'Closed cases (1)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Closed cases' })).toBeVisible();
  const closed = page.getByTestId('closed-cases');
  await expect(closed.getByRole('row')).toHaveCount(2);
  await expect(closed.getByRole('row').nth(1)).toContainText(`${ENDED.name}${ENDED.crn}28 February 2025The sentence or licence ended`);

  // Retention: a setting, refused when it is not a number of months; 24 months keeps it until 2027.
  const months = page.getByLabel('Months to keep a closed case before it can be deleted');
  await expect(months).toHaveValue('12');
  await months.fill('many');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(summary.getByRole('link')).toHaveText(['Months to keep a closed case must be a whole number, like 12']);
  await months.fill('24');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByTestId('retention-saved')).toHaveText('Saved: closed cases are kept for 24 months');
  await expect(closed.getByRole('row').nth(1)).toContainText('From 28 February 2027');
  await page.goto(`/cases/${endedId}/delete`);
  await expect(page.getByTestId('delete-refused')).toHaveText('Closed cases are kept for 24 months. This case can be deleted from 28 February 2027.');
  await expect(page.getByRole('button', { name: 'Delete this case' })).toHaveCount(0);
  await page.goto('/closed');
  await months.fill('12');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByTestId('retention-saved')).toHaveText('Saved: closed cases are kept for 12 months');
  await screenshot(page, 'closed-cases');
  await expectNoAxeViolations(page);

  // Delete: past the retention period, only after the export, and only with the CRN typed.
  await closed.getByRole('link', { name: `Delete ${ENDED.name}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Delete this case' })).toBeVisible();
  await expect(page.getByTestId('export-first')).toBeVisible();
  await expect(page.getByLabel(/^Type the case reference number/)).toHaveCount(0);
  await expectNoAxeViolations(page);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export sentence plan (JSON)' }).click();
  expect((await download).suggestedFilename()).toMatch(/R135790/);
  const confirm = page.getByLabel(`Type the case reference number ${ENDED.crn} to confirm`);
  await confirm.fill('R135791');
  await page.getByRole('button', { name: 'Delete this case' }).click();
  await expect(page.locator('#delete-confirm-error')).toHaveText(`Error: The case reference number does not match: enter ${ENDED.crn} to delete this case`);
  let keys = await storedKeys(page);
  expect(keys.cases).toContain(endedId);
  await screenshot(page, 'delete-case');
  // Another tab has the case open: after the deletion it says the case is not there, never a copy to save.
  const other = await page.context().newPage();
  await other.goto(`/cases/${endedId}/assessment/3`);
  await expect(other.getByTestId('closed-banner')).toBeVisible();
  await confirm.fill(ENDED.crn.toLowerCase());
  await page.getByRole('button', { name: 'Delete this case' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Case deleted' })).toBeVisible();
  await expect(page.getByTestId('deleted')).toHaveText(`${ENDED.name} (${ENDED.crn}): the case, its assessment, plan and signing records are deleted from this browser`);

  await expect(other.getByRole('heading', { level: 1, name: 'Case not found' })).toBeVisible();
  await other.close();
  // Every record of that case is gone, and nothing else: the other cases, their work, the settings.
  keys = await storedKeys(page);
  for (const store of ['cases', 'assessments', 'plans', 'signing']) expect(keys[store]).not.toContain(endedId);
  expect(keys.cases).toEqual([staysId, 'seed-0', 'seed-1', 'seed-2'].sort());
  expect(keys.assessments).toContain(staysId);
  expect(keys.settings).toEqual(expect.arrayContaining(['profile', 'retention']));
  await page.goto(`/cases/${endedId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Case not found' })).toBeVisible();
  await page.goto(`/cases/${staysId}/assessment/3`);
  await expect(question(page, '3.3').getByLabel('Yes')).toBeChecked();
  await page.getByRole('link', { name: 'Probation Workbook' }).click();
  await expect(page.getByTestId('closed-cases-link')).toHaveCount(0);
  await expect(page.getByTestId('caseload-count')).toHaveText('4 cases');
});

test('a case closed by mistake is reopened, and another tab sees it closed at once', async ({ page, context }) => {
  test.setTimeout(120_000);
  await createCase(page, STAYS);
  const id = caseIdOf(page);
  const other = await context.newPage();
  await other.goto(`/cases/${id}/assessment/3`);
  await expect(question(other, '3.3').getByLabel('Yes')).toBeEnabled();

  await page.getByRole('link', { name: 'Close the case' }).click();
  await page.getByRole('group', { name: 'Why is the case closing?' }).getByLabel('The person was deported').check();
  await typeDate(page, 'When did the case close?', ['2', '6', '2026']);
  await page.getByRole('button', { name: 'Close the case' }).click();
  await expect(page.getByTestId('closure')).toHaveText('Closed on 2 June 2026: the person was deported');
  // The other tab turns read-only without a reload.
  await expect(other.getByTestId('closed-banner')).toBeVisible();
  await expect(question(other, '3.3').getByLabel('Yes')).toBeDisabled();

  await page.getByRole('button', { name: 'Reopen the case' }).click();
  await expect(page.getByTestId('closed-banner')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Close the case' })).toBeVisible();
  await expect(other.getByTestId('closed-banner')).toHaveCount(0);
  await question(other, '3.3').getByLabel('Yes').check();
  await expectSaved(other);
  await page.getByRole('link', { name: 'Probation Workbook' }).click();
  await expect(page.getByRole('link', { name: STAYS.name })).toBeVisible();
});

test('a transfer sends the case package sealed for the officer who takes it, and closes this copy', async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  const officer = await (await browser.newContext()).newPage();
  const colleague = await (await browser.newContext()).newPage();
  const officerCard = testInfo.outputPath('officer.identity.json');
  const colleagueCard = testInfo.outputPath('colleague.identity.json');
  await saveProfileAndCard(officer, 'Alex Fictional', 'Probation officer (PO)', officerCard);
  await saveProfileAndCard(colleague, 'Jo Fictional', 'Probation officer (PO)', colleagueCard);

  await createCase(officer, STAYS);
  const id = caseIdOf(officer);
  await openAccommodation(officer);
  await question(officer, '3.3').getByLabel('Yes').check();
  await expectSaved(officer);
  // Nobody to send it to yet: said, with the way to the team page.
  await officer.goto(`/cases/${id}/transfer`);
  await expect(officer.getByTestId('no-recipients')).toContainText('first add the officer who takes it to your team');
  await addToTeam(officer, colleagueCard, 'Jo Fictional');

  await officer.goto(`/cases/${id}`);
  await officer.getByRole('link', { name: 'transfer it to another officer' }).click();
  await expect(officer.getByRole('heading', { level: 1, name: 'Transfer the case' })).toBeFocused();
  await officer.getByRole('button', { name: 'Send the case package and close the case' }).click();
  await expect(officer.locator('#error-summary').getByRole('link')).toHaveText(['Select who the package is for']);
  await officer.getByRole('group', { name: 'Who takes the case over?' }).getByLabel(/^Jo Fictional/).check();
  await expectNoAxeViolations(officer);
  const [download] = await Promise.all([
    officer.waitForEvent('download'),
    officer.getByRole('button', { name: 'Send the case package and close the case' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^case-package-K246801-.*-for-Jo-Fictional\.sealed\.json$/i);
  const sealed = testInfo.outputPath('transfer.sealed.json');
  await download.saveAs(sealed);
  await expect(officer.getByTestId('closure')).toHaveText(/^Closed on .*: transferred to another officer \(to Jo Fictional/);
  await expect(officer.getByTestId('closed-banner')).toBeVisible();

  // The colleague opens it with their key and has the case, with the answer given.
  await addToTeam(colleague, officerCard, 'Alex Fictional');
  await colleague.goto('/import');
  await colleague.getByLabel('Case package file').setInputFiles(sealed);
  await colleague.getByRole('button', { name: 'Import this package' }).click();
  await colleague.getByRole('link', { name: 'Probation Workbook' }).click();
  await colleague.getByRole('link', { name: STAYS.name }).click();
  await expect(colleague.getByRole('heading', { level: 1, name: STAYS.name })).toBeVisible();
  await expect(colleague.getByTestId('closed-banner')).toHaveCount(0);
  await openAccommodation(colleague);
  await expect(question(colleague, '3.3').getByLabel('Yes')).toBeChecked();
});

test('a photo on the case: made smaller in the browser, kept with the case, in the export only when asked', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await createCase(page, STAYS);
  const id = caseIdOf(page);
  const chooser = page.getByLabel('Add a photo (optional)');
  // Not a picture: said beside the field, nothing kept.
  await chooser.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a picture') });
  await expect(page.locator('#case-photo-file-error')).toHaveText('Error: The selected file must be a JPG, PNG, WEBP or GIF');
  await expect(page.getByRole('img', { name: `Photo of ${STAYS.name}` })).toHaveCount(0);
  // A large fictional picture (drawn here, no real person): kept at 480 pixels on its longest side.
  const drawn = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 1200;
    canvas.height = 900;
    const context = canvas.getContext('2d');
    context.fillStyle = '#4c2c92';
    context.fillRect(0, 0, 1200, 900);
    context.fillStyle = '#ffdd00';
    context.beginPath();
    context.arc(600, 450, 300, 0, Math.PI * 2);
    context.fill();
    return canvas.toDataURL('image/png').split(',')[1];
  });
  await chooser.setInputFiles({ name: 'fictional.png', mimeType: 'image/png', buffer: Buffer.from(drawn, 'base64') });
  const photo = page.getByRole('img', { name: `Photo of ${STAYS.name}` });
  await expect(photo).toBeVisible();
  await expect(page.locator('#case-photo-file-error')).toHaveCount(0);
  expect(await photo.evaluate((img) => [img.naturalWidth, img.naturalHeight])).toEqual([480, 360]);
  await screenshot(page, 'case-photo');
  await expectNoAxeViolations(page);
  await page.reload();
  await expect(photo).toBeVisible();
  const stored = await page.evaluate((key) => new Promise((resolve, reject) => {
    const open = indexedDB.open('probation-workbook');
    open.onsuccess = () => {
      const request = open.result.transaction('cases').objectStore('cases').get(key);
      request.onsuccess = () => { open.result.close(); resolve(request.result.photo); };
      request.onerror = () => reject(request.error);
    };
  }), id);
  expect(stored).toMatchObject({ width: 480, height: 360 });
  expect(stored.data_url).toMatch(/^data:image\/jpeg;base64,/);
  expect(stored.data_url.length).toBeLessThan(100_000);

  // The JSON export leaves it out.
  await page.goto(`/cases/${id}/reviews`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export sentence plan (JSON)' }).click()]);
  const exported = testInfo.outputPath('export.json');
  await download.saveAs(exported);
  const { readFile } = await import('node:fs/promises');
  const text = await readFile(exported, 'utf8');
  expect(text).toContain(STAYS.crn);
  expect(text).not.toContain('data:image');
  // Only when asked for: ticked, the export carries it.
  await page.getByLabel("Include the person's photo in the export").check();
  const [withPhoto] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export sentence plan (JSON)' }).click()]);
  const exportedWith = testInfo.outputPath('export-with-photo.json');
  await withPhoto.saveAs(exportedWith);
  const asked = JSON.parse(await readFile(exportedWith, 'utf8'));
  expect(asked.case.photo).toMatchObject({ width: 480, height: 360 });
  expect(asked.case.photo.data_url).toBe(stored.data_url);

  // Removed again.
  await page.getByRole('link', { name: 'Probation Workbook' }).click();
  await page.getByRole('link', { name: STAYS.name }).click();
  await page.getByRole('button', { name: 'Remove the photo' }).click();
  await expect(photo).toHaveCount(0);
  await expect(page.getByLabel('Add a photo (optional)')).toBeVisible();
});
