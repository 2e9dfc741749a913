// The live app as a trainer uses it: it loads running, the engine is in a worker, play /
// step / keyboard work, rules change mid-run (logged and marked), the language switches,
// actors move between rings, hover and pin, the log highlights ticks, exports, presenter.
import { call, downloadText, goToTick, hook, openPage, screenshot, waitForTick } from '../harness.ts';
import { assert, assertEqual, test } from '../registry.ts';
import type { Page } from 'playwright-core';

const R = 470;
const BANDS: [number, number][] = [[0.76, 1], [0.44, 0.72], [0, 0.4]];

async function circles(page: Page): Promise<{ i: number; pos: number; r: number }[]> {
  return page.$$eval('svg.network g.nodes circle', (els) => els.filter((e) => e.getAttribute('display') !== 'none').map((e) => ({
    i: Number(e.getAttribute('data-i')),
    pos: Number(e.getAttribute('data-pos')),
    r: Math.hypot(Number(e.getAttribute('cx')), Number(e.getAttribute('cy'))),
  })));
}

test('the app loads without console errors, with jeugdhulp already running', async ({ browser, url, note }) => {
  const { page, errors } = await openPage(browser, url);
  await waitForTick(page, 5);
  assertEqual(await page.inputValue('#scenario-picker'), 'jeugdhulp', 'default scenario');
  assert(await hook<boolean>(page, 'playing'), 'the default run should be playing');
  const n = await page.evaluate(() => (window as unknown as { __samenspel: { meta: { n: number } } }).__samenspel.meta.n);
  const drawn = await page.$$eval('svg.network g.nodes circle', (e) => e.length);
  assertEqual(drawn, n, 'one circle per actor');
  assert(await page.locator('.story').innerText().then((s) => s.length > 100), 'the scenario story is shown');
  assert(await page.locator('.watch-for li').count() >= 1, 'the watchFor notes are shown');
  await page.waitForTimeout(2500);
  await screenshot(page, 'app-default');
  note(`screenshot tests/artifacts/app-default.png at tick ${await hook(page, 'tick')}`);
  assertEqual(errors.join('\n'), '', 'console errors');
});

test('the engine runs in a Web Worker; the page never loads the tick pipeline', async ({ browser, url }) => {
  // The page's own scripts, as V8 parses them (a worker is a separate target, not reported here).
  const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const parsed: string[] = [];
  cdp.on('Debugger.scriptParsed', (e: { url: string }) => { if (e.url) parsed.push(e.url); });
  await cdp.send('Debugger.enable');
  await page.goto(url);
  await waitForTick(page, 3);
  const workers = page.workers();
  assert(workers.length >= 1, 'a dedicated worker exists');
  const stats = await call<{ ticksRun: number; inWorker: boolean }>(page, 'workerStats');
  assert(stats.inWorker, 'the simulation host reports it runs in a worker scope');
  assert(stats.ticksRun >= 3, `the worker ran the ticks (ticksRun = ${stats.ticksRun})`);
  assert(parsed.some((u) => u.includes('/viz/main.ts') || u.endsWith('/main.ts')), `the page's scripts were observed (${parsed.length})`);
  assert(parsed.some((u) => u.includes('/sim/schema/rules.ts')), 'the page loads the rule metadata');
  // sim/engine/ and sim/analysis/ are the engine; the page may load sim/schema/ (via sim/meta.ts).
  const engine = parsed.filter((u) => /\/sim\/engine\/|\/sim\/analysis\/|\/sim\/index\.ts/.test(u));
  assertEqual(engine.join(', '), '', 'engine modules parsed on the page thread');
  const inWorker = await workers[0].evaluate(() => typeof (self as unknown as { WorkerGlobalScope?: unknown }).WorkerGlobalScope !== 'undefined');
  assert(inWorker, 'the worker is a worker scope');
  assertEqual(await hook<boolean>(page, 'engineOnMainThread'), false, 'debug flag');
});

