// The live app: a trainer runs a scenario and changes the spelregels while the room watches.
// The engine runs in a Web Worker (workers/sim.worker.ts); this thread draws frames and
// sends the trainer's controls. Settings live in the URL, so a link replays the same run.
import './style.css';
import { createSimClient } from './client.ts';
import { decodeSettings, encodeSettings, type AppSettings } from './state/url.ts';
import { seriesOf } from './state/series.ts';
import { adoptRun, axisEnd, canBranch, createAppState, endTick as runEnd, pendingTicks, takeFrameLog, takeRules, toggleHighlight } from './state/app.ts';
import { decodeScenario, encodeScenario, fragmentScenario, MAX_FRAGMENT } from './state/scenarioLink.ts';
import { t, fmt, type Lang, type StringKey } from './i18n.ts';
import { createNetworkView, escapeHtml, type RingMode } from './views/network.ts';
import { createTimeSeriesView } from './views/timeSeries.ts';
import { createTriangleView } from './views/triangle.ts';
import { createInterestView } from './views/interest.ts';
import { createDomainsView, DOMAIN_KEYS } from './views/domains.ts';
import { createEventLogView } from './views/eventLog.ts';
import { createMonitorsView } from './views/monitors.ts';
import { createAboutPanel } from './views/about.ts';
import { createActorPanel } from './views/actorPanel.ts';
import { buildTransport } from './controls/transport.ts';
import { buildScenarioPanel, registerScenario, SCENARIOS, storedScenario } from './controls/scenarioPanel.ts';
import { installDrop } from './controls/drop.ts';
import { buildRulesPanel, buildQuickRules } from './controls/rulesPanel.ts';
import { buildLeversPanel } from './controls/levers.ts';
import { buildAdvancedPanel } from './controls/advanced.ts';
import { buildLiveParamsPanel } from './controls/liveParams.ts';
import { buildKnowledgePanel, withKnowledge } from './controls/knowledge.ts';
import { buildActions } from './controls/actions.ts';
import { downloadBlob, downloadText, svgDocument, svgToPng } from './export/download.ts';
import { measureLatency } from './bench.ts';
import { buildComparePanel } from './compare/panel.ts';
import type { Frame, RunMeta } from '../workers/app-protocol.ts';
import type { Intervention, PartialRules } from '../sim/meta.ts';

const $ = (id: string) => document.getElementById(id)!;

const { api, worker } = createSimClient();
const decoded = decodeSettings(location.search);
const settings: AppSettings = decoded.settings;
const autoplay = !new URLSearchParams(location.search).has('autoplay') ? settings.tick === 0 : new URLSearchParams(location.search).get('autoplay') !== '0';

// --- Run state on this thread (what frames have told us) --------------------------------
const state = createAppState();
let chartsDirty = true;
let lastSlow = 0;
let tiesTick = -1_000_000;
let wantTies = false;
let speed = 10;
let ringMode: RingMode = 'position';
let framesApplied = 0;
let starting: Promise<void> | null = null;
/** The scenario a link carries in its fragment (#sc=…), read on the first start only. */
let linkScenario: string | null = fragmentScenario(location.hash);
/** The current scenario as fragment text when it was imported (a link must carry it). */
let scenarioFragment: string | null = null;

// --- Views --------------------------------------------------------------------------------
const network = createNetworkView($('network'), {
  lang: settings.lang,
  onPin: (i) => pin(i),
  describe: async (i) => {
    const d = await api.actor(i);
    if (!d || !state.meta) return [];
    const parts = state.meta.aspects.map((a, x) => `${escapeHtml(a.label[settings.lang])} ${fmt(d.stake[x], settings.lang, 2)}`);
    return [`${t('stake', settings.lang)}: ${parts.join(' · ')}`];
  },
});
const timeSeries = createTimeSeriesView($('series'), { lang: settings.lang, onSelectTick: (tk) => setHighlight(tk) });
const monitors = createMonitorsView($('monitors'), { lang: settings.lang });
const triangle = createTriangleView($('triangle'), { lang: settings.lang });
const interest = createInterestView($('interest'), { lang: settings.lang });
const domains = createDomainsView($('domains'), { lang: settings.lang });
const eventLog = createEventLogView($('log'), { lang: settings.lang, onSelectTick: (tk) => setHighlight(tk) });
const actorPanel = createActorPanel($('actor-panel'), {
  lang: settings.lang,
  onClose: () => pin(null),
  onLever: (type, target, other) => {
    if (type === 'broker') intervene({ type: 'broker', target, with: other! });
    else if (type === 'mandate') intervene({ type: 'mandate', target, amount: 0.3 });
    else intervene({ type: 'mobilise', target, amount: 0.3 });
  },
});

