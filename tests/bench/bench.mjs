// `make bench`: prints a table of figures for the release build in dist/. Medians and spreads, never
// pass/fail: this machine is shared and noisy, so compare runs by their medians and ratios.
//   - bundle sizes (raw and gzipped)
//   - cold start: navigation to the caseload heading being drawn
//   - save latency: a choice picked → "Saved at" shown (IndexedDB write committed)
//   - reload restore: reload of an answered section → its answers drawn
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { fictionalCases, seedCases } from '../e2e/seed.mjs';

const PORT = 8083;
const APP = `http://127.0.0.1:${PORT}`;
const RUNS = Number(process.env.BENCH_RUNS ?? 15);

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const p95 = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)]; };
const rows = [];
const row = (what, value, unit, note = '') => rows.push({ what, value, unit, note });

for (const file of await readdir('dist')) {
  if (!/\.(wasm|js|css)$/.test(file)) continue;
  const bytes = await readFile(`dist/${file}`);
  const kind = file.split('.').pop();
  row(`${kind} bundle (${file.replace(/-[0-9a-f]{16}/, '')})`, (bytes.length / 1024).toFixed(1), 'KiB', `${(gzipSync(bytes, { level: 9 }).length / 1024).toFixed(1)} KiB gzipped`);
}

const server = spawn('node', ['tests/e2e/serve-dist.mjs', String(PORT)], { stdio: 'ignore' });
await new Promise((resolve) => setTimeout(resolve, 500));
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

try {
  const starts = [];
  for (let i = 0; i < RUNS; i += 1) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const t0 = Date.now();
    await page.goto(`${APP}/`);
    await page.getByRole('heading', { name: 'Your caseload' }).waitFor();
    starts.push(Date.now() - t0);
    await context.close();
  }
  row('cold start to caseload drawn', median(starts), 'ms', `p95 ${p95(starts)} ms, ${RUNS} fresh profiles`);

  const context = await browser.newContext();
  const page = await context.newPage();
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
  await page.getByRole('link', { name: '3. Accommodation' }).click();
  const status = page.getByTestId('save-status');
  await status.filter({ hasText: /Saved at|Last saved/ }).waitFor();

  const saves = [];
  const choices = ['No problems', 'Some problems', 'Significant problems'];
  for (let i = 0; i < RUNS * 2; i += 1) {
    // Timed inside the page: from the click to the status line turning from "Saving…" to "Saved at".
    saves.push(await page.evaluate((label) => new Promise((resolve) => {
      const status = document.querySelector('[data-testid="save-status"]');
      const input = [...document.querySelectorAll('input[name="item-3-4"]')].find((el) => el.labels[0].textContent === label);
      let sawSaving = false;
      const t0 = performance.now();
      const observer = new MutationObserver(() => {
        if (status.textContent.startsWith('Saving')) sawSaving = true;
        else if (sawSaving && status.textContent.startsWith('Saved at')) {
          observer.disconnect();
          resolve(performance.now() - t0);
        }
      });
      observer.observe(status, { childList: true, characterData: true, subtree: true });
      input.click();
    }), choices[i % 3]));
  }
  row('choice picked to "Saved at" shown', median(saves).toFixed(1), 'ms', `p95 ${p95(saves).toFixed(1)} ms, ${saves.length} saves`);

  const restores = [];
  for (let i = 0; i < RUNS; i += 1) {
    const t0 = Date.now();
    await page.reload();
    await page.getByRole('group', { name: /^3\.4 / }).getByRole('radio', { checked: true }).waitFor();
    restores.push(Date.now() - t0);
  }
  row('reload to answers restored', median(restores), 'ms', `p95 ${p95(restores)} ms, ${RUNS} reloads`);

  // Keystroke to results over a 1,000-case caseload, timed inside the page: from the search box's input
  // event to the results table redrawn. Queries alternate so every keystroke changes the results.
  const team = await browser.newContext();
  const caseload = await team.newPage();
  await caseload.goto(`${APP}/`);
  await caseload.getByRole('heading', { name: 'Your caseload' }).waitFor();
  await seedCases(caseload, fictionalCases(1000, [['John Smith', 'X123456'], ['Jane Smythe', 'X654321']]));
  await caseload.reload();
  await caseload.getByTestId('caseload-count').filter({ hasText: '1000 cases' }).waitFor();
  const keystrokes = [];
  const queries = ['Jon Smyth', 'Alex Archer'];
  for (let i = 0; i < RUNS * 4; i += 1) {
    keystrokes.push(await caseload.evaluate((query) => new Promise((resolve) => {
      const input = document.getElementById('caseload-search');
      const body = document.querySelector('#caseload-table tbody');
      const t0 = performance.now();
      const observer = new MutationObserver(() => {
        observer.disconnect();
        resolve(performance.now() - t0);
      });
      observer.observe(body, { childList: true, subtree: true, characterData: true });
      setTimeout(() => { observer.disconnect(); resolve(null); }, 5000);
      input.value = query;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }), queries[i % queries.length]));
  }
  const timed = keystrokes.filter((ms) => ms !== null);
  row('keystroke to search results, 1,000 cases', median(timed).toFixed(1), 'ms', `p95 ${p95(timed).toFixed(1)} ms, ${timed.length} of ${keystrokes.length} keystrokes redrew within 5 s`);
  await team.close();
} finally {
  await browser.close();
  server.kill();
}

const width = Math.max(...rows.map((r) => r.what.length));
console.log(`${'figure'.padEnd(width)}  ${'median/value'.padStart(12)}  unit  notes`);
for (const r of rows) console.log(`${r.what.padEnd(width)}  ${String(r.value).padStart(12)}  ${r.unit.padEnd(4)}  ${r.note}`);
