/**
 * `npm run icons`: renders public/favicon.svg to the PNG sizes the web app manifest names
 * (192 and 512, plus a maskable 512 with the safe-zone padding browsers crop to), with the
 * system's Chromium. Run it after changing the SVG; the PNGs are committed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser } from '../tests/browser/browser.ts';

const dir = path.resolve('public/icons');
const svg = readFileSync(path.resolve('public/favicon.svg'), 'utf8');
const renders = [
  { file: 'icon-192.png', size: 192, padding: 0 },
  { file: 'icon-512.png', size: 512, padding: 0 },
  // Maskable icons may be cropped to a circle of 80% of the width: keep the figures inside it.
  { file: 'icon-maskable-512.png', size: 512, padding: 0.1 },
];

const browser = await launchBrowser();
try {
  for (const { file, size, padding } of renders) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const inner = Math.round(size * (1 - 2 * padding));
    await page.setContent(
      `<body style="margin:0;background:#0b5cad;display:grid;place-items:center;width:${size}px;height:${size}px">` +
        `<div style="width:${inner}px;height:${inner}px">${svg.replace('<svg ', '<svg width="100%" height="100%" ')}</div></body>`,
    );
    writeFileSync(path.join(dir, file), await page.screenshot({ type: 'png' }));
    await page.close();
  }
} finally {
  await browser.close();
}
console.log(`wrote ${renders.map((r) => r.file).join(', ')} in public/icons/`);
