// Builds report.html for a batch directory: one self-contained file (D3 inlined from
// node_modules, data as JSON, the page script and style from cli/batch/report/), so it opens
// offline and can go into a paper's appendix. All statistics come from sim/analysis/batch, computed
// from the same runs as summary.csv and pairs.csv.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MEASURES, MEASURE_INDEX, PRESETS } from '../../sim/index.ts';
import {
  expandRuns, scalarMeasures, seriesBands, strategyRules, summarise,
  type ResolvedBatch, type RunFailure, type RunResult,
} from '../../sim/index.ts';
import { ROOT, UsageError } from '../io.ts';
import type { Manifest } from './output.ts';
import { FAILURES_FILE, readJsonLines, readManifest, RUNS_FILE } from './store.ts';

const ASSETS = join(ROOT, 'cli', 'batch', 'report');

/** JSON that is safe inside <script>: no '</script>' or '<!--' can occur. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export interface ReportData {
  title: string;
  batch: ResolvedBatch;
  provenance: Pick<Manifest, 'version' | 'engineVersion' | 'gitCommit' | 'engineSource' | 'node' | 'runs' | 'session' | 'status'>;
  measures: { column: string; measure: string; keep: string; label: string; name: string; doc: string; min: number; max: number | null; above?: number; below?: number }[];
  series: { measure: string; name: string; doc: string }[];
  strategies: { id: string; label: string; rules: string; events: string[] }[];
  summary: ReturnType<typeof summarise>;
  /**
   * One figure panel per scenario, or per scenario × `statistics.by` values (key = panelKey),
   * so each panel's runs and its summary cell (mean, CI) describe the same group.
   */
  panels: { key: string; scenario: string; by: Record<string, unknown> }[];
  /** values[panel key][strategy][column]: one entry per finished run, in run order (null: never reached). */
  values: Record<string, Record<string, Record<string, (number | null)[]>>>;
  bands: ReturnType<typeof seriesBands>;
  failures: RunFailure[];
}

function rulesText(rules: ReturnType<typeof strategyRules>): string {
  if (rules === undefined) return "the scenario's own rules";
  if (typeof rules === 'string') return `preset ${rules}`;
  const value = (v: unknown) => (v === null ? "the scenario's" : typeof v === 'object'
    ? Object.entries(v as Record<string, unknown>).map(([k, x]) => `${k} ${x}`).join(' / ') : String(v));
  return Object.entries(rules).map(([k, v]) => `${k} = ${value(v)}`).join(', ');
}

function eventText(e: Record<string, unknown>): string {
  const { tick, type, label: _label, ...rest } = e;
  const args = Object.entries(rest).map(([k, v]) => `${k} ${typeof v === 'object' ? JSON.stringify(v) : v}`).join(', ');
  return `tick ${tick}: ${type}${args ? ` (${args})` : ''}`;
}

/**
 * The run counts from the runs themselves (runs.jsonl, failures.jsonl), not the manifest's: a
 * batch killed without a chance to update its manifest still says how many runs it has.
 */
function countRuns(manifest: Manifest, planned: number, finished: number, failed: number): Manifest['runs'] {
  const inThisDirectory = manifest.runs?.inThisDirectory ?? planned;
  return { planned, inThisDirectory, finished, failed, missing: Math.max(0, inThisDirectory - finished - failed) };
}

/** One line for the terminal: how many runs a report covers, and what state the batch is in. */
export function runsLine(data: ReportData): string {
  const r = data.provenance.runs;
  const state = data.provenance.status === 'complete' ? '' : data.provenance.status === 'interrupted' ? ' (batch interrupted; --resume it for the rest)'
    : data.provenance.status === 'running' ? ' (batch stopped or still running)' : '';
  return `${r.finished} of ${r.inThisDirectory} runs finished${r.failed ? `, ${r.failed} failed` : ''}${r.missing ? `, ${r.missing} missing` : ''}${state}`;
}

/** A panel's key: its scenario and `statistics.by` values (report.js builds the same from a summary cell). */
export const panelKey = (scenario: string, by: Record<string, unknown>) => `${scenario}|${JSON.stringify(by)}`;

