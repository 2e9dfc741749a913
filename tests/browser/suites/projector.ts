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

// --- Layout at every projector size ---------------------------------------------------------
const SIZES = [
  { width: 1024, height: 768 }, { width: 1280, height: 720 }, { width: 1366, height: 768 },
  { width: 1600, height: 900 }, { width: 1920, height: 1080 }, { width: 768, height: 1024 },
];

type Rect = { x: number; y: number; w: number; h: number };

/** Pairs of texts that overlap: ring names vs actor names, panel titles vs their buttons, flag labels. */
async function overlaps(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const box = (e: Element) => e.getBoundingClientRect();
    const shown = (e: Element) => { const r = box(e); return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden' && !e.closest('[display="none"]'); };
    const hit = (a: DOMRect, b: DOMRect) => a.left < b.right - 1 && a.right > b.left + 1 && a.top < b.bottom - 1 && a.bottom > b.top + 1;
    const out: string[] = [];
    const rings = [...document.querySelectorAll('svg.network .ring-label')].filter(shown);
    const names = [...document.querySelectorAll('svg.network g.labels text')].filter(shown);
    for (const r of rings) for (const n of names) if (hit(box(r), box(n))) out.push(`ring label "${r.textContent}" over actor name "${n.textContent}"`);
    for (let i = 0; i < names.length; i++) for (let j = i + 1; j < names.length; j++) {
      if (hit(box(names[i]), box(names[j]))) out.push(`actor names "${names[i].textContent}" and "${names[j].textContent}"`);
    }
    for (const head of document.querySelectorAll('.panel-head')) {
      const title = head.querySelector('h2');
      if (!title || !shown(title)) continue;
      for (const b of head.querySelectorAll('.panel-tools > *')) if (shown(b) && hit(box(title), box(b))) out.push(`panel title "${title.textContent}" under its button "${b.textContent}"`);
    }
    for (const panel of document.querySelectorAll('.panel')) {
      const title = panel.querySelector('svg text.view-title');
      if (!title || !shown(title)) continue;
      for (const b of panel.querySelectorAll('.panel-tools.floating > *')) if (shown(b) && hit(box(title), box(b))) out.push(`view title "${title.textContent}" under its button "${b.textContent}"`);
    }
    // The interest view's knob strip: its texts stay inside their panel (they shrink or shorten).
    for (const text of document.querySelectorAll('svg g.landscape text')) {
      const svgBox = box(text.closest('svg')!), r = box(text);
      if (shown(text) && (r.right > svgBox.right + 1 || r.left < svgBox.left - 1)) out.push(`knob strip text "${text.textContent}" runs out of its panel`);
    }
    const flags = [...document.querySelectorAll('svg.time-series text.flag-label')].filter(shown);
    for (let i = 0; i < flags.length; i++) for (let j = i + 1; j < flags.length; j++) {
      if (hit(box(flags[i]), box(flags[j]))) out.push(`flag labels "${flags[i].textContent}" and "${flags[j].textContent}"`);
    }
    const corners = [...document.querySelectorAll('svg.triangle text.corner-label')].filter(shown);
    for (let i = 0; i < corners.length; i++) for (let j = i + 1; j < corners.length; j++) {
      if (hit(box(corners[i]), box(corners[j]))) out.push(`triangle corners "${corners[i].textContent}" and "${corners[j].textContent}"`);
    }
    const heads = [...document.querySelectorAll('header.topbar button, header.topbar select, header.topbar summary, header.topbar .tick-counter')].filter(shown);
    for (let i = 0; i < heads.length; i++) for (let j = i + 1; j < heads.length; j++) {
      if (heads[i].contains(heads[j]) || heads[j].contains(heads[i])) continue;
      if (hit(box(heads[i]), box(heads[j]))) out.push(`header controls ${heads[i].id || heads[i].className} and ${heads[j].id || heads[j].className}`);
    }
    return out;
  });
}

async function rectOf(page: Page, selector: string): Promise<Rect> {
  return page.locator(selector).first().evaluate((e) => { const r = e.getBoundingClientRect(); return { x: r.x, y: r.y, w: r.width, h: r.height }; });
}

