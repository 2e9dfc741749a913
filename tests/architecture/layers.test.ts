import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { importGraph, violations } from './graph.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('layers', () => {
  const arrows = importGraph(root, ['sim', 'viz', 'workers', 'cli']);

  it('reads the graph (the engine imports its mechanisms)', () => {
    expect(arrows.some((a) => a.from === 'sim/engine/run.ts' && a.to.startsWith('sim/engine/mechanisms/'))).toBe(true);
    expect(arrows.length).toBeGreaterThan(200);
  });

  it('every arrow points the right way', () => {
    expect(violations(arrows)).toEqual([]);
  });

  it('a reversed arrow is caught', () => {
    const reversed = [
      { from: 'sim/engine/run.ts', to: 'sim/analysis/batch/index.ts' },
      { from: 'sim/schema/params.ts', to: 'sim/engine/state.ts' },
      { from: 'sim/import/table.ts', to: 'sim/engine/rng.ts' },
      { from: 'sim/engine/state.ts', to: 'viz/main.ts' },
      { from: 'viz/main.ts', to: 'sim/engine/run.ts' },
      { from: 'cli/commands/run.ts', to: 'sim/engine/run.ts' },
      { from: 'workers/pool.ts', to: 'sim/analysis/batch/index.ts' },
    ];
    expect(violations(reversed)).toHaveLength(reversed.length);
    expect(violations([{ from: 'sim/analysis/batch/plan.ts', to: 'sim/engine/run.ts' }])).toEqual([]);
  });
});
