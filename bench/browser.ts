// Frames per second of the app's network view and control latency while a run plays, in
// headless Chromium (Debian's), through the browser test harness.
import { call, launchBrowser, openPage, startServer, waitForTick } from '../tests/browser/harness.ts';

export interface BrowserRow { actors: number; framesPerSecond: number; uiMedian: number; uiP95: number; buttonMedian: number; buttonP95: number; roundTripMedian: number; roundTripP95: number; languageMedian: number; languageP95: number }

export async function benchBrowser(sizes: number[]): Promise<BrowserRow[]> {
  const { server, url } = await startServer();
  const browser = await launchBrowser();
  const rows: BrowserRow[] = [];
  try {
    for (const actors of sizes) {
      const { page } = await openPage(browser, `${url}?scenario=synthetisch&set=actors%3D${actors}&autoplay=0&end=100000`);
      // At maximum speed (the case), on a run long enough not to end while measured.
      await page.selectOption('#speed', '0');
      await page.click('#btn-play');
      await waitForTick(page, 3, 120_000);
      await page.waitForTimeout(1500);
      type S = { median: number; p95: number };
      const r = await call(page, 'measureLatency', 12) as { framesPerSecond: number; ui: S; button: S; roundTrip: S; language: S };
      rows.push({
        actors, framesPerSecond: r.framesPerSecond, uiMedian: r.ui.median, uiP95: r.ui.p95, buttonMedian: r.button.median, buttonP95: r.button.p95,
        roundTripMedian: r.roundTrip.median, roundTripP95: r.roundTrip.p95, languageMedian: r.language.median, languageP95: r.language.p95,
      });
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return rows;
}