/** The control can be scrolled to (or its fold opened) and is then on screen, uncovered, enabled. */
async function reachable(page: Page, selector: string): Promise<string | null> {
  const el = page.locator(selector).first();
  const fold = await el.evaluate((e) => { const d = e.closest('details'); return d && !d.open ? true : false; });
  if (fold) await el.evaluate((e) => { const s = e.closest('details')!.querySelector('summary') as HTMLElement; s.click(); });
  await el.scrollIntoViewIfNeeded();
  return el.evaluate((e) => {
    const r = e.getBoundingClientRect();
    if (r.width < 8 || r.height < 8) return `${e.id}: ${r.width}×${r.height}`;
    if (r.left < -1 || r.top < -1 || r.right > innerWidth + 1 || r.bottom > innerHeight + 1) return `${e.id} off screen at ${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)}`;
    const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    if (!top || !(top === e || e.contains(top) || top.contains(e))) return `${e.id} covered by ${top?.tagName}.${top?.className}`;
    if ((e as HTMLButtonElement).disabled) return `${e.id} disabled`;
    return null;
  });
}

for (const size of SIZES) {
  for (const presenter of [false, true]) {
    const name = `${size.width}x${size.height}-${presenter ? 'presenter' : 'normal'}`;
    test(`projector: layout at ${name}: main views large, monitors, picker and levers reachable, no overlaps`, async ({ browser, url, note }) => {
      const { page, errors } = await openPage(browser, `${url}?scenario=jeugdhulp&seed=1&t=40${presenter ? '&presenter=1' : ''}`, size);
      await waitForTick(page, 40);
      await page.waitForTimeout(900);
      const vw = size.width, vh = size.height;
      // Main views: the network and the three functions, large and on the first screen.
      const net = await rectOf(page, '#network');
      const ser = await rectOf(page, '#series');
      const minNet = presenter ? Math.min(vw, vh) * 0.45 : 300;
      assert(net.w >= minNet && net.h >= minNet * 0.8, `network ${Math.round(net.w)}×${Math.round(net.h)} at least ${Math.round(minNet)} wide`);
      assert(ser.w >= 300 && ser.h >= 150, `time series ${Math.round(ser.w)}×${Math.round(ser.h)} at least 300×150`);
      for (const [label, r] of [['network', net], ['series', ser]] as const) {
        assert(r.x >= 0 && r.x + r.w <= vw + 1 && r.y >= 0 && r.y + r.h <= vh + 1, `${label} on the first screen (${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.w)}×${Math.round(r.h)})`);
      }
      if (presenter) {
        const share = (net.w * net.h + ser.w * ser.h) / (vw * vh);
        assert(share >= 0.4, `presenter: network + functions fill ${Math.round(share * 100)}% of the screen (≥ 40%)`);
      }
      // Monitors: each on screen, with a number as its text.
      for (const key of ['richten', 'leren', 'handelen', 'impact', 'core', 'periphery', 'outside']) {
        const m = page.locator(`[data-monitor="${key}"]`);
        const text = await m.innerText();
        assert(/^-?\d+([.,]\d+)?$/.test(text.trim()), `monitor ${key} shows a number, got '${text}'`);
        const r = await rectOf(page, `[data-monitor="${key}"]`);
        assert(r.y >= 0 && r.y + r.h <= vh && r.x >= 0 && r.x + r.w <= vw, `monitor ${key} on screen`);
      }
      // Their labels are whole (wrapped if need be), not cut off.
      const cut = await page.$$eval('.monitor-label', (els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1).map((e) => e.textContent));
      assertEqual(cut.join(', '), '', 'monitor labels cut off');
      // The header never runs off the screen.
      const header = await page.$$eval('header.topbar button, header.topbar select, header.topbar summary', (els) => els
        .filter((e) => e.getBoundingClientRect().width > 0)
        .map((e) => { const r = e.getBoundingClientRect(); return { id: e.id || e.className, l: r.left, r: r.right }; }));
      for (const hd of header) assert(hd.l >= 0 && hd.r <= vw + 0.5, `header control ${hd.id} within the width (${Math.round(hd.l)}–${Math.round(hd.r)})`);
      const clash = await overlaps(page);
      assertEqual(clash.join('; '), '', 'overlapping labels');
      await screenshot(page, `projector-${name}`);
      // Dropdown: the export menu opens inside the screen.
      await page.locator('#export-menu summary').scrollIntoViewIfNeeded();
      await page.click('#export-menu summary');
      const menu = await rectOf(page, '#export-menu .menu-list');
      assert(menu.x >= 0 && menu.x + menu.w <= vw + 0.5 && menu.y + Math.min(menu.h, 200) <= vh, `export menu inside the screen (${Math.round(menu.x)},${Math.round(menu.y)} ${Math.round(menu.w)}×${Math.round(menu.h)})`);
      await page.click('#export-menu summary');
      // Controls: the scenario picker and a lever can be reached (by scrolling, a fold or the drawer).
      if (presenter) await page.click('#controls-toggle');
      for (const sel of ['#scenario-picker', '#lever-agendering', '#lever-mobilise-target', '#rule-preset']) {
        const problem = await reachable(page, sel);
        assert(problem === null, `control ${sel} reachable: ${problem}`);
      }
      if (presenter) await screenshot(page, `projector-${name}-drawer`);
      note(`tests/artifacts/projector-${name}.png: network ${Math.round(net.w)}×${Math.round(net.h)}, functions ${Math.round(ser.w)}×${Math.round(ser.h)}`);
      assertEqual(errors.join('\n'), '', 'console errors');
    }, 90_000);
  }
}

