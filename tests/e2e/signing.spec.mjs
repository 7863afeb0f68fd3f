// Countersigning without a server: an officer and a senior, each in their own browser context with
// its own storage and keys, exchange identity cards, then hand a case package back and forth, sealed
// each time for the other. Every decision is signed by its actor's key. A package edited by hand,
// its digest recomputed and sealed again for the officer, is refused with the reason.
import { test, expect } from './fixtures.mjs';
import AxeBuilder from '@axe-core/playwright';
import { copyFile, readFile, writeFile, mkdir } from 'node:fs/promises';
import { confirmCarriedForward, createCase, SAMPLE_CASE, screenshot } from './journeys.mjs';
import { addToTeam, saveProfileAndCard } from './team.mjs';
import { openSealed, redigest, sealFor } from './sealing.mjs';
import { completeAssessmentByMouse } from './assessment-data.mjs';
import { itemGroup } from './keyboard.mjs';

async function expectNoAxeViolations(page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(', ')})`)).toEqual([]);
}

const PACKAGES = 'test-results/packages';

/** Chooses `recipient` in the send form, clicks `button`, and keeps the sealed package downloaded
 * under test-results/packages/: never plain text. */
async function sendPackage(page, button, recipient, name, stateInName, crn = SAMPLE_CASE.crn) {
  await mkdir(PACKAGES, { recursive: true });
  const form = page.getByTestId('send-package');
  await form.getByLabel(recipient).check();
  const [download] = await Promise.all([page.waitForEvent('download'), form.getByRole('button', { name: button }).click()]);
  const slug = recipient.replace(/ \(.*\)$/, '').toLowerCase().replace(/ /g, '-');
  // The name says what it is: the version and its state, the day, and whom it is sealed for.
  expect(download.suggestedFilename()).toMatch(new RegExp(`^case-package-${crn}-v\\d+-${stateInName}-\\d{4}-\\d{2}-\\d{2}-for-${slug}\\.sealed\\.json$`));
  // The page says what the file is and what to do with it.
  const note = page.getByTestId('sent-note');
  await expect(note).toContainText(`${download.suggestedFilename()} is in your downloads. Only ${recipient.replace(/ \(.*\)$/, '')} can open it`);
  await expect(note).toContainText("send it to them by your team's usual secure route (a shared drive or secure email). They import it under “Import a case package”");
  // Sent for countersigning, it also says what comes back and what to do with that.
  if (button === 'Send for countersigning') await expect(note).toContainText('decide, and send their decision back to you the same way: import it here to see it.');
  else await expect(note).not.toContainText('decide');
  const path = `${PACKAGES}/${name}.sealed.json`;
  await download.saveAs(path);
  const text = await readFile(path, 'utf8');
  expect(JSON.parse(text)).toMatchObject({ format: 'probation-workbook-sealed-package', version: 1, algorithm: 'ECDH-P256/HKDF-SHA-256/AES-256-GCM' });
  for (const secret of [SAMPLE_CASE.name, SAMPLE_CASE.crn, 'Alex Trainee', 'housing']) expect(text).not.toContain(secret);
  return path;
}

async function importPackage(page, path) {
  await page.goto('/import');
  await page.getByLabel('Case package file').setInputFiles(path);
  await expect(page.getByRole('button', { name: 'Import this package' })).toBeVisible();
  await page.getByRole('button', { name: 'Import this package' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Signing and countersigning' })).toBeVisible();
}

/** Four more of the trainee's cases, each a copy of the complete assessment and agreed plan of the
 * case at `caseUrl` (put straight into IndexedDB: completing four assessments by hand would add
 * minutes and test nothing new), then signed and sent to the senior: the senior's morning post. */
const COLLEAGUES_CASES = [
  { name: 'Kit Fictional', crn: 'K100001' },
  { name: 'Lee Fictional', crn: 'L100002' },
  { name: 'Max Fictional', crn: 'M100003' },
  { name: 'Noor Fictional', crn: 'N100004' },
];

async function fourMoreSignedAndSent(officer, caseUrl) {
  const from = caseUrl.match(/\/cases\/([^/?#]+)$/)[1];
  const sent = [];
  for (const person of COLLEAGUES_CASES) {
    await createCase(officer, { ...SAMPLE_CASE, ...person });
    const to = officer.url().match(/\/cases\/([^/?#]+)$/)[1];
    await officer.evaluate(([from, to]) => new Promise((resolve, reject) => {
      const open = indexedDB.open('probation-workbook');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        const transaction = db.transaction(['assessments', 'plans'], 'readwrite');
        for (const name of ['assessments', 'plans']) {
          const store = transaction.objectStore(name);
          const read = store.get(from);
          read.onsuccess = () => store.put({ ...read.result, case_id: to }, to);
        }
        transaction.oncomplete = () => { db.close(); resolve(); };
        transaction.onerror = () => reject(transaction.error);
      };
    }), [from, to]);
    await officer.goto(`/cases/${to}/signing`);
    await officer.getByRole('button', { name: 'Sign version 1' }).click();
    await expect(officer.getByTestId('signing-status')).toHaveText('Version 1 awaiting countersignature');
    sent.push(await sendPackage(officer, 'Send for countersigning', 'Sam Senior (SPO)', `${person.crn}-sent`, 'awaiting-countersign', person.crn));
  }
  return sent;
}

/** The officer's reply to comment `key` as the case's signing record keeps it in IndexedDB. */
const replyDraft = (page, caseUrl, key) => page.evaluate(([id, key]) => new Promise((resolve, reject) => {
  const open = indexedDB.open('probation-workbook');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const read = open.result.transaction('signing').objectStore('signing').get(id);
    read.onsuccess = () => { open.result.close(); resolve(read.result?.reply_drafts?.[key] ?? null); };
    read.onerror = () => reject(read.error);
  };
}), [caseUrl.match(/\/cases\/([^/?#]+)$/)[1], key]);

const timelineTitles = (page) => page.getByTestId('timeline').locator('.moj-timeline__title').allTextContents();

test('sign, send, return with comments, rework, countersign: both timelines agree', async ({ browser }) => {
  test.setTimeout(300_000);
  const officerContext = await browser.newContext();
  const seniorContext = await browser.newContext();
  const officer = await officerContext.newPage();
  const senior = await seniorContext.newPage();

  // Each saves their profile (which makes their keys) and adds the other from their identity card.
  await mkdir(PACKAGES, { recursive: true });
  const officerCardPath = `${PACKAGES}/officer-card.json`;
  await saveProfileAndCard(officer, 'Alex Trainee', 'Trainee (PQiP)', officerCardPath);
  await saveProfileAndCard(senior, 'Sam Senior', 'Senior probation officer (SPO)', `${PACKAGES}/senior-card.json`);
  await addToTeam(officer, `${PACKAGES}/senior-card.json`, 'Sam Senior');
  await addToTeam(senior, officerCardPath, 'Alex Trainee');

  // The officer, a trainee, completes the assessment and agrees a plan.
  await createCase(officer);
  const caseUrl = officer.url();
  await officer.getByRole('button', { name: 'Start assessment' }).click();
  await completeAssessmentByMouse(officer);
  await officer.goto(`${caseUrl}/plan`);
  await officer.getByRole('button', { name: /^Accept goal: Find settled accommodation/ }).click();
  const goal = officer.getByTestId('goal').first();
  await goal.getByLabel('What will be done').fill('Refer to the housing options team');
  await goal.getByRole('group', { name: 'Who will do it' }).getByLabel('Probation practitioner').check();
  await goal.getByRole('button', { name: 'Add step' }).click();
  await officer.getByRole('button', { name: 'Record agreement' }).click();
  await officer.getByRole('group', { name: 'Does the person on probation agree with the plan?' }).getByLabel('Yes, they agree').check();
  await officer.getByRole('button', { name: 'Save agreement' }).click();
  await expect(officer.getByTestId('plan-status')).toContainText('Agrees with the plan');
  // The caseload says it is ready to sign (not "Draft").
  await officer.getByRole('link', { name: 'Probation Workbook' }).click();
  const jordan = officer.getByRole('row', { name: new RegExp(SAMPLE_CASE.name) });
  await expect(jordan.getByTestId('row-status')).toHaveText('Ready to sign');
  const morningPost = await fourMoreSignedAndSent(officer, caseUrl);

  // Sign: a trainee's work needs countersigning, and says why.
  await officer.goto(`${caseUrl}/signing`);
  await expect(officer.getByTestId('countersigning-need')).toContainText('Countersigning needed');
  await expect(officer.getByTestId('countersigning-need')).toContainText('trainee');
  await officer.getByRole('button', { name: 'Sign version 1' }).click();
  await expect(officer.getByTestId('signing-status')).toHaveText('Version 1 awaiting countersignature');
  // Sending asks whom for (only those in the team who can countersign), the GOV.UK way.
  const sendForm = officer.getByTestId('send-package');
  await expect(sendForm.getByRole('group', { name: 'Who will countersign it?' }).getByRole('radio')).toHaveCount(1);
  await sendForm.getByRole('button', { name: 'Send for countersigning' }).click();
  await expect(officer.locator('#error-summary')).toBeFocused();
  await expect(officer.locator('#package-recipient-error')).toHaveText('Error: Select who the package is for');
  await expectNoAxeViolations(officer);
  await screenshot(officer, 'send-sealed');
  const sent1 = await sendPackage(officer, 'Send for countersigning', 'Sam Senior (SPO)', 'version-1-sent', 'awaiting-countersign');
  await expect(officer.getByTestId('timeline')).toContainText('Case package sent (version 1)');
  await officer.getByRole('link', { name: 'Probation Workbook' }).click();
  await expect(jordan.getByTestId('row-status')).toHaveText('Awaiting countersignature');
  await expect(jordan.getByTestId('row-rosh')).not.toContainText('(draft)');

  // A signed version is read-only.
  await officer.goto(`${caseUrl}/assessment/3`);
  await expect(officer.getByTestId('locked')).toBeVisible();
  await expect(itemGroup(officer, '3.4').getByLabel('Some problems')).toBeDisabled();
  // Locked means locked: the plan, its goals and steps, the agreement and the review interval too.
  await officer.goto(`${caseUrl}/plan`);
  await expect(officer.getByTestId('locked')).toBeVisible();
  await expect(officer.getByRole('button', { name: 'Add a goal' })).toBeHidden();
  await expect(officer.getByRole('button', { name: 'Record agreement' })).toBeHidden();
  const lockedGoal = officer.getByTestId('goal').first();
  await expect(lockedGoal.getByLabel('What will be done')).toBeDisabled();
  await expect(lockedGoal.getByRole('button', { name: 'Add step' })).toBeDisabled();
  // The export tells the truth: version 1, awaiting countersignature, signed by the trainee.
  const [planExport] = await Promise.all([officer.waitForEvent('download'), officer.getByRole('button', { name: 'Export sentence plan (JSON)' }).click()]);
  const exported = JSON.parse(await readFile(await planExport.path(), 'utf8'));
  expect(exported.signing).toMatchObject({ status: 'awaiting_countersignature', version: 1, signed: { name: 'Alex Trainee', grade: 'PQiP' } });
  expect(exported.signing.countersigned).toBeUndefined();
  await officer.goto(`${caseUrl}/plan/agreement`);
  await expect(officer.getByTestId('locked')).toBeVisible();
  await officer.goto(`${caseUrl}/plan/goals/new`);
  await expect(officer.getByTestId('locked')).toBeVisible();
  await expect(officer.getByRole('button', { name: 'Save goal' })).toBeDisabled();
  await officer.goto(`${caseUrl}/reviews`);
  await expect(officer.getByTestId('interval-locked')).toBeVisible();
  await expect(officer.getByRole('group', { name: 'How often should this case be reviewed?' }).getByRole('radio').first()).toBeDisabled();
  await screenshot(officer, 'reviews-locked');

  // The senior opens it in their own browser with their key: a preview first, every signature
  // checked against their team, then the case is theirs to review.
  await senior.goto('/import');
  await senior.getByLabel('Case package file').setInputFiles(sent1);
  await expect(senior.getByTestId('package-holds')).toContainText('Version 1: signed by Alex Trainee (PQiP), verified');
  // The preview reads as a sentence: "What importing it does", then "Adds the case of …".
  await expect(senior.getByRole('heading', { name: 'What importing it does' })).toBeVisible();
  await expect(senior.getByTestId('package-changes')).toContainText(/^Adds the case of /);
  await expect(senior.getByText('The case is new to this browser')).toBeVisible();
  await expectNoAxeViolations(senior);
  await senior.getByRole('button', { name: 'Import this package' }).click();
  await expect(senior.getByRole('heading', { level: 1, name: 'Signing and countersigning' })).toBeVisible();
  await senior.getByRole('button', { name: 'Review and decide' }).click();
  await expect(senior.getByRole('heading', { level: 1, name: 'Review version 1' })).toBeVisible();
  await expect(senior.getByTestId('review-changes')).toContainText('first version');
  // Offences by code and name, never a bare code.
  await expect(senior.locator('main')).toContainText('05000 Obtaining goods by false pretences');
  // Why countersigning is needed, said once on the page (in the summary): not "countersigning
  // needed:" before every reason, nor again above the summary.
  await expect(senior.getByTestId('summary-facts')).toContainText('Countersigning needed: trainee (PQiP) assessments are always countersigned; first assessment of the period of supervision');
  expect(((await senior.locator('main').textContent()).match(/countersigning needed/gi) ?? []).length).toBe(1);
  await senior.getByLabel('Comment on 3. Accommodation (optional)').fill('Check 3.4 with the landlord: the flat may be overcrowded.');
  await senior.getByLabel(/^Comment on the goal: Find settled accommodation/).fill('Say when the housing referral is made.');
  // A comment on a single question: "Comment" beside its answer opens a box for it, focused.
  await expect(senior.getByLabel('Comment on 3.4 Suitability of accommodation (optional)')).toHaveCount(0);
  await senior.getByRole('button', { name: 'Comment on 3.4 Suitability of accommodation' }).click();
  await expect(senior.getByLabel('Comment on 3.4 Suitability of accommodation (optional)')).toBeFocused();
  await senior.keyboard.type('How many people live in the flat?');
  // The section's answers with their "Comment" actions, and the question's box under them.
  const accommodationList = senior.locator('.govuk-summary-list', { has: senior.getByRole('button', { name: 'Comment on 3.4 Suitability of accommodation' }) });
  const top = await accommodationList.boundingBox();
  const box = await senior.getByLabel('Comment on 3.4 Suitability of accommodation (optional)').boundingBox();
  const scrolled = await senior.evaluate(() => window.scrollY);
  await senior.screenshot({ path: 'test-results/screenshots/senior-question-comment.png', fullPage: true, clip: { x: 0, y: scrolled + top.y - 10, width: 1280, height: box.y + box.height - top.y + 20 } });
  await expectNoAxeViolations(senior);
  await screenshot(senior, 'senior-review');
  await senior.getByRole('button', { name: 'Confirm decision' }).click();
  await expect(senior.getByText('Select your decision')).toBeVisible();
  await senior.getByLabel('Return for rework').check();
  await senior.getByRole('button', { name: 'Confirm decision' }).click();
  await expect(senior.getByText(/comment/i).first()).toBeVisible();
  await senior.getByLabel(/^Comment for the officer/).fill('Please recheck accommodation before I countersign.');
  await senior.getByRole('button', { name: 'Confirm decision' }).click();
  await expect(senior.getByTestId('signing-status')).toContainText('returned for rework');
  const returned1 = await sendPackage(senior, 'Export case package', 'Alex Trainee (PQiP)', 'version-1-returned', 'returned');
  // The senior's copy of the returned version is never theirs to edit: no "Sign version 2", every
  // answer read-only, and it says whose rework it is.
  await expect(senior.getByTestId('draft-action')).toContainText('Version 1 was returned for rework: the officer who signed it reworks it');
  await expect(senior.getByRole('button', { name: 'Sign version 2' })).toHaveCount(0);
  await senior.goto(`${caseUrl}/assessment/3`);
  await expect(senior.getByTestId('locked')).toContainText('Alex Trainee reworks this version, so you cannot change it here.');
  await expect(itemGroup(senior, '3.4').getByLabel('Significant problems')).toBeDisabled();
  await senior.goto(`${caseUrl}/plan`);
  await expect(senior.getByTestId('locked')).toBeVisible();
  await senior.goto(`${caseUrl}/signing`);

  // The officer imports the decision, sees the comments beside the section, and reworks in a new draft.
  await importPackage(officer, returned1);
  await expect(officer.getByTestId('comments')).toContainText('Check 3.4 with the landlord');
  // Each comment on the signing page links to its item.
  await expect(officer.getByTestId('comments').getByRole('link', { name: 'Version 1: 3. Accommodation', exact: true })).toHaveAttribute('href', `${new URL(caseUrl).pathname}/assessment/3`);
  // A comment on a question links to that question's comments.
  const questionLink = officer.getByTestId('comments').getByRole('link', { name: 'Version 1: 3. Accommodation, 3.4 Suitability of accommodation' });
  await expect(questionLink).toHaveAttribute('href', `${new URL(caseUrl).pathname}/assessment/3?thread=3.4`);
  await officer.getByRole('link', { name: 'Probation Workbook' }).click();
  await expect(jordan.getByTestId('row-status')).toHaveText('Returned');
  // The task list shows which section has comments to act on.
  await officer.goto(`${caseUrl}/assessment`);
  await expect(officer.locator('.govuk-task-list__item', { hasText: '3. Accommodation' })).toContainText('2 comments from your countersigner to act on');
  await expect(officer.locator('.govuk-task-list__item', { hasText: '4. Education' })).not.toContainText('comment');
  // Following the question's link lands on its comments, under the question, focused.
  await officer.goto(`${caseUrl}/signing`);
  await questionLink.click();
  await expect(officer.getByRole('heading', { level: 1, name: '3. Accommodation' })).toBeVisible();
  await expect(officer.locator('#threads-3-4')).toBeFocused();
  const questionThreads = officer.getByTestId('item-comments');
  await expect(questionThreads).toHaveCount(1);
  await expect(questionThreads).toContainText('Comments from your countersigner on this question');
  await expect(questionThreads).toContainText('How many people live in the flat?');
  await questionThreads.getByLabel('Your reply to comment 2 of version 1 (optional)').click();
  await officer.keyboard.type('Four adults in two rooms.');
  await expect.poll(() => replyDraft(officer, caseUrl, '1.1')).toBe('Four adults in two rooms.');
  await officer.locator('#threads-3-4').screenshot({ path: 'test-results/screenshots/officer-question-thread.png' });
  await expect(officer.getByTestId('locked')).toHaveCount(0);
  await expect(officer.getByTestId('section-comments')).toContainText('Sam Senior (SPO)');
  await expect(officer.getByTestId('section-comments')).toContainText('Check 3.4 with the landlord');
  // The officer answers the comment beside it: typed, kept as typed, and signed with version 2.
  const reply = officer.getByLabel('Your reply to comment 3 of version 1 (optional)');
  await reply.click();
  await officer.keyboard.type('Checked with the landlord: it is overcrowded.');
  // Saved as typed, with the case's signing record.
  await expect.poll(() => replyDraft(officer, caseUrl, '1.2')).toBe('Checked with the landlord: it is overcrowded.');
  await officer.reload();
  await expect(officer.getByLabel('Your reply to comment 3 of version 1 (optional)')).toHaveValue('Checked with the landlord: it is overcrowded.');
  await expect(officer.getByLabel('Your reply to comment 2 of version 1 (optional)')).toHaveValue('Four adults in two rooms.');
  await expectNoAxeViolations(officer);
  await screenshot(officer, 'officer-reply');
  // A comment on a goal is answered on the plan, beside the goal.
  await officer.goto(`${caseUrl}/plan`);
  const goalThreads = officer.getByTestId('goal').first().getByTestId('section-comments');
  await expect(goalThreads).toContainText('Say when the housing referral is made.');
  await goalThreads.getByLabel('Your reply to comment 1 of version 1 (optional)').fill('Referral made on the day of the assessment.');
  await expect.poll(() => replyDraft(officer, caseUrl, '1.0')).toBe('Referral made on the day of the assessment.');
  await expectNoAxeViolations(officer);
  await officer.getByTestId('goal').first().screenshot({ path: 'test-results/screenshots/officer-goal-reply.png' });
  await officer.goto(`${caseUrl}/assessment/3`);
  await itemGroup(officer, '3.4').getByLabel('Significant problems').check();
  await expect(officer.getByTestId('save-status')).toHaveText(/^Saved at /);
  await officer.goto(`${caseUrl}/signing`);
  await expect(officer.getByTestId('open-threads')).toHaveText('3 comments are open: reply beside each item, and your countersigner resolves them.');
  await officer.getByRole('button', { name: 'Sign version 2' }).click();
  await expect(officer.getByTestId('signing-status')).toHaveText('Version 2 awaiting countersignature');
  const sent2 = await sendPackage(officer, 'Send for countersigning', 'Sam Senior (SPO)', 'version-2-sent', 'awaiting-countersign');

  // The senior countersigns version 2 and sends it back.
  // Several packages taken in at once: each is previewed, and imported or refused with its reason,
  // on its own. Five go into the queue (version 2 and four other cases); two are refused, and a
  // second copy of version 2's file is refused once the first is in.
  const sent2Copy = `${PACKAGES}/version-2-sent-copy.sealed.json`;
  await copyFile(sent2, sent2Copy);
  await senior.goto('/import');
  await senior.getByLabel('Case package file').setInputFiles([sent2, returned1, sent1, ...morningPost, sent2Copy]);
  const cards = senior.getByTestId('package-file');
  await expect(cards).toHaveCount(8);
  const card = (path) => cards.filter({ has: senior.getByRole('heading', { name: path.split('/').pop() }) });
  await expect(card(returned1).getByTestId('import-refused')).toContainText('This package was sealed for someone else');
  await expect(card(sent1).getByTestId('import-refused')).toContainText('This package is older than what is here');
  await expect(card(sent2).getByTestId('package-changes')).toBeVisible();
  await expect(card(sent2Copy).getByTestId('package-changes')).toBeVisible();
  await expectNoAxeViolations(senior);
  await screenshot(senior, 'import-several');
  for (const path of [sent2, ...morningPost]) {
    await card(path).getByRole('button', { name: 'Import this package' }).click();
    await expect(card(path).getByTestId('package-imported')).toContainText('Imported.');
  }
  await expect(cards).toHaveCount(8);
  // Version 2 imported, the copy's preview no longer says what importing it would do: it is never
  // imported as it was shown.
  await expect(card(sent2Copy).getByTestId('import-refused')).toContainText('Another package for this case was just imported');
  await expect(card(sent2Copy).getByRole('button', { name: 'Import this package' })).toHaveCount(0);
  // The senior's queue: every version waiting for them, with whose it is, since when and why.
  await senior.getByRole('link', { name: 'Probation Workbook' }).click();
  // The colleague's case is a team case, listed apart from the senior's own caseload.
  await expect(senior.getByRole('heading', { level: 2, name: 'Team cases (5)' })).toBeVisible();
  await expect(senior.getByTestId('team-cases').locator('tbody tr')).toHaveCount(5);
  // By officer: the five are the trainee's.
  const traineesCases = senior.getByRole('table', { name: 'Alex Trainee (PQiP) (5)' });
  await expect(traineesCases.locator('tbody tr')).toHaveCount(5);
  const teamCase = traineesCases.getByRole('row', { name: /Jordan Fictional/ });
  await expect(teamCase).toContainText('X123456');
  await expect(teamCase.getByTestId('team-status')).toHaveText('Awaiting countersignature');
  await expect(senior.locator('#caseload-table').getByText('Jordan Fictional')).toHaveCount(0);
  await expectNoAxeViolations(senior);
  await screenshot(senior, 'senior-team-cases');
  await senior.getByTestId('queue-link').getByRole('link', { name: 'Awaiting my countersignature (5)' }).click();
  await expect(senior.getByRole('heading', { level: 1, name: 'Awaiting my countersignature' })).toBeVisible();
  // Oldest first: the four cases signed this morning, then version 2 signed after the rework.
  await expect(senior.getByTestId('queue').locator('tbody tr td:first-child')).toHaveText([
    ...COLLEAGUES_CASES.map((person) => new RegExp(`^${person.name} \\(version 1\\)`)),
    /^Jordan Fictional \(version 2\)/,
  ]);
  const queued = senior.getByTestId('queue').getByRole('row', { name: /Jordan Fictional/ });
  await expect(queued).toContainText('Alex Trainee (PQiP)');
  await expect(queued).toContainText('Countersigning needed: trainee (PQiP) assessments are always countersigned');
  await expectNoAxeViolations(senior);
  await screenshot(senior, 'senior-queue');
  await queued.getByRole('link', { name: 'Jordan Fictional (version 2)' }).click();
  // Compared with the version the senior returned: item by item, old to new; the rest folded away;
  // the senior's own earlier comments kept beside the section, marked as version 1's.
  await expect(senior.getByTestId('review-changes')).toContainText('What changed since version 1 (returned for rework)');
  await expect(senior.getByTestId('review-changes')).not.toContainText('first version to be countersigned');
  const itemChanges = senior.getByTestId('item-changes');
  await expect(itemChanges).toHaveCount(1);
  await expect(itemChanges).toContainText('3. Accommodation');
  await expect(itemChanges.getByRole('row', { name: /3\.4 / })).toContainText('Some problemsSignificant problems');
  await expect(senior.getByTestId('unchanged-section').first()).toContainText('(unchanged)');
  await expect(senior.getByTestId('earlier-comments').first()).toContainText('Version 1, Sam Senior (SPO)');
  await expect(senior.getByTestId('earlier-comments').first()).toContainText('Check 3.4 with the landlord');
  // The officer's reply is in the thread; the senior marks it resolved with the decision.
  const thread = senior.getByTestId('earlier-comments').first().getByTestId('thread');
  await expect(thread).toContainText('Reply with version 2, Alex Trainee (PQiP)');
  await expect(thread).toContainText('Checked with the landlord: it is overcrowded.');
  await expect(thread).toContainText('Open');
  await thread.getByLabel('Mark as resolved').check();
  await thread.screenshot({ path: 'test-results/screenshots/senior-resolve.png' });
  // The question's thread, with its reply, beside the section's.
  const questionThread = senior.getByTestId('earlier-comments').filter({ hasText: 'Earlier comments on 3.4 Suitability of accommodation' });
  await expect(questionThread).toContainText('How many people live in the flat?');
  await expect(questionThread).toContainText('Four adults in two rooms.');
  await questionThread.getByLabel('Mark as resolved').check();
  // The summary first: RoSH with its grid, every need with its score, predictors, why and who.
  const summaryHeader = senior.getByTestId('version-summary');
  await expect(summaryHeader.getByTestId('summary-facts')).toContainText('Overall RoSH');
  await expect(summaryHeader.getByTestId('summary-facts')).toContainText('Signed by Alex Trainee (PQiP) on');
  await expect(summaryHeader.getByTestId('summary-rosh-grid')).toBeVisible();
  await expect(summaryHeader.getByTestId('summary-needs')).toContainText('3. Accommodation');
  await expect(summaryHeader).toContainText('OGRS3');
  // Each predictor with its figures and band, worked out from the version's answers.
  for (const predictor of ['ogrs3', 'ogp', 'ovp']) {
    await expect(summaryHeader.getByTestId(`predictor-${predictor}`)).toHaveText(/^\d+% in 1 year, \d+% in 2 years (Low|Medium|High|Very high)$/);
  }
  // Goals with their need, target, and every step with who does it and how it stands.
  const goalDetails = senior.getByTestId('goal-details').first();
  await expect(goalDetails).toContainText('Target');
  await expect(goalDetails).toContainText('Accommodation');
  await expect(goalDetails).toContainText('Refer to the housing options team — Probation practitioner (not started)');
  // Section 1, unchanged, is folded away, its offence still by code and name.
  await expect(senior.getByTestId('unchanged-section').filter({ hasText: '1. Offending information' })).toContainText('05000 Obtaining goods by false pretences');
  await screenshot(senior, 'senior-review-changes');
  await expectNoAxeViolations(senior);
  await senior.getByLabel('Countersign', { exact: true }).check();
  await senior.getByLabel(/^Comment for the officer/).fill('Good rework: countersigned.');
  await senior.getByRole('button', { name: 'Confirm decision' }).click();
  await expect(senior.getByTestId('signing-status')).toContainText('Version 2 countersigned');
  const countersigned = await sendPackage(senior, 'Export case package', 'Alex Trainee (PQiP)', 'version-2-countersigned', 'countersigned');
  // A package sealed for the officer does not open in the senior's own browser.
  await senior.goto('/import');
  await senior.getByLabel('Case package file').setInputFiles(countersigned);
  await expect(senior.getByTestId('import-refused')).toContainText('This package was sealed for someone else');
  await importPackage(officer, countersigned);
  await expect(officer.getByTestId('signing-status')).toContainText('Version 2 countersigned');
  // The thread came back resolved, with who resolved it and with which version.
  await expect(officer.getByTestId('comments')).toContainText('Reply with version 2, Alex Trainee (PQiP)');
  await expect(officer.getByTestId('comments')).toContainText(/Resolved with version 2, Sam Senior \(SPO\), \d+ \w+ \d{4}: Resolved/);
  await expect(officer.getByTestId('open-threads')).toHaveText('No comment is open.');
  // The goal's thread, not marked resolved, was settled by the countersignature.
  await expect(officer.getByTestId('comments')).toContainText('Reply with version 2, Alex Trainee (PQiP), ');
  await expect(officer.getByTestId('comments')).toContainText('Referral made on the day of the assessment.');
  await expect(officer.getByTestId('comments')).toContainText('Settled when version 2 was countersigned');
  await officer.getByRole('link', { name: 'Probation Workbook' }).click();
  await expect(jordan.getByTestId('row-status')).toHaveText('Countersigned');
  await officer.goBack();
  await expect(officer.getByTestId('signing-status')).toContainText('Version 2 countersigned');
  await expectNoAxeViolations(officer);
  await screenshot(officer, 'officer-timeline');

  // Both timelines tell the same story.
  await expect(officer.getByTestId('timeline').locator('.moj-timeline__title').first()).toHaveText('Case package imported');
  const officerTimeline = await timelineTitles(officer);
  await senior.goto(`${caseUrl}/signing`);
  await expect(senior.getByTestId('signing-status')).toContainText('Version 2 countersigned');
  const seniorTimeline = await timelineTitles(senior);
  expect(officerTimeline.filter((title) => title !== 'Case package imported'))
    .toEqual(seniorTimeline.filter((title) => title !== 'Case package imported'));
  for (const title of ['Case created', 'Version 1 signed', 'Version 1 returned for rework', 'Version 2 signed', 'Version 2 countersigned']) {
    expect(officerTimeline).toContain(title);
  }

  // Earlier versions stay viewable, read-only, as they were signed.
  await officer.getByRole('link', { name: 'Version 1', exact: true }).click();
  await expect(officer.getByRole('heading', { level: 1, name: 'Version 1: Returned for rework' })).toBeVisible();
  await expect(officer.getByTestId('version-signed')).toContainText('Alex Trainee (PQiP)');
  const v1Row = officer.locator('.govuk-summary-list__row', { has: officer.getByText('3.4 Suitability of accommodation', { exact: true }) });
  await expect(v1Row.locator('dd')).toHaveText('Some problems');
  // A signed version has the same summary header as the senior's review.
  const v1Summary = officer.getByTestId('version-summary');
  await expect(v1Summary.getByTestId('summary-facts')).toContainText('Overall RoSH');
  await expect(v1Summary.getByTestId('summary-facts')).toContainText('Countersigning needed: trainee (PQiP) assessments are always countersigned');
  await expect(v1Summary.getByTestId('summary-facts')).toContainText('Returned for rework by Sam Senior (SPO)');
  await expect(v1Summary.getByTestId('summary-rosh-grid')).toBeVisible();
  await expect(v1Summary.getByTestId('summary-needs')).toContainText('3. Accommodation');
  await expect(v1Summary.getByTestId('predictor-ogrs3')).toHaveText(/^\d+% in 1 year, \d+% in 2 years (Low|Medium|High|Very high)$/);
  await screenshot(officer, 'version-1-summary');
  await expectNoAxeViolations(officer);
  await officer.goto(`${caseUrl}/signing`);

  // A forger with a colleague's key: the officer sends the case to Jo Bloggs (a fictional SPO whose
  // private key the test holds), who opens it, writes themself in as the countersigner, recomputes
  // the digest and seals it again for the officer with the officer's own identity card. Refused,
  // naming the version and the signature, and nothing here changes.
  await addToTeam(officer, 'tests/vectors/senior-card.json', 'Jo Bloggs');
  await officer.goto(`${caseUrl}/signing`);
  const toJo = await sendPackage(officer, 'Export case package', 'Jo Bloggs (SPO)', 'version-2-to-jo', 'countersigned');
  const jwk = JSON.parse(await readFile('tests/vectors/senior-encryption-key.jwk', 'utf8'));
  const opened = JSON.parse(await openSealed(await readFile(toJo, 'utf8'), jwk));
  expect(opened.signing.versions[1].countersigned_by).toEqual({ name: 'Sam Senior', grade: 'spo' });
  const forged = structuredClone(opened);
  forged.signing.versions[1].countersigned_by = { name: 'Jo Bloggs', grade: 'spo' };
  for (const event of forged.signing.history) {
    if (event.by?.name === 'Sam Senior') event.by = { name: 'Jo Bloggs', grade: 'spo' };
  }
  const officerCard = JSON.parse(await readFile(officerCardPath, 'utf8'));
  await writeFile(`${PACKAGES}/forged.sealed.json`, await sealFor(JSON.stringify(redigest(forged), null, 2), officerCard));
  await officer.goto('/import');
  await officer.getByLabel('Case package file').setInputFiles(`${PACKAGES}/forged.sealed.json`);
  const refused = officer.getByTestId('import-refused');
  await expect(refused).toContainText('it was changed outside Probation Workbook: version 2 says it was countersigned by Jo Bloggs (SPO)');
  await expect(refused).toContainText('Nothing has been changed');
  await expect(officer.getByRole('button', { name: 'Import this package' })).toHaveCount(0);
  await screenshot(officer, 'forged-refused');
  // The same package sealed again unchanged is taken as it is: the refusal was the forgery's.
  await writeFile(`${PACKAGES}/resealed.sealed.json`, await sealFor(JSON.stringify(opened, null, 2), officerCard));
  await officer.getByLabel('Case package file').setInputFiles(`${PACKAGES}/resealed.sealed.json`);
  await expect(officer.getByTestId('package-changes')).toContainText('Nothing changes: this browser already has everything in it.');
  await officer.goto(`${caseUrl}/signing`);
  await expect(officer.getByTestId('signing-status')).toContainText('Version 2 countersigned');
  expect(await timelineTitles(officer)).toEqual(officerTimeline);

  // Both versions so far were the initial assessment (version 2 was the rework of version 1).
  await expect(officer.getByTestId('version-purpose')).toHaveText(['Initial assessment', 'Initial assessment']);

  // A new draft states what it is for: starting one without saying is refused, the GOV.UK way.
  const startDraft = officer.getByRole('button', { name: 'Start a new draft (version 3)' });
  await startDraft.click();
  const summary = officer.locator('#error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveText(['Select what the new version is for']);
  await expect(officer.locator('#new-draft-purpose-error')).toHaveText('Error: Select what the new version is for');
  await expect(officer).toHaveTitle('Error: Signing and countersigning – Probation Workbook');
  await expect(officer.getByTestId('signing-status')).toHaveText('Version 2 countersigned');
  await expectNoAxeViolations(officer);
  await summary.getByRole('link', { name: 'Select what the new version is for' }).click();
  await expect(officer.locator('#new-draft-purpose')).toBeFocused();
  await officer.getByRole('group', { name: 'What is the new version of the assessment for?' }).getByLabel('Review', { exact: true }).check();
  await startDraft.click();
  await expect(officer.getByTestId('signing-status')).toHaveText('Version 3 is a draft (version 2 countersigned)');
  await expect(officer.getByTestId('draft-purpose')).toHaveText('Review');
  await expect(summary).toHaveCount(0);
  // Version 1's comments belong to version 1: on version 3 they are earlier comments, not current ones.
  await officer.goto(`${caseUrl}/assessment/3`);
  await expect(officer.getByRole('heading', { level: 1, name: '3. Accommodation' })).toBeVisible();
  await expect(officer.getByTestId('section-comments')).toHaveCount(0);
  await expect(officer.getByTestId('earlier-section-comments')).toContainText('Version 1, Sam Senior (SPO)');
  await expect(officer.getByTestId('earlier-section-comments')).toContainText('Check 3.4 with the landlord');
  await expect(officer.getByTestId('item-comments')).toHaveCount(0);
  await expect(officer.getByTestId('earlier-item-comments')).toContainText('How many people live in the flat?');
  await expect(officer.getByTestId('earlier-item-comments')).toContainText('Resolved with version 2, Sam Senior (SPO)');
  await officer.goto(`${caseUrl}/signing`);
  await expect(officer).toHaveTitle('Signing and countersigning – Probation Workbook');
  expect((await timelineTitles(officer))[0]).toBe('Version 3 started as a new draft: review');

  // Every section is carried forward, to be checked: signing waits until each is confirmed.
  await officer.getByRole('button', { name: 'Sign version 3' }).click();
  await expect(officer.getByTestId('signing-problems')).toContainText('Complete every section of the assessment: 0 of');
  expect(await confirmCarriedForward(officer, caseUrl)).toBeGreaterThan(15);
  await officer.goto(`${caseUrl}/signing`);

  // Signing the review is the review done: the case, its review dates and the caseload say so, and
  // the next regular review counts on from today.
  await officer.getByRole('button', { name: 'Sign version 3' }).click();
  await expect(officer.getByTestId('signing-status')).toHaveText('Version 3 awaiting countersignature');
  await expect(officer.getByTestId('version-purpose').first()).toHaveText('Review');
  const todayInLondon = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date());
  await officer.goto(`${caseUrl}/reviews`);
  await expect(officer.getByTestId('last-review')).toHaveText(`Last review done: ${todayInLondon} (review)`);
  await expect(officer.getByTestId('overdue-count')).toHaveCount(0);
  const firstScheduled = officer.getByTestId('review-dates').locator('tbody tr', { hasText: 'Review due:' }).first();
  await expect(firstScheduled).toContainText(`Review due: 6 months from the last review, signed on ${todayInLondon} (a review every 6 months)`);
  await officer.goto(caseUrl);
  await expect(officer.getByTestId('case-last-review')).toHaveText(`${todayInLondon} (review)`);
  await expect(officer.getByTestId('case-next-review')).not.toContainText('overdue');
  await officer.goto('/');
  const row = officer.locator('#caseload-table tbody tr', { hasText: SAMPLE_CASE.name });
  await expect(row.getByTestId('row-last-review')).toHaveText(`Last review done ${todayInLondon}`);
  await expect(row.getByText('Overdue')).toHaveCount(0);

  // The senior reviews version 3: the comment made on the whole of version 2 is an earlier
  // comment, shown once, beside the general comment box (it showed twice, with two "Mark as
  // resolved" boxes of one id).
  await officer.goto(`${caseUrl}/signing`);
  const sent3 = await sendPackage(officer, 'Send for countersigning', 'Sam Senior (SPO)', 'version-3-sent', 'awaiting-countersign');
  await importPackage(senior, sent3);
  await senior.getByRole('button', { name: 'Review and decide' }).click();
  await expect(senior.getByRole('heading', { level: 1, name: 'Review version 3' })).toBeVisible();
  // Nothing was returned since: compared with the last version countersigned.
  await expect(senior.getByTestId('review-changes')).toContainText('What changed since version 2 (countersigned)');
  await expect(senior.getByTestId('earlier-comments').filter({ hasText: 'Good rework: countersigned.' })).toHaveCount(1);
  await expect(senior.getByTestId('earlier-comments').filter({ hasText: 'Earlier comments on 3.4 Suitability of accommodation' })).toContainText('Resolved with version 2');

  await officerContext.close();
  await seniorContext.close();
});