test('play advances the tick, pause stops it; step, space, → and r work', async ({ browser, url }) => {
  const { page, errors } = await openPage(browser, `${url}?autoplay=0`);
  assertEqual(await hook<number>(page, 'tick'), 0, 'starts at tick 0 with autoplay=0');
  await page.click('#btn-play');
  await waitForTick(page, 4);
  await page.click('#btn-play');
  await page.waitForFunction(() => !(window as unknown as { __samenspel: { playing: boolean } }).__samenspel.playing);
  const stopped = await hook<number>(page, 'tick');
  await page.waitForTimeout(400);
  assertEqual(await hook<number>(page, 'tick'), stopped, 'paused: the tick stays');
  await page.click('#btn-step');
  await waitForTick(page, stopped + 1);
  await page.locator('body').press('ArrowRight');
  await waitForTick(page, stopped + 2);
  assertEqual(await page.locator('#tick-counter .tick-value').innerText(), String(stopped + 2), 'tick counter');
  await page.locator('body').press(' ');
  await waitForTick(page, stopped + 4);
  await page.locator('body').press(' ');
  await page.waitForFunction(() => !(window as unknown as { __samenspel: { playing: boolean } }).__samenspel.playing);
  await page.locator('body').press('r');
  await page.waitForFunction(() => (window as unknown as { __samenspel: { tick: number } }).__samenspel.tick === 0);
  assertEqual(await hook<number>(page, 'tick'), 0, 'r resets to tick 0');
  assertEqual(errors.join('\n'), '', 'console errors');
});

test('a rule changed mid-run is applied at the next tick, logged and marked on the chart', async ({ browser, url, note }) => {
  const { page, errors } = await openPage(browser, `${url}?autoplay=0`);
  await goToTick(page, 40);
  await page.selectOption('#rule-leadership', 'facilitating');
  // Pending until the next tick: a dashed flag.
  await page.waitForSelector('.time-series g.mark[data-tick="41"]');
  await page.click('#btn-play');
  await waitForTick(page, 80);
  await page.click('#btn-play');
  const log = await hook<{ tick: number; marked: boolean; kind: string; nl: string }[]>(page, 'log');
  const entry = log.find((e) => e.kind === 'rules' && e.marked);
  assert(entry, 'a marked rules entry in the log');
  assertEqual(entry.tick, 41, 'applied at the next tick');
  assert(/faciliterend/.test(entry.nl), `the entry names the new leadership: ${entry.nl}`);
  assertEqual((await call<{ leadership: string } | null>(page, 'rules'))!.leadership, 'facilitating', 'the run uses the new rule');
  assertEqual(await page.inputValue('#rule-leadership'), 'facilitating', 'the control shows it');
  const mark = page.locator('.time-series g.mark[data-tick="41"] line');
  assertEqual(await mark.getAttribute('stroke'), '#b8860b', 'the chart mark is a solid (applied) flag');
  assert(await page.locator('.log-entry.marked[data-tick="41"]').count() === 1, 'the log shows the marked entry');
  const interventions = await hook<{ tick: number; type: string }[]>(page, 'interventions');
  assertEqual(JSON.stringify(interventions), JSON.stringify([{ type: 'rules', rules: { leadership: 'facilitating' }, tick: 41 }]), 'the intervention is recorded');
  await page.waitForURL(/iv=/, { timeout: 5000 });
  await screenshot(page, 'rule-change-marked');
  note('screenshot tests/artifacts/rule-change-marked.png');
  assertEqual(errors.join('\n'), '', 'console errors');
});

