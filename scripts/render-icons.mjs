// Renders the app icons (assets/icons/*.png) from the favicon's drawing, in Debian's Chromium.
// The PNGs are committed; run this only when the drawing changes: node scripts/render-icons.mjs
import { chromium } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const out = join(fileURLToPath(new URL('.', import.meta.url)), '..', 'assets', 'icons');
// The favicon's document on the GOV.UK blue; `inset` keeps a maskable icon's drawing inside the
// safe zone (the middle 80%), and `rounded` gives the plain icon the favicon's corners.
const drawing = ({ inset, rounded }) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">
  <rect width="32" height="32" rx="${rounded ? 4 : 0}" fill="#1d70b8"/>
  <g transform="translate(16 16) scale(${inset}) translate(-16 -16)">
    <path d="M9 7h11l4 4v14H9z" fill="#fff"/>
    <path d="M12 14h9M12 18h9M12 22h6" stroke="#1d70b8" stroke-width="2"/>
  </g></svg>`;
const icons = [
  { name: 'icon-192.png', size: 192, inset: 1, rounded: true },
  { name: 'icon-512.png', size: 512, inset: 1, rounded: true },
  { name: 'icon-maskable-512.png', size: 512, inset: 0.7, rounded: false },
  { name: 'apple-touch-icon.png', size: 180, inset: 0.85, rounded: false },
];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
for (const icon of icons) {
  await page.setViewportSize({ width: icon.size, height: icon.size });
  const svg = drawing(icon).replace('<svg ', `<svg width="${icon.size}" height="${icon.size}" `);
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.screenshot({ path: join(out, icon.name), omitBackground: true });
}
await browser.close();
