// The Compare panel: choose a scenario, strategies (rule presets), seeds and ticks; the runs go
// to a pool of web workers (one per core, each running whole runs via comlink) with a progress
// bar; box plots and verdicts fill in as runs finish; the files are the CLI batch's, byte for
// byte (sim/analysis/batch's pure functions in a coordinator worker: workers/app-compare.ts).
import * as Comlink from 'comlink';
import { createPool, webWorkerFactory, type Pool } from '../../workers/pool.ts';
import type { BatchWorkerApi } from '../../workers/batch-api.ts';
import type { CompareApi, Summarised } from '../../workers/app-compare.ts';
import type { BatchScenarios, ResolvedBatch, RunPlan, RunResult, PairRow } from '../../sim/index.ts';
import { h, option } from '../controls/dom.ts';
import { createBoxPlotsView, type BoxPlotsView } from '../views/boxPlots.ts';
import { downloadBlob, downloadText, svgDocument, svgToPng } from '../export/download.ts';
import { fmt, t, type Lang } from '../i18n.ts';
import { verdictText } from './verdicts.ts';
import { MEASURES, MEASURE_INDEX, PRESETS } from '../../sim/meta.ts';

export interface CompareSource { id: string; title: { nl: string; en: string }; json: Record<string, unknown>; file: string; ticks: number }

export interface ComparePanelOptions {
  lang: Lang;
  scenarios(): CompareSource[];
  current(): { scenario: string; sets: string[] };
  onOpen(): void;
  onError(message: string | null): void;
}

export interface ComparePanel { open(): void; close(): void; setLang(lang: Lang): void; readonly running: boolean }

const DEFAULT_STRATEGIES = ['open-netwerk', 'gesloten-kern', 'faciliterend', 'sturende-regie'];
const COLOURS = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#7a4f9e', '#333333'];
const MEASURE_KEYS = ['impact', 'richten', 'leren', 'handelen', 'balance', 'legitimacy'] as const;

/** The batch spec the panel runs (and offers as a download for `samenspel batch`). */
export function compareSpec(o: { scenario: string; sets: string[]; strategies: string[]; replications: number; seed: number | string; ticks: number }): Record<string, unknown> {
  const last = Math.max(1, Math.round(o.ticks / 4));
  return {
    id: 'vergelijking',
    title: 'Compare panel',
    scenarios: [o.sets.length ? { scenario: o.scenario, set: o.sets } : o.scenario],
    strategies: o.strategies,
    replications: o.replications,
    ticks: o.ticks,
    seed: o.seed,
    measures: ['impact', ...(['richten', 'leren', 'handelen', 'balance'] as const).map((m) => ({ measure: m, keep: 'mean', last })), 'legitimacy'],
  };
}

