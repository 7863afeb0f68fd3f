// Team sync (issue 21) in two browsers, an officer's and a senior's, against the test peer serving
// the app and CouchDB from one origin (tests/team-server/server.mjs --dist): connecting with the
// form, the status line, a case created by the officer reaching the senior with no file, edits to
// different fields on both sides both kept, nothing readable on the server, and disconnecting.
import { execFileSync } from 'node:child_process';
import { test, expect } from './fixtures.mjs';
import { SAMPLE_CASE, createCase, screenshot } from './journeys.mjs';
import { ROOT, connect as connectTo, everythingOnTheServer, expectNoAxeViolations, twoColleagues, usePeer } from './peer.mjs';

const peer = usePeer();
const connect = (page, member) => connectTo(page, peer, member);

test('an officer and a senior share a case through the team server, sealed, with no file', async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const [officerMember, seniorMember, demo, origin] = [peer.officer, peer.senior, peer.demo, peer.origin];
  const { officer, senior } = await twoColleagues(browser, testInfo, peer, 'Probation officer (PO)');

  // Wrong details get a message beside the field, and an error summary.
  await officer.goto('/team-sync');
  await officer.getByLabel('Server address').fill('http://team.example.org/db');
  await officer.getByRole('button', { name: 'Connect' }).click();
  const summary = officer.getByRole('alert');
  await expect(summary.getByRole('link', { name: 'The server address must start with https:// (http:// only for this computer)' })).toBeVisible();
  await expect(summary.getByRole('link', { name: 'Enter your user name' })).toBeVisible();
  await expect(summary.getByRole('link', { name: 'Enter your password' })).toBeVisible();
  await expectNoAxeViolations(officer);
  await officer.getByLabel('Server address').fill(`${origin}/db/${demo.database}`);
  await officer.getByLabel('User name').fill(officerMember.name);
  await officer.getByLabel('Password').fill('not-the-password');
  await officer.getByRole('button', { name: 'Connect' }).click();
  await expect(officer.locator('#password-error')).toContainText('The user name or password is not right.');
  await expect(officer.getByLabel('Password')).toHaveValue('');

  // The officer connects first: nothing of theirs is sent until the senior has made the team key.
  await officer.goto('/');
  await createCase(officer);
  await connect(officer, officerMember);
  await expect(officer.getByTestId('waiting-for-key')).toBeVisible();
  await expect(officer.getByLabel('About this service')).toContainText('sent to your team\'s server');
  await expectNoAxeViolations(officer);
  await screenshot(officer, 'team-sync-waiting');

  // The senior connects: their browser makes the team key and wraps it to both.
  await connect(senior, seniorMember);
  await expect(senior.getByTestId('team-connection')).toContainText('you are its senior');
  await expect(senior.getByTestId('sync-status')).toContainText(/Team sync: Synced at \d\d:\d\d/);

  // The officer's case arrives in the senior's caseload by itself.
  await expect(officer.getByTestId('waiting-for-key')).toBeHidden({ timeout: 20_000 });
  await senior.goto('/');
  await expect(senior.getByRole('link', { name: SAMPLE_CASE.name })).toBeVisible({ timeout: 20_000 });
  // It is the officer's: under "Team cases", by officer, not in the senior's own.
  await expect(senior.getByRole('heading', { level: 2, name: 'Team cases (1)' })).toBeVisible();
  await expect(senior.getByRole('table', { name: 'Alex Trainee (PO) (1)' }).getByRole('link', { name: SAMPLE_CASE.name })).toBeVisible();
  await expect(senior.getByTestId('empty-caseload')).toHaveText('You have no cases of your own yet. Create a case to start an assessment.');

  // Nothing on the server reads as the case: no name, no CRN.
  const everything = await everythingOnTheServer(senior, peer);
  expect(everything).toContain('envelope');
  for (const secret of ['Jordan', 'Fictional', SAMPLE_CASE.crn]) expect(everything).not.toContain(secret);

  // Both change a different detail at about the same time: both changes reach both devices. The
  // senior's form is open while the officer's change arrives: saving it keeps that change (the
  // form wrote every detail as it had opened them, putting the officer's name back: seen failing).
  await officer.goto('/');
  await officer.getByRole('link', { name: SAMPLE_CASE.name }).click();
  const casePath = new URL(officer.url()).pathname;
  const caseId = casePath.split('/').pop();
  await senior.goto(`${casePath}/edit`);
  await expect(senior.getByLabel('Full name')).toHaveValue(SAMPLE_CASE.name);
  await officer.goto(`${casePath}/edit`);
  await officer.getByLabel('Full name').fill('Jordan Fictional-Smith');
  await officer.getByRole('button', { name: 'Save changes' }).click();
  await expect(officer.getByRole('heading', { level: 1, name: 'Jordan Fictional-Smith' })).toBeVisible();
  const storedName = () => senior.evaluate((id) => new Promise((resolve, reject) => {
    const open = indexedDB.open('probation-workbook');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const read = open.result.transaction('cases').objectStore('cases').get(id);
      read.onsuccess = () => { open.result.close(); resolve(read.result?.details?.name ?? null); };
      read.onerror = () => reject(read.error);
    };
  }), caseId);
  await expect.poll(storedName, { timeout: 20_000 }).toBe('Jordan Fictional-Smith');
  await expect(senior.getByLabel('Full name')).toHaveValue(SAMPLE_CASE.name);
  await senior.getByLabel('Case reference number (CRN)').fill('X111111');
  await senior.getByRole('button', { name: 'Save changes' }).click();
  await expect(senior.getByText('X111111').first()).toBeVisible();
  for (const page of [officer, senior]) {
    await page.goto(casePath);
    await expect(async () => {
      await page.reload();
      await expect(page.getByRole('heading', { level: 1, name: 'Jordan Fictional-Smith' })).toBeVisible({ timeout: 1_000 });
      await expect(page.getByText('X111111').first()).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
  }
  await senior.goto('/');
  await screenshot(senior, 'team-sync-senior-caseload');

  // The network gone: the officer goes on working, the status line counts what waits, and it
  // all goes to the team once the network is back.
  await officer.goto(`${casePath}/edit`);
  await officer.context().setOffline(true);
  await officer.getByLabel('Case reference number (CRN)').fill('X222222');
  await officer.getByRole('button', { name: 'Save changes' }).click();
  await expect(officer.getByText('X222222').first()).toBeVisible();
  await expect(officer.getByTestId('sync-status')).toHaveText('Team sync: Offline — 1 change waiting', { timeout: 20_000 });
  await screenshot(officer, 'team-sync-offline');
  // Disconnecting now would lose it: the warning says so, and staying connected keeps it.
  await officer.getByTestId('sync-status').getByRole('link', { name: 'Team sync' }).click();
  await officer.getByRole('button', { name: 'Disconnect' }).click();
  await expect(officer.getByTestId('disconnect-warning')).toContainText('1 of your changes have not reached the team yet and will not be sent.');
  await officer.getByRole('button', { name: 'Stay connected' }).click();
  await expect(officer.getByTestId('disconnect-warning')).toHaveCount(0);
  await officer.context().setOffline(false);
  await expect(officer.getByTestId('sync-status')).toHaveText(/^Team sync: Synced at \d\d:\d\d$/, { timeout: 30_000 });
  await senior.goto(casePath);
  await expect(async () => {
    await senior.reload();
    await expect(senior.getByText('X222222').first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(senior.getByRole('heading', { level: 1, name: 'Jordan Fictional-Smith' })).toBeVisible();

  // The same answer changed on both while the officer is offline: the senior's change reaches the
  // server first, so the officer's browser finds the clash when the network is back. Both changes
  // are shown with who made them; signing waits until the officer chooses; keeping the senior's
  // change writes it here and it stays on both.
  const updateSeq = () => senior.evaluate(async (database) => (await (await fetch(`/db/${database}`)).json()).update_seq, demo.database);
  await officer.goto(`${casePath}/edit`);
  await officer.context().setOffline(true);
  await officer.getByLabel('Case reference number (CRN)').fill('X333333');
  await officer.getByRole('button', { name: 'Save changes' }).click();
  await expect(officer.getByText('X333333').first()).toBeVisible();
  const seqBefore = await updateSeq();
  await senior.goto(`${casePath}/edit`);
  await senior.getByLabel('Case reference number (CRN)').fill('X444444');
  await senior.getByRole('button', { name: 'Save changes' }).click();
  await expect(senior.getByText('X444444').first()).toBeVisible();
  await expect.poll(updateSeq, { timeout: 20_000 }).not.toEqual(seqBefore);
  await officer.context().setOffline(false);
  await officer.getByTestId('sync-status').getByRole('link', { name: 'Team sync' }).click();
  const clash = officer.getByTestId('sync-conflict');
  await expect(clash).toHaveCount(1, { timeout: 20_000 });
  const choice = clash.getByRole('group', { name: 'Jordan Fictional-Smith: Case reference number (CRN) was changed on two devices. Which change do you keep?' });
  // The merging browser's own change stands until the choice (it was stamped when it was sealed).
  await expect(choice.getByLabel('X333333 — Alex Trainee (PO) (stands now)')).toBeVisible();
  await expect(choice.getByLabel('X444444 — Sam Senior (SPO)', { exact: true })).toBeVisible();
  await expectNoAxeViolations(officer);
  await screenshot(officer, 'team-sync-conflict');
  // The case says so, with the way to choose; signing waits for the choice (the rest of the
  // assessment is not done either).
  await officer.goto(casePath);
  await expect(officer.getByTestId('case-conflicts')).toContainText('1 answer of this case was changed on two devices: choose which change to keep on Team sync.');
  await expect(officer.getByTestId('case-conflicts').getByRole('link', { name: 'Team sync' })).toHaveAttribute('href', '/team-sync');
  await officer.goto(`${casePath}/signing`);
  await officer.getByRole('button', { name: 'Sign version 1' }).click();
  await expect(officer.getByTestId('signing-problems')).toContainText('Choose which change to keep: 1 answer of this case was changed on two devices (Team sync)');
  await officer.getByRole('link', { name: 'Team', exact: true }).click();
  await expect(officer.getByRole('heading', { level: 1, name: 'Team sync' })).toBeVisible();
  await clash.getByRole('button', { name: 'Keep this change' }).click();
  const choiceSummary = officer.locator('#error-summary');
  await expect(choiceSummary).toBeFocused();
  await expect(choiceSummary.getByRole('link')).toHaveText(['Select which change to keep']);
  await expect(clash.locator('.govuk-error-message')).toHaveText('Error: Select which change to keep');
  await expect(officer).toHaveTitle('Error: Team sync – Probation Workbook');
  // By keyboard, as an officer would: the summary's link to the choice, the arrow to the other
  // change, Tab to the button.
  await choiceSummary.getByRole('link', { name: 'Select which change to keep' }).click();
  await expect(choice.getByRole('radio').first()).toBeFocused();
  await officer.keyboard.press('ArrowDown');
  await expect(choice.getByLabel('X444444 — Sam Senior (SPO)', { exact: true })).toBeChecked();
  await expect(choiceSummary).toHaveCount(0);
  await officer.keyboard.press('Tab');
  await expect(clash.getByRole('button', { name: 'Keep this change' })).toBeFocused();
  await officer.keyboard.press('Enter');
  await expect(officer.getByTestId('sync-conflict')).toHaveCount(0);
  await officer.goto(`${casePath}/signing`);
  await officer.getByRole('button', { name: 'Sign version 1' }).click();
  await expect(officer.getByTestId('signing-problems')).toContainText('Complete every section of the assessment');
  await expect(officer.getByTestId('signing-problems')).not.toContainText('Choose which change to keep');
  await officer.goto(casePath);
  await expect(officer.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(officer.getByTestId('case-conflicts')).toHaveCount(0);
  for (const page of [officer, senior]) {
    await page.goto(casePath);
    await expect(async () => {
      await page.reload();
      await expect(page.getByText('X444444').first()).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
  }

  // A case the senior creates reaches the officer as a team case.
  const teamCase = { ...SAMPLE_CASE, name: 'Riley Fictional', crn: 'R654321' };
  await createCase(senior, teamCase);
  await officer.goto('/');
  await expect(officer.getByRole('table', { name: 'Sam Senior (SPO) (1)' }).getByRole('link', { name: teamCase.name })).toBeVisible({ timeout: 20_000 });
  await expect(officer.getByTestId('your-cases-heading')).toHaveText('Your cases (1)');
  await expect(officer.locator('#caseload-table').getByRole('link', { name: 'Jordan Fictional-Smith' })).toBeVisible();
  await screenshot(officer, 'team-sync-team-cases');
  // The officer is taken off the team on the server (signed in still, but no longer a member): at
  // its next cycle the officer's browser is refused (403), says so on the screen the officer is
  // on, and the team's case leaves it there and then; the officer's own case stays.
  const removed = JSON.parse(execFileSync(`${ROOT}target/debug/workbook`, ['team-server', 'remove-member', '--server', `${origin}/db`, '--team', 'demo', '--name', officerMember.name], {
    env: { ...process.env, COUCHDB_USER: 'admin', COUCHDB_PASSWORD: peer.adminPassword },
  }).toString());
  expect(removed.roles).toEqual([]);
  await expect(officer.getByTestId('sync-status')).toContainText('Team sync: You are no longer in this team', { timeout: 20_000 });
  await expect(officer.getByRole('link', { name: teamCase.name })).toHaveCount(0);
  await expect(officer.getByRole('link', { name: 'Jordan Fictional-Smith' })).toBeVisible();
  await screenshot(officer, 'team-sync-removed');
  await officer.getByTestId('sync-status').getByRole('link', { name: 'Team sync' }).click();
  await expect(officer.getByTestId('no-longer-in-team')).toContainText("The team's cases have been removed from this browser; your own cases are still here.");
  await officer.reload();
  await officer.goto('/');
  await expect(officer.getByRole('link', { name: 'Jordan Fictional-Smith' })).toBeVisible();
  await expect(officer.getByRole('link', { name: teamCase.name })).toHaveCount(0);

  // The senior takes the officer off their own team list as well: at the senior's next cycle their
  // browser starts a new key epoch — a new team key wrapped to those who remain (the senior alone
  // here, not the officer), the team's documents sealed again under it, then the signed list that
  // makes it current.
  await senior.goto('/team');
  await senior.getByRole('button', { name: 'Remove Alex Trainee' }).click();
  await expect(senior.getByTestId('team-notice')).toContainText('no longer in your team');
  await expect(async () => {
    const documents = JSON.parse(await everythingOnTheServer(senior, peer)).rows.map((row) => row.doc);
    const ids = documents.map((document) => document._id);
    expect(ids).toContain('team-list-2');
    expect(ids.filter((id) => id.startsWith('keyring-2-'))).toHaveLength(1);
    const records = documents.filter((document) => /^[0-9a-f]{32}$/.test(document._id) && !document._deleted);
    expect(records.length).toBeGreaterThan(0);
    expect(records.map((document) => document.envelope.epoch)).toEqual(records.map(() => 2));
  }).toPass({ timeout: 30_000 });
  // The senior's own browser still reads every case under the new key.
  await senior.goto('/');
  await expect(senior.getByRole('link', { name: teamCase.name })).toBeVisible();
  await expect(senior.getByRole('link', { name: 'Jordan Fictional-Smith' })).toBeVisible();
  await senior.getByRole('link', { name: 'Team', exact: true }).click();
  await expect(senior.getByText('could not be verified')).toHaveCount(0);

  // Disconnecting warns, removes the team's case from the senior's browser; theirs would stay.
  await senior.getByRole('link', { name: 'Team', exact: true }).click();
  await senior.getByRole('button', { name: 'Disconnect' }).click();
  await expect(senior.getByTestId('disconnect-warning')).toContainText('removes the team\'s cases');
  await senior.getByRole('button', { name: 'Disconnect and remove team data' }).click();
  await expect(senior.getByRole('heading', { level: 1, name: 'Connect to your team' })).toBeVisible();
  await senior.goto('/');
  await expect(senior.getByRole('link', { name: /Jordan Fictional/ })).toHaveCount(0);
  await expect(senior.getByTestId('sync-status')).toHaveCount(0);
  await expect(senior.getByLabel('About this service')).toContainText('Everything you enter stays in this browser');
  // The senior's own case is still theirs.
  await expect(senior.getByRole('link', { name: teamCase.name })).toBeVisible();
});
