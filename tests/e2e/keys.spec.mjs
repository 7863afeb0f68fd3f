// Personal signing keys (issue 15, first part): saving the profile makes this browser's keys; the
// fingerprint is shown in groups to read out; the identity card is signed by its owner's key; the
// private keys can never be read out of the browser, and survive a reload.
import { readFile, writeFile } from 'node:fs/promises';
import { webcrypto } from 'node:crypto';
import { test, expect } from './fixtures.mjs';
import { screenshot } from './journeys.mjs';
import { saveProfileAndCard } from './team.mjs';

/** The canonical JSON the app signs: keys sorted, no whitespace (flat objects only here). */
const canonical = (object) => `{${Object.keys(object).sort().map((key) => `${JSON.stringify(key)}:${JSON.stringify(object[key])}`).join(',')}}`;

test('saving the profile makes a key: fingerprint in groups, a self-signed identity card, private halves never readable', async ({ page }, testInfo) => {
  await page.goto('/profile');
  await expect(page.getByTestId('fingerprint')).toHaveCount(0);
  await page.getByLabel('Your full name').fill('Sam Fictional');
  await page.getByLabel('Probation officer (PO)').check();
  await page.getByRole('button', { name: 'Save profile' }).click();
  const fingerprint = page.getByTestId('fingerprint');
  await expect(fingerprint).toHaveText(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/);
  const shown = (await fingerprint.textContent()).trim();
  await screenshot(page, 'profile-key');

  // The same key after a reload, and after saving the profile again.
  await page.reload();
  await expect(fingerprint).toHaveText(shown);
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByTestId('profile-saved')).toBeVisible();
  await expect(fingerprint).toHaveText(shown);

  // The identity card: its fingerprint is the one on screen, and its self-signature verifies with
  // its own signing key (checked here with Node's WebCrypto, not the app's code).
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download your identity card' }).click()]);
  expect(download.suggestedFilename()).toBe('identity-card-sam-fictional.json');
  const path = testInfo.outputPath('card.json');
  await download.saveAs(path);
  const card = JSON.parse(await readFile(path, 'utf8'));
  expect(card).toMatchObject({ format: 'probation-workbook-identity', version: 1, name: 'Sam Fictional', fingerprint: shown });
  const { self_signature: signature, ...signed } = card;
  const key = await webcrypto.subtle.importKey('raw', Buffer.from(card.signing_key, 'base64'), { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
  const verify = (text) => webcrypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, Buffer.from(signature, 'base64'), Buffer.from(text));
  expect(await verify(canonical(signed))).toBe(true);
  expect(await verify(canonical({ ...signed, name: 'Someone Else' }))).toBe(false);

  // The private keys are in IndexedDB as CryptoKey objects that refuse to be exported.
  const exports = await page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('probation-workbook');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const request = open.result.transaction('keys').objectStore('keys').get('mine');
      request.onsuccess = async () => {
        const keys = request.result;
        const results = [];
        for (const name of ['signing_private', 'encryption_private']) {
          const key = keys[name];
          let exported = 'refused';
          try { await crypto.subtle.exportKey('pkcs8', key); exported = 'exported'; } catch { /* refused */ }
          results.push({ name, type: key.constructor.name, extractable: key.extractable, exported });
        }
        open.result.close();
        resolve(results);
      };
    };
  }));
  expect(exports).toEqual([
    { name: 'signing_private', type: 'CryptoKey', extractable: false, exported: 'refused' },
    { name: 'encryption_private', type: 'CryptoKey', extractable: false, exported: 'refused' },
  ]);
});

test('an officer and a senior exchange identity cards: fingerprint compared, grade confirmed, a forged card refused, removal', async ({ browser }, testInfo) => {
  const officer = await (await browser.newContext()).newPage();
  const senior = await (await browser.newContext()).newPage();
  const officerCard = testInfo.outputPath('officer.json');
  const seniorCard = testInfo.outputPath('senior.json');
  await saveProfileAndCard(officer, 'Alex Trainee', 'Trainee (PQiP)', officerCard);
  const seniorPrint = await saveProfileAndCard(senior, 'Sam Senior', 'Senior probation officer (SPO)', seniorCard);

  // A card edited by hand (the name changed) fails its self-signature and is refused.
  const forged = testInfo.outputPath('forged.json');
  const card = JSON.parse(await readFile(seniorCard, 'utf8'));
  await writeFile(forged, JSON.stringify({ ...card, name: 'Jo Impostor' }));
  await officer.getByRole('link', { name: 'Your team' }).click();
  await expect(officer.getByTestId('team-empty')).toBeVisible();
  await officer.getByLabel('Their identity card').setInputFiles(forged);
  await officer.getByRole('button', { name: 'Check the card' }).click();
  await expect(officer.locator('#identity-card-error')).toBeVisible();
  await expect(officer.getByTestId('card-preview')).toHaveCount(0);

  // The real card: the fingerprint shown is the one on the senior's own profile page.
  await officer.getByLabel('Their identity card').setInputFiles(seniorCard);
  await officer.getByRole('button', { name: 'Check the card' }).click();
  await expect(officer.getByTestId('card-fingerprint')).toHaveText(seniorPrint);
  await expect(officer.getByRole('group', { name: "What is Sam Senior's grade?" }).getByLabel('Senior probation officer (SPO)')).toBeChecked();
  await officer.getByRole('button', { name: 'Add to your team' }).click();
  await expect(officer.getByRole('alert')).toContainText('Confirm you have read the fingerprint with Sam Senior');
  await screenshot(officer, 'team-card-preview');
  await officer.getByLabel('I have read the fingerprint with Sam Senior and it matches').check();
  await officer.getByRole('button', { name: 'Add to your team' }).click();
  await expect(officer.getByTestId('team-notice')).toContainText('Sam Senior is in your team');
  const row = officer.getByTestId('team').getByRole('row', { name: /Sam Senior/ });
  await expect(row).toContainText('Senior probation officer (SPO)');
  await expect(row).toContainText(seniorPrint);
  await screenshot(officer, 'team');

  // The same card twice is refused; the list survives a reload; removal takes them off.
  await officer.getByLabel('Their identity card').setInputFiles(seniorCard);
  await officer.getByRole('button', { name: 'Check the card' }).click();
  await expect(officer.locator('#identity-card-error')).toContainText('already in your team');
  await officer.reload();
  await expect(officer.getByTestId('team').getByRole('row', { name: /Sam Senior/ })).toBeVisible();
  await officer.getByRole('button', { name: 'Remove Sam Senior' }).click();
  await expect(officer.getByTestId('team-notice')).toContainText('no longer in your team');
  await expect(officer.getByTestId('team-empty')).toBeVisible();

  // The senior adds the officer, confirming a grade of their own judgement.
  await senior.getByRole('link', { name: 'Your team' }).click();
  await senior.getByLabel('Their identity card').setInputFiles(officerCard);
  await senior.getByRole('button', { name: 'Check the card' }).click();
  await senior.getByLabel('I have read the fingerprint with Alex Trainee and it matches').check();
  await senior.getByRole('button', { name: 'Add to your team' }).click();
  await expect(senior.getByTestId('team').getByRole('row', { name: /Alex Trainee/ })).toContainText('Trainee (PQiP)');
});