test('the language toggle switches labels, scenario texts and the event log', async ({ browser, url }) => {
  const { page, errors } = await openPage(browser, `${url}?autoplay=0`);
  await goToTick(page, 30);
  const title = () => page.locator('.time-series .view-title').textContent();
  assertEqual(await page.locator('#network-panel h2').innerText(), 'Netwerk', 'Dutch by default');
  assertEqual(await title(), 'Richten, leren, handelen', 'chart title in Dutch');
  const storyNl = await page.locator('.story').innerText();
  await page.click('#lang-toggle');
  assertEqual(await page.locator('#network-panel h2').innerText(), 'Network', 'English after the toggle');
  assertEqual(await title(), 'Directing, learning, acting', 'chart title in English');
  assert((await page.locator('#btn-play').innerText()).includes('Play'), 'play button in English');
  assertEqual(await page.locator('.domains g.gauge[data-key="agendering"] text.label').textContent(), 'Agenda-setting', 'domain gauge label');
  const storyEn = await page.locator('.story').innerText();
  assert(storyEn !== storyNl && /youth care|waiting list/i.test(storyEn), 'scenario story in English');
  const log = await hook<{ en: string }[]>(page, 'log');
  const shown = await page.locator('.log-entry .log-text').first().innerText();
  assert(log.some((e) => e.en === shown), `log entries are shown in English: ${shown}`);
  await page.waitForURL(/lang=en/, { timeout: 5000 });
  await page.click('#lang-toggle');
  assertEqual(await page.locator('#network-panel h2').innerText(), 'Netwerk', 'back to Dutch');
  assertEqual(errors.join('\n'), '', 'console errors');
});

test('actors move between rings and glide there; the coreness toggle re-places them', async ({ browser, url }) => {
  const { page, errors } = await openPage(browser, `${url}?autoplay=0`);
  await page.waitForTimeout(1500);
  const before = new Map((await circles(page)).map((c) => [c.i, c]));
  // Every actor starts in the band of its position.
  for (const c of before.values()) {
    const [lo, hi] = BANDS[c.pos];
    assert(c.r >= R * lo - 25 && c.r <= R * hi + 25, `actor ${c.i} (position ${c.pos}) at radius ${c.r.toFixed(0)} outside its band`);
  }
  let mover: { i: number; from: number; to: number } | null = null;
  for (let target = 2; target <= 60 && !mover; target += 2) {
    await goToTick(page, target);
    const now = await circles(page);
    const moved = now.find((c) => before.has(c.i) && before.get(c.i)!.pos !== c.pos);
    if (moved) mover = { i: moved.i, from: before.get(moved.i)!.pos, to: moved.pos };
  }
  assert(mover, 'some actor changed position within 60 ticks');
  // It glides: its radius takes several intermediate values, then settles in the new band.
  const radii: number[] = [];
  for (let k = 0; k < 12; k++) {
    const c = (await circles(page)).find((x) => x.i === mover!.i);
    if (c) radii.push(Math.round(c.r));
    await page.waitForTimeout(60);
  }
  await page.waitForTimeout(2500);
  const settled = (await circles(page)).find((x) => x.i === mover!.i)!;
  const [lo, hi] = BANDS[settled.pos];
  assert(settled.r >= R * lo - 25 && settled.r <= R * hi + 25, `after moving to position ${settled.pos} actor ${mover.i} settles in its band (r = ${settled.r.toFixed(0)})`);
  assert(new Set(radii).size >= 3, `the move is animated (radii ${radii.join(', ')})`);
  // Coreness mode: the structurally most central actor ends up nearest the centre.
  await page.click('#ring-toggle');
  await page.waitForTimeout(2500);
  const coreness = await call<number[]>(page, 'coreness');
  const placed = await circles(page);
  const top = placed.reduce((a, b) => (coreness[b.i] > coreness[a.i] ? b : a));
  const bottom = placed.reduce((a, b) => (coreness[b.i] < coreness[a.i] ? b : a));
  assert(top.r < bottom.r, `highest coreness nearer the centre (${top.r.toFixed(0)} vs ${bottom.r.toFixed(0)})`);
  assert(top.r < R * 0.25, `highest coreness near the centre (r = ${top.r.toFixed(0)})`);
  assertEqual(errors.join('\n'), '', 'console errors');
});

