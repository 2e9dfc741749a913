// P7 (“Samenwerken in netwerken”): network leadership mobilises, connects and cares for the quality of
// interaction; it facilitates conditions rather than producing results. Test (ODD.md §1):
// leadership costs the leader resources, so its effect must be net of that cost. Twins with
// the same seed, stepped in lockstep: the scenario's rules with facilitating leadership vs the
// same rules without leadership. The leader's extra spending (what the actor leading at each
// tick spent beyond what the same actor spent in the twin at that tick) is subtracted from the
// led run's impact at one unit of impact per unit of resources (impact is output per unit of
// initial resources; no action yields more than ~1 per unit), so the comparison is net.
import { createRun } from '../../engine/run.ts';
import { drive } from '../../engine/driver.ts';
import { MEASURE_INDEX } from '../../schema/measures.ts';
import { runCounter, seedsFor } from './arms.ts';
import type { Prepared } from './prepare.ts';
import { ciText, f3, mean, pairedA, verdictOf } from './stats.ts';
import type { PatternRow } from './types.ts';

const ignore = (): void => {};

export function p7(prep: Prepared, seeds: number, base: number | string): PatternRow[] {
  const net: number[] = [], gross: number[] = [], none: number[] = [], cost: number[] = [];
  const leaderLed: number[] = [], leaderTwin: number[] = [];
  for (const seed of seedsFor(base, 'P7', prep, seeds)) {
    const led = createRun({ scenario: prep.scenario, rules: { leadership: 'facilitating' }, seed });
    const twin = createRun({ scenario: prep.scenario, rules: { leadership: 'none' }, seed });
    runCounter.add(2);
    let extra = 0, payLed = 0, payTwin = 0;
    // Lockstep: one tick of each twin at a time, through the same driver loop as every run.
    for (let t = 0; t < prep.ticks; t++) {
      drive(led, 1, ignore);
      drive(twin, 1, ignore);
      const L = led.state.leader;
      if (L >= 0) {
        extra += led.state.spent[L] - twin.state.spent[L];
        payLed += led.state.payoff[L];
        payTwin += twin.state.payoff[L];
      }
    }
    const impact = led.measures[MEASURE_INDEX.impact];
    const c = extra / led.state.totalResources0;
    gross.push(impact);
    cost.push(c);
    net.push(impact - c);
    none.push(twin.measures[MEASURE_INDEX.impact]);
    leaderLed.push(payLed);
    leaderTwin.push(payTwin);
  }
  const effect = pairedA(net, none, `P7:${prep.id}`);
  const grossA = pairedA(gross, none, `P7:gross:${prep.id}`);
  const leaderA = pairedA(leaderLed, leaderTwin, `P7:leader:${prep.id}`);
  return [{
    pattern: 'P7', scenario: prep.id,
    compared: 'final impact net of the leader\'s extra spending, facilitating leadership vs none (same rules otherwise)',
    effect, verdict: verdictOf(effect), runs: 2 * seeds,
    detail: `net ${f3(mean(net))} (gross ${f3(mean(gross))}, leader's extra spending ${f3(mean(cost))}) vs ${f3(mean(none))}; gross ${ciText(grossA)}; the leader's own payoff, led vs twin: ${ciText(leaderA)}`,
  }];
}
