// Deffuant, Neau, Amblard & Weisbuch (2000): N agents with opinions uniform on [0, 1]; at each
// step a random pair meets and, if their opinions differ by less than ε, each moves toward the
// other by μ of the difference. Here: the engine's dialogue with K = 1 (value aspect, so no
// learning), meetingMode 'random' (one uniform pair per actor per tick on a complete graph),
// trust 1 (newTieTrust = 1 for strangers, trustMin 0), openness ε for everyone.
import { createRun } from '../engine/run.ts';
import { parseScenario } from '../schema/validate.ts';
import type { Scenario } from '../schema/scenario.ts';
import { column, QUIET_PARAMS, skeleton } from './base.ts';
import { findClusters, type Clusters } from './clusters.ts';

export interface BoundedConfidenceOptions { n: number; epsilon: number; mu?: number; ticks: number; seed: number | string }

export function deffuantScenario(o: BoundedConfidenceOptions): Scenario {
  const sc = skeleton('deffuant', 'value', o.ticks);
  sc.groups = [{
    name: 'Agent', label: { nl: 'Agent', en: 'Agent' }, sector: 'all', count: o.n,
    stake: [{ min: 0, max: 1 }], openness: o.epsilon, achterban: 0, engagement: 0,
    ties: { perActor: 0, trust: 0.5 },
  }];
  // Everyone stays outside (engagement 0, engagementRate 0): random meetings still pair every
  // present actor, and no other mechanism draws random numbers (outsiders never consider
  // initiating a project), so the seed's stream feeds the pair draws alone, as in the original.
  sc.params = {
    ...QUIET_PARAMS, meetingMode: 'random', dialogueRule: 'pairwise', mu: o.mu ?? 0.5, newTieTrust: 1, trustMin: 0, engagementRate: 0,
  };
  return parseScenario(sc, '<canonical deffuant>');
}

export interface OpinionResult extends Clusters {
  opinions: number[];
  /** Ticks actually run: at most the ticks asked for, fewer once no opinion moves any more. */
  ticks: number;
  /** Whether the run stopped because a whole tick moved no opinion by more than 1e-12. */
  converged: boolean;
}

/** Runs the configuration and clusters the final opinions (preferences on the one aspect). */
export function runOpinions(scenario: Scenario, seed: number | string, ticks: number): OpinionResult {
  const run = createRun({ scenario, seed });
  const pref = run.state.pref;
  const before = new Float64Array(pref.length);
  let t = 0, converged = false;
  while (t < ticks) {
    before.set(pref);
    run.step();
    t++;
    let moved = 0;
    for (let i = 0; i < pref.length; i++) { const d = Math.abs(pref[i] - before[i]); if (d > moved) moved = d; }
    if (moved <= 1e-12) { converged = true; break; }
  }
  const opinions = column(pref, run.state.present);
  return { ...findClusters(opinions), opinions, ticks: t, converged };
}

export function runDeffuant(o: BoundedConfidenceOptions): OpinionResult {
  return runOpinions(deffuantScenario(o), o.seed, o.ticks);
}
