// A scenario whose engine state would not fit is refused before anything is allocated, naming
// the estimate and the free memory; the estimate follows what the engine really allocates.
import { describe, expect, it } from 'vitest';
import { applySet, createRun, parseScenario } from '../../sim/index.ts';
import { checkMemory, estimateRunBytes } from '../../cli/memory.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers.ts';
import { cli, expectBadInput } from './helpers.ts';

function synthetic(sets: string[]) {
  const raw = JSON.parse(readFileSync(join(ROOT, 'scenarios', 'synthetisch.json'), 'utf8')) as Record<string, unknown>;
  for (const s of sets) applySet(raw, s);
  return parseScenario(raw, 'synthetisch');
}

describe('memory estimate', () => {
  it.each([{ sets: ['population=20000'] }, { sets: ['population=20000', 'maxTies=64'] }, { sets: ['population=5000', 'meetingMode=all-ties'] }])(
    'is within 25 % of the typed arrays createRun allocates ($sets)', ({ sets }) => {
      const scenario = synthetic(sets);
      const before = process.memoryUsage().arrayBuffers;
      const run = createRun({ scenario, seed: 1 });
      const measured = process.memoryUsage().arrayBuffers - before;
      const estimate = estimateRunBytes(scenario);
      expect(run.measures.length).toBeGreaterThan(0);
      expect(estimate / measured).toBeGreaterThan(0.75);
      expect(estimate / measured).toBeLessThan(1.25);
    });

  it('refuses what does not fit in the free memory, naming both', () => {
    const scenario = synthetic(['population=100000']);
    const bytes = estimateRunBytes(scenario);
    expect(() => checkMemory(scenario, 'x', 1, bytes * 2)).not.toThrow();
    expect(() => checkMemory(scenario, 'x', 1, bytes)).toThrow(/x: its engine state needs about \d+ MB, but this machine has \d+ MB of free memory/);
    expect(() => checkMemory(scenario, 'x', 4, bytes * 2)).toThrow(/4 runs at once, one per worker/);
  });

  it('the CLI exits 1 at once for 10 million actors with 4096 tie slots, and for 100 million', () => {
    const t0 = Date.now();
    expectBadInput(cli(['run', 'synthetisch', '--set', 'actors=10000000', '--set', 'maxTies=4096', '--quiet']),
      /scenario 'synthetisch': its engine state needs about \d+(\.\d)? GB, but this machine has [\d.]+ [GM]B of free memory/);
    expect(Date.now() - t0).toBeLessThan(30_000);
    expectBadInput(cli(['run', 'synthetisch', '--set', 'actors=100000000']), /population: Too big: expected number to be <=10000000/);
  });
});