test('hover shows name, sector, position, engagement and stake; click pins the actor panel with history', async ({ browser, url }) => {
  const { page, errors } = await openPage(browser, `${url}?autoplay=0`);
  await page.waitForTimeout(1200);
  await page.hover('svg.network circle[data-i="0"]', { force: true });
  const tip = page.locator('.network-tooltip');
  await tip.waitFor({ state: 'visible' });
  await page.waitForFunction(() => /Belang/.test(document.querySelector('.network-tooltip')?.textContent ?? ''));
  const text = await tip.innerText();
  for (const part of ['Gemeente', 'Positie', 'Betrokkenheid', 'Belang']) assert(text.includes(part), `tooltip has '${part}': ${text}`);
  await page.click('svg.network circle[data-i="0"]', { force: true });
  await page.locator('.actor-panel h3').waitFor();
  assertEqual(await page.locator('.actor-panel h3').innerText(), 'Gemeente', 'pinned panel');
  await page.click('#btn-play');
  await waitForTick(page, 12);
  await page.click('#btn-play');
  await page.waitForFunction(() => (document.querySelector('.actor-history path')?.getAttribute('d') ?? '').length > 20);
  await page.click('.actor-panel button[data-lever="mobilise"]');
  await page.waitForFunction(() => (window as unknown as { __samenspel: { interventions: { type: string }[] } }).__samenspel.interventions.some((e) => e.type === 'mobilise'));
  await screenshot(page, 'actor-pinned');
  await page.click('.actor-panel .close');
  assert(!(await page.locator('.actor-panel').isVisible()), 'closed');
  assertEqual(errors.join('\n'), '', 'console errors');
});

test('the actor panel shows the approach as knob squares by aspect with its worth; the interest view shows the knobs, not s*', async ({ browser, url }) => {
  const { page, errors } = await openPage(browser, `${url}?autoplay=0`);
  await goToTick(page, 15);
  type Land = { knobs: number; perAspect: number; aspects: number[] } | null;
  const land = await page.evaluate(() => (window as unknown as { __samenspel: { meta: { landscape: { knobs: number; perAspect: number; aspects: number[] } | null } } }).__samenspel.meta.landscape) as Land;
  assert(land !== null && land.knobs > 0 && land.aspects.length === 2, `jeugdhulp has two knowledge aspects with knobs: ${JSON.stringify(land)}`);
  const L = land!;
  // Interest view: one column per knob, x*'s setting under each, the numbers beside; no solution point.
  await page.waitForFunction((n) => document.querySelectorAll('svg.interest .landscape .knob').length === n, L.knobs);
  const interestText = await page.locator('svg.interest').textContent();
  assert(!/oplossing|solution s\*/i.test(interestText ?? ''), `no s* label: ${interestText}`);
  const numbers = page.locator('svg.interest .landscape-numbers');
  const meanWorth = Number(await numbers.getAttribute('data-mean-worth'));
  assert(meanWorth >= 0 && meanWorth <= 1, `mean worth in [0, 1]: ${meanWorth}`);
  const best = await page.$$eval('svg.interest .landscape .knob', (els) => els.map((e) => Number(e.getAttribute('data-best'))));
  // Actor panel: pin the first actor; its approach as L.knobs squares in one group per aspect.
  await page.click('svg.network circle[data-i="0"]', { force: true });
  await page.locator('.actor-panel .actor-approach .knob').first().waitFor();
  assertEqual(await page.locator('.actor-panel .approach-aspect').count(), L.aspects.length, 'a group per knowledge aspect');
  for (let a = 0; a < L.aspects.length; a++) {
    assertEqual(await page.locator('.actor-panel .approach-aspect').nth(a).locator('.knob').count(), L.perAspect, `aspect ${a}: m squares`);
  }
  const squares = await page.$$eval('.actor-panel .actor-approach .knob', (els) => els.map((e) => ({ on: Number(e.getAttribute('data-on')), differs: Number(e.getAttribute('data-differs')), filled: e.classList.contains('on') })));
  assertEqual(squares.length, L.knobs, 'a square per knob');
  squares.forEach((q, b) => {
    assertEqual(q.filled, q.on === 1, `knob ${b}: filled when on`);
    assertEqual(q.differs, q.on === best[b] ? 0 : 1, `knob ${b}: outlined exactly where it differs from x*`);
  });
  const worth = await page.locator('.actor-panel .approach-worth').getAttribute('data-worth');
  assert(worth !== null && Number(worth) >= 0 && Number(worth) <= 1, `worth in [0, 1]: ${worth}`);
  assert(/waarde\s+\d,\d\d/.test(await page.locator('.actor-panel .approach-worth').innerText()), 'worth printed with a decimal comma (nl)');
  const scaleBar = () => page.locator('svg.interest .scale-bar').getAttribute('x1');
  const zoomBefore = await scaleBar();
  await page.click('#lang-toggle');
  await page.waitForFunction(() => /Approach/.test(document.querySelector('.actor-panel .approach-title')?.textContent ?? ''));
  assert(/worth\s+\d\.\d\d/.test(await page.locator('.actor-panel .approach-worth').innerText()), 'worth in English');
  await screenshot(page, 'actor-approach');
  // A language switch is not a frame: the interest view's zoom stays (it used to shrink 1.5 % a switch).
  await page.click('#lang-toggle');
  await page.waitForFunction(() => /Aanpak/.test(document.querySelector('.actor-panel .approach-title')?.textContent ?? ''));
  assertEqual(await scaleBar(), zoomBefore, 'the interest zoom after switching the language there and back');
  assertEqual(errors.join('\n'), '', 'console errors');
});

