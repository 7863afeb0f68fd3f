// The team sync test peer for journeys (issue 21): its own instance of
// tests/team-server/server.mjs on loopback, serving the app and CouchDB from one origin, with the
// demo team; and connecting from the Team page as an officer does, by keyboard.
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures.mjs';
import { startPeer } from '../team-server/start.mjs';
import { addToTeam, saveProfileAndCard } from './team.mjs';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Starts a peer before the file's tests and stops it after: `peer.origin`, `peer.demo` (the demo
 * team's database and members), `peer.officer`, `peer.senior` and `peer.adminPassword` once started. */
export function usePeer() {
  const peer = {};
  test.beforeAll(async () => {
    Object.assign(peer, await startPeer());
  });
  test.afterAll(() => peer.child?.kill());
  return peer;
}

/** Connects from the Team page, typing as an officer does. */
export async function connect(page, peer, member) {
  await page.getByRole('link', { name: 'Team', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Connect to your team' })).toBeVisible();
  await page.getByLabel('Server address').pressSequentially(`${peer.origin}/db/${peer.demo.database}`);
  await page.keyboard.press('Tab');
  await page.keyboard.type(member.name);
  await page.keyboard.press('Tab');
  await page.keyboard.type(member.password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Team sync' })).toBeVisible();
  await expect(page.getByTestId('team-connection')).toContainText(member.name);
}

/** Every document on the server, as text (what the server could read). */
export const everythingOnTheServer = (page, peer) =>
  page.evaluate(async (database) => (await fetch(`/db/${database}/_all_docs?include_docs=true`)).text(), peer.demo.database);

export async function expectNoAxeViolations(page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
}

/** An officer's and a senior's browsers on the peer's origin, each with a profile, each in the
 * other's team list (identity cards exchanged), not connected yet. */
export async function twoColleagues(browser, testInfo, peer, officerGrade) {
  const officer = await (await browser.newContext({ baseURL: peer.origin, acceptDownloads: true })).newPage();
  const senior = await (await browser.newContext({ baseURL: peer.origin, acceptDownloads: true })).newPage();
  const officerCard = testInfo.outputPath('officer-card.json');
  const seniorCard = testInfo.outputPath('senior-card.json');
  await saveProfileAndCard(officer, 'Alex Trainee', officerGrade, officerCard);
  await saveProfileAndCard(senior, 'Sam Senior', 'Senior probation officer (SPO)', seniorCard);
  await addToTeam(officer, seniorCard, 'Sam Senior');
  await addToTeam(senior, officerCard, 'Alex Trainee');
  return { officer, senior };
}
