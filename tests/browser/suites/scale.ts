// Scale: thousands of actors are drawn on canvas with the same look, and the page keeps
// answering. Control latency is measured (not asserted: machines differ) by the function the
// latency bench calls; here it only has to run.
import { call, hook, openPage, screenshot, waitForTick } from '../harness.ts';
import { assert, assertEqual, test } from '../registry.ts';

test('3,000 actors switch the network to canvas and the page stays responsive', async ({ browser, url, note }) => {
  const { page, errors } = await openPage(browser, `${url}?scenario=synthetisch&set=actors%3D3000&autoplay=0`);
  assertEqual(await hook<string>(page, 'networkMode'), 'canvas', 'canvas above ~1,500 actors');
  assert(await page.locator('canvas.network').count() === 1, 'a canvas is drawn');
  assertEqual(await page.locator('svg.network').count(), 0, 'no SVG network');
  await page.selectOption('#speed', '0');
  await page.click('#btn-play');
  await waitForTick(page, 5, 60_000);
  const report = await call<{ ui: { median: number; max: number }; roundTrip: { median: number; max: number }; language: { median: number }; framesPerSecond: number }>(page, 'measureLatency', 4);
  note(`3,000 actors, max speed: ring toggle → next frame median ${report.ui.median.toFixed(0)} ms (max ${report.ui.max.toFixed(0)}), pause/play round trip median ${report.roundTrip.median.toFixed(0)} ms, language switch median ${report.language.median.toFixed(0)} ms, ${report.framesPerSecond.toFixed(0)} frames/s (headless, software rendering)`);
  await page.waitForTimeout(1500);
  await screenshot(page, 'canvas-3000');
  assertEqual(errors.join('\n'), '', 'console errors');
}, 120_000);
