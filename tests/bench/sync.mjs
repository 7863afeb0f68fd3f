// Team sync figures for `make bench` (issue 21), against the test peer serving the release build
// and CouchDB from one origin (tests/team-server/server.mjs --dist dist, on loopback):
//   - an officer's 1,000 cases (each a case record and an assessment draft with its eleven
//     "issues" boxes written) sealed and pushed by their browser: time to all on the server
//   - the same 1,000 pulled into a fresh Chromium profile (a colleague's new browser): time from
//     "Connect" to the caseload listing them, and peak memory (the JS heap, sampled every 250 ms,
//     plus WebAssembly memory, which never shrinks, at the end)
//   - an edit on one device visible on the other's open case page (median of several)
//   - a member removed by the senior: the new key made and every document sealed again under it
import { execFileSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fictionalCases, seedCases } from '../e2e/seed.mjs';
import { startPeer } from '../team-server/start.mjs';

const ISSUES = ['2.97', '3.97', '4.97', '5.97', '6.97', '7.97', '8.97', '9.97', '10.97', '11.97', '12.97'];
const WORDS = 'Lives with a friend on a short let and has asked the council for help; the landlord wants the room back by spring and there is rent owed. ';

/** Whose key is whose, for naming what a figure found. */
const fingerprints = {};

async function profileAndCard(page, name, grade, dir) {
  await page.goto('/profile');
  await page.getByLabel('Your full name').fill(name);
  await page.getByRole('group', { name: 'Your grade' }).getByLabel(grade).check();
  await page.getByRole('button', { name: 'Save profile' }).click();
  await page.getByTestId('fingerprint').filter({ hasText: /^([0-9A-F]{4} ){7}[0-9A-F]{4}$/ }).waitFor();
  fingerprints[(await page.getByTestId('fingerprint').textContent()).trim()] = name;
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download your identity card' }).click()]);
  const path = join(dir, `${name.replace(/ /g, '-')}.json`);
  await download.saveAs(path);
  return path;
}

async function addToTeam(page, path, name) {
  await page.goto('/team');
  await page.getByLabel('Their identity card').setInputFiles(path);
  await page.getByRole('button', { name: 'Check the card' }).click();
  await page.getByLabel(`I have read the fingerprint with ${name} and it matches`).check();
  await page.getByRole('button', { name: 'Add to your team' }).click();
  await page.getByTestId('team-notice').filter({ hasText: `${name} is in your team` }).waitFor();
}

async function connect(page, peer, member) {
  await page.goto('/team-sync');
  await page.getByLabel('Server address').fill(`${peer.origin}/db/${peer.demo.database}`);
  await page.getByLabel('User name').fill(member.name);
  await page.getByLabel('Password').fill(member.password);
  await page.getByRole('button', { name: 'Connect' }).click();
  await page.getByTestId('team-connection').waitFor();
}

const synced = (page) => page.getByTestId('sync-status').filter({ hasText: /Synced at/ }).waitFor({ timeout: 600_000 });

/** Assessment drafts for `cases`, each with the eleven issues boxes written. */
const drafts = (cases) => cases.map((record) => ({
  schema_version: 10,
  revision: 1,
  case_id: record.id,
  answers: Object.fromEntries(ISSUES.map((code, n) => [code, { text: `${WORDS}${WORDS.slice(0, 40 + n * 10)}` }])),
  last_section: '3',
  completed_sections: [],
  updated_at: record.updated_at,
}));