// --- Controls -------------------------------------------------------------------------------
const transport = buildTransport($('transport'), {
  lang: settings.lang,
  onPlay: () => togglePlay(),
  onStep: () => stepOnce(),
  onReset: () => reset(),
  onSpeed: (tps) => { speed = tps; void api.setSpeed(tps); },
  onMore: (ticks) => void extendRun(ticks),
});
const scenarioPanel = buildScenarioPanel($('sidebar'), {
  lang: settings.lang,
  onScenario: (id) => restart({ scenario: id, sets: [], rules: null, interventions: [], tick: 0, end: null }),
  onSeed: (seed) => restart({ seed, interventions: [], tick: 0 }),
  onActors: (count) => restart({ sets: [...settings.sets.filter((s) => !s.startsWith('actors=')), `actors=${count}`], interventions: [], tick: 0 }),
  onImport: () => drop.pick(),
});
const drop = installDrop($('drop-hint'), {
  lang: () => settings.lang,
  onError: (message) => showError(message),
  onScenario: (s) => {
    registerScenario(s.id, s.json, s.file);
    if (s.warnings.length) actions.flash(s.warnings.join(' · '));
    else actions.flash(`${t('imported', settings.lang)}: ${s.file}`);
    void restart({ scenario: s.id, sets: [], rules: null, interventions: [], tick: 0, end: null }).then(() => { if (state.meta && !state.playing) return play(); });
  },
});
const rulesPanel = buildRulesPanel($('sidebar'), { lang: settings.lang, rules: () => state.rules, onChange: (change) => changeRules(change) });
const quickRules = buildQuickRules($('quick-rules'), { lang: settings.lang, rules: () => state.rules, onChange: (change) => changeRules(change) });
const levers = buildLeversPanel($('sidebar'), { lang: settings.lang, onIntervene: (e) => intervene(e) });
const knowledge = buildKnowledgePanel($('sidebar'), {
  lang: settings.lang,
  onApply: (knowledgeAspects) => {
    const file = SCENARIOS.get(settings.scenario);
    if (!file) return;
    registerScenario(settings.scenario, withKnowledge(file.json, knowledgeAspects), file.file);
    void restart({ interventions: [], tick: 0 });
  },
});
const liveParams = buildLiveParamsPanel($('sidebar'), {
  lang: settings.lang,
  onChange: (key, value) => intervene({ type: 'params', params: { [key]: value } } as Intervention),
  onLandscape: (key, value) => intervene({ type: 'landscape', [key]: value } as Intervention),
});
const advanced = buildAdvancedPanel($('sidebar'), { lang: settings.lang, onApply: (sets) => restart({ sets, interventions: [], tick: 0 }) });
const actions = buildActions($('actions'), {
  lang: settings.lang,
  onLang: () => setLang(settings.lang === 'nl' ? 'en' : 'nl'),
  onPresenter: () => setPresenter(!settings.presenter),
  onShare: () => share(),
  onExport: (what) => void exportRun(what),
  cliCommand: () => cliCommand(),
  onCompare: () => compare.open(),
  onAbout: () => about.open(),
});
const about = createAboutPanel($('about'), { lang: settings.lang });
const compare = buildComparePanel($('compare'), {
  lang: settings.lang,
  scenarios: () => [...SCENARIOS.entries()].map(([id, f]) => ({
    id, title: f.title, json: f.json, file: f.file ?? `scenarios/${id}.json`, ticks: typeof f.json.ticks === 'number' ? f.json.ticks : 200,
  })),
  current: () => ({ scenario: settings.scenario, sets: settings.sets }),
  onOpen: () => { void pause(); },
  onError: (message) => showError(message),
});

