// The workbook with no network, its updates and its installation. Each journey runs its own server
// for the built app, so it can stop it (the network gone for real, not only emulated) or switch it
// to a second build.
import { cp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { chromium } from '@playwright/test';
import { test, expect, watchPanics } from './fixtures.mjs';
import config from './playwright.config.mjs';
import { serveDirectory } from './static-server.mjs';
import { createCase, expectSaved, issuesBox, openAccommodation, question, screenshot } from './journeys.mjs';
import { chooseRadio, typeInto } from './keyboard.mjs';

const DIST = 'dist';
const SECOND_BUILD = 'test-results/dist-second-build';

/** Waits until the page is controlled by the app's service worker (its offline copy is complete). */
async function waitForOfflineCopy(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

/** The names of the workbook's caches, one per build the browser keeps. */
const cacheNames = (page) => page.evaluate(async () => (await caches.keys()).filter((key) => key.startsWith('workbook-')).sort());

/**
 * A second build of the app: the release build with a changed index.html, its service worker
 * written again by the same post-build step a release build runs.
 */
async function makeSecondBuild() {
  await rm(SECOND_BUILD, { recursive: true, force: true });
  await cp(DIST, SECOND_BUILD, { recursive: true });
  const index = `${SECOND_BUILD}/index.html`;
  const html = await readFile(index, 'utf8');
  await writeFile(index, html.replace('<head>', '<head>\n  <meta name="workbook-test-build" content="second">'));
  const { stdout } = await promisify(execFile)('node', ['scripts/precache.mjs', SECOND_BUILD], { env: { ...process.env, TRUNK_PROFILE: 'release' } });
  return stdout.match(/build ([0-9a-f]{16})/)[1];
}

/** Every file under `directory`, as the paths the server gives them. */
async function filesOf(directory) {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile())
    .map((entry) => `/${relative(directory, join(entry.parentPath, entry.name)).split(sep).join('/')}`).sort();
}

const buildOf = async (directory) => (await readFile(`${directory}/sw.js`, 'utf8')).match(/const BUILD = "([0-9a-f]{16})"/)[1];

test('after one visit the workbook opens, creates a case and saves answers with the network gone', async ({ browser }) => {
  const server = await serveDirectory(DIST);
  const context = await browser.newContext({ baseURL: server.url });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Your caseload' })).toBeVisible();
  await waitForOfflineCopy(page);
  expect(await cacheNames(page)).toEqual([`workbook-${await buildOf(DIST)}`]);
  // Every file the build made is in the offline copy (the list is the build's, never kept by hand).
  const cached = await page.evaluate(async (name) => (await (await caches.open(name)).keys()).map((request) => new URL(request.url).pathname).sort(), (await cacheNames(page))[0]);
  expect(cached).toEqual((await filesOf(DIST)).filter((path) => path !== '/sw.js'));

  // The network goes: the server stops and the browser is offline.
  await server.close();
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Your caseload' })).toBeVisible();
  await createCase(page);
  const caseUrl = new URL(page.url()).pathname;
  await openAccommodation(page);
  await chooseRadio(page, question(page, '3.3'), 'Yes');
  await typeInto(page, issuesBox(page), 'Sofa surfing at a friend\'s flat since October.');
  await expectSaved(page);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: '3. Accommodation' })).toBeVisible();
  await expect(question(page, '3.3').getByRole('radio', { name: 'Yes', exact: true })).toBeChecked();
  await expect(issuesBox(page)).toHaveValue('Sofa surfing at a friend\'s flat since October.');

  // The offence table is part of the offline copy: the picker finds offences with no network.
  await page.goto(`${caseUrl}/assessment/1`);
  await page.getByRole('button', { name: /^Add (an|another) offence$/ }).click();
  await page.getByRole('group', { name: 'Offence 1' }).getByRole('combobox', { name: 'Offence' }).fill('burglary dwelling');
  await expect(page.getByRole('option').first()).toBeVisible();

  // A deep link typed into the address bar opens too, and the storage page says why.
  await page.goto(`${caseUrl}/plan`);
  await expect(page.getByRole('heading', { level: 1, name: /plan/i })).toBeVisible();
  await page.goto('/storage');
  await expect(page.getByTestId('storage-summary')).toContainText('Yes: this browser keeps a copy of the app');
  await screenshot(page, 'offline-storage-page');
  await context.close();
});

