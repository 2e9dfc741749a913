// The batch's CSV files as text (d3-dsv), always in run-list order so the bytes never depend
// on worker count, completion order or sharding. Empty cell = not available (a threshold
// never reached; a statistic of an empty cell). Numbers in shortest round-trip form.
import { csvFormatRows } from 'd3-dsv';
import type { ParamValue } from './design.ts';
import type { RunResult } from './execute.ts';
import { scalarMeasures, seriesMeasures } from './keep.ts';
import type { ResolvedBatch, RunPlan } from './plan.ts';
import type { BatchSummary } from './summary.ts';

type Cell = string | number | boolean | null | undefined;

/** NaN and ±∞ become empty cells (NA); everything else its String(). */
function cell(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  return String(v);
}

const format = (rows: Cell[][]) => csvFormatRows(rows.map((r) => r.map(cell))) + '\n';

function planColumns(batch: ResolvedBatch): string[] {
  return ['runId', 'scenario', 'strategy', ...(batch.design ? ['design', ...batch.design.params] : []), 'replicate', 'seed', 'ticks'];
}

function planCells(batch: ResolvedBatch, p: RunPlan): Cell[] {
  const params: Cell[] = batch.design ? [p.design, ...batch.design.params.map((k) => p.params[k] as ParamValue)] : [];
  return [p.runId, p.scenario, p.strategy, ...params, p.replicate, p.seed, p.ticks];
}

function ordered(plans: readonly RunPlan[], results: readonly RunResult[]): [RunPlan, RunResult][] {
  const byIndex = new Map(results.map((r) => [r.index, r]));
  return plans.filter((p) => byIndex.has(p.index)).map((p) => [p, byIndex.get(p.index)!]);
}

/** runs.csv: one row per finished run — its cell, parameters, seed and kept measures. */
export function runsCsv(batch: ResolvedBatch, plans: readonly RunPlan[], results: readonly RunResult[]): string {
  const measures = scalarMeasures(batch.measures).map((m) => m.column);
  const rows: Cell[][] = [[...planColumns(batch), ...measures]];
  for (const [p, r] of ordered(plans, results)) rows.push([...planCells(batch, p), ...r.values]);
  return format(rows);
}

/** series.csv (long format): runId, tick, one column per series measure; null without series. */
export function seriesCsv(batch: ResolvedBatch, plans: readonly RunPlan[], results: readonly RunResult[]): string | null {
  const series = seriesMeasures(batch.measures).map((m) => m.column);
  if (!series.length) return null;
  const lines = [csvFormatRows([['runId', 'tick', ...series]])];
  for (const [p, r] of ordered(plans, results)) {
    // runIds never need quoting (lowercase, digits, dashes, underscores).
    for (const row of r.series ?? []) lines.push(`${p.runId},${row.map((v) => cell(v)).join(',')}`);
  }
  return lines.join('\n') + '\n';
}

/** summary.csv: per cell and kept measure the mean, median, sd and bootstrap CI. */
export function summaryCsv(batch: ResolvedBatch, summary: BatchSummary): string {
  const by = batch.statistics.by;
  const rows: Cell[][] = [['scenario', 'strategy', ...by, 'measure', 'keep', 'runs', 'n', 'mean', 'median', 'sd', 'ciLow', 'ciHigh']];
  for (const c of summary.cells) {
    rows.push([c.scenario, c.strategy, ...by.map((k) => c.by[k]), c.measure, c.keep, c.runs, c.n, c.mean, c.median, c.sd, c.ciLow, c.ciHigh]);
  }
  return format(rows);
}

/** pairs.csv: every pair of strategies within a scenario, per kept measure. */
export function pairsCsv(batch: ResolvedBatch, summary: BatchSummary): string {
  const by = batch.statistics.by;
  const rows: Cell[][] = [['scenario', ...by, 'measure', 'keep', 'a', 'b', 'nA', 'nB', 'A', 'magnitude', 'p', 'pHolm', 'winner', 'winnerHolm', 'verdict']];
  for (const p of summary.pairs) {
    rows.push([p.scenario, ...by.map((k) => p.by[k]), p.measure, p.keep, p.a, p.b, p.nA, p.nB, p.A, p.magnitude, p.p, p.pHolm, p.winner, p.winnerHolm, p.verdict]);
  }
  return format(rows);
}

export interface RunFailure {
  index: number;
  runId: string;
  attempts: number;
  error: string;
}

/** failures.csv: runs that failed twice (thrown error or dead worker), with the last error. */
export function failuresCsv(batch: ResolvedBatch, plans: readonly RunPlan[], failures: readonly RunFailure[]): string {
  const byIndex = new Map(failures.map((f) => [f.index, f]));
  const rows: Cell[][] = [[...planColumns(batch), 'attempts', 'error']];
  for (const p of plans) {
    const f = byIndex.get(p.index);
    if (f) rows.push([...planCells(batch, p), f.attempts, f.error]);
  }
  return format(rows);
}
