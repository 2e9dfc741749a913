// The app on a real projector (issue "The app on a real projector"): a run has an end, live
// monitors, sliders mid-run, layout at every projector size. Run only these with
// `node --import tsx tests/browser/run.ts projector`.
import { call, hook, openPage, screenshot, waitForTick } from '../harness.ts';
import { assert, assertEqual, test } from '../registry.ts';
import type { Page } from 'playwright-core';

const idle = (page: Page) => page.waitForFunction(() => !(window as unknown as { __samenspel: { playing: boolean } }).__samenspel.playing, null, { timeout: 30_000 });

test('projector: play stops at the last tick; +10 extends the run and the link keeps it', async ({ browser, url }) => {
  const { page, errors } = await openPage(browser, `${url}?scenario=jeugdhulp&set=ticks%3D12&autoplay=0`);
  assertEqual(await hook<number>(page, 'end'), 12, 'the run ends at the scenario length');
  await page.selectOption('#speed', '0');
  await page.click('#btn-play');
  await waitForTick(page, 12);
  await idle(page);
  assertEqual(await hook<number>(page, 'tick'), 12, 'play stopped at the last tick');
  await page.click('#btn-play');
  await page.waitForTimeout(600);
  assertEqual(await hook<number>(page, 'tick'), 12, 'play at the end does not run on');
  await page.click('#btn-step');
  await page.waitForTimeout(300);
  assertEqual(await hook<number>(page, 'tick'), 12, 'step at the end does not run on');
  assertEqual((await page.locator('#tick-counter .tick-of').innerText()).trim(), '/ 12', 'counter shows the end');
  await page.click('#more [data-more="10"]');
  await waitForTick(page, 22);
  await idle(page);
  assertEqual(await hook<number>(page, 'tick'), 22, 'the extended run stops at its new end');
  await page.waitForTimeout(400);
  const link = new URL(await call<string>(page, 'shareUrl'));
  assertEqual(link.searchParams.get('end'), '22', 'the link records the extension');
  const again = await openPage(browser, link.toString());
  await waitForTick(again.page, 22);
  assertEqual(await hook<number>(again.page, 'end'), 22, 'the shared link opens the extended run');
  assertEqual(errors.join('\n'), '', 'console errors');
});
