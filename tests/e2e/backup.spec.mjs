// "Back up the workbook" and "Restore": one encrypted file made in one browser profile and restored
// in another gives the same caseload and records; a wrong passphrase, a flipped byte and a cut-off
// file are refused at their field with nothing changed; work changed here since the backup is kept.
import { readFile, writeFile } from 'node:fs/promises';
import { test, expect } from './fixtures.mjs';
import { RECORD_SCHEMA_VERSION, createCase, expectSaved, issuesBox, openAccommodation, question, screenshot } from './journeys.mjs';
import { chooseRadio, typeInto } from './keyboard.mjs';
import { fictionalCases, seedCases } from './seed.mjs';

const PASSPHRASE = 'lantern pebble orchard';

/**
 * Every record of every store of the live database, without the revision counters (a restore moves
 * them on), this browser's own backup log and its own keys (never in a backup: checked on their own).
 */
export async function dumpWorkbook(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('probation-workbook');
    open.onerror = () => reject(open.error);
    open.onsuccess = async () => {
      const db = open.result;
      const dump = {};
      for (const name of [...db.objectStoreNames].filter((store) => store !== 'keys').sort()) {
        dump[name] = await new Promise((done, fail) => {
          const store = db.transaction(name).objectStore(name);
          const keys = store.getAllKeys();
          const values = store.getAll();
          values.onerror = () => fail(values.error);
          values.onsuccess = () => done(Object.fromEntries(keys.result.map((key, i) => {
            const { revision, ...record } = values.result[i];
            return [key, record];
          }).filter(([key]) => !(name === 'settings' && key === 'backup'))));
        });
      }
      db.close();
      resolve(dump);
    };
  }));
}

async function backUp(page, passphrase, confirmation = passphrase) {
  await page.goto('/storage');
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByLabel('Confirm passphrase').fill(confirmation);
  return page.getByRole('button', { name: 'Back up the workbook' });
}

async function restoreFile(page, path, passphrase) {
  await page.goto('/storage/restore');
  await page.getByLabel('Backup file').setInputFiles(path);
  await typeInto(page, page.getByLabel('Passphrase', { exact: true }), passphrase);
  await page.keyboard.press('Enter');
}

