// (end=100000: the run must not reach its last tick while the latency is measured.)
// Control latency with many actors (the issue's "with 10,000 actors the controls still react
// within 100 ms"): measured, not asserted, since it depends on the machine. Not part of the
// suite; run `node --import tsx tests/browser/latency.ts [actors] [speed] [samples]` (speed 0 = max).
// The bench calls the same page function (window.__samenspel.measureLatency).
import { call, launchBrowser, openPage, startServer, waitForTick } from './harness.ts';

const actors = Number(process.argv[2] ?? 10_000);
const speed = process.argv[3] ?? '10';
const samples = Number(process.argv[4] ?? 20);
const { server, url } = await startServer();
const browser = await launchBrowser();
try {
  const { page } = await openPage(browser, `${url}?scenario=synthetisch&set=actors%3D${actors}&autoplay=0&end=100000`);
  await page.selectOption('#speed', speed);
  await page.click('#btn-play');
  await waitForTick(page, 3, 120_000);
  await page.waitForTimeout(2000);
  const report = await call(page, 'measureLatency', samples);
  console.log(JSON.stringify({ actors, speed: Number(speed), loadAverage: (await import('node:os')).loadavg().map((v) => Math.round(v * 100) / 100), ...(report as object) }, null, 1));
} finally {
  await browser.close();
  await server.close();
}
