// points.csv, accepted.csv and heldout.csv as text, in design-point order (byte-identical for
// any worker count). Empty cell = not available.
import { csvFormatRows } from 'd3-dsv';
import type { PointVerdict } from './filters.ts';
import type { HeldoutRow } from './heldout.ts';
import type { ResolvedFilter } from './plan.ts';

type Cell = string | number | boolean | null | undefined;
const cell = (v: Cell) => (v === null || v === undefined ? '' : typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : String(v));
const format = (rows: Cell[][]) => csvFormatRows(rows.map((r) => r.map(cell))) + '\n';

/** Every point: its values, runs, each filter's share of passing runs, the joint share, accepted. */
export function pointsCsv(params: readonly string[], filters: readonly ResolvedFilter[], points: readonly PointVerdict[]): string {
  return format([
    ['design', ...params, 'runs', ...filters.map((f) => f.id), 'all', 'accepted'],
    ...points.map((p) => [p.design, ...params.map((k) => p.values[k]), p.runs, ...p.shares, p.joint, p.accepted]),
  ]);
}

/** The accepted points only. */
export function acceptedCsv(params: readonly string[], points: readonly PointVerdict[]): string {
  return format([['design', ...params, 'all'], ...points.filter((p) => p.accepted).map((p) => [p.design, ...params.map((k) => p.values[k]), p.joint])]);
}

/** Per held-out test: verdict counts over the accepted points and shares with Wilson CIs (of the applicable ones). */
export function heldoutCsv(rows: readonly HeldoutRow[]): string {
  const s = (x: { share: number; lo: number; hi: number }) => [x.share, x.lo, x.hi];
  return format([
    ['test', 'compared', 'points', 'reproduced', 'not_reproduced', 'reversed', 'not_applicable',
      'reproduced_share', 'reproduced_lo', 'reproduced_hi', 'not_reproduced_share', 'not_reproduced_lo', 'not_reproduced_hi',
      'reversed_share', 'reversed_lo', 'reversed_hi'],
    ...rows.map((r) => [r.test, r.compared, r.points, r.reproduced, r.notReproduced, r.reversed, r.notApplicable,
      ...s(r.share.reproduced), ...s(r.share.notReproduced), ...s(r.share.reversed)]),
  ]);
}
