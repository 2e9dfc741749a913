// P5 (“De kunst van het netwerken”): chains suit known problems, networks may fit complex ones better. P6
// (“Netwerksamenleving”, “Participatiesamenleving”): the approach must fit the complexity; directing may win on simple problems.
// Test (ODD.md §1): an interaction, not a constant winner — at each complexity level the
// A of the two arms on final impact, and the interaction ΔA = A(high) − A(low), seeds
// resampled jointly across levels. Reproduced if ΔA's CI lies above 0 (the network's, or the
// facilitating approach's, advantage grows with complexity).
import type { PartialRules } from '../../schema/rules.ts';
import { MEASURE_INDEX } from '../../schema/measures.ts';
import { isNetwork, runArm, seedsFor } from './arms.ts';
import { atLevel, LEVELS } from './complexity.ts';
import type { Prepared } from './prepare.ts';
import { ciText, deltaA, f3, mean, pairedA, verdictOf } from './stats.ts';
import type { PatternRow } from './types.ts';

const IMPACT = MEASURE_INDEX.impact;

function contingency(
  prep: Prepared, seeds: number, base: number | string, pattern: 'P5' | 'P6',
  arms: [string, string | PartialRules | undefined, string, string | PartialRules | undefined],
): PatternRow {
  const [nameX, rulesX, nameY, rulesY] = arms;
  const finalImpact: Record<string, { x: number[]; y: number[] }> = {};
  const seedList = seedsFor(base, pattern, prep, seeds);
  for (const level of LEVELS) {
    const sc = atLevel(prep.scenario, level);
    const x: number[] = [], y: number[] = [];
    for (const seed of seedList) {
      x.push(runArm({ scenario: sc, rules: rulesX }, seed, prep.ticks).run.measures[IMPACT]);
      y.push(runArm({ scenario: sc, rules: rulesY }, seed, prep.ticks).run.measures[IMPACT]);
    }
    finalImpact[level.name] = { x, y };
  }
  const per = LEVELS.map((l) => {
    const { x, y } = finalImpact[l.name];
    return `${l.name} ${ciText(pairedA(x, y, `${pattern}:${l.name}:${prep.id}`))} (${f3(mean(x))} vs ${f3(mean(y))}, ratio ${f3(mean(x) / mean(y))})`;
  });
  const lo = finalImpact.low, hi = finalImpact.high;
  const effect = deltaA(lo.x, lo.y, hi.x, hi.y, `${pattern}:${prep.id}`);
  return {
    pattern, scenario: prep.id,
    compared: `final impact, ${nameX} vs ${nameY}, at three complexity levels; effect = A(high) − A(low)`,
    effect, verdict: verdictOf(effect), runs: 2 * LEVELS.length * seeds,
    detail: per.join('; '),
  };
}

export function p5(prep: Prepared, seeds: number, base: number | string): PatternRow[] {
  // The network arm keeps the scenario's own rules when they are a network, else open-netwerk.
  const network = isNetwork(prep.scenario) ? undefined : 'open-netwerk';
  return [contingency(prep, seeds, base, 'P5', ['network', network, 'keten', 'keten'])];
}

export function p6(prep: Prepared, seeds: number, base: number | string): PatternRow[] {
  return [contingency(prep, seeds, base, 'P6', ['faciliterend', 'faciliterend', 'sturende-regie', 'sturende-regie'])];
}