// "Wat als hier?": on the chart's tools, for the tick clicked on the chart or in the log.
const whatIfButton = document.createElement('button');
whatIfButton.id = 'what-if';
whatIfButton.className = 'what-if';
whatIfButton.addEventListener('click', () => { if (state.highlight !== null) void branchHere(state.highlight); });
const whatIfClose = document.createElement('button');
whatIfClose.id = 'what-if-close';
whatIfClose.addEventListener('click', () => closeBranch());
const whatIf = {
  show(): void {
    const can = canBranch(state);
    whatIfButton.disabled = !can;
    whatIfButton.textContent = can ? `${t('whatIf', settings.lang)} · ${state.highlight}` : t('whatIf', settings.lang);
    whatIfButton.title = t('whatIfHint', settings.lang);
    whatIfClose.hidden = state.ghost === null;
    whatIfClose.textContent = t('whatIfClose', settings.lang);
  },
};

for (const [tools, name, view] of [
  ['network-tools', 'network', network], ['series-tools', 'functions', timeSeries], ['triangle-tools', 'balance', triangle],
  ['interest-tools', 'interest', interest], ['domains-tools', 'domains', domains],
] as const) {
  const host = $(tools);
  if (name === 'functions') {
    host.appendChild(whatIfButton);
    host.appendChild(whatIfClose);
    const toggle = document.createElement('button');
    toggle.className = 'scale-toggle';
    toggle.id = 'scale-toggle';
    toggle.dataset.scale = 'full';
    toggle.addEventListener('click', () => {
      const next = toggle.dataset.scale === 'full' ? 'zoom' : 'full';
      toggle.dataset.scale = next;
      toggle.setAttribute('aria-pressed', String(next === 'zoom'));
      toggle.textContent = t(next === 'full' ? 'scaleFull' : 'scaleZoom', settings.lang);
      timeSeries.setScale(next);
    });
    toggle.title = t('scaleHint', settings.lang);
    host.appendChild(toggle);
  }
  if (name === 'network') {
    const toggle = document.createElement('button');
    toggle.className = 'ring-toggle';
    toggle.id = 'ring-toggle';
    toggle.addEventListener('click', () => {
      ringMode = ringMode === 'position' ? 'coreness' : 'position';
      network.setRingMode(ringMode);
      toggle.textContent = t(ringMode === 'position' ? 'byPosition' : 'byCoreness', settings.lang);
      toggle.setAttribute('aria-pressed', String(ringMode === 'coreness'));
    });
    host.appendChild(toggle);
  }
  for (const kind of ['svg', 'png'] as const) {
    const b = document.createElement('button');
    b.className = 'export-view';
    b.dataset.view = name;
    b.dataset.kind = kind;
    b.textContent = kind.toUpperCase();
    b.title = `${name}.${kind}`;
    b.addEventListener('click', async () => {
      const svg = view.svgText();
      const file = `samenspel-${settings.scenario}-${name}-t${state.tick}`;
      if (kind === 'svg') downloadText(`${file}.svg`, svgDocument(svg), 'image/svg+xml');
      else downloadBlob(`${file}.png`, await svgToPng(svg, 2));
    });
    host.appendChild(b);
  }
}

// --- Running --------------------------------------------------------------------------------
async function start(): Promise<void> {
  const carried = linkScenario;
  linkScenario = null;
  if (carried) {
    try {
      registerScenario(settings.scenario, await decodeScenario(carried), `${settings.scenario}.json (link)`);
    } catch (e) { showError(`${t('error', settings.lang)}: ${(e as Error).message}`); }
  }
  let file = SCENARIOS.get(settings.scenario);
  if (!file) {
    const stored = storedScenario(settings.scenario);
    if (stored) { registerScenario(settings.scenario, stored); file = SCENARIOS.get(settings.scenario); }
  }
  if (!file) {
    // Never another scenario silently: say which one the link named and why it is missing.
    showError(t('unknownScenario', settings.lang).replace('{id}', settings.scenario).replace('{valid}', [...SCENARIOS.keys()].join(', ')));
    settings.scenario = 'jeugdhulp';
    settings.interventions = [];
    settings.branch = null;
    settings.tick = 0;
    const shown = $('error-box').textContent;
    await start();
    showError(shown);
    return;
  }
  // An imported scenario goes into the link (compressed), unless it is too large for one.
  scenarioFragment = file.imported ? await encodeScenario(file.json) : null;
  const branch = settings.branch;
  // A branch's link opens its original first (drawn faint), then branches from it.
  let result = await api.init({
    scenario: file.json,
    file: file.file ?? `scenarios/${settings.scenario}.json`,
    sets: settings.sets,
    rules: settings.rules ?? undefined,
    seed: settings.seed,
    interventions: branch ? branch.orig : settings.interventions,
    goTo: branch ? branch.origTick : settings.tick,
  });
  state.ghost = null;
  if (result.ok && branch) {
    state.ghost = seriesOf(await api.rows());
    result = await api.branch(branch.at, settings.interventions.filter((e) => e.tick > branch.at));
    if (result.ok && settings.tick > branch.at) await api.runTo(settings.tick);
  }
  if (!result.ok) {
    showError(result.error);
    return;
  }
  await adopt(result.meta);
}

