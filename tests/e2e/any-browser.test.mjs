// "Any modern browser": the answer → reload → restored journey in Firefox ESR (geckodriver) and
// WebKit (WebKitGTK's MiniBrowser through WebKitWebDriver, Safari's engine), and team sync between
// two Firefox profiles, driven by selenium-webdriver through labels and legends as a person reads
// them. Run by any-browser.sh.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Builder, By, Key, until } from 'selenium-webdriver';
import { startPeer } from '../team-server/start.mjs';

const APP_PORT = 8082;
const APP = `http://127.0.0.1:${APP_PORT}`;
const children = [];

function start(command, args, env = {}) {
  const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ...env } });
  children.push(child);
  return child;
}

async function waitForPort(url, attempts = 100) {
  for (let i = 0; i < attempts; i += 1) {
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`nothing answered at ${url}`);
}

const ENGINES = {
  'Firefox ESR': {
    port: 4445,
    driver: () => start('geckodriver', ['--port', '4445', '--log', 'error']),
    capabilities: { browserName: 'firefox', 'moz:firefoxOptions': { binary: '/usr/bin/firefox-esr', args: ['-headless'] } },
  },
  'WebKit (MiniBrowser)': {
    port: 4446,
    driver: () => start('WebKitWebDriver', ['--port=4446'], { DISPLAY: process.env.DISPLAY ?? ':99' }),
    capabilities: {
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': { binary: '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser', args: ['--automation'] },
    },
  },
};

before(async () => {
  start('node', ['tests/e2e/serve-dist.mjs', String(APP_PORT)]);
  await waitForPort(APP);
});

after(() => {
  for (const child of children) child.kill();
});

/** The input a visible label names, optionally inside the fieldset a legend names. */
async function byLabel(driver, label, legend) {
  const scope = legend ? `//fieldset[legend[normalize-space()=${JSON.stringify(legend)}]]` : '';
  const labelElement = await driver.wait(until.elementLocated(By.xpath(`${scope}//label[normalize-space()=${JSON.stringify(label)}]`)), 10_000);
  const id = await labelElement.getAttribute('for');
  return driver.findElement(By.id(id));
}

/** A radio in the fieldset whose legend starts with `legendStart`. */
async function radio(driver, legendStart, label) {
  const xpath = `//fieldset[legend[starts-with(normalize-space(), ${JSON.stringify(legendStart)})]]//label[normalize-space()=${JSON.stringify(label)}]`;
  const labelElement = await driver.wait(until.elementLocated(By.xpath(xpath)), 10_000);
  return driver.findElement(By.id(await labelElement.getAttribute('for')));
}

async function clickLink(driver, text) {
  const link = await driver.wait(until.elementLocated(By.xpath(`//a[normalize-space()=${JSON.stringify(text)}]`)), 10_000);
  await link.click();
}

async function heading(driver, text) {
  await driver.wait(until.elementLocated(By.xpath(`//h1[normalize-space()=${JSON.stringify(text)}]`)), 15_000);
}

async function typeInto(element, text) {
  await element.clear();
  await element.sendKeys(text);
}

async function fillDate(driver, legend, [day, month, year]) {
  await typeInto(await byLabel(driver, 'Day', legend), day);
  await typeInto(await byLabel(driver, 'Month', legend), month);
  await typeInto(await byLabel(driver, 'Year', legend), year);
}

/** Fills in and sends the case form (already open) for the fictional Robin Sample. */
async function fillCaseForm(driver) {
  await heading(driver, 'Create a case');
  await typeInto(await byLabel(driver, 'Full name'), 'Robin Sample');
  await typeInto(await byLabel(driver, 'Case reference number (CRN)'), 'R765432');
  await fillDate(driver, 'Date of birth', ['3', 'mar', '1988']);
  await (await radio(driver, 'Sex', 'Female')).click();
  await (await radio(driver, 'Sentence type', 'Community order')).click();
  await fillDate(driver, 'Sentence date', ['9', '11', '2026']);
  await fillDate(driver, 'Sentence end date', ['8', '11', '2027']);
  await driver.findElement(By.xpath("//button[normalize-space()='Create case']")).click();
  await heading(driver, 'Robin Sample');
}