export function buildComparePanel(root: HTMLElement, o: ComparePanelOptions): ComparePanel {
  let lang = o.lang;
  let running = false;
  let token = 0;
  let pool: Pool<BatchWorkerApi> | null = null;
  let batch: ResolvedBatch | null = null;
  let plans: RunPlan[] = [];
  let results: RunResult[] = [];
  let failed: string[] = [];
  let summarised: Summarised | null = null;
  let summarising = false, again = false;
  let spec: Record<string, unknown> | null = null;
  // Started on first use: the page should not pay for it unless the panel is used.
  let coordinatorRef: Comlink.Remote<CompareApi> | null = null;
  const coordinator = () => (coordinatorRef ??= Comlink.wrap<CompareApi>(
    new Worker(new URL('../../workers/app-compare.ts', import.meta.url), { type: 'module', name: 'samenspel-compare' })));

  root.classList.add('compare');
  const head = h('div', { class: 'compare-head' });
  const title = h('h2');
  const close = h('button', { id: 'compare-close' });
  head.append(title, close);
  const form = h('div', { class: 'compare-form' });
  const scenarioSel = h('select', { id: 'compare-scenario' });
  const strategyBox = h('fieldset', { class: 'compare-strategies' });
  const strategyLegend = h('legend');
  const reps = h('input', { id: 'compare-replications', type: 'number', min: 1, max: 1000, value: 10 });
  const seed = h('input', { id: 'compare-seed', type: 'text', value: 1, size: 6 });
  const ticks = h('input', { id: 'compare-ticks', type: 'number', min: 1, max: 100000, value: 200 });
  const start = h('button', { id: 'compare-start', class: 'primary' });
  const progress = h('progress', { id: 'compare-progress', max: 1, value: 0 }) as HTMLProgressElement;
  const status = h('div', { class: 'compare-status', id: 'compare-status', 'aria-live': 'polite' });
  const downloads = h('div', { class: 'compare-downloads' });
  const cli = h('code', { class: 'cli', id: 'compare-cli' });
  const labels = { scenario: h('span', { class: 'field-label' }), reps: h('span', { class: 'field-label' }), seed: h('span', { class: 'field-label' }), ticks: h('span', { class: 'field-label' }) };
  strategyBox.append(strategyLegend);
  const checks = PRESETS.map((p) => {
    const c = h('input', { type: 'checkbox', value: p.id, 'data-strategy': p.id });
    c.checked = DEFAULT_STRATEGIES.includes(p.id);
    const l = h('label', { class: 'check' }, c, h('span'));
    strategyBox.append(l);
    return { p, c, l };
  });
  const files = ['runs.csv', 'summary.csv', 'pairs.csv', 'compare.json'] as const;
  const fileButtons = files.map((name) => {
    const b = h('button', { 'data-file': name, disabled: true, class: 'small' }, name);
    b.addEventListener('click', () => download(name));
    return b;
  });
  const plotButtons = (['svg', 'png'] as const).map((kind) => {
    const b = h('button', { class: 'small', 'data-plot': kind }, `box plots .${kind}`);
    b.addEventListener('click', async () => {
      const text = plots.svgText();
      if (kind === 'svg') downloadText('vergelijking.svg', svgDocument(text), 'image/svg+xml');
      else downloadBlob('vergelijking.png', await svgToPng(text, 2));
    });
    return b;
  });
  downloads.append(...fileButtons, ...plotButtons);
  form.append(
    h('label', { class: 'field' }, labels.scenario, scenarioSel),
    strategyBox,
    h('div', { class: 'row' }, h('label', { class: 'field' }, labels.reps, reps), h('label', { class: 'field' }, labels.seed, seed), h('label', { class: 'field' }, labels.ticks, ticks)),
    start, progress, status, downloads, cli,
  );
  const results_ = h('div', { class: 'compare-results' });
  const plotHost = h('div', { class: 'compare-plots', id: 'compare-plots' });
  const verdictHead = h('div', { class: 'verdict-head' });
  const verdictMeasure = h('select', { id: 'compare-verdict-measure' });
  const verdicts = h('ol', { class: 'verdicts', id: 'compare-verdicts' });
  verdictHead.append(h('h3', { class: 'verdict-title' }), verdictMeasure);
  results_.append(plotHost, verdictHead, verdicts);
  root.append(head, h('div', { class: 'compare-body' }, form, results_));
  const plots: BoxPlotsView = createBoxPlotsView(plotHost, { lang });

  close.addEventListener('click', () => panel.close());
  start.addEventListener('click', () => { if (running) stop(); else void run(); });
  scenarioSel.addEventListener('change', () => {
    const s = o.scenarios().find((x) => x.id === scenarioSel.value);
    if (s) ticks.value = String(s.ticks);
    renderCli();
  });
  for (const x of [reps, seed, ticks]) x.addEventListener('change', renderCli);
  for (const c of checks) c.c.addEventListener('change', renderCli);
  verdictMeasure.addEventListener('change', renderVerdicts);

  function seedValue(): number | string {
    const v = seed.value.trim();
    const n = Number(v);
    return v !== '' && Number.isFinite(n) ? n : v || 1;
  }

  function currentSpec(): Record<string, unknown> {
    const cur = o.current();
    const scenario = scenarioSel.value;
    return compareSpec({
      scenario,
      sets: scenario === cur.scenario ? cur.sets : [],
      strategies: checks.filter((c) => c.c.checked).map((c) => c.p.id),
      replications: Math.max(1, Math.round(Number(reps.value) || 1)),
      seed: seedValue(),
      ticks: Math.max(1, Math.round(Number(ticks.value) || 1)),
    });
  }

  function renderCli(): void {
    cli.textContent = `npx samenspel batch compare.json --out out/vergelijking   # ${t('compareCli', lang)}`;
  }

  function measureLabel(column: string): string {
    const m = batch?.measures.find((x) => x.column === column);
    if (!m) return column;
    const base = MEASURES[MEASURE_INDEX[m.measure]].label[lang];
    if (m.keep === 'mean') return `${base} (${lang === 'nl' ? `gem. laatste ${m.last}` : `mean, last ${m.last}`})`;
    return `${base} (${lang === 'nl' ? 'einde' : 'final'})`;
  }

  function strategyLabel(id: string): string {
    return PRESETS.find((p) => p.id === id)?.title[lang] ?? id;
  }

  function renderPlots(): void {
    if (!batch) return;
    const byStrategy = new Map<string, RunResult[]>();
    const planOf = new Map(plans.map((p) => [p.index, p]));
    for (const r of results) {
      const p = planOf.get(r.index)!;
      byStrategy.set(p.strategy, [...(byStrategy.get(p.strategy) ?? []), r]);
    }
    const columns = batch.measures.filter((m) => m.keep !== 'series').map((m) => m.column);
    plots.update({
      measures: columns.map((c) => ({ column: c, label: measureLabel(c) })),
      strategies: batch.strategies.map((s, i) => ({ id: s.id, label: strategyLabel(s.id), color: COLOURS[i % COLOURS.length] })),
      values: (strategy, column) => {
        const c = columns.indexOf(column);
        return (byStrategy.get(strategy) ?? []).map((r) => r.values[c]).filter((v): v is number => v !== null);
      },
    });
  }

  function renderVerdicts(): void {
    const column = verdictMeasure.value;
    const pairs = (summarised?.summary.pairs ?? []).filter((p) => p.measure === column);
    verdicts.replaceChildren(...pairs.map((p) => h('li', { class: p.winnerHolm ? 'verdict win' : p.winner ? 'verdict weak' : 'verdict', text: verdictText(p, lang, strategyLabel, measureLabel(p.measure)) })));
  }

  function renderStatus(): void {
    progress.max = Math.max(1, plans.length);
    progress.value = results.length + failed.length;
    const done = results.length + failed.length;
    status.textContent = !plans.length ? '' : `${done} / ${plans.length} ${t('runsDone', lang)}${failed.length ? ` · ${failed.length} ${t('runsFailed', lang)}` : ''}${!running && done === plans.length ? ` · ${t('compareDone', lang)}` : ''}`;
    for (const b of fileButtons) b.disabled = running || !summarised || done !== plans.length || (b.dataset.file === 'compare.json' && !spec);
  }

  async function summarise(): Promise<void> {
    if (!batch) return;
    if (summarising) { again = true; return; }
    summarising = true;
    try {
      do {
        again = false;
        const mine = token;
        const s = await coordinator().summarise(batch, plans, results.slice());
        if (mine !== token) return;
        summarised = s;
        renderVerdicts();
        renderStatus();
      } while (again);
    } finally {
      summarising = false;
    }
  }

  async function run(): Promise<void> {
    o.onError(null);
    const chosen = checks.filter((c) => c.c.checked);
    if (chosen.length < 1) { o.onError(t('chooseStrategy', lang)); return; }
    const src = o.scenarios().find((s) => s.id === scenarioSel.value);
    if (!src) return;
    spec = currentSpec();
    const prepared = await coordinator().prepare(spec, 'compare.json', { [src.id]: { raw: src.json, file: src.file } });
    if (!prepared.ok) { o.onError(prepared.error); return; }
    const mine = ++token;
    batch = prepared.batch;
    plans = prepared.plans;
    results = [];
    failed = [];
    summarised = null;
    running = true;
    start.textContent = t('stop', lang);
    verdictMeasure.replaceChildren(...batch.measures.filter((m) => m.keep !== 'series').map((m) => option(m.column, measureLabel(m.column))));
    renderStatus();
    renderPlots();
    const scenarios: BatchScenarios = prepared.scenarios;
    const b = batch;
    const size = Math.max(1, Math.min(navigator.hardwareConcurrency || 2, plans.length, 16));
    pool = createPool<BatchWorkerApi>({
      size,
      create: webWorkerFactory(() => new Worker(new URL('../../workers/batch-worker-web.ts', import.meta.url), { type: 'module', name: 'samenspel-batch' })),
      setup: (remote) => remote.init({ batch: b, scenarios }),
    });
    const p = pool;
    await Promise.all(plans.map((plan) => p.run((w) => w.run(plan, 1)).then((r) => {
      if (mine !== token) return;
      results.push(r);
      renderStatus();
      renderPlots();
      void summarise();
    }, (e) => {
      if (mine !== token) return;
      failed.push(`${plan.runId}: ${(e as Error).message}`);
      renderStatus();
    })));
    if (mine !== token) return;
    await p.close();
    pool = null;
    running = false;
    start.textContent = t('compareStart', lang);
    await summarise();
    if (failed.length) o.onError(failed.slice(0, 5).join('\n'));
    renderStatus();
  }

  function stop(): void {
    token++;
    running = false;
    void pool?.close();
    pool = null;
    start.textContent = t('compareStart', lang);
    renderStatus();
  }

  function download(name: (typeof files)[number]): void {
    if (!summarised) return;
    if (name === 'runs.csv') downloadText(name, summarised.runsCsv, 'text/csv');
    else if (name === 'summary.csv') downloadText(name, summarised.summaryCsv, 'text/csv');
    else if (name === 'pairs.csv') downloadText(name, summarised.pairsCsv, 'text/csv');
    else downloadText(name, JSON.stringify(spec, null, 2) + '\n', 'application/json');
  }

  let langPending = false;
  function render(): void {
    title.textContent = t('compare', lang);
    close.textContent = t('close', lang);
    labels.scenario.textContent = t('scenario', lang);
    labels.reps.textContent = t('replications', lang);
    labels.seed.textContent = t('seed', lang);
    labels.ticks.textContent = t('ticks', lang);
    strategyLegend.textContent = t('strategies', lang);
    for (const c of checks) (c.l.querySelector('span') as HTMLElement).textContent = c.p.title[lang];
    const cur = scenarioSel.value || o.current().scenario;
    scenarioSel.replaceChildren(...o.scenarios().map((s) => option(s.id, s.title[lang], s.id === cur)));
    start.textContent = running ? t('stop', lang) : t('compareStart', lang);
    (results_.querySelector('.verdict-title') as HTMLElement).textContent = t('verdicts', lang);
    if (batch) {
      const v = verdictMeasure.value;
      verdictMeasure.replaceChildren(...batch.measures.filter((m) => m.keep !== 'series').map((m) => option(m.column, measureLabel(m.column), m.column === v)));
    }
    renderCli();
    renderStatus();
    renderPlots();
    renderVerdicts();
    void MEASURE_KEYS;
  }

  const panel: ComparePanel = {
    get running() { return running; },
    open() {
      root.hidden = false;
      if (langPending) { langPending = false; plots.setLang(lang); }
      o.onOpen();
      const cur = o.current();
      render();
      if (!batch) {
        scenarioSel.value = cur.scenario;
        const s = o.scenarios().find((x) => x.id === cur.scenario);
        if (s) ticks.value = String(s.ticks);
      }
      renderCli();
    },
    close() { root.hidden = true; },
    setLang(next) {
      lang = next;
      // Hidden, it is redrawn when opened: a language switch must not wait for it.
      if (root.hidden) { langPending = true; return; }
      plots.setLang(next);
      render();
    },
  };
  render();
  return panel;
}