/** Takes a new run (or branch) from the worker: the views start over from its meta. */
async function adopt(next: RunMeta): Promise<void> {
  showError(null);
  adoptRun(state, next);
  const meta = next;
  shownFailure = null;
  chartsDirty = true;
  tiesTick = -1_000_000;
  network.setMeta(meta);
  interest.setMeta({
    n: meta.n, k: meta.k, sector: meta.sector, sectorColors: meta.sectors.map((s) => s.color),
    landscape: meta.landscape ?? null,
  });
  eventLog.clear();
  const partners = Array.from({ length: meta.n }, (_, i) => i).filter((i) => meta.named[i]);
  actorPanel.setMeta({ names: meta.names, sectors: meta.sectors, aspects: meta.aspects, partners, landscape: meta.landscape ?? null });
  scenarioPanel.show(settings, meta);
  about.setWatchFor(meta.scenario.watchFor, meta.scenario.title);
  knowledge.show(meta, SCENARIOS.get(settings.scenario)?.imported === true);
  rulesPanel.setMeta(meta);
  quickRules.setMeta(meta);
  levers.setMeta(meta);
  advanced.show(settings.sets);
  whatIf.show();
  await api.setSpeed(speed);
  await api.setStopAt(endTick());
  writeUrl();
}

/** "Wat als hier?": the run goes on from `at` as a branch; the original stays, drawn faint. */
async function branchHere(at: number): Promise<void> {
  if (!state.meta || at > state.tick) return;
  await pause();
  const original = seriesOf(await api.rows());
  const orig = state.interventions.slice();
  const origTick = state.tick;
  const result = await api.branch(at, []);
  if (!result.ok) { showError(result.error); return; }
  state.ghost = original;
  settings.branch = { at, orig, origTick };
  settings.interventions = result.meta.interventions.slice();
  settings.tick = at;
  await adopt(result.meta);
  actions.flash(t('whatIfStarted', settings.lang).replace('{tick}', String(at)));
}

/** Ends the comparison: the branch stays as the run (its link is a plain run's). */
function closeBranch(): void {
  state.ghost = null;
  settings.branch = null;
  whatIf.show();
  monitors.setGhost(null);
  chartsDirty = true;
  redrawCharts();
  writeUrl();
}

function restart(change: Partial<AppSettings>): Promise<void> {
  // A restart (new scenario, seed, settings or reset) is a plain run again.
  Object.assign(settings, { branch: null }, change);
  const wasPlaying = state.playing;
  starting = start().then(async () => { if (wasPlaying) await play(); });
  return starting;
}

/** The run's last tick: the scenario's length, or later when the trainer chose to go on. */
function endTick(): number { return runEnd(state, settings.end); }

async function play(): Promise<void> {
  if (state.meta && state.tick >= endTick()) { actions.flash(t('runEnded', settings.lang)); return; }
  state.controlSeq++;
  state.playing = true; transport.setPlaying(true);
  // The frame request goes right behind the command: the worker answers both in the same pause
  // between ticks, so its confirmation takes one round trip, not two.
  const ack = api.play();
  requestFrame(true);
  await ack;
}

