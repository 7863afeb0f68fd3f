// Every end-to-end journey fails on a console message (or page error) containing "panicked": a
// panic in the app is a bug wherever it happens, even if the screen looks right.
import { test as base, expect } from '@playwright/test';

const panics = [];

/** Watches every page of `context` (present and future) for panics. */
export function watchPanics(context) {
  const watch = (page) => {
    page.on('console', (message) => {
      if (message.text().includes('panicked')) panics.push(`${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => {
      if (String(error).includes('panicked')) panics.push(`${page.url()}: ${error}`);
    });
  };
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
    panics.length = 0;
    // Contexts a journey makes itself (an officer's and a senior's browser) are watched too.
    const newContext = browser.newContext.bind(browser);
    browser.newContext = async (...args) => watchPanics(await newContext(...args));
    await use();
    browser.newContext = newContext;
    expect(panics, 'console messages containing "panicked"').toEqual([]);
  }, { auto: true }],
});

export { expect };
