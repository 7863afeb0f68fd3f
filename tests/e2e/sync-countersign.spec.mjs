// Countersigning through team sync (issue 21): a trainee's signed version reaches the senior's
// "Awaiting my countersignature" by itself, the senior's return with comments reaches the trainee,
// the rework goes back and the countersignature comes home — no file at any step, and nothing on
// the server reads as the case, its comments or its plan.
import { test, expect } from './fixtures.mjs';
import { SAMPLE_CASE, agreeHousingPlan, createCase, screenshot } from './journeys.mjs';
import { completeAssessmentByMouse } from './assessment-data.mjs';
import { itemGroup } from './keyboard.mjs';
import { connect, everythingOnTheServer, expectNoAxeViolations, twoColleagues, usePeer } from './peer.mjs';

const peer = usePeer();

test('a trainee\'s version reaches the senior\'s queue by team sync, is returned, reworked and countersigned, with no file', async ({ browser }, testInfo) => {
  test.setTimeout(300_000);
  const { officer, senior } = await twoColleagues(browser, testInfo, peer, 'Trainee (PQiP)');
  // From here on, nothing is downloaded: no package travels.
  const downloads = [];
  for (const page of [officer, senior]) page.on('download', (download) => downloads.push(download.suggestedFilename()));
  await connect(senior, peer, peer.senior);
  await connect(officer, peer, peer.officer);
  await expect(officer.getByTestId('sync-status')).toContainText(/Team sync: Synced at \d\d:\d\d/, { timeout: 20_000 });

  // The trainee completes the assessment, agrees a plan and signs.
  await officer.goto('/');
  await createCase(officer);
  const caseUrl = officer.url();
  await officer.getByRole('button', { name: 'Start assessment' }).click();
  await completeAssessmentByMouse(officer);
  await agreeHousingPlan(officer, caseUrl);
  await officer.goto(`${caseUrl}/signing`);
  await officer.getByRole('button', { name: 'Sign version 1' }).click();
  await expect(officer.getByTestId('signing-status')).toHaveText('Version 1 awaiting countersignature');
  // The page says the team carries it: no file to send.
  await expect(officer.getByTestId('sent-by-sync')).toHaveText("Team sync takes version 1 to your team's server: it will wait in “Awaiting my countersignature” for a senior in your team. You do not need to send a file.");
  // A package is still there for someone outside the team's server, folded away.
  await expect(officer.getByTestId('package-instead')).not.toHaveAttribute('open');
  await expect(officer.getByRole('button', { name: 'Send for countersigning' })).toBeHidden();
  await expectNoAxeViolations(officer);
  await screenshot(officer, 'team-sync-signed');

  // It reaches the senior's queue by itself, on the caseload they have open.
  await senior.goto('/');
  await expect(senior.getByTestId('queue-link')).toHaveText('Awaiting my countersignature (1)', { timeout: 20_000 });
  await senior.getByRole('link', { name: 'Awaiting my countersignature (1)' }).click();
  await expect(senior.getByTestId('queue')).toContainText(`${SAMPLE_CASE.name} (version 1)`);
  await expect(senior.getByTestId('queue')).toContainText('Alex Trainee (PQiP)');
  await screenshot(senior, 'team-sync-queue');
  await senior.getByRole('link', { name: `${SAMPLE_CASE.name} (version 1)` }).click();
  await expect(senior.getByRole('heading', { level: 1, name: 'Review version 1' })).toBeVisible();
  await senior.getByLabel('Comment on 3. Accommodation (optional)').fill('Check 3.4 with the landlord: the flat may be overcrowded.');
  await senior.getByLabel('Return for rework').check();
  await senior.getByLabel(/^Comment for the officer/).fill('Please recheck accommodation before I countersign.');
  await senior.getByRole('button', { name: 'Confirm decision' }).click();
  await expect(senior.getByTestId('signing-status')).toContainText('returned for rework');
  await expect(senior.getByTestId('sent-by-sync')).toContainText('Version 1 was returned for rework: team sync takes your decision to the officer who signed it');
  // The senior waits on the queue: the rework joins it by itself.
  await senior.goto('/queue');
  await expect(senior.getByTestId('queue-empty')).toHaveText('Nothing is waiting for your countersignature. Versions your team signs arrive here by team sync; one sent to you as a file appears once you import its case package.');

  // The return reaches the trainee, with the comment beside the section; the rework is signed.
  await officer.goto(`${caseUrl}/signing`);
  await expect(officer.getByTestId('signing-status')).toContainText('returned', { timeout: 20_000 });
  await expect(officer.getByTestId('comments')).toContainText('Check 3.4 with the landlord');
  await officer.goto(`${caseUrl}/assessment/3`);
  await expect(officer.getByTestId('section-comments')).toContainText('Sam Senior (SPO)');
  await itemGroup(officer, '3.4').getByLabel('Significant problems').check();
  await expect(officer.getByTestId('save-status')).toHaveText(/^Saved at /);
  await officer.goto(`${caseUrl}/signing`);
  await officer.getByRole('button', { name: 'Sign version 2' }).click();
  await expect(officer.getByTestId('signing-status')).toHaveText('Version 2 awaiting countersignature');

  // The senior's queue has version 2; countersigned, the decision reaches the trainee.
  await expect(senior.getByTestId('queue')).toContainText(`${SAMPLE_CASE.name} (version 2)`, { timeout: 20_000 });
  await senior.getByRole('link', { name: `${SAMPLE_CASE.name} (version 2)` }).click();
  await expect(senior.getByRole('heading', { level: 1, name: 'Review version 2' })).toBeVisible();
  await expect(senior.getByTestId('review-changes')).toContainText('3.4');
  await senior.getByLabel('Countersign', { exact: true }).check();
  await senior.getByRole('button', { name: 'Confirm decision' }).click();
  await expect(senior.getByTestId('signing-status')).toContainText('countersigned');
  await officer.goto(`${caseUrl}/signing`);
  await expect(officer.getByTestId('signing-status')).toContainText('Version 2 countersigned', { timeout: 20_000 });
  await officer.goto('/');
  await expect(officer.getByRole('row', { name: new RegExp(SAMPLE_CASE.name) }).getByTestId('row-status')).toHaveText('Countersigned');
  await screenshot(officer, 'team-sync-countersigned');

  // No file went anywhere, and the server holds nothing readable: no name, CRN, comment or step.
  expect(downloads).toEqual([]);
  const everything = await everythingOnTheServer(senior, peer);
  for (const secret of ['Jordan', 'Fictional', SAMPLE_CASE.crn, 'landlord', 'recheck', 'housing options', 'Alex Trainee', 'Sam Senior']) {
    expect(everything).not.toContain(secret);
  }
});