/** "10 / 50 / 100 more": the run gets longer (kept in the link) and plays on. */
async function extendRun(ticks: number): Promise<void> {
  if (!state.meta) return;
  settings.end = Math.max(endTick(), state.tick) + ticks;
  await api.setStopAt(settings.end);
  transport.setTick(state.tick, settings.end);
  chartsDirty = true;
  writeUrl();
  await play();
}
async function pause(): Promise<void> {
  // The button answers at once; the worker follows (its answer cannot be overtaken: see applyFrame).
  state.controlSeq++;
  state.playing = false; transport.setPlaying(false);
  const ack = api.pause();
  requestFrame(true);
  await ack;
}
async function togglePlay(): Promise<void> { if (state.playing) await pause(); else await play(); }
async function stepOnce(): Promise<void> {
  if (state.playing) await pause();
  try { await api.step(1); } catch (e) { showError(`${t('error', settings.lang)}: ${(e as Error).message}`); }
}
async function reset(): Promise<void> {
  await pause();
  await restart({ interventions: [], tick: 0 });
}

function changeRules(change: string | PartialRules): void {
  if (!state.meta) return;
  if (state.tick === 0 && !state.playing && !state.interventions.length) {
    // Before the run starts, a rule choice is the start rules (no intervention needed).
    const next: string | PartialRules = typeof change === 'string' ? change : { ...(state.rules ?? state.meta.rules), ...change };
    void restart({ rules: next });
    return;
  }
  void api.setRules(change).then(() => requestTies(), refuse);
}

/** A live intervention; one the engine's event checks refuse is shown, and the run goes on. */
function intervene(event: Intervention): Promise<boolean> {
  if (!state.meta) return Promise.resolve(false);
  return api.intervene(event).then(() => true, (e) => { refuse(e); return false; });
}

function refuse(e: unknown): void {
  const message = String((e as Error)?.message ?? e);
  showError(`${t('refused', settings.lang)}: ${message}`);
  actions.flash(t('refused', settings.lang));
}

function requestTies(): void { wantTies = true; }

function setHighlight(tk: number | null): void {
  toggleHighlight(state, tk);
  whatIf.show();
  eventLog.setHighlight(state.highlight);
  redrawCharts();
}

function pin(i: number | null): void {
  state.pinned = i;
  actorPanel.pin(i);
  network.setPinned(i);
  if (i !== null && state.lastFrame) {
    actorPanel.record(state.lastFrame.tick, state.lastFrame.position[i], state.lastFrame.engagement[i], state.lastFrame.resources[i]);
    void api.actor(i).then((d) => d && actorPanel.showDetail(d));
  }
}

// --- Frames -----------------------------------------------------------------------------------
/** Frame requests on their way (a control's own request may go alongside a display frame's). */
let pending = 0;
/** A frame was asked for while one was on its way: ask again as soon as it arrives. */
let again = false;
let lastDetail = 0;
/** Above this many actors a playing run is drawn from at most FRAME_HZ frames a second: each
 * frame costs the page a pass over every actor, and the controls need the time more. */
const MANY_ACTORS = 5000, FRAME_HZ = 15;
let lastRequest = 0;
function onAnimationFrame(now: number): void {
  requestAnimationFrame(onAnimationFrame);
  if (state.playing && state.meta && state.meta.n > MANY_ACTORS && now - lastRequest < 1000 / FRAME_HZ) return;
  requestFrame();
}

/** `urgent`: a control's confirmation, asked for even while a display frame is on its way. */
function requestFrame(urgent = false): void {
  if (!state.meta) return;
  if (pending && !urgent) { again = true; return; }
  pending++;
  again = false;
  lastRequest = performance.now();
  const runId = state.meta.runId;
  const seq = state.controlSeq;
  api.frame({ runId, tick: state.lastFrame && state.lastFrame.runId === runId ? state.tick : -1, logLength: state.log.length, interventions: state.interventions.length, tiesTick, wantTies, failure: shownFailure, playing: state.lastFrame?.playing })
    .then((f) => { if (f && state.meta && f.runId === state.meta.runId) applyFrame(f, seq === state.controlSeq); })
    .catch((e) => showError(String(e)))
    .finally(() => { pending--; if (!pending && again && seq !== state.controlSeq) requestFrame(); });
}