test('play/pause in quick succession at 3,000 actors: the page holds one row per tick and one log item per entry, as the worker recorded', async ({ browser, url }) => {
  // 3,000 actors: a tick takes long enough that a display frame is often on its way at a click.
  const { page, errors } = await openPage(browser, `${url}?scenario=synthetisch&set=actors%3D3000&autoplay=0&end=100000`);
  await page.selectOption('#speed', '0');
  // Each click sends its command and a frame request right behind it, alongside any display
  // frame already on its way; overlapping frames must not duplicate rows or log entries. (The
  // overlap carrying new log entries is rare here: this checks the outcome; the merge itself,
  // takeFrameLog, is tested with overlapping frames in tests/viz/appState.test.ts.)
  for (let k = 0; k < 24; k++) { await page.click('#btn-play'); await page.waitForTimeout(40 + (k % 3) * 25); }
  if ((await page.getAttribute('#btn-play', 'aria-pressed')) === 'true') await page.click('#btn-play');
  await page.waitForFunction(() => (window as unknown as { __samenspel: { workerPlaying: boolean } }).__samenspel.workerPlaying === false);
  await page.waitForTimeout(300);
  const { log, rows, tick, shown } = await page.evaluate(() => {
    const h = (window as unknown as { __samenspel: { tick: number; log: { tick: number; nl: string }[]; series: (k: string) => number[] } }).__samenspel;
    return { log: h.log.map((e) => `${e.tick}|${e.nl}`), rows: h.series('richten').length, tick: h.tick, shown: document.querySelectorAll('#log li.log-entry').length };
  });
  assert(log.length > 0 && tick > 3, `the run went on and logged something (tick ${tick}, ${log.length} entries)`);
  assertEqual(shown, Math.min(log.length, 200), 'one list item per log entry');
  assertEqual(rows, tick + 1, 'one series row per tick (0 … tick)');
  const exported = await call<string>(page, 'exportCsv');
  assertEqual(exported.trim().split('\n').length - 1, rows, 'the page holds as many rows as the worker recorded');
  assertEqual(errors.join('\n'), '', 'console errors');
});