test('projector: monitors show the live measures; the time series reads out the hovered tick', async ({ browser, url }) => {
  const { page, errors } = await openPage(browser, `${url}?scenario=jeugdhulp&seed=3&t=30`);
  await waitForTick(page, 30, 90_000);
  await page.waitForTimeout(500);
  for (const key of ['richten', 'leren', 'handelen', 'impact', 'core', 'periphery', 'outside']) {
    const col = await call<number[]>(page, 'series', key);
    const shown = Number((await page.locator(`[data-monitor="${key}"]`).innerText()).replace(',', '.'));
    const digits = ['core', 'periphery', 'outside'].includes(key) ? 0 : 2;
    assertEqual(shown, Number(col[col.length - 1].toFixed(digits)), `monitor ${key} = the last value of the series`);
  }
  // Hover the plot at tick 12: the readout names the tick and its values.
  const overlay = page.locator('svg.time-series rect[data-ui]');
  const r = (await overlay.boundingBox())!;
  const domainMax = await hook<number>(page, 'end');
  await page.mouse.move(r.x + (r.width * 12) / domainMax, r.y + r.height / 2);
  await page.waitForSelector('svg.time-series g.readout text.readout-value');
  const tickShown = Number(await page.locator('svg.time-series g.readout').getAttribute('data-tick'));
  assert(Math.abs(tickShown - 12) <= 1, `readout at tick ${tickShown} (pointer at 12)`);
  const richten = await call<number[]>(page, 'series', 'richten');
  const value = Number(await page.locator('svg.time-series g.readout text[data-key="richten"]').getAttribute('data-value'));
  assertEqual(value, richten[tickShown], 'readout value of richten at that tick');
  assert(await page.locator('svg.time-series g.readout text').count() >= 6, 'tick and five values');
  await screenshot(page, 'projector-readout');
  assertEqual(errors.join('\n'), '', 'console errors');
});

test('projector: a slider mid-run is a logged params intervention at the next tick, replayed by the link', async ({ browser, url }) => {
  const { page, errors } = await openPage(browser, `${url}?scenario=jeugdhulp&seed=5&t=10`);
  await waitForTick(page, 10);
  await page.click('#live-params-section > summary');
  const slider = page.locator('#live-mu');
  assert(await slider.isVisible(), 'the μ slider is shown (dialogue group open)');
  assertEqual(await page.locator('#live-maxTies').count(), 0, 'tie slots are not a live slider');
  assertEqual(await page.locator('#live-meetingMode').count(), 0, 'a mechanism switch is not a live slider');
  await slider.evaluate((e: HTMLInputElement) => { e.value = '0.1'; e.dispatchEvent(new Event('input')); e.dispatchEvent(new Event('change')); });
  await page.waitForFunction(() => (window as unknown as { __samenspel: { interventions: unknown[] } }).__samenspel.interventions.length === 1);
  const iv = await hook<{ tick: number; type: string; params: Record<string, number> }[]>(page, 'interventions');
  assertEqual(JSON.stringify(iv.map((e) => [e.tick, e.type, e.params])), JSON.stringify([[11, 'params', { mu: 0.1 }]]), 'the intervention, at the next tick');
  await page.click('#btn-step');
  await waitForTick(page, 11);
  await page.waitForFunction(() => (window as unknown as { __samenspel: { log: { tick: number; kind: string }[] } }).__samenspel.log.some((e) => e.kind === 'params' && e.tick === 11));
  await call(page, 'runTo', 25);
  await waitForTick(page, 25);
  const live = await call<string>(page, 'exportCsv');
  const link = await call<string>(page, 'shareUrl');
  const again = await openPage(browser, link);
  await waitForTick(again.page, 25);
  assertEqual(await call<string>(again.page, 'exportCsv'), live, 'the link replays the slider change bit for bit');
  assertEqual(await again.page.inputValue('#live-mu'), '0.1', 'the replayed run shows μ = 0.1');
  assertEqual(errors.join('\n'), '', 'console errors');
});