let shownFailure: string | null = null;
function applyFrame(f: Frame, current = true): void {
  if (f.failure !== shownFailure) { shownFailure = f.failure; if (f.failure) showError(`${t('error', settings.lang)}: ${f.failure}`); }
  const first = state.lastFrame === null;
  const tickChanged = f.tick !== state.tick || first;
  state.lastFrame = f;
  state.tick = f.tick;
  framesApplied++;
  // A frame asked for before the last play/pause must not flip the button back (it used to,
  // at 10,000 actors, so a pause seemed to take seconds).
  if (current && f.playing !== state.playing) { state.playing = f.playing; transport.setPlaying(state.playing); if (!state.playing) writeUrl(); }
  state.series.append(f.rows);
  if (f.rows.length) {
    chartsDirty = true;
    monitors.update((k) => state.series.last(k));
    // The original at the same tick (or at its last tick, when the branch went further).
    const g = state.ghost, row = g && g.length ? g.rowOfTick(Math.min(f.tick, g.tick(g.length - 1))) : -1;
    monitors.setGhost(g && row >= 0 ? (k) => g.value(row, k) : null);
  }
  // Overlapping frames (a control's and one asked for before it) hold some entries twice.
  const entries = takeFrameLog(state, f.logFrom, f.log);
  if (entries.length) {
    eventLog.append(entries);
    chartsDirty = true;
  }
  if (f.interventions) { state.interventions = f.interventions; settings.interventions = state.interventions; chartsDirty = true; writeUrl(); }
  if (takeRules(state, f.rules)) {
    rulesPanel.showRules();
    quickRules.showRules();
  } else if (first) {
    rulesPanel.showRules();
    quickRules.showRules();
  }
  if (f.params) liveParams.show(f.params, f.landscape);
  if (f.ties) { tiesTick = f.ties.tick; wantTies = false; network.setTies(f.ties); }
  network.update(f);
  const p0 = state.pinned;
  if (tickChanged && p0 !== null) actorPanel.record(f.tick, f.position[p0], f.engagement[p0], f.resources[p0]);
  // The charts need not follow every frame of a large run: at most ten times a second there.
  const now0 = performance.now();
  const slowOk = state.meta!.n <= 500 || now0 - lastSlow > 100 || !state.playing;
  if (slowOk && (tickChanged || chartsDirty)) {
    lastSlow = now0;
    // Large runs: each chart in a task of its own, so a click waits for one view at most.
    if (state.meta!.n > 500) queueCharts();
    else drawChartsNow(f);
  }
  transport.setTick(f.tick, endTick());
  const p = state.pinned;
  const now = performance.now();
  if (p !== null && now - lastDetail > 400) {
    lastDetail = now;
    void api.actor(p).then((d) => d && actorPanel.showDetail(d));
  }
  if (!state.playing && tickChanged) writeUrl();
}

function drawChartsNow(f: Frame): void {
  interest.update(f);
  const values: Record<string, number> = {};
  for (const k of DOMAIN_KEYS) values[k] = state.series.last(k);
  domains.update(values);
  redrawCharts();
}

/** The charts of the latest frame, one per task (a MessageChannel: no timer clamping). */
const chartTasks: (() => void)[] = [];
const chartChannel = new MessageChannel();
chartChannel.port1.onmessage = () => {
  const next = chartTasks.shift();
  if (chartTasks.length) chartChannel.port2.postMessage(0);
  next?.();
};
function queueCharts(): void {
  if (chartTasks.length) return; // already queued: they read the latest frame when they run
  const runId = state.meta?.runId;
  const current = () => state.meta !== null && state.meta.runId === runId && state.lastFrame !== null;
  chartTasks.push(
    () => { if (current()) interest.update(state.lastFrame!); },
    () => {
      if (!current()) return;
      const values: Record<string, number> = {};
      for (const k of DOMAIN_KEYS) values[k] = state.series.last(k);
      domains.update(values);
    },
    () => { if (current()) { chartsDirty = false; whatIf.show(); timeSeries.update(chartData()); } },
    () => { if (current()) triangle.update({ series: state.series, highlight: state.highlight, markTicks: [...new Set(state.marks.map((e) => e.tick))] }); },
  );
  chartChannel.port2.postMessage(0);
}

function chartData() {
  return { series: state.series, marks: state.marks, pending: pendingTicks(state), highlight: state.highlight, xMax: axisEnd(state, settings.end), ghost: state.ghost, branchAt: settings.branch?.at ?? null };
}

function redrawCharts(): void {
  if (!state.meta) return;
  chartsDirty = false;
  whatIf.show(); // first: the chart's title makes room for the tool buttons as they are now
  timeSeries.update(chartData());
  triangle.update({ series: state.series, highlight: state.highlight, markTicks: [...new Set(state.marks.map((e) => e.tick))] });
}