async function createCaseAndOpenAccommodation(driver) {
  await driver.get(`${APP}/`);
  await heading(driver, 'Your caseload');
  await clickLink(driver, 'Create a case');
  await fillCaseForm(driver);

  await clickLink(driver, 'Start assessment');
  await heading(driver, 'Assessment');
  await clickLink(driver, '3. Accommodation');
  await heading(driver, '3. Accommodation');
}

async function startDriver(setup) {
  setup.driver();
  const server = `http://127.0.0.1:${setup.port}`;
  await waitForPort(`${server}/status`);
  return new Builder().usingServer(server).withCapabilities(setup.capabilities).build();
}

const ISSUES = 'Lives with his mother; the tenancy is secure but the flat is overcrowded.';

for (const [engine, setup] of Object.entries(ENGINES)) {
  test(`${engine}: answers survive a reload`, { timeout: 180_000 }, async () => {
    const driver = await startDriver(setup);
    try {
      await createCaseAndOpenAccommodation(driver);
      await (await radio(driver, '3.3 ', 'No')).click();
      await (await radio(driver, '3.4 ', 'Some problems')).click();
      await (await radio(driver, '3.5 ', 'No problems')).click();
      await (await radio(driver, '3.6 ', 'Significant problems')).click();
      const issues = await byLabel(driver, '3.97 Accommodation issues, including positive factors and strengths');
      await issues.sendKeys(ISSUES);
      await (await radio(driver, '3.98 ', 'No')).click();
      await (await radio(driver, '3.99 ', 'Yes')).click();
      const score = driver.findElement(By.css('[data-testid="section-score"]'));
      await driver.wait(until.elementTextIs(score, '3 out of 8'), 10_000);
      const status = driver.findElement(By.css('[data-testid="save-status"]'));
      await driver.wait(until.elementTextMatches(status, /^Saved at \d\d:\d\d:\d\d$/), 10_000);

      await driver.navigate().refresh();
      await heading(driver, '3. Accommodation');
      const restored = await byLabel(driver, '3.97 Accommodation issues, including positive factors and strengths');
      await driver.wait(async () => (await restored.getAttribute('value')) === ISSUES, 10_000);
      for (const [code, label] of [['3.3 ', 'No'], ['3.4 ', 'Some problems'], ['3.5 ', 'No problems'], ['3.6 ', 'Significant problems'], ['3.98 ', 'No'], ['3.99 ', 'Yes']]) {
        assert.equal(await (await radio(driver, code, label)).isSelected(), true, `${code}${label} is selected again`);
      }
      assert.equal(await driver.findElement(By.css('[data-testid="section-score"]')).getText(), '3 out of 8');

      await mkdir('test-results/screenshots', { recursive: true });
      const name = engine.toLowerCase().replace(/[^a-z]+/g, '-').replace(/-$/, '');
      await writeFile(`test-results/screenshots/reload-${name}.png`, await driver.takeScreenshot(), 'base64');
    } finally {
      await driver.quit();
    }
  });
}

