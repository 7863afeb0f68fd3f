// Every end-to-end journey fails on a console message (or page error) containing "panicked": a
// panic in the app is a bug wherever it happens, even if the screen looks right. It fails too when
// any screen it passes through shows two elements with one id (a label then names the wrong control).
import { test as base, expect } from '@playwright/test';

const problems = [];

/** Runs in every page before the app: reports each id found on more than one element, once. */
function reportDuplicateIds() {
  const reported = new Set();
  let scheduled = false;
  const check = () => {
    scheduled = false;
    const counts = new Map();
    for (const element of document.querySelectorAll('[id]')) counts.set(element.id, (counts.get(element.id) ?? 0) + 1);
    for (const [id, count] of counts) {
      if (count > 1 && !reported.has(`${location.pathname} ${id}`)) {
        reported.add(`${location.pathname} ${id}`);
        console.error(`duplicate id "${id}" on ${count} elements at ${location.pathname}`);
      }
    }
  };
  new MutationObserver(() => {
    if (!scheduled) {
      scheduled = true;
      setTimeout(check, 50);
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['id'] });
}

/** Watches every page of `context` (present and future) for panics and duplicate ids. */
const watched = new WeakSet();

export function watchPanics(context) {
  if (watched.has(context)) return context;
  watched.add(context);
  const watch = (page) => {
    page.on('console', (message) => {
      const text = message.text();
      if (text.includes('panicked') || text.startsWith('duplicate id ')) problems.push(`${page.url()}: ${text}`);
    });
    page.on('pageerror', (error) => {
      if (String(error).includes('panicked')) problems.push(`${page.url()}: ${error}`);
    });
  };
  context.addInitScript(reportDuplicateIds);
  context.pages().forEach(watch);
  context.on('page', watch);
  return context;
}

export const test = base.extend({
  context: async ({ context }, use) => {
    watchPanics(context);
    await use(context);
  },
  noPanics: [async ({ browser }, use) => {
    problems.length = 0;
    // Contexts a journey makes itself (an officer's and a senior's browser) are watched too.
    const newContext = browser.newContext.bind(browser);
    browser.newContext = async (...args) => watchPanics(await newContext(...args));
    await use();
    browser.newContext = newContext;
    expect(problems, 'console messages containing "panicked", and duplicate ids').toEqual([]);
  }, { auto: true }],
});

export { expect };