test('a backup made in one browser restores in a fresh one: same caseload, same records; bad files change nothing', async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  // The officer's browser: a case worked on through the screens, twelve more on the caseload, a profile.
  const officer = await browser.newContext();
  const page = await officer.newPage();
  await page.goto('/profile');
  await page.getByLabel('Your full name').fill('Sam Fictional');
  await page.getByLabel('Probation officer (PO)').check();
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByTestId('profile-saved')).toBeVisible();
  await createCase(page);
  await openAccommodation(page);
  await chooseRadio(page, question(page, '3.3'), 'Yes');
  await typeInto(page, issuesBox(page), 'Sofa surfing since October.');
  await expectSaved(page);
  // Seeded as this build writes records (its RECORD_SCHEMA_VERSION), so the stored copies can be compared field for field.
  expect(RECORD_SCHEMA_VERSION).toBeGreaterThanOrEqual(8);
  await seedCases(page, fictionalCases(12).map((record) => ({ ...record, schema_version: RECORD_SCHEMA_VERSION, revision: 1 })));
  await page.getByRole('link', { name: 'Probation Workbook' }).click();
  await expect(page.getByTestId('backup-reminder')).toContainText('You have not backed up the workbook yet');
  await screenshot(page, 'backup-reminder');

  // A passphrase too short, then one not confirmed: each said at its field and in the summary.
  await (await backUp(page, 'short', 'short')).click();
  await expect(page.getByRole('alert')).toContainText('Passphrase must be 12 characters or more');
  await expect(page.locator('#passphrase-error')).toContainText('12 characters or more');
  await (await backUp(page, PASSPHRASE, 'lantern pebble orchid')).click();
  await expect(page.locator('#passphrase-confirm-error')).toContainText('The passphrases do not match');
  await screenshot(page, 'backup-errors');

  const button = await backUp(page, PASSPHRASE);
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  expect(download.suggestedFilename()).toMatch(/^probation-workbook-backup-\d{4}-\d\d-\d\d-\d{4}\.json$/);
  const file = testInfo.outputPath('backup.json');
  await download.saveAs(file);
  await expect(page.getByTestId('backup-saved')).toContainText('13 cases');
  await expect(page.getByTestId('last-backup')).not.toHaveText('Never in this browser');
  await screenshot(page, 'backup-saved');
  const text = await readFile(file, 'utf8');
  expect(text).not.toContain('Jordan Fictional');
  expect(text).not.toContain('Sofa surfing');
  expect(JSON.parse(text)).toMatchObject({ format: 'probation-workbook-backup', kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: 600000 }, cipher: { name: 'AES-GCM' } });
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Your caseload' })).toBeVisible();
  await expect(page.getByTestId('backup-reminder')).toHaveCount(0);
  const original = await dumpWorkbook(page);

  // Eight days later (the last backup moved back, as the clock would): reminded, until the officer
  // sets a longer interval.
  await page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('probation-workbook');
    open.onsuccess = () => {
      const tx = open.result.transaction('settings', 'readwrite');
      const store = tx.objectStore('settings');
      const read = store.get('backup');
      read.onsuccess = () => store.put({ ...read.result, last_backup_at: new Date(Date.now() - 8.2 * 86_400_000).toISOString() }, 'backup');
      tx.oncomplete = () => { open.result.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  }));
  await page.reload();
  await expect(page.getByTestId('backup-reminder')).toContainText('Your last backup was 8 days ago');
  await page.getByTestId('backup-reminder').getByRole('link', { name: 'Back up the workbook' }).click();
  const days = page.getByLabel('Remind me to back up after this many days');
  await expect(days).toHaveValue('7');
  await days.fill('0');
  await page.getByRole('button', { name: 'Save reminder' }).click();
  await expect(page.locator('#reminder-days-error')).toContainText('1');
  await days.fill('10');
  await page.getByRole('button', { name: 'Save reminder' }).click();
  await expect(page.getByTestId('reminder-saved')).toContainText('10 days after each backup');
  await page.getByRole('link', { name: 'Back to your caseload' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your caseload' })).toBeVisible();
  await expect(page.getByTestId('backup-reminder')).toHaveCount(0);

  // A fresh browser profile: bad files and a wrong passphrase first, and nothing is written.
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto('/');
  await expect(other.getByTestId('empty-caseload')).toBeVisible();
  const empty = await dumpWorkbook(other);

  await restoreFile(other, file, 'lantern pebble orchid');
  await expect(other.locator('#passphrase-error')).toContainText('The passphrase is wrong');
  await expect(other.getByRole('alert')).toContainText('The passphrase is wrong');
  await screenshot(other, 'restore-wrong-passphrase');

  const envelope = JSON.parse(text);
  const at = Math.floor(envelope.ciphertext.length / 2);
  const flipped = envelope.ciphertext[at] === 'A' ? 'B' : 'A';
  const altered = testInfo.outputPath('altered.json');
  await writeFile(altered, JSON.stringify({ ...envelope, ciphertext: envelope.ciphertext.slice(0, at) + flipped + envelope.ciphertext.slice(at + 1) }));
  await restoreFile(other, altered, PASSPHRASE);
  await expect(other.locator('#backup-file-error')).toContainText('has been changed or damaged since it was made');

  const truncated = testInfo.outputPath('truncated.json');
  await writeFile(truncated, text.slice(0, Math.floor(text.length * 0.6)));
  await restoreFile(other, truncated, PASSPHRASE);
  await expect(other.locator('#backup-file-error')).toContainText('The backup file is incomplete');

  const newer = testInfo.outputPath('newer.json');
  await writeFile(newer, JSON.stringify({ ...envelope, version: 99 }));
  await restoreFile(other, newer, PASSPHRASE);
  await expect(other.locator('#backup-file-error')).toContainText('made by a newer version of Probation Workbook');
  expect(await dumpWorkbook(other)).toEqual(empty);

  // The right passphrase: the preview, then one restore.
  await restoreFile(other, file, PASSPHRASE);
  await expect(other.getByTestId('restore-new')).toBeVisible();
  await expect(other.getByRole('heading', { name: 'Cases added (13)' })).toBeVisible();
  await expect(other.getByTestId('restore-profile')).toContainText('Your profile is added');
  await screenshot(other, 'restore-preview');
  expect(await dumpWorkbook(other)).toEqual(empty);
  await other.getByRole('button', { name: 'Restore' }).click();
  await expect(other.getByTestId('restored')).toContainText('13 cases written');
  expect(await dumpWorkbook(other)).toEqual(original);
  // The officer's private keys never travel in a backup: the restored browser has none.
  expect(await other.evaluate(() => new Promise((resolve) => {
    const open = indexedDB.open('probation-workbook');
    open.onsuccess = () => {
      const request = open.result.transaction('keys').objectStore('keys').count();
      request.onsuccess = () => { open.result.close(); resolve(request.result); };
    };
  }))).toBe(0);

  // The same caseload, and the case's answers where they were.
  await other.getByRole('link', { name: 'Go to your caseload' }).click();
  await expect(other.getByRole('link', { name: 'Jordan Fictional' })).toBeVisible();
  await expect(other.getByRole('row')).toHaveCount(14);
  await other.getByRole('link', { name: 'Jordan Fictional' }).click();
  await openAccommodation(other);
  const sectionUrl = other.url();
  await expect(issuesBox(other)).toHaveValue('Sofa surfing since October.');

  // Work done here after the backup is kept when the backup is restored again.
  await issuesBox(other).fill('Moved into supported housing.');
  await expectSaved(other);
  await restoreFile(other, file, PASSPHRASE);
  await expect(other.getByTestId('restore-newer-here')).toContainText('Jordan Fictional');
  await expect(other.getByTestId('restore-same')).toBeVisible();
  await other.getByRole('button', { name: 'Restore' }).click();
  await expect(other.getByTestId('restored')).toContainText('Nothing was written');
  await other.goto(sectionUrl);
  await expect(issuesBox(other)).toHaveValue('Moved into supported housing.');
  await officer.close();
  await fresh.close();
});

