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
  sha256: '83d2e13ef9fd833903e077f9255f17d4a321d79ea5f9a05322d4a9321e1c5f82',
};

describe('golden run', () => {
  it(`${GOLDEN.scenario}, seed ${GOLDEN.seed}, ${GOLDEN.ticks} ticks: the CSV hash is unchanged`, () => {
    const { recorder } = simulate({ scenario: shipped(GOLDEN.scenario), seed: GOLDEN.seed, ticks: GOLDEN.ticks });
    const csv = seriesToCsv(recorder);
    expect(csv.split('\n')).toHaveLength(GOLDEN.ticks + 3); // header, ticks 0..50, trailing newline
    expect(createHash('sha256').update(csv).digest('hex')).toBe(GOLDEN.sha256);
  });
});
