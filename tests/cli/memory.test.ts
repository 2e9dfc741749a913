// A scenario whose engine state would not fit is refused before anything is allocated, naming
// the estimate and the free memory; the estimate follows what the engine really allocates.
import { describe, expect, it } from 'vitest';
import { applySet, createRun, parseScenario } from '../../sim/index.ts';
import { checkMemory, estimateRawBytes, estimateRunBytes } from '../../cli/memory.ts';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, shipped } from '../helpers.ts';
import { cli, expectBadInput, tempDir, writeJson } from './helpers.ts';

function synthetic(sets: string[]) {
  const raw = JSON.parse(readFileSync(join(ROOT, 'scenarios', 'synthetisch.json'), 'utf8')) as Record<string, unknown>;
  for (const s of sets) applySet(raw, s);
  return parseScenario(raw, 'synthetisch');
}

// Runs are kept alive, so a collection of an earlier run's arrays cannot shrink a later measurement.
const alive: unknown[] = [];

describe('memory estimate', () => {
  it.each([{ sets: ['population=20000'] }, { sets: ['population=20000', 'maxTies=64'] }, { sets: ['population=5000', 'meetingMode=all-ties'] }])(
    'is within 25 % of the typed arrays createRun allocates ($sets)', ({ sets }) => {
      const scenario = synthetic(sets);
      const before = process.memoryUsage().arrayBuffers;
      const run = createRun({ scenario, seed: 1 });
      alive.push(run);
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

  it('the estimate from the raw JSON (before validation) equals the one from the parsed scenario', () => {
    for (const sets of [['population=20000'], ['population=5000', 'maxTies=64', 'meetingMode=all-ties']]) {
      const raw = JSON.parse(readFileSync(join(ROOT, 'scenarios', 'synthetisch.json'), 'utf8')) as Record<string, unknown>;
      for (const s of sets) applySet(raw, s);
      expect(estimateRawBytes(raw)).toBe(estimateRunBytes(synthetic(sets)));
    }
    expect(estimateRawBytes(JSON.parse(readFileSync(join(ROOT, 'scenarios', 'jeugdhulp.json'), 'utf8')))).toBe(estimateRunBytes(shipped('jeugdhulp')));
  });

  it('the CLI refuses 100 million actors, and 10 million with 4096 tie slots, before validating them (run and batch)', () => {
    const pattern = /scenario 'synthetisch': its engine state needs about \d+(\.\d)? GB, but this machine has [\d.]+ [GM]B of free memory/;
    expectBadInput(cli(['run', 'synthetisch', '--set', 'actors=100000000']), pattern);
    expectBadInput(cli(['run', 'synthetisch', '--set', 'actors=10000000', '--set', 'maxTies=4096', '--quiet']), pattern);
    const dir = tempDir();
    const spec = writeJson(join(dir, 'spec.json'), {
      id: 'huge', scenarios: [{ scenario: 'synthetisch', set: ['actors=100000000'] }], strategies: ['keten'], replications: 1, measures: ['impact'],
    });
    expectBadInput(cli(['batch', spec, '--out', join(dir, 'out')]), /spec\.json: scenario 'synthetisch': its engine state needs about/);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});
