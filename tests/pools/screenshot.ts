// Renders a batch report in headless Chromium and screenshots it: used by tests/pools/run.ts
// (the page must render without errors) and by hand:
//   node --import tsx tests/pools/screenshot.ts <dir>/report.html tests/artifacts/batch-report.png [width]
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

export interface Shot { errors: string[]; svgs: number; height: number }

export async function screenshotReport(html: string, png: string, width = 1100): Promise<Shot> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const errors: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(String(e)));
    // Self-contained means no network: fail any request that leaves the file.
    await page.route(/^https?:/, (route) => { errors.push(`network request: ${route.request().url()}`); return route.abort(); });
    await page.goto(pathToFileURL(resolve(html)).href);
    await page.waitForSelector('body[data-rendered="true"]', { timeout: 30_000 }).catch(() => errors.push('page did not finish rendering'));
    const svgs = await page.locator('svg').count();
    const height = await page.evaluate(() => document.body.scrollHeight);
    await page.screenshot({ path: png, fullPage: true });
    return { errors, svgs, height };
  } finally {
    await browser.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [html, png, width] = process.argv.slice(2);
  const shot = await screenshotReport(html, png, width ? Number(width) : undefined);
  console.log(JSON.stringify(shot));
}