// Two tabs of one case in Firefox: an answer in one shows in the other at once, and both edits are kept.
test('Firefox ESR: two tabs on one section agree', { timeout: 180_000 }, async () => {
  const driver = await startDriver({ ...ENGINES['Firefox ESR'], port: 4447, driver: () => start('geckodriver', ['--port', '4447', '--log', 'error']) });
  try {
    await createCaseAndOpenAccommodation(driver);
    const first = await driver.getWindowHandle();
    const url = await driver.getCurrentUrl();
    await driver.switchTo().newWindow('tab');
    const second = await driver.getWindowHandle();
    await driver.get(url);
    await heading(driver, '3. Accommodation');

    await driver.switchTo().window(first);
    await (await radio(driver, '3.4 ', 'Significant problems')).click();
    const status = driver.findElement(By.css('[data-testid="save-status"]'));
    await driver.wait(until.elementTextMatches(status, /^Saved at \d\d:\d\d:\d\d$/), 10_000);

    await driver.switchTo().window(second);
    const shown = await radio(driver, '3.4 ', 'Significant problems');
    await driver.wait(async () => shown.isSelected(), 10_000, 'the other tab shows the answer');
    const issues = await byLabel(driver, '3.97 Accommodation issues, including positive factors and strengths');
    await issues.sendKeys(ISSUES, Key.TAB);
    const otherStatus = driver.findElement(By.css('[data-testid="save-status"]'));
    await driver.wait(until.elementTextMatches(otherStatus, /^Saved at \d\d:\d\d:\d\d$/), 10_000);

    await driver.switchTo().window(first);
    const mirrored = await byLabel(driver, '3.97 Accommodation issues, including positive factors and strengths');
    await driver.wait(async () => (await mirrored.getAttribute('value')) === ISSUES, 10_000, 'the first tab shows the typing');
    assert.equal(await (await radio(driver, '3.4 ', 'Significant problems')).isSelected(), true);
    await driver.navigate().refresh();
    await heading(driver, '3. Accommodation');
    const restored = await byLabel(driver, '3.97 Accommodation issues, including positive factors and strengths');
    await driver.wait(async () => (await restored.getAttribute('value')) === ISSUES, 10_000);
    assert.equal(await (await radio(driver, '3.4 ', 'Significant problems')).isSelected(), true, 'both edits were kept');
    await mkdir('test-results/screenshots', { recursive: true });
    await writeFile('test-results/screenshots/two-tabs-firefox.png', await driver.takeScreenshot(), 'base64');
  } finally {
    await driver.quit();
  }
});

// A backup made in Firefox restores in a fresh Firefox profile (each session has a profile of its own).
/** Headless Firefox ESR saving every JSON download into `downloads` without asking. */
const firefoxSaving = (downloads) => ({
  browserName: 'firefox',
  'moz:firefoxOptions': {
    binary: '/usr/bin/firefox-esr',
    args: ['-headless'],
    prefs: {
      'browser.download.folderList': 2,
      'browser.download.dir': downloads,
      'browser.download.useDownloadDir': true,
      'browser.helperApps.neverAsk.saveToDisk': 'application/json',
      'browser.download.always_ask_before_handling_new_types': false,
    },
  },
});

test('Firefox ESR: back up, then restore in a fresh profile', { timeout: 240_000 }, async () => {
  const downloads = resolve('test-results/firefox-downloads');
  await rm(downloads, { recursive: true, force: true });
  await mkdir(downloads, { recursive: true });
  const setup = {
    port: 4448,
    driver: () => start('geckodriver', ['--port', '4448', '--log', 'error']),
    capabilities: firefoxSaving(downloads),
  };
  const passphrase = 'kettle meadow lantern';
  let driver = await startDriver(setup);
  try {
    await createCaseAndOpenAccommodation(driver);
    await (await radio(driver, '3.4 ', 'Some problems')).click();
    await (await byLabel(driver, '3.97 Accommodation issues, including positive factors and strengths')).sendKeys(ISSUES, Key.TAB);
    const status = driver.findElement(By.css('[data-testid="save-status"]'));
    await driver.wait(until.elementTextMatches(status, /^Saved at \d\d:\d\d:\d\d$/), 10_000);
    await driver.get(`${APP}/storage`);
    await heading(driver, 'Storage and backup');
    await typeInto(await byLabel(driver, 'Passphrase'), passphrase);
    await typeInto(await byLabel(driver, 'Confirm passphrase'), passphrase);
    await driver.findElement(By.xpath("//button[normalize-space()='Back up the workbook']")).click();
    await driver.wait(until.elementLocated(By.css('[data-testid="backup-saved"]')), 30_000);
  } finally {
    await driver.quit();
  }
  let file;
  for (let i = 0; i < 100 && !file; i += 1) {
    file = (await readdir(downloads)).find((name) => /^probation-workbook-backup-.*\.json$/.test(name));
    if (!file) await new Promise((done) => setTimeout(done, 100));
  }
  assert.ok(file, 'Firefox saved the backup file');

  driver = await new Builder().usingServer(`http://127.0.0.1:${setup.port}`).withCapabilities(setup.capabilities).build();
  try {
    await driver.get(`${APP}/`);
    await driver.wait(until.elementLocated(By.css('[data-testid="empty-caseload"]')), 15_000);
    await driver.get(`${APP}/storage/restore`);
    await heading(driver, 'Restore from a backup');
    await (await byLabel(driver, 'Backup file')).sendKeys(join(downloads, file));
    await typeInto(await byLabel(driver, 'Passphrase'), passphrase);
    await driver.findElement(By.xpath("//button[normalize-space()='Check the backup']")).click();
    await driver.wait(until.elementLocated(By.css('[data-testid="restore-new"]')), 30_000);
    await driver.findElement(By.xpath("//button[normalize-space()='Restore']")).click();
    await driver.wait(until.elementLocated(By.css('[data-testid="restored"]')), 15_000);
    await clickLink(driver, 'Go to your caseload');
    await clickLink(driver, 'Robin Sample');
    await heading(driver, 'Robin Sample');
    await clickLink(driver, 'Continue assessment');
    await heading(driver, 'Assessment');
    await clickLink(driver, '3. Accommodation');
    await heading(driver, '3. Accommodation');
    const restored = await byLabel(driver, '3.97 Accommodation issues, including positive factors and strengths');
    await driver.wait(async () => (await restored.getAttribute('value')) === ISSUES, 10_000);
    assert.equal(await (await radio(driver, '3.4 ', 'Some problems')).isSelected(), true, 'the answer came back with the backup');
    await writeFile('test-results/screenshots/restore-firefox.png', await driver.takeScreenshot(), 'base64');
  } finally {
    await driver.quit();
  }
});