test('a second build is noticed, waits for the officer, and takes over on Reload without losing typing', async ({ browser }) => {
  const server = await serveDirectory(DIST);
  const context = await browser.newContext({ baseURL: server.url });
  const page = await context.newPage();
  await createCase(page);
  await openAccommodation(page);
  await waitForOfflineCopy(page);
  const sectionUrl = page.url();
  // A second tab on the same case, which nobody reloads.
  const other = await context.newPage();
  await other.goto(sectionUrl);
  await expect(other.getByRole('heading', { level: 1, name: '3. Accommodation' })).toBeVisible();
  for (const tab of [page, other]) await tab.evaluate(() => { window.stillTheSamePage = true; });

  // The second build is published; this tab's background check finds it.
  const second = await makeSecondBuild();
  server.setRoot(SECOND_BUILD);
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  const banner = page.getByTestId('update-banner');
  await expect(banner).toContainText('A new version is ready');
  await expect(other.getByTestId('update-banner')).toContainText('A new version is ready');
  await screenshot(page, 'update-banner');

  // Nothing reloads by itself while the officer types.
  await typeInto(page, issuesBox(page), 'Staying with his sister');
  await page.waitForTimeout(1500);
  expect(await page.evaluate(() => window.stillTheSamePage)).toBe(true);
  expect(await page.locator('meta[name="workbook-test-build"]').count()).toBe(0);

  // Typing, then Reload at once (before the typing has been saved): the words survive the reload.
  await page.keyboard.type(' in Leeds.');
  await banner.getByRole('button', { name: 'Reload' }).click();
  await expect(page.locator('meta[name="workbook-test-build"]')).toHaveAttribute('content', 'second');
  await expect(page.getByRole('heading', { level: 1, name: '3. Accommodation' })).toBeVisible();
  await expect(issuesBox(page)).toHaveValue('Staying with his sister in Leeds.');
  await expect(page.getByTestId('update-banner')).toHaveCount(0);
  expect(await cacheNames(page)).toEqual([`workbook-${second}`]);

  // The other tab kept its page (still the old build, told so), and its work still saves.
  expect(await other.evaluate(() => window.stillTheSamePage)).toBe(true);
  await expect(other.getByTestId('update-banner')).toBeVisible();
  await chooseRadio(other, question(other, '3.3'), 'No');
  await expectSaved(other);
  await expect(question(page, '3.3').getByRole('radio', { name: 'No', exact: true })).toBeChecked();
  await context.close();
  await server.close();
});

test('the manifest is valid and Chromium reports the app installable', async ({}, testInfo) => {
  const server = await serveDirectory(DIST);
  // Installing needs a real profile: Chromium never offers it in an incognito context.
  const profile = testInfo.outputPath('profile');
  const context = watchPanics(await chromium.launchPersistentContext(profile, { ...config.use.launchOptions, baseURL: server.url }));
  const page = context.pages()[0] ?? await context.newPage();
  await page.goto('/');
  await waitForOfflineCopy(page);
  const cdp = await context.newCDPSession(page);
  const manifest = await cdp.send('Page.getAppManifest');
  expect(manifest.errors).toEqual([]);
  expect(manifest.url).toBe(`${server.url}/manifest.webmanifest`);
  const parsed = JSON.parse(manifest.data);
  expect(parsed).toMatchObject({ name: 'Probation Workbook', display: 'standalone', start_url: '/' });
  for (const icon of parsed.icons) {
    const response = await page.request.get(icon.src);
    expect(response.status(), icon.src).toBe(200);
    expect(response.headers()['content-type']).toBe('image/png');
  }
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  expect(installabilityErrors).toEqual([]);
  await context.close();
  await server.close();
});

test('a development build removes the worker a release build left, so it never serves stale code', async ({ browser }) => {
  const server = await serveDirectory(DIST);
  const context = await browser.newContext({ baseURL: server.url });
  const page = await context.newPage();
  await page.goto('/');
  await waitForOfflineCopy(page);
  // The development server now answers at the same address: its sw.js is the one a debug build writes.
  const development = 'test-results/dist-development';
  await rm(development, { recursive: true, force: true });
  await cp(DIST, development, { recursive: true });
  // (A development build's app registers no worker; this page stands in for it.)
  await writeFile(`${development}/index.html`, '<!DOCTYPE html><html lang="en"><head><meta name="workbook-test-build" content="development"><title>Development</title></head><body></body></html>');
  await promisify(execFile)('node', ['scripts/precache.mjs', development], { env: { ...process.env, TRUNK_PROFILE: 'debug' } });
  server.setRoot(development);
  await page.reload();
  // The old worker served the cached page once; the development worker then removed itself and
  // reloaded the page from the server.
  await expect(page.locator('meta[name="workbook-test-build"]')).toHaveAttribute('content', 'development');
  await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
  expect(await cacheNames(page)).toEqual([]);
  await context.close();
  await server.close();
});