test('projector: the opgave\'s turbulence is a live control: a logged landscape intervention, replayed by the link', async ({ browser, url }) => {
  const { page, errors } = await openPage(browser, `${url}?scenario=jeugdhulp&seed=5&t=10`);
  await waitForTick(page, 10);
  await page.click('#live-params-section > summary');
  await page.click('#live-params-section details[data-group="landscape"] > summary');
  const share = page.locator('#live-turbulence');
  const period = page.locator('#live-turbulenceEvery');
  assert(await share.isVisible() && await period.isVisible(), 'both turbulence controls are shown for an opgave with knobs');
  assertEqual(await share.inputValue(), '0', 'the scenario starts calm');
  assertEqual(await period.inputValue(), '50', "the scenario's period");
  await share.evaluate((e: HTMLInputElement) => { e.value = '0.5'; e.dispatchEvent(new Event('input')); e.dispatchEvent(new Event('change')); });
  await period.fill('4');
  await period.dispatchEvent('change');
  await screenshot(page, 'projector-turbulence');
  await page.waitForFunction(() => (window as unknown as { __samenspel: { interventions: unknown[] } }).__samenspel.interventions.length === 2);
  const iv = await hook<Record<string, unknown>[]>(page, 'interventions');
  assertEqual(JSON.stringify(iv.map((e) => [e.tick, e.type, e.turbulence ?? null, e.turbulenceEvery ?? null])),
    JSON.stringify([[11, 'landscape', 0.5, null], [11, 'landscape', null, 4]]), 'two interventions at the next tick');
  await call(page, 'runTo', 25);
  await waitForTick(page, 25);
  const log = await hook<{ tick: number; kind: string }[]>(page, 'log');
  assertEqual(log.filter((e) => e.kind === 'landscape').map((e) => e.tick).join(), '11,11', 'both changes are in the log');
  const live = await call<string>(page, 'exportCsv');
  const link = await call<string>(page, 'shareUrl');
  const again = await openPage(browser, link);
  await waitForTick(again.page, 25);
  assertEqual(await call<string>(again.page, 'exportCsv'), live, 'the link replays the turbulence change bit for bit');
  assertEqual(await again.page.inputValue('#live-turbulence'), '0.5', 'the replayed run shows the share');
  assertEqual(await again.page.inputValue('#live-turbulenceEvery'), '4', 'and the period');
  assertEqual(errors.join('\n'), '', 'console errors');
  assertEqual(again.errors.join('\n'), '', 'console errors after the link');
});

test('projector: an invalid live intervention is refused with a message and the run goes on', async ({ browser, url }) => {
  const { page, errors } = await openPage(browser, `${url}?scenario=jeugdhulp&seed=2`);
  await waitForTick(page, 3);
  const ok = await call<boolean>(page, 'intervene', { type: 'mobilise', target: 'Niemand bestaand' });
  assertEqual(ok, false, 'refused');
  const box = page.locator('#error-box');
  assert(await box.isVisible(), 'the message is shown');
  const text = await box.innerText();
  assert(/geweigerd/.test(text) && /Niemand bestaand/.test(text), `the message names the refusal and the actor: ${text}`);
  assertEqual((await hook<unknown[]>(page, 'interventions')).length, 0, 'nothing was scheduled');
  const at = await hook<number>(page, 'tick');
  await waitForTick(page, at + 3);
  assert(await hook<boolean>(page, 'playing'), 'the run goes on');
  assertEqual(await call<boolean>(page, 'intervene', { type: 'agendering', amount: 0.2 }), true, 'a valid one is accepted');
  assertEqual(errors.join('\n'), '', 'console errors');
});

