// `make bench`: prints a table of figures for the release build in dist/, side by side with a
// SurveyJS peer (survey-core and survey-js-ui, pinned in package.json, served from node_modules by
// this script) shaped like the workbook's largest section and saving every change to IndexedDB.
// Medians, p95 and ratios, never pass/fail: this machine is shared and noisy, so compare runs by
// their medians and ratios.
//   - first load, gzipped, every request the page makes (and what the offline worker fetches after)
//   - cold load → first section interactive, in fresh profiles (the case restored into each)
//   - reload → typed text visible again
//   - choice picked → IndexedDB commit
//   - paced typing (a key every 50 ms) → the page updated: handlers, effects and layout done
//   - the same keys, the page's own script only: the keydown and input events each from reaching
//     the window to its last listener there (the page's handlers and the effects they run), without
//     the browser's frame work and timer latency that the figure above includes
//   - JS heap after load
//   - keystroke → search results over a 1,000-case caseload (workbook only)
//   - a 10,000-case caseload: opening it, a search keystroke, the JS heap (workbook only)
//   - team sync (tests/bench/sync.mjs): 1,000 cases pushed, pulled into a fresh profile (time and
//     peak memory), and an edit on one device seen on another
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { readdir, readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fictionalCases, seedCases } from '../e2e/seed.mjs';
import { syncFigures } from './sync.mjs';

const PORT = 8083;
const PEER_PORT = 8084;
const APP = `http://127.0.0.1:${PORT}`;
const PEER = `http://127.0.0.1:${PEER_PORT}`;
const RUNS = Number(process.env.BENCH_RUNS ?? 8);
const BUDGET = { section: 350, caseload: 300 };

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const p95 = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)]; };
const kib = (bytes) => (bytes / 1024).toFixed(1);
const gzipped = new Map();
async function gzSize(path) {
  if (!gzipped.has(path)) gzipped.set(path, gzipSync(await readFile(path), { level: 9 }).length);
  return gzipped.get(path);
}

// ─── The peer's server: its page and script, and node_modules ───────────────────────────────────
const PEER_ROOT = resolve('tests/bench/peer');
const MODULES = resolve('node_modules');
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };
const peerFile = (urlPath) => {
  const root = urlPath.startsWith('/node_modules/') ? MODULES : PEER_ROOT;
  const rest = urlPath.startsWith('/node_modules/') ? urlPath.slice('/node_modules/'.length) : (urlPath === '/' ? 'index.html' : urlPath.slice(1));
  const path = normalize(join(root, decodeURIComponent(rest)));
  return path.startsWith(root) ? path : null;
};
const peerServer = createServer(async (request, response) => {
  const path = peerFile(new URL(request.url, PEER).pathname);
  try {
    const body = await readFile(path);
    response.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' }).end(body);
  } catch {
    response.writeHead(404).end('not found');
  }
});
await new Promise((done) => peerServer.listen(PEER_PORT, '127.0.0.1', done));
const appFile = (urlPath) => {
  const path = normalize(join(resolve('dist'), decodeURIComponent(urlPath)));
  return extname(urlPath) ? path : join(resolve('dist'), 'index.html');
};

const server = spawn('node', ['tests/e2e/serve-dist.mjs', String(PORT)], { stdio: 'ignore' });
await new Promise((done) => setTimeout(done, 500));
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

/** Every request a page makes while `open` runs, by file, gzipped (-9) as a server would send it. */
async function firstLoad(context, open, fileFor) {
  const page = await context.newPage();
  const urls = new Set();
  // Same-origin only: neither page loads anything from elsewhere (the peer uses SurveyJS's fontless CSS).
  const origin = (request) => new URL(request.url()).origin;
  page.on('request', (request) => { if (origin(request) === new URL(page.url() === 'about:blank' ? request.url() : page.url()).origin) urls.add(new URL(request.url()).pathname); });
  const workerUrls = new Set();
  context.on('request', (request) => { if (request.serviceWorker()) workerUrls.add(new URL(request.url()).pathname); });
  await open(page);
  const files = [];
  for (const url of urls) files.push({ url, bytes: await gzSize(fileFor(url)) });
  let worker = 0;
  for (const url of workerUrls) if (!urls.has(url)) worker += await gzSize(fileFor(url)).catch(() => 0);
  return { page, files, total: files.reduce((sum, file) => sum + file.bytes, 0), worker };
}