// Team sync in Firefox ESR (issue 21): an officer's and a senior's browsers, two Firefox profiles,
// against the test peer: identity cards exchanged, both connect by typing, the officer's case
// reaches the senior by itself, listed under "Team cases", each changes a different detail and
// both keep both, and nothing on the server reads as the case. (The offline clash, countersigning
// and removal from the team are the Chromium journeys': WebDriver cannot take Firefox offline.)
test('Firefox ESR: an officer and a senior share a case through the team server', { timeout: 300_000 }, async () => {
  const peer = await startPeer();
  const drivers = [];
  try {
    const firefox = async (who, port) => {
      const downloads = resolve(`test-results/firefox-downloads/${who}`);
      await rm(downloads, { recursive: true, force: true });
      await mkdir(downloads, { recursive: true });
      const driver = await startDriver({
        port,
        driver: () => start('geckodriver', ['--port', String(port), '--log', 'error']),
        capabilities: firefoxSaving(downloads),
      });
      drivers.push(driver);
      return { driver, downloads };
    };
    const officer = await firefox('officer', 4451);
    const senior = await firefox('senior', 4452);
    const testid = (driver, id) => driver.wait(until.elementLocated(By.css(`[data-testid="${id}"]`)), 20_000);
    const waitText = async (driver, id, pattern, timeout = 30_000) => {
      await driver.wait(async () => {
        const found = await driver.findElements(By.css(`[data-testid="${id}"]`));
        return found.length > 0 && pattern.test(await found[0].getText());
      }, timeout, `${id} never read ${pattern}`);
    };
    const button = async (driver, text) => (await driver.wait(until.elementLocated(By.xpath(`//button[normalize-space()=${JSON.stringify(text)}]`)), 15_000)).click();
    async function profileAndCard({ driver, downloads }, name, grade) {
      await driver.get(`${peer.origin}/profile`);
      await typeInto(await byLabel(driver, 'Your full name'), name);
      await (await radio(driver, 'Your grade', grade)).click();
      await button(driver, 'Save profile');
      await waitText(driver, 'fingerprint', /^([0-9A-F]{4} ){7}[0-9A-F]{4}$/);
      await button(driver, 'Download your identity card');
      let file;
      for (let i = 0; i < 100 && !file; i += 1) {
        file = (await readdir(downloads)).find((entry) => entry.endsWith('.json') && !entry.endsWith('.part'));
        if (!file) await new Promise((done) => setTimeout(done, 100));
      }
      assert.ok(file, `Firefox saved ${name}'s identity card`);
      return join(downloads, file);
    }
    async function addToTeam(driver, card, name) {
      await driver.get(`${peer.origin}/team`);
      await (await byLabel(driver, 'Their identity card')).sendKeys(card);
      await button(driver, 'Check the card');
      await (await byLabel(driver, `I have read the fingerprint with ${name} and it matches`)).click();
      await button(driver, 'Add to your team');
      await waitText(driver, 'team-notice', new RegExp(`${name} is in your team`));
    }
    async function connect(driver, member) {
      await driver.get(`${peer.origin}/`);
      await clickLink(driver, 'Team');
      await heading(driver, 'Connect to your team');
      await (await byLabel(driver, 'Server address')).sendKeys(`${peer.origin}/db/${peer.demo.database}`, Key.TAB, member.name, Key.TAB, member.password, Key.ENTER);
      await heading(driver, 'Team sync');
      await waitText(driver, 'sync-status', /Team sync: Synced at \d\d:\d\d/);
    }
    /** Reloads `path` until the page holds `text` (a team change arrives within a cycle). */
    async function eventually(driver, path, text) {
      await driver.wait(async () => {
        await driver.get(`${peer.origin}${path}`);
        await driver.wait(until.elementLocated(By.css('h1')), 10_000);
        return (await driver.findElement(By.css('main')).getText()).includes(text);
      }, 30_000, `${path} never showed ${text}`);
    }
    const officerCard = await profileAndCard(officer, 'Alex Officer', 'Probation officer (PO)');
    const seniorCard = await profileAndCard(senior, 'Sam Senior', 'Senior probation officer (SPO)');
    await addToTeam(officer.driver, seniorCard, 'Sam Senior');
    await addToTeam(senior.driver, officerCard, 'Alex Officer');
    await connect(senior.driver, peer.senior);
    await connect(officer.driver, peer.officer);

    // The officer's case reaches the senior's caseload by itself, under the officer's name.
    const driver = officer.driver;
    await driver.get(`${peer.origin}/cases/new`);
    await fillCaseForm(driver);
    const casePath = new URL(await driver.getCurrentUrl()).pathname;
    await senior.driver.get(`${peer.origin}/`);
    await senior.driver.wait(until.elementLocated(By.xpath("//table[@aria-labelledby][.//a[normalize-space()='Robin Sample']]")), 30_000);
    assert.match(await senior.driver.findElement(By.id('team-cases-heading')).getText(), /^Team cases \(1\)$/);

    // Each changes a different detail: both keep both.
    await driver.get(`${peer.origin}${casePath}/edit`);
    await typeInto(await byLabel(driver, 'Full name'), 'Robin Sample-Jones');
    await button(driver, 'Save changes');
    await heading(driver, 'Robin Sample-Jones');
    await senior.driver.get(`${peer.origin}${casePath}/edit`);
    await typeInto(await byLabel(senior.driver, 'Case reference number (CRN)'), 'R111111');
    await button(senior.driver, 'Save changes');
    for (const who of [officer.driver, senior.driver]) {
      await eventually(who, casePath, 'R111111');
      await eventually(who, casePath, 'Robin Sample-Jones');
    }
    await writeFile('test-results/screenshots/team-sync-firefox.png', await senior.driver.takeScreenshot(), 'base64');

    // Nothing on the server reads as the case.
    const signIn = await fetch(`${peer.origin}/db/_session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: peer.senior.name, password: peer.senior.password }) });
    const cookie = signIn.headers.get('set-cookie').split(';')[0];
    const everything = await (await fetch(`${peer.origin}/db/${peer.demo.database}/_all_docs?include_docs=true`, { headers: { cookie } })).text();
    assert.ok(everything.includes('envelope'));
    for (const secret of ['Robin', 'Sample', 'R765432', 'R111111', 'Alex Officer']) assert.ok(!everything.includes(secret), `${secret} on the server`);
  } finally {
    for (const driver of drivers) await driver.quit().catch(() => {});
    peer.child.kill();
  }
});