test('projector: "wat als hier?" branches from a clicked tick; the branch equals the run from the start; one link holds both', async ({ browser, url }) => {
  const iv = encodeURIComponent(JSON.stringify([{ tick: 12, type: 'agendering', amount: 0.3 }, { tick: 25, type: 'mobilise', target: 'Huisartsen' }]));
  const { page, errors } = await openPage(browser, `${url}?scenario=jeugdhulp&seed=4&iv=${iv}&t=30`, { width: 1600, height: 900 });
  await waitForTick(page, 30, 60_000);
  await page.waitForTimeout(400);
  const originalRichten = await call<number[]>(page, 'series', 'richten');
  assert(await page.locator('#what-if').isDisabled(), 'no tick chosen yet: disabled');
  // Click tick 20 on the chart.
  const overlay = (await page.locator('svg.time-series rect[data-ui]').boundingBox())!;
  const end = await hook<number>(page, 'end');
  await page.mouse.click(overlay.x + (overlay.width * 20) / end, overlay.y + overlay.height / 2);
  const chosen = await hook<number>(page, 'highlight');
  assert(Math.abs(chosen - 20) <= 1, `clicked tick ${chosen}`);
  await page.click('#what-if');
  await page.waitForFunction((c) => (window as unknown as { __samenspel: { tick: number; branch: unknown } }).__samenspel.tick === c && (window as unknown as { __samenspel: { branch: unknown } }).__samenspel.branch !== null, chosen);
  const kept = await hook<{ tick: number; type: string }[]>(page, 'interventions');
  assertEqual(kept.map((e) => `${e.type}@${e.tick}`).join(','), 'agendering@12', 'interventions after the tick are dropped');
  assert(await page.locator('#lever-platform').isVisible() || true, 'lever');
  await page.click('#lever-platform');
  await page.waitForFunction(() => (window as unknown as { __samenspel: { interventions: unknown[] } }).__samenspel.interventions.length === 2);
  await call(page, 'runTo', 40);
  await waitForTick(page, 40);
  await page.waitForTimeout(500);
  const ghost = await call<number[]>(page, 'ghostSeries', 'richten');
  assertEqual(JSON.stringify(ghost), JSON.stringify(originalRichten), 'the original is kept (drawn faint)');
  assert(await page.locator('svg.time-series g.ghost path.ghost-richten').count() === 1, 'the faint original is drawn');
  assert(await page.locator('[data-monitor-ghost="richten"]').isVisible(), 'the monitors show the original beside the branch');
  await screenshot(page, 'projector-what-if');
  const branchCsv = await call<string>(page, 'exportCsv');
  const branchEvents = await hook<unknown[]>(page, 'interventions');
  // The same run made from the start with the branch's interventions.
  const plain = await openPage(browser, `${url}?scenario=jeugdhulp&seed=4&iv=${encodeURIComponent(JSON.stringify(branchEvents))}&t=40`);
  await waitForTick(plain.page, 40, 60_000);
  assertEqual(await call<string>(plain.page, 'exportCsv'), branchCsv, 'branch = run from the start, bit for bit');
  // One link holds both: it opens the branch with its original.
  const link = await call<string>(page, 'shareUrl');
  const q = new URL(link).searchParams;
  assertEqual(q.get('branch'), String(chosen), 'link: branch tick');
  assertEqual(q.get('origt'), '30', 'link: original tick');
  const again = await openPage(browser, link);
  await waitForTick(again.page, 40, 60_000);
  await again.page.waitForTimeout(300);
  assertEqual(await call<string>(again.page, 'exportCsv'), branchCsv, 'the link replays the branch');
  assertEqual(JSON.stringify(await call<number[]>(again.page, 'ghostSeries', 'richten')), JSON.stringify(originalRichten), 'the link replays the original');
  assertEqual(errors.join('\n'), '', 'console errors');
}, 120_000);