// --- Language, presenter, URL, export -----------------------------------------------------------
function setLang(lang: Lang): void {
  settings.lang = lang;
  // The network's canvas first: text drawn on a canvas after the page's text changed forces a
  // style pass in the middle of this task (15–50 ms at 10,000 actors); before, it costs nothing.
  network.setLang(lang);
  document.documentElement.lang = lang;
  document.querySelectorAll<HTMLElement>('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n as StringKey, lang); });
  const toggle = document.getElementById('ring-toggle');
  if (toggle) toggle.textContent = t(ringMode === 'position' ? 'byPosition' : 'byCoreness', lang);
  const scaleToggle = document.getElementById('scale-toggle');
  if (scaleToggle) {
    scaleToggle.textContent = t(scaleToggle.dataset.scale === 'zoom' ? 'scaleZoom' : 'scaleFull', lang);
    scaleToggle.title = t('scaleHint', lang);
  }
  for (const v of [monitors, timeSeries, triangle, interest, domains, eventLog, actorPanel, transport, scenarioPanel, rulesPanel, quickRules, levers, liveParams, knowledge, advanced, actions, compare, about]) v.setLang(lang);
  if (state.meta) scenarioPanel.show(settings, state.meta);
  writeUrl();
}

/** The presenter drawer opens below the header, whose height depends on how it wraps. */
function headerHeight(): void {
  document.documentElement.style.setProperty('--header-h', `${document.querySelector('header.topbar')!.getBoundingClientRect().height}px`);
}
window.addEventListener('resize', headerHeight);

function setPresenter(on: boolean): void {
  settings.presenter = on;
  document.body.classList.toggle('presenter', on);
  if (!on) document.body.classList.remove('drawer-open');
  actions.setPresenter(on);
  if (on && document.fullscreenElement === null && document.documentElement.requestFullscreen) {
    document.documentElement.requestFullscreen().catch(() => { /* not allowed without a gesture: fine */ });
  } else if (!on && document.fullscreenElement) {
    void document.exitFullscreen();
  }
  writeUrl();
  headerHeight();
  // Views scale with their boxes; the canvas needs a redraw at its new size.
  setTimeout(() => state.lastFrame && network.update(state.lastFrame), 50);
}

/** The tick the URL names: the current one when paused, the last paused one while playing. */
let urlTick = 0;
let urlTimer = 0;
/** Updates the address bar, at most every 250 ms (replaceState forces a style pass). */
function writeUrl(now = false): void {
  if (!state.meta) return; // nothing to describe before the first run exists
  if (!state.playing) urlTick = state.tick;
  if (!now) {
    if (!urlTimer) urlTimer = window.setTimeout(() => { urlTimer = 0; writeUrl(true); }, 250);
    return;
  }
  const query = encodeSettings({ ...settings, interventions: state.interventions, tick: urlTick });
  history.replaceState(null, '', `${location.pathname}?${query}${fragment()}`);
}

/** '#sc=…' for an imported scenario that fits in a link; '' otherwise. */
function fragment(): string {
  return scenarioFragment !== null && scenarioFragment.length <= MAX_FRAGMENT ? `#sc=${scenarioFragment}` : '';
}

/** True when the scenario was imported and is too large to travel in a link. */
function scenarioTooLarge(): boolean { return scenarioFragment !== null && scenarioFragment.length > MAX_FRAGMENT; }

function shareUrl(): string {
  const query = encodeSettings({ ...settings, interventions: state.interventions, tick: state.tick, presenter: false });
  return `${location.origin}${location.pathname}?${query}${fragment()}`;
}

function share(): void {
  writeUrl(true);
  const url = shareUrl();
  if (scenarioTooLarge()) {
    // The link alone would not open this scenario elsewhere: say so and hand over the file.
    const file = SCENARIOS.get(settings.scenario);
    if (file) downloadText(`${settings.scenario}.json`, JSON.stringify(file.json, null, 1) + '\n', 'application/json');
    showError(t('linkTooLarge', settings.lang).replace('{id}', settings.scenario));
  }
  void navigator.clipboard?.writeText(url).then(() => actions.flash(t('copied', settings.lang)), () => actions.flash(url));
}

function cliCommand(): string {
  const parts = ['npx samenspel run', settings.scenario, `--seed ${settings.seed}`, `--ticks ${state.tick}`];
  if (settings.rules !== null) parts.push(`--rules ${typeof settings.rules === 'string' ? settings.rules : 'rules.json'}`);
  for (const s of settings.sets) parts.push(`--set ${s}`);
  if (state.interventions.length) parts.push('--events events.json');
  parts.push('--out run.csv');
  return parts.join(' ');
}

async function exportRun(what: 'csv' | 'json' | 'events' | 'rules'): Promise<void> {
  const base = `samenspel-${settings.scenario}-seed${settings.seed}-t${state.tick}`;
  if (what === 'csv') downloadText(`${base}.csv`, await api.exportCsv(), 'text/csv');
  else if (what === 'json') downloadText(`${base}.json`, await api.exportJson(), 'application/json');
  else if (what === 'events') downloadText('events.json', await api.exportEvents(), 'application/json');
  else downloadText('rules.json', JSON.stringify(state.meta?.rules ?? {}, null, 2) + '\n', 'application/json');
}

function showError(message: string | null): void {
  const box = $('error-box');
  box.hidden = message === null;
  box.textContent = message ?? '';
}

$('error-box').addEventListener('click', () => showError(null));
$('error-box').title = 'klik om te sluiten / click to close';

// --- Keyboard -----------------------------------------------------------------------------------
document.addEventListener('keydown', (e) => {
  const target = e.target as HTMLElement;
  if (target && /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName) && (target as HTMLInputElement).type !== 'checkbox') return;
  if (e.ctrlKey || e.metaKey || e.altKey) return;
  if (e.key === ' ') { e.preventDefault(); void togglePlay(); }
  else if (e.key === 'ArrowRight') { e.preventDefault(); void stepOnce(); }
  else if (e.key === 'r' || e.key === 'R') { e.preventDefault(); void reset(); }
  else if (e.key === 'Escape' && about.isOpen) about.close();
  else if (e.key === 'Escape' && !$('compare').hidden) compare.close();
  else if (e.key === 'Escape' && settings.presenter) setPresenter(false);
});
document.addEventListener('fullscreenchange', () => {
  if (!document.fullscreenElement && settings.presenter) setPresenter(false);
});

