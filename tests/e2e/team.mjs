// Personal keys and the team list, as an officer uses them: saving the profile (which makes the
// browser's keys), downloading the identity card, and adding a colleague from theirs.
import { expect } from './fixtures.mjs';

/** Saves the profile, downloads the identity card to `path`, and returns the fingerprint shown. */
export async function saveProfileAndCard(page, name, grade, path) {
  await page.goto('/profile');
  await page.getByLabel('Your full name').fill(name);
  await page.getByRole('group', { name: 'Your grade' }).getByLabel(grade).check();
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByTestId('fingerprint')).toHaveText(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download your identity card' }).click()]);
  await download.saveAs(path);
  return (await page.getByTestId('fingerprint').textContent()).trim();
}

/** Adds the owner of the card at `path` (called `name` on it) to the team, fingerprint read. */
export async function addToTeam(page, path, name) {
  await page.goto('/team');
  await page.getByLabel('Their identity card').setInputFiles(path);
  await page.getByRole('button', { name: 'Check the card' }).click();
  await page.getByLabel(`I have read the fingerprint with ${name} and it matches`).check();
  await page.getByRole('button', { name: 'Add to your team' }).click();
  await expect(page.getByTestId('team-notice')).toContainText(`${name} is in your team`);
}