async function seedDrafts(page, records) {
  await page.evaluate((records) => new Promise((resolve, reject) => {
    const open = indexedDB.open('probation-workbook');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction('assessments', 'readwrite');
      for (const record of records) tx.objectStore('assessments').put(record, record.case_id);
      tx.oncomplete = () => { open.result.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  }), records);
}

const WASM_MEMORY = () => addEventListener('TrunkApplicationStarted', (event) => { window.__wasm = event.detail.wasm; });

async function jsHeap(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((metric) => metric.name === 'JSHeapUsedSize').value;
}

/** Runs the sync figures with `browser`; `runs` edits for the median. */
export async function syncFigures(browser, runs, cases = 1000) {
  const peer = await startPeer();
  const dir = await mkdtemp(join(tmpdir(), 'workbook-bench-'));
  const contexts = [];
  const context = async () => {
    const made = await browser.newContext({ baseURL: peer.origin, acceptDownloads: true, timezoneId: 'Europe/London' });
    await made.addInitScript(WASM_MEMORY);
    contexts.push(made);
    return made.newPage();
  };
  try {
    // A third member, whose new browser is the fresh profile.
    const third = JSON.parse(execFileSync('target/debug/workbook', ['team-server', 'add-member', '--server', `${peer.origin}/db`, '--team', 'demo', '--name', 'bea.officer'], {
      env: { ...process.env, COUCHDB_USER: 'admin', COUCHDB_PASSWORD: peer.adminPassword },
    }).toString());
    const [officerMember, seniorMember] = [peer.officer, peer.senior];
    const officer = await context();
    const senior = await context();
    const fresh = await context();
    const officerCard = await profileAndCard(officer, 'Alex Officer', 'Probation officer (PO)', dir);
    const seniorCard = await profileAndCard(senior, 'Sam Senior', 'Senior probation officer (SPO)', dir);
    const freshCard = await profileAndCard(fresh, 'Bea Officer', 'Probation officer (PO)', dir);
    await addToTeam(officer, seniorCard, 'Sam Senior');
    await addToTeam(senior, officerCard, 'Alex Officer');
    await addToTeam(senior, freshCard, 'Bea Officer');
    await addToTeam(fresh, seniorCard, 'Sam Senior');
    await addToTeam(fresh, officerCard, 'Alex Officer');
    await connect(senior, peer, seniorMember);
    await synced(senior);

    // The officer's caseload, sealed and pushed from their browser.
    await officer.goto('/');
    await officer.getByRole('heading', { name: 'Your caseload' }).waitFor();
    const records = fictionalCases(cases);
    await seedCases(officer, records.map((record) => ({ ...record, schema_version: 10, revision: 1 })));
    await seedDrafts(officer, drafts(records));
    const documents = async () => (await officer.evaluate(async (database) => (await (await fetch(`/db/${database}`)).json()).doc_count, peer.demo.database)) ?? 0;
    const before = await documents();
    const pushStart = Date.now();
    await connect(officer, peer, officerMember);
    while ((await documents()) < before + 2 * cases) await officer.waitForTimeout(250);
    const push = Date.now() - pushStart;
    await synced(officer);

    // The fresh profile pulls them all: timed from "Connect" to the caseload listing them.
    await fresh.goto('/');
    const cdp = await fresh.context().newCDPSession(fresh);
    await cdp.send('Performance.enable');
    let peakHeap = await jsHeap(cdp);
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        peakHeap = Math.max(peakHeap, await jsHeap(cdp).catch(() => 0));
        await new Promise((done) => setTimeout(done, 250));
      }
    })();
    const pullStart = Date.now();
    await connect(fresh, peer, { name: 'bea.officer', password: third.password });
    await fresh.goto('/');
    await fresh.getByRole('heading', { level: 2, name: `Team cases (${cases})` }).waitFor({ timeout: 600_000 });
    const pull = Date.now() - pullStart;
    sampling = false;
    await sampler;
    const wasmMemory = await fresh.evaluate(() => window.__wasm?.memory?.buffer?.byteLength ?? 0);
    await cdp.detach();

    // An edit on the officer's device, on the fresh device's open case page.
    const edits = [];
    const caseId = records[0].id;
    await fresh.goto(`/cases/${caseId}`);
    await fresh.locator('h1').waitFor();
    for (let i = 0; i < runs; i += 1) {
      const name = `Alex Archer ${['North', 'South', 'East', 'West'][i % 4]} ${i}`;
      await officer.goto(`/cases/${caseId}/edit`);
      await officer.getByLabel('Full name').fill(name);
      await synced(officer);
      const t0 = Date.now();
      await officer.getByRole('button', { name: 'Save changes' }).click();
      await fresh.getByRole('heading', { level: 1, name }).waitFor({ timeout: 60_000 });
      edits.push(Date.now() - t0);
    }
    // The senior takes Bea off their team list: a new key for those who remain, every document
    // sealed again under it by the senior's browser, then the list that makes it current. Timed
    // from "Remove" to the server holding team-list-2 and every record under key 2.
    await senior.goto('/');
    await senior.getByRole('heading', { level: 2, name: `Team cases (${cases})` }).waitFor({ timeout: 600_000 });
    await senior.goto('/team');
    const rekeyed = () => senior.evaluate(async (database) => {
      const { rows } = await (await fetch(`/db/${database}/_all_docs?include_docs=true`)).json();
      const records = rows.map((row) => row.doc).filter((doc) => /^[0-9a-f]{32}$/.test(doc._id) && !doc._deleted);
      const left = records.filter((doc) => doc.envelope.epoch !== 2);
      return { listed: rows.some((row) => row.id === 'team-list-2'), left: left.map((doc) => doc.envelope.by) };
    }, peer.demo.database).then(({ listed, left }) => ({
      listed,
      // What the leaver's browser writes afterwards, under the key it still holds, is refused by
      // every other browser (the journeys and tests/team_sync.rs check that); it is counted apart.
      left: left.filter((by) => fingerprints[by] !== 'Bea Officer').length,
      leavers: left.filter((by) => fingerprints[by] === 'Bea Officer').length,
    }));
    const resealStart = Date.now();
    await senior.getByRole('button', { name: 'Remove Bea Officer' }).click();
    let reseal = null;
    let state = null;
    while (Date.now() - resealStart < 300_000) {
      state = await rekeyed();
      if (state.listed && state.left === 0) {
        reseal = Date.now() - resealStart;
        break;
      }
      await senior.waitForTimeout(500);
    }
    return { cases, documents: (await documents()) - before, push, pull, peakHeap, wasmMemory, edits, reseal, resealState: state };
  } finally {
    for (const made of contexts) await made.close().catch(() => {});
    peer.child.kill();
  }
}