/** In-page instruments: each keydown timed until its handlers, effects and layout are done; and
 * the keydown and input events of each key from their capture at the window to a bubbling listener
 * there added last (so after the page's own, and after the microtasks they queue). */
const PACED = () => {
  window.__paced = [];
  window.__script = [];
  let at = 0;
  let keydown = 0;
  window.addEventListener('keydown', () => { at = performance.now(); }, true);
  window.addEventListener('keydown', () => { keydown = performance.now() - at; });
  window.addEventListener('input', () => { at = performance.now(); }, true);
  window.addEventListener('input', () => { window.__script.push(keydown + performance.now() - at); });
  window.addEventListener('keydown', () => {
    const t0 = performance.now();
    setTimeout(() => {
      void document.body.offsetHeight;
      window.__paced.push(performance.now() - t0);
    }, 0);
  }, true);
};
const TEXT = 'Sofa surfing at a friend\'s flat since October, wants a council flat near his sister. ';

async function heap(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return metrics.find((metric) => metric.name === 'JSHeapUsedSize').value;
}

/** A caseload of `count` fictional cases in a fresh profile: opening it (reload → the count shown),
 * keystroke → search results redrawn (timed inside the page, from the search box's input event to
 * the table changed; queries alternate so every keystroke changes the results), and the JS heap. */
async function caseloadFigures(count) {
  const context = await browser.newContext();
  const caseload = await context.newPage();
  await caseload.goto(`${APP}/`);
  await caseload.getByRole('heading', { name: 'Your caseload' }).waitFor();
  await seedCases(caseload, fictionalCases(count, [['John Smith', 'X123456'], ['Jane Smythe', 'X654321']]));
  const opens = [];
  for (let i = 0; i < Math.max(3, RUNS / 2); i += 1) {
    const t0 = Date.now();
    await caseload.reload();
    await caseload.getByTestId('caseload-count').filter({ hasText: `${count} cases` }).waitFor({ timeout: 120_000 });
    opens.push(Date.now() - t0);
  }
  const keystrokes = [];
  const queries = ['Jon Smyth', 'Alex Archer'];
  for (let i = 0; i < RUNS * 4; i += 1) {
    keystrokes.push(await caseload.evaluate((query) => new Promise((done) => {
      const input = document.getElementById('caseload-search');
      const body = document.querySelector('#caseload-table tbody');
      const t0 = performance.now();
      const observer = new MutationObserver(() => {
        observer.disconnect();
        done(performance.now() - t0);
      });
      observer.observe(body, { childList: true, subtree: true, characterData: true });
      setTimeout(() => { observer.disconnect(); done(null); }, 5000);
      input.value = query;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }), queries[i % queries.length]));
  }
  const figures = { open: opens, search: keystrokes.filter((ms) => ms !== null), heap: await heap(caseload) };
  await context.close();
  return figures;
}