test('a practice tab offers no backup and no restore', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Practise on sample cases' }).click();
  await page.goto('/storage');
  await expect(page.getByTestId('practice-no-backup')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Back up the workbook' })).toHaveCount(0);
  await page.goto('/storage/restore');
  await expect(page.getByTestId('practice-no-restore')).toBeVisible();
});

/** Makes the browser answer `persist()` with `answer` (browsers decide by their own rules), counting the asks. */
function browserKeepsStorage(answer) {
  const realPersisted = navigator.storage.persisted.bind(navigator.storage);
  let granted = false;
  navigator.storage.persist = async () => {
    window.persistAsked = (window.persistAsked ?? 0) + 1;
    granted = answer;
    return answer;
  };
  navigator.storage.persisted = async () => granted || (answer && realPersisted());
}

test('persistent storage is asked for once there is work; a refusal is explained and can be hidden', async ({ browser }) => {
  const refusing = await browser.newContext();
  await refusing.addInitScript(browserKeepsStorage, false);
  const page = await refusing.newPage();
  await page.goto('/');
  await expect(page.getByTestId('empty-caseload')).toBeVisible();
  expect(await page.evaluate(() => window.persistAsked ?? 0)).toBe(0);
  await createCase(page);
  await expect.poll(() => page.evaluate(() => window.persistAsked ?? 0)).toBeGreaterThan(0);
  await page.getByRole('link', { name: 'Probation Workbook' }).click();
  const banner = page.getByTestId('storage-refused-banner');
  await expect(banner).toContainText('This browser may delete your cases if the computer runs short of space');
  await banner.getByRole('link', { name: 'Back up the workbook' }).click();
  await expect(page.getByTestId('storage-summary')).toContainText('Not persistent');
  await expect(page.getByText('it may delete your cases without asking')).toBeVisible();
  await page.getByRole('link', { name: 'Back to your caseload' }).click();
  await page.getByRole('button', { name: 'Hide this message' }).click();
  await expect(banner).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Your caseload' })).toBeVisible();
  await expect(page.getByTestId('backup-reminder')).toBeVisible();
  await expect(banner).toHaveCount(0);
  await refusing.close();

  const granting = await browser.newContext();
  await granting.addInitScript(browserKeepsStorage, true);
  const kept = await granting.newPage();
  await createCase(kept);
  await kept.getByRole('link', { name: 'Storage and backup' }).click();
  await expect(kept.getByTestId('storage-summary')).toContainText('Persistent');
  await expect(kept.getByTestId('storage-summary')).toContainText(/\d+(\.\d)? (bytes|KB|MB|GB) of \d+(\.\d)? (KB|MB|GB|TB)/);
  await expect(kept.getByRole('button', { name: 'Ask the browser to keep storage' })).toHaveCount(0);
  await kept.getByRole('link', { name: 'Probation Workbook' }).click();
  await expect(kept.getByTestId('storage-refused-banner')).toHaveCount(0);
  await granting.close();
});