test('clicking a log entry highlights its tick in the charts', async ({ browser, url }) => {
  const { page, errors } = await openPage(browser, `${url}?autoplay=0`);
  await goToTick(page, 70);
  const entry = page.locator('.log-entry.marked').first();
  await entry.waitFor();
  const tick = Number(await entry.getAttribute('data-tick'));
  await entry.click();
  assertEqual(await hook<number>(page, 'highlight'), tick, 'highlight state');
  assertEqual(await page.locator('.time-series .highlight-label').textContent(), `Ronde ${tick}`, 'time series highlight');
  assert(await page.locator('.triangle circle.dot-highlight').count() === 1, 'triangle highlight');
  assert(await page.locator('.log-entry.active').count() >= 1, 'the entry is active');
  assertEqual(errors.join('\n'), '', 'console errors');
});

test('exports: the run as CSV and JSON, the interventions as an --events file', async ({ browser, url }) => {
  const { page, errors } = await openPage(browser, `${url}?autoplay=0`);
  await goToTick(page, 25);
  await page.click('#export-menu summary');
  const csv = await downloadText(page, () => page.click('button[data-export="csv"]'));
  assert(csv.name.endsWith('.csv') && csv.text.startsWith('tick,richten,'), `CSV download (${csv.name})`);
  assertEqual(csv.text.trim().split('\n').length, 27, 'header + ticks 0..25');
  const json = await downloadText(page, () => page.click('button[data-export="json"]'));
  const parsed = JSON.parse(json.text);
  assertEqual(parsed.ticks, 25, 'JSON run');
  const ev = await downloadText(page, () => page.click('button[data-export="events"]'));
  assert(Array.isArray(JSON.parse(ev.text)), 'events JSON is an array');
  assert((await page.locator('#cli-command').innerText()).startsWith('npx samenspel run jeugdhulp --seed 1 --ticks 25'), 'CLI command shown');
  assertEqual(errors.join('\n'), '', 'console errors');
});

test('every view downloads as SVG and PNG', async ({ browser, url }) => {
  // Two pages: headless Chromium stops delivering downloads after about ten from one page.
  for (const views of [['network', 'functions', 'balance'], ['interest', 'domains']]) {
    const { page, errors } = await openPage(browser, `${url}?autoplay=0`);
    await goToTick(page, 25);
    for (const view of views) {
      const svg = await downloadText(page, () => page.click(`button.export-view[data-view="${view}"][data-kind="svg"]`, { force: true }));
      assert(svg.name.endsWith('.svg') && svg.text.startsWith('<?xml') && svg.text.includes('xmlns="http://www.w3.org/2000/svg"'), `${view} SVG (${svg.name})`);
      const png = await downloadText(page, () => page.click(`button.export-view[data-view="${view}"][data-kind="png"]`, { force: true }));
      assert(png.name.endsWith('.png') && png.bytes.subarray(1, 4).toString() === 'PNG' && png.bytes.length > 2000, `${view} PNG (${png.bytes.length} bytes)`);
    }
    assertEqual(errors.join('\n'), '', 'console errors');
    await page.context().close();
  }
});

test('presenter mode: full screen layout, large type, only the essentials', async ({ browser, url, note }) => {
  const { page, errors } = await openPage(browser, url);
  await waitForTick(page, 60);
  await page.click('#presenter-toggle');
  assert(await page.evaluate(() => document.body.classList.contains('presenter')), 'presenter class');
  assert(!(await page.locator('#sidebar').isVisible()), 'sidebar hidden');
  const size = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  assert(size >= 18, `large type (${size}px)`);
  assert(await page.locator('#quick-leadership').isVisible(), 'leadership control stays');
  await page.selectOption('#quick-leadership', 'facilitating');
  await waitForTick(page, 110);
  await page.waitForTimeout(1500);
  await screenshot(page, 'presenter');
  note('screenshot tests/artifacts/presenter.png');
  await page.keyboard.press('Escape');
  assert(!(await page.evaluate(() => document.body.classList.contains('presenter'))), 'Escape leaves presenter mode');
  assertEqual(errors.join('\n'), '', 'console errors');
});