export function reportData(dir: string): ReportData {
  const manifest = readManifest(dir) as unknown as Manifest | null;
  if (!manifest?.batch) throw new UsageError(`${dir}: no manifest.json of a batch; run 'samenspel batch' (or 'merge') into it first`);
  const batch = manifest.batch;
  const plans = expandRuns(batch);
  const { items } = readJsonLines<RunResult>(join(dir, RUNS_FILE), false);
  const byIndex = new Map<number, RunResult>();
  for (const r of items) if (plans[r.index]?.runId === r.runId) byIndex.set(r.index, r);
  const results = plans.filter((p) => byIndex.has(p.index)).map((p) => byIndex.get(p.index)!);
  const failureMap = new Map<number, RunFailure>();
  for (const f of readJsonLines<RunFailure>(join(dir, FAILURES_FILE), false).items) failureMap.set(f.index, f);
  const failures = plans.filter((p) => !byIndex.has(p.index) && failureMap.has(p.index)).map((p) => failureMap.get(p.index)!);
  if (!results.length) throw new UsageError(`${dir}: no finished runs to report`);

  const scalars = scalarMeasures(batch.measures);
  const values: ReportData['values'] = {};
  const panels: ReportData['panels'] = [];
  for (const p of plans) {
    const by = Object.fromEntries(batch.statistics.by.map((k) => [k, p.params[k]]));
    const key = panelKey(p.scenario, by);
    if (!values[key]) {
      values[key] = {};
      panels.push({ key, scenario: p.scenario, by });
    }
    const r = byIndex.get(p.index);
    if (!r) continue;
    const cell = (values[key][p.strategy] ??= {});
    scalars.forEach((m, j) => { (cell[m.column] ??= []).push(r.values[j]); });
  }
  const info = (key: string) => MEASURES[MEASURE_INDEX[key]];
  return {
    title: batch.title ?? `Batch ${batch.id}`,
    batch,
    provenance: {
      version: manifest.version, engineVersion: manifest.engineVersion, gitCommit: manifest.gitCommit, engineSource: manifest.engineSource, node: manifest.node,
      runs: countRuns(manifest, plans.length, results.length, failures.length), session: manifest.session, status: manifest.status,
    },
    measures: scalars.map((m) => ({
      column: m.column, measure: m.measure, keep: m.keep, label: m.label, name: info(m.measure).label.en, doc: info(m.measure).doc,
      min: info(m.measure).min, max: info(m.measure).max, above: m.above, below: m.below,
    })),
    series: batch.measures.filter((m) => m.keep === 'series').map((m) => ({ measure: m.measure, name: info(m.measure).label.en, doc: info(m.measure).doc })),
    strategies: batch.strategies.map((s) => ({
      id: s.id,
      label: s.label,
      rules: s.preset && !s.rules ? `${s.preset}: ${rulesText(PRESETS.find((p) => p.id === s.preset)!.rules)}` : rulesText(strategyRules(s)),
      events: s.events.map((e) => eventText(e as unknown as Record<string, unknown>)),
    })),
    summary: summarise(batch, plans, results),
    panels,
    values,
    bands: seriesBands(batch, plans, results),
    failures,
  };
}

export function reportHtml(data: ReportData): string {
  const d3 = readFileSync(join(ROOT, 'node_modules', 'd3', 'dist', 'd3.min.js'), 'utf8');
  const script = readFileSync(join(ASSETS, 'report.js'), 'utf8');
  const style = readFileSync(join(ASSETS, 'report.css'), 'utf8');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="samenspel ${escapeHtml(data.provenance.version)}">
<title>${escapeHtml(data.title)}</title>
<style>
${style}
</style>
</head>
<body>
<main id="report"><noscript>This report draws its figures with JavaScript (D3, included in this file).</noscript></main>
<script>
${d3.replace(/<\/script/gi, '<\\/script')}
</script>
<script id="data" type="application/json">${scriptJson(data)}</script>
<script>
${script}
</script>
</body>
</html>
`;
}
