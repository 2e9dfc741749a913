// The golden run: one fixed scenario, seed and 50 ticks whose CSV hash is pinned, so any
// numeric drift fails here in seconds. A change that moves it must update the hash on
// purpose, with a line in its commit message saying why.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { seriesToCsv, simulate } from '../../sim/index.ts';
import { shipped } from '../helpers.ts';

const GOLDEN = {
  scenario: 'jeugdhulp',
  seed: 1,
  ticks: 50,
  sha256: 'dc49d56feff55b2e1ca023155e813350c94c706ce75e76f1edb8fd47942ebd3a',
};

describe('golden run', () => {
  it(`${GOLDEN.scenario}, seed ${GOLDEN.seed}, ${GOLDEN.ticks} ticks: the CSV hash is unchanged`, () => {
    const { recorder } = simulate({ scenario: shipped(GOLDEN.scenario), seed: GOLDEN.seed, ticks: GOLDEN.ticks });
    const csv = seriesToCsv(recorder);
    expect(csv.split('\n')).toHaveLength(GOLDEN.ticks + 3); // header, ticks 0..50, trailing newline
    expect(createHash('sha256').update(csv).digest('hex')).toBe(GOLDEN.sha256);
  });
});
