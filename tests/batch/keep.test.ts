// Kept measures: final, window mean, first tick reached (null when never), series.
import { describe, expect, it } from 'vitest';
import { MEASURE_INDEX, MEASURES } from '../../sim/index.ts';
import { createKeeper, keptMeasureOf, windowOf } from '../../sim/analysis/batch/index.ts';

const row = (values: Record<string, number>) => {
  const r = new Float64Array(MEASURES.length);
  for (const [k, v] of Object.entries(values)) r[MEASURE_INDEX[k]] = v;
  return r;
};

describe('keeper', () => {
  const kept = [
    keptMeasureOf({ measure: 'impact', keep: 'final' }),
    keptMeasureOf({ measure: 'richten', keep: 'mean', last: 3 }),
    keptMeasureOf({ measure: 'richten', keep: 'mean', from: 0, to: 1 }),
    keptMeasureOf({ measure: 'core', keep: 'threshold', above: 3 }),
    keptMeasureOf({ measure: 'severity', keep: 'threshold', below: 0.1 }),
    keptMeasureOf({ measure: 'impact', keep: 'series' }),
  ];

  it('names columns after measure and kind', () => {
    expect(kept.map((m) => m.column)).toEqual(['impact', 'richten_mean_last3', 'richten_mean_0_1', 'core_first_ge_3', 'severity_first_le_0.1', 'impact']);
    expect(keptMeasureOf({ measure: 'impact', keep: 'final', name: 'eindimpact' }).column).toBe('eindimpact');
  });

  it('keeps final, window means, first ticks (null = never) and every n-th tick of series', () => {
    const keeper = createKeeper(kept, 5, 2);
    const core = [0, 2, 3, 5, 1, 4];
    for (let t = 0; t <= 5; t++) keeper.observe(t, row({ impact: t * 10, richten: t, core: core[t], severity: 1 - t * 0.1 }));
    expect(keeper.values()).toEqual([50, (3 + 4 + 5) / 3, 0.5, 2, null]);
    expect(keeper.series()).toEqual([[0, 0], [2, 20], [4, 40]]);
  });

  it('windows: last is clamped to the run; from/to must fit', () => {
    expect(windowOf(kept[1], 2)).toEqual({ from: 0, to: 2 });
    expect(windowOf(keptMeasureOf({ measure: 'richten', keep: 'mean', from: 4 }), 3)).toBeNull();
    expect(windowOf(keptMeasureOf({ measure: 'richten', keep: 'mean', from: 1 }), 3)).toEqual({ from: 1, to: 3 });
  });

  it('no series kept ⇒ series() is null', () => {
    const keeper = createKeeper(kept.slice(0, 1), 1);
    keeper.observe(0, row({}));
    keeper.observe(1, row({ impact: 2 }));
    expect(keeper.series()).toBeNull();
    expect(keeper.values()).toEqual([2]);
  });
});