// --- Debug and bench hooks (read by tests/browser and the latency bench) --------------------------
declare global { interface Window { __samenspel: unknown } }
window.__samenspel = {
  /** True: this thread never loads the engine's tick code (checked by the browser tests). */
  engineOnMainThread: false,
  worker,
  get tick() { return state.tick; },
  get playing() { return state.playing; },
  /** Whether the worker's latest frame says it plays (the button may already show a command). */
  get workerPlaying() { return state.lastFrame?.playing ?? false; },
  get meta() { return state.meta; },
  get log() { return state.log; },
  get interventions() { return state.interventions; },
  get framesApplied() { return framesApplied; },
  get networkMode() { return network.mode; },
  get highlight() { return state.highlight; },
  get end() { return endTick(); },
  get branch() { return settings.branch; },
  ghostSeries: (key: string) => (state.ghost ? Array.from(state.ghost.column(key)) : null),
  branchHere: (at: number) => branchHere(at),
  ready: () => (starting ?? Promise.resolve()).then(() => state.meta !== null),
  positions: () => network.positions(),
  coreness: () => (state.lastFrame ? Array.from(state.lastFrame.coreness) : []),
  rules: () => state.rules,
  workerStats: () => api.stats(),
  exportCsv: () => api.exportCsv(),
  exportEvents: () => api.exportEvents(),
  shareUrl: () => shareUrl(),
  share: () => share(),
  get scenarioTooLarge() { return scenarioTooLarge(); },
  measureLatency: (samples?: number) => measureLatency(samples),
  /** Pauses and runs the worker to `target` (tests use it to reach a tick exactly). */
  runTo: async (target: number) => { await pause(); return api.runTo(target); },
  /** The same path as the levers and sliders: resolves false when the intervention is refused. */
  intervene: (event: Intervention) => intervene(event),
  series: (key: string) => Array.from(state.series.column(key)),
};

// --- Go -------------------------------------------------------------------------------------------
setLang(settings.lang);
if (settings.presenter) setPresenter(true);
if (decoded.problems.length) showError(decoded.problems.join('\n'));
starting = start().then(async () => {
  if (autoplay && state.meta) await play();
});
requestAnimationFrame(onAnimationFrame);
