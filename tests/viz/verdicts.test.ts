// Compare verdicts name the winner first with A from its side: never "X ahead of Y: A = 0.07".
import { describe, expect, it } from 'vitest';
import { verdictText, winnerA } from '../../viz/compare/verdicts.ts';
import type { PairRow } from '../../sim/index.ts';

const row = (o: Partial<PairRow>): PairRow => ({
  scenario: 's', by: {}, measure: 'richten', keep: 'final', a: 'open', b: 'gesloten', nA: 20, nB: 20,
  A: 0.07, magnitude: 'large', p: 0.0001, pHolm: 0.0004, winner: 'gesloten', winnerHolm: 'gesloten', verdict: '', ...o,
});
const label = (s: string) => ({ open: 'Open netwerk', gesloten: 'Gesloten kern' }[s] ?? s);

describe('compare verdicts', () => {
  it('read A from the winner\'s side', () => {
    expect(winnerA(row({}))).toBeCloseTo(0.93, 12);
    expect(winnerA(row({ A: 0.8, winner: 'open' }))).toBeCloseTo(0.8, 12);
    // Thresholds: A = P(a later than b); the winner is the earlier one.
    expect(winnerA(row({ keep: 'threshold', A: 0.9, winner: 'gesloten' }))).toBeCloseTo(0.9, 12);
    expect(winnerA(row({ keep: 'threshold', A: 0.1, winner: 'open' }))).toBeCloseTo(0.9, 12);
  });

  it('name the winner first, in both languages, with A above one half', () => {
    expect(verdictText(row({}), 'en', label, 'Joint direction')).toBe('Gesloten kern ahead of Open netwerk on Joint direction (large): A = 0.93, p = < 0.001 (Holm < 0.001), 20 runs each');
    expect(verdictText(row({}), 'nl', label, 'Samen richten')).toBe('Gesloten kern voor op Open netwerk in Samen richten (groot): A = 0,93, p = < 0,001 (Holm < 0,001), 20 runs elk');
    for (const A of [0.02, 0.3, 0.7, 0.98]) {
      const text = verdictText(row({ A, winner: A > 0.5 ? 'open' : 'gesloten' }), 'en', label, 'x');
      const shown = Number(/A = ([\d.]+)/.exec(text)![1]);
      expect(shown).toBeGreaterThan(0.5);
    }
    expect(verdictText(row({ winner: null, A: 0.45, p: 0.6, pHolm: 1 }), 'en', label, 'x')).toMatch(/^no clear difference between Open netwerk and Gesloten kern on x: A\(Open netwerk better\) = 0.45/);
  });
});