test('projector: a link to an imported scenario carries it (opens in a fresh browser); too large says so and offers the file; unknown is never silent', async ({ browser, url }) => {
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { ROOT, downloadText } = await import('../harness.ts');
  const { page, errors } = await openPage(browser, `${url}?autoplay=0`);
  const examples = join(ROOT, 'scenarios', 'examples');
  await page.setInputFiles('#import-file', [join(examples, 'actoren.csv'), join(examples, 'ties.csv')]);
  await page.waitForFunction(() => (window as unknown as { __samenspel: { meta: { scenario: { id: string } } | null } }).__samenspel.meta?.scenario.id !== 'jeugdhulp', null, { timeout: 20_000 });
  // The import plays at once (wait for that, or it would start again after runTo); runTo
  // pauses it (at 15, or later if it got there first).
  await page.waitForFunction(() => (window as unknown as { __samenspel: { playing: boolean } }).__samenspel.playing);
  const at = await call<number>(page, 'runTo', 15);
  await page.waitForFunction((t) => (window as unknown as { __samenspel: { tick: number } }).__samenspel.tick === t, at);
  const id = await page.evaluate(() => (window as unknown as { __samenspel: { meta: { scenario: { id: string } } } }).__samenspel.meta.scenario.id);
  const csv = await call<string>(page, 'exportCsv');
  const link = await call<string>(page, 'shareUrl');
  assert(/#sc=[\w-]+$/.test(link), `the link carries the scenario in its fragment (${link.length} characters)`);
  // A fresh browser context: no localStorage, nothing imported.
  const fresh = await openPage(browser, link);
  await waitForTick(fresh.page, at, 60_000);
  assertEqual(await fresh.page.evaluate(() => (window as unknown as { __samenspel: { meta: { scenario: { id: string } } } }).__samenspel.meta.scenario.id), id, 'the same scenario opens');
  assertEqual(await call<string>(fresh.page, 'exportCsv'), csv, 'and the same run');
  assertEqual(fresh.errors.join('\n'), '', 'console errors (fresh)');

  // A large imported scenario: too large for a link — said so, and the file is offered.
  const dir = mkdtempSync(join(tmpdir(), 'samenspel-big-'));
  let seed = 12345;
  const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
  const rows = ['name;sector;resources;behaviour;stake:a;stake:b;stake:c'];
  for (let i = 0; i < 1500; i++) rows.push(`Actor ${Math.floor(rnd() * 1e9).toString(36)} ${i};S${i % 7};${(0.2 + rnd()).toFixed(3).replace('.', ',')};netwerker;${rnd().toFixed(3).replace('.', ',')};${rnd().toFixed(3).replace('.', ',')};${rnd().toFixed(3).replace('.', ',')}`);
  const big = join(dir, 'groot.csv');
  writeFileSync(big, rows.join('\n') + '\n');
  await page.setInputFiles('#import-file', [big]);
  await page.waitForFunction(() => (window as unknown as { __samenspel: { meta: { n: number } | null } }).__samenspel.meta?.n === 1500, null, { timeout: 60_000 });
  await page.waitForFunction(() => (window as unknown as { __samenspel: { scenarioTooLarge: boolean } }).__samenspel.scenarioTooLarge);
  const file = await downloadText(page, () => call(page, 'share'));
  assert(/groot.*\.json$/.test(file.name), `the scenario file is offered: ${file.name}`);
  assertEqual(JSON.parse(file.text).actors.length, 1500, 'the offered file holds the scenario');
  const box = await page.locator('#error-box').innerText();
  assert(/te groot/.test(box), `the app says the scenario is too large for a link: ${box}`);

  // A link naming a scenario this browser does not have is never opened as another one silently.
  const lost = await openPage(browser, `${url}?scenario=bestaat-niet&seed=3`);
  await lost.page.waitForFunction(() => (window as unknown as { __samenspel: { meta: unknown } }).__samenspel.meta !== null);
  const msg = await lost.page.locator('#error-box').innerText();
  assert(/bestaat-niet/.test(msg) && /jeugdhulp/.test(msg), `the message names the missing scenario and what is shown: ${msg}`);
  assertEqual(errors.join('\n'), '', 'console errors');
}, 180_000);

test('projector: the Info tab (Uitleg / About) explains the functions, domains, views and the scenario, in nl and en', async ({ browser, url }) => {
  const { page, errors } = await openPage(browser, `${url}?scenario=jeugdhulp&autoplay=0`, { width: 1280, height: 720 });
  const watch = await page.evaluate(() => (window as unknown as { __samenspel: { meta: { scenario: { watchFor?: { nl: string[]; en: string[] } } } } }).__samenspel.meta.scenario.watchFor);
  await page.click('#about-open');
  const nl = await page.locator('#about').innerText();
  for (const word of ['Samen richten', 'Samen leren', 'Samen handelen', 'Agendering', 'Interactie', 'Mobilisatie', 'Platform', 'Samensturing', 'Legitimatie', 'Wat als hier?']) {
    assert(nl.includes(word), `nl Info tab mentions ${word}`);
  }
  assert(watch && watch.nl.length > 0 && watch.nl.every((w) => nl.includes(w)), 'the scenario\'s watch-for notes (nl) are shown');
  await screenshot(page, 'projector-about-nl');
  await page.locator('body').press('Escape');
  assert(await page.locator('#about').isHidden(), 'Esc closes it');
  await page.click('#lang-toggle');
  await page.click('#about-open');
  const en = await page.locator('#about').innerText();
  for (const word of ['Joint direction', 'Joint learning', 'Joint action', 'Agenda-setting', 'Co-steering', 'What if here?']) assert(en.includes(word), `en Info tab mentions ${word}`);
  assert(watch!.en.every((w) => en.includes(w)), 'the scenario\'s watch-for notes (en) are shown');
  assert(!/Samenspel simuleert/.test(en), 'no Dutch intro in English');
  await page.click('#about-close');
  // Gauge tooltips follow the language (they were English-only formulas).
  const tip = await page.locator('svg.domains g.gauge[data-key="agendering"] title').textContent();
  assert(/urgency/.test(tip ?? ''), `gauge tooltip in English: ${tip}`);
  assertEqual(errors.join('\n'), '', 'console errors');
});

test('projector: the in-app import can mark knowledge aspects (as import --knowledge; no hidden value since the knobs); the link carries the result', async ({ browser, url }) => {
  const { join } = await import('node:path');
  const { ROOT } = await import('../harness.ts');
  const { page, errors } = await openPage(browser, `${url}?autoplay=0`);
  await page.setInputFiles('#import-file', [join(ROOT, 'scenarios', 'examples', 'actoren.csv'), join(ROOT, 'scenarios', 'examples', 'ties.csv')]);
  await page.waitForFunction(() => (window as unknown as { __samenspel: { meta: { scenario: { id: string } } | null } }).__samenspel.meta?.scenario.id !== 'jeugdhulp', null, { timeout: 20_000 });
  assert(await page.locator('#knowledge-section').isVisible(), 'the knowledge-aspect form is shown for an imported scenario');
  await page.click('#knowledge-section > summary');
  const first = await page.locator('[data-knowledge]').first().getAttribute('data-knowledge');
  assertEqual(await page.locator('[data-solution]').count(), 0, 'no hidden solution value is asked for');
  await page.locator(`[data-knowledge="${first}"]`).check();
  await page.click('#knowledge-apply');
  type Meta = { aspects: { id: string; kind: string }[]; landscape: { knobs: number; aspects: number[] } | null };
  await page.waitForFunction((id) => (window as unknown as { __samenspel: { meta: Meta | null } }).__samenspel.meta?.aspects.some((a) => a.id === id && a.kind === 'knowledge'), first);
  const meta = await page.evaluate(() => (window as unknown as { __samenspel: { meta: Meta } }).__samenspel.meta);
  assert(meta.landscape !== null && meta.landscape.knobs > 0, `the knowledge aspect has knobs: ${JSON.stringify(meta.landscape)}`);
  const link = await call<string>(page, 'shareUrl');
  const fresh = await openPage(browser, link);
  const aspects = await fresh.page.evaluate(() => (window as unknown as { __samenspel: { meta: Meta } }).__samenspel.meta.aspects);
  assert(aspects.some((a) => a.id === first && a.kind === 'knowledge'), `the link opens the scenario with ${first} as a knowledge aspect`);
  // The jeugdhulp picker shows no such form (not imported).
  await page.selectOption('#scenario-picker', 'jeugdhulp');
  await page.waitForFunction(() => (window as unknown as { __samenspel: { meta: { scenario: { id: string } } | null } }).__samenspel.meta?.scenario.id === 'jeugdhulp');
  assert(await page.locator('#knowledge-section').isHidden(), 'hidden for a shipped scenario');
  assertEqual(errors.join('\n'), '', 'console errors');
}, 90_000);