const results = { app: {}, peer: {} };
const files = { app: [], peer: [], caseload: [] };
try {
  // ─── Probation Workbook ──────────────────────────────────────────────────────────────────────
  const setup = await browser.newContext();
  const page = await setup.newPage();
  await page.goto(`${APP}/cases/new`);
  await page.getByLabel('Full name').fill('Bench Fictional');
  await page.getByLabel('Case reference number (CRN)').fill('B000001');
  for (const [legend, parts] of [['Date of birth', ['1', '1', '1990']], ['Sentence or release date', ['1', '11', '2026']], ['Sentence end date', ['1', '11', '2027']]]) {
    const group = page.getByRole('group', { name: legend });
    await group.getByLabel('Day').fill(parts[0]);
    await group.getByLabel('Month').fill(parts[1]);
    await group.getByLabel('Year').fill(parts[2]);
  }
  await page.getByLabel('Male', { exact: true }).check();
  await page.getByLabel('Community order').check();
  await page.getByRole('button', { name: 'Create case' }).click();
  await page.getByRole('button', { name: 'Start assessment' }).click();
  const taskList = page.url();
  const caseUrl = taskList.replace(/\/assessment.*$/, '');

  // The largest section: the most form controls (what the peer is shaped like).
  const links = await page.locator('.govuk-task-list__link').evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href'), name: a.textContent.trim() })));
  let largest = null;
  for (const link of links.filter((l) => /\/assessment\/\w+$/.test(l.href))) {
    await page.goto(`${APP}${link.href}`);
    await page.locator('h1').waitFor();
    await page.waitForTimeout(100);
    const shape = await page.evaluate(() => {
      const groups = new Map();
      for (const radio of document.querySelectorAll('main input[type=radio]')) groups.set(radio.name, (groups.get(radio.name) ?? 0) + 1);
      return { options: [...groups.values()], comments: document.querySelectorAll('main textarea').length, controls: document.querySelectorAll('main input, main textarea, main select').length };
    });
    if (shape.comments > 0 && (!largest || shape.controls > largest.controls)) largest = { ...shape, ...link };
  }
  const section = `${APP}${largest.href}`;
  const textarea = (p) => p.locator('main textarea').first();
  await page.goto(section);
  await textarea(page).waitFor();
  const state = await setup.storageState({ indexedDB: true });

  const appCold = [];
  for (let i = 0; i < RUNS; i += 1) {
    const context = await browser.newContext({ storageState: state });
    const t0 = Date.now();
    const load = await firstLoad(context, async (p) => {
      await p.goto(section);
      await textarea(p).waitFor();
      await p.locator('main input[type=radio]').first().waitFor();
    }, appFile);
    appCold.push(Date.now() - t0);
    if (i === 0) {
      files.app = load.files;
      results.app.bytes = load.total;
      results.app.worker = load.worker;
      await load.page.waitForTimeout(300);
      results.app.heap = await heap(load.page);
    }
    await context.close();
  }
  results.app.cold = appCold;
  {
    const context = await browser.newContext();
    const load = await firstLoad(context, async (p) => {
      await p.goto(`${APP}/`);
      await p.getByRole('heading', { name: 'Your caseload' }).waitFor();
    }, appFile);
    files.caseload = load.files;
    results.app.caseloadBytes = load.total;
    await context.close();
  }

  // Choice → commit: from the click to the status line turning from "Saving…" to "Saved at".
  await page.goto(section);
  const status = page.getByTestId('save-status');
  await status.filter({ hasText: /Saved at|Last saved|No changes/ }).first().waitFor().catch(() => {});
  const radioName = await page.locator('main input[type=radio]').first().getAttribute('name');
  const saves = [];
  for (let i = 0; i < RUNS * 2; i += 1) {
    saves.push(await page.evaluate(([name, index]) => new Promise((done) => {
      const line = document.querySelector('[data-testid="save-status"]');
      const inputs = [...document.querySelectorAll(`input[name="${name}"]`)];
      let sawSaving = false;
      const t0 = performance.now();
      const observer = new MutationObserver(() => {
        if (line.textContent.startsWith('Saving')) sawSaving = true;
        else if (sawSaving && line.textContent.startsWith('Saved at')) {
          observer.disconnect();
          done(performance.now() - t0);
        }
      });
      observer.observe(line, { childList: true, characterData: true, subtree: true });
      inputs[index % inputs.length].click();
    }), [radioName, i]));
  }
  results.app.save = saves;

  // Paced typing, then reload → the typed text visible again.
  await page.evaluate(PACED);
  await textarea(page).click();
  await page.keyboard.type(TEXT, { delay: 50 });
  results.app.paced = await page.evaluate(() => window.__paced);
  results.app.script = await page.evaluate(() => window.__script);
  await status.filter({ hasText: 'Saved at' }).waitFor();
  const typed = await textarea(page).inputValue();
  const restores = [];
  for (let i = 0; i < RUNS; i += 1) {
    const t0 = Date.now();
    await page.reload();
    await page.waitForFunction((value) => document.querySelector('main textarea')?.value === value, typed);
    restores.push(Date.now() - t0);
  }
  results.app.reload = restores;

  results.app.search = (await caseloadFigures(1000)).search;
  const big = await caseloadFigures(10_000);
  results.app.big = big;
  await setup.close();

  // ─── The SurveyJS peer, the same shape ───────────────────────────────────────────────────────
  const peerUrl = `${PEER}/?options=${largest.options.join(',')}&comments=${largest.comments}`;
  const peerText = (p) => p.locator('textarea').first();
  const peerSetup = await browser.newContext();
  const peerPage = await peerSetup.newPage();
  await peerPage.goto(peerUrl);
  await peerText(peerPage).waitFor();
  const peerState = await peerSetup.storageState({ indexedDB: true });
  const peerCold = [];
  for (let i = 0; i < RUNS; i += 1) {
    const context = await browser.newContext({ storageState: peerState });
    const t0 = Date.now();
    const load = await firstLoad(context, async (p) => {
      await p.goto(peerUrl);
      await peerText(p).waitFor();
      await p.locator('input[type=radio]').first().waitFor({ state: 'attached' });
    }, (url) => peerFile(url));
    peerCold.push(Date.now() - t0);
    if (i === 0) {
      files.peer = load.files;
      results.peer.bytes = load.total;
      await load.page.waitForTimeout(300);
      results.peer.heap = await heap(load.page);
    }
    await context.close();
  }
  results.peer.cold = peerCold;
  const peerSaves = [];
  for (let i = 0; i < RUNS * 2; i += 1) {
    peerSaves.push(await peerPage.evaluate((index) => new Promise((done) => {
      const marker = document.getElementById('saved');
      const before = marker.dataset.saves;
      const labels = [...document.querySelectorAll('.sd-item__control-label, .sd-selectbase__label')];
      const radios = [...document.querySelectorAll('input[type=radio][name]')];
      const name = radios[0].name;
      const group = radios.filter((radio) => radio.name === name);
      const t0 = performance.now();
      const observer = new MutationObserver(() => {
        if (marker.dataset.saves !== before) { observer.disconnect(); done(performance.now() - t0); }
      });
      observer.observe(marker, { attributes: true });
      group[index % group.length].click();
      void labels;
    }), i));
  }
  results.peer.save = peerSaves;
  await peerPage.evaluate(PACED);
  await peerText(peerPage).click();
  await peerPage.keyboard.type(TEXT, { delay: 50 });
  results.peer.paced = await peerPage.evaluate(() => window.__paced);
  results.peer.script = await peerPage.evaluate(() => window.__script);
  await peerPage.waitForTimeout(500);
  const peerTyped = await peerText(peerPage).inputValue();
  const peerRestores = [];
  for (let i = 0; i < RUNS; i += 1) {
    const t0 = Date.now();
    await peerPage.reload();
    await peerPage.waitForFunction((value) => document.querySelector('textarea')?.value === value, peerTyped);
    peerRestores.push(Date.now() - t0);
  }
  results.peer.reload = peerRestores;
  await peerSetup.close();

  // ─── Team sync (issue 21) ─────────────────────────────────────────────────────────────────────
  results.sync = await syncFigures(browser, RUNS);

  // ─── The table ───────────────────────────────────────────────────────────────────────────────
  const { app, peer } = results;
  const fmt = (xs, digits = 0) => `${median(xs).toFixed(digits)} (p95 ${p95(xs).toFixed(digits)})`;
  const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
  const table = [
    ['figure', 'Probation Workbook', 'SurveyJS peer', 'workbook ÷ peer'],
    [`first load of a section, gzipped, every request (KiB)`, kib(app.bytes), kib(peer.bytes), ratio(app.bytes, peer.bytes)],
    [`cold load → section interactive (ms, ${RUNS} fresh profiles)`, fmt(app.cold), fmt(peer.cold), ratio(median(app.cold), median(peer.cold))],
    [`reload → typed text visible (ms)`, fmt(app.reload), fmt(peer.reload), ratio(median(app.reload), median(peer.reload))],
    [`choice → IndexedDB commit (ms)`, fmt(app.save, 1), fmt(peer.save, 1), ratio(median(app.save), median(peer.save))],
    [`paced typing, key → page updated (ms, ${app.paced.length} keys)`, fmt(app.paced, 1), fmt(peer.paced, 1), `p95 ${ratio(p95(app.paced), p95(peer.paced))}`],
    [`  of which the page's script, keydown + input (ms, ${app.script.length} keys)`, fmt(app.script, 2), fmt(peer.script, 2), `p95 ${ratio(p95(app.script), p95(peer.script))}`],
    [`JS heap after load (MB)`, (app.heap / 1e6).toFixed(1), (peer.heap / 1e6).toFixed(1), ratio(app.heap, peer.heap)],
  ];
  const widths = table[0].map((_, column) => Math.max(...table.map((cells) => String(cells[column]).length)));
  const line = (cells) => cells.map((cell, column) => (column === 0 ? String(cell).padEnd(widths[column]) : String(cell).padStart(widths[column]))).join('  ');
  console.log(`Largest section: ${largest.name} (${largest.options.length} choice questions, ${largest.comments} text boxes); the peer has the same.`);
  console.log(line(table[0]));
  for (const cells of table.slice(1)) console.log(line(cells));
  console.log('');
  console.log(`keystroke → search results over 1,000 cases (workbook): ${fmt(app.search, 1)} ms, ${app.search.length} keystrokes`);
  console.log(`then fetched by the offline worker in the background (workbook): ${kib(app.worker)} KiB gzipped`);
  const { sync } = results;
  const within = (value, target) => (value <= target ? 'within' : 'OVER');
  console.log(`10,000-case caseload: open (reload → listed) ${fmt(big.open)} ms, ${within(median(big.open), 300)} 300 ms; search keystroke → redrawn ${fmt(big.search, 1)} ms, p95 ${within(p95(big.search), 16)} 16 ms; JS heap ${(big.heap / 1e6).toFixed(1)} MB, ${within(big.heap / 1e6, 64)} 64 MB`);
  console.log('');
  console.log(`team sync, ${sync.cases} cases (${sync.documents} documents: a case record and an assessment draft each), test peer on loopback:`);
  console.log(`  sealed and pushed by the officer's browser: ${(sync.push / 1000).toFixed(1)} s`);
  console.log(`  pulled into a fresh profile, Connect → caseload listing them: ${(sync.pull / 1000).toFixed(1)} s, ${within(sync.pull, 60_000)} 60 s; peak memory ${((sync.peakHeap + sync.wasmMemory) / 1e6).toFixed(0)} MB (JS heap ${(sync.peakHeap / 1e6).toFixed(0)} + WebAssembly ${(sync.wasmMemory / 1e6).toFixed(0)}), ${within((sync.peakHeap + sync.wasmMemory) / 1e6, 200)} 200 MB`);
  console.log(`  an edit on one device on the other's open case page: ${fmt(sync.edits)} ms over ${sync.edits.length} edits, median ${within(median(sync.edits), 2000)} 2 s`);
  console.log(`  a member removed: new key, every document sealed again by the senior's browser and on the server: ${sync.reseal === null ? `not done within 300 s (team-list-2 ${sync.resealState?.listed ? 'there' : 'missing'}, ${sync.resealState?.left} records under an older key)` : `${(sync.reseal / 1000).toFixed(1)} s`}${sync.resealState?.leavers ? `; ${sync.resealState.leavers} written afterwards by the leaver's browser under the old key, refused` : ''}`);
  console.log('');
  for (const [what, list] of [['section page (workbook)', files.app], ['caseload (workbook)', files.caseload], ['section (SurveyJS peer)', files.peer]]) {
    console.log(`${what}, gzipped per file:`);
    for (const file of [...list].sort((a, b) => b.bytes - a.bytes)) console.log(`  ${kib(file.bytes).padStart(7)} KiB  ${file.url.replace(/-[0-9a-f]{16}/, '')}`);
  }
  console.log('');
  const over = (bytes, budget) => (bytes / 1024 <= budget ? `within (${(budget - bytes / 1024).toFixed(1)} KiB to spare)` : `OVER by ${(bytes / 1024 - budget).toFixed(1)} KiB`);
  console.log(`budget: section page ≤ ${BUDGET.section} KiB: ${kib(app.bytes)} KiB, ${over(app.bytes, BUDGET.section)}`);
  console.log(`budget: caseload ≤ ${BUDGET.caseload} KiB: ${kib(app.caseloadBytes)} KiB, ${over(app.caseloadBytes, BUDGET.caseload)}`);
  console.log(`budget: paced typing p95 ≤ 8 ms: ${p95(app.paced).toFixed(1)} ms, ${p95(app.paced) <= 8 ? 'within' : 'OVER'}`);
  for (const file of await readdir('dist')) {
    if (/\.(wasm|js|css)$/.test(file)) console.log(`dist/${file.replace(/-[0-9a-f]{16}/, '')}: ${kib((await readFile(`dist/${file}`)).length)} KiB raw`);
  }
} finally {
  await browser.close();
  server.kill();
  peerServer.close();
}
