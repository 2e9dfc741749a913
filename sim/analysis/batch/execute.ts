// One run of a batch: scenario + strategy + seed → the kept measures (and series). Pure and
// synchronous, so the CLI's worker threads, the app's web workers and tests all call it alike.
import { DEFAULT_RULES, findPreset, type PartialRules } from '../../schema/rules.ts';
import { createRun } from '../../engine/run.ts';
import { drive } from '../../engine/driver.ts';
import type { Scenario } from '../../schema/scenario.ts';
import { actorHeader, actorSampler } from './actors.ts';
import { createKeeper } from './keep.ts';
import { prepareScenario, type BatchScenarios, type ResolvedBatch, type ResolvedStrategy, type RunPlan } from './plan.ts';

export interface RunResult {
  index: number;
  runId: string;
  /** One value per scalar kept measure (spec order); null = threshold never reached. */
  values: (number | null)[];
  /** Rows [tick, ...series measures], or null when no series are kept. */
  series: number[][] | null;
  /** Per-actor CSV (header line, then rows) when the batch keeps actors; the CLI stores it apart. */
  actors?: string;
}

/**
 * The run's rules: a preset alone replaces the scenario's rules (as `--rules <preset>` does);
 * preset + rules is that preset with the changes; rules alone change the scenario's own
 * rules; neither keeps the scenario's rules.
 */
export function strategyRules(strategy: ResolvedStrategy): string | PartialRules | undefined {
  const preset = strategy.preset ? findPreset(strategy.preset) : undefined;
  if (preset && strategy.rules) return { ...DEFAULT_RULES, ...preset.rules, ...strategy.rules };
  if (preset) return preset.id;
  return strategy.rules ?? undefined;
}

export function executeRun(
  scenario: Scenario,
  strategy: ResolvedStrategy,
  plan: RunPlan,
  batch: Pick<ResolvedBatch, 'measures' | 'seriesEvery' | 'actors'>,
): RunResult {
  const run = createRun({ scenario, rules: strategyRules(strategy), seed: plan.seed, events: strategy.events });
  const keeper = createKeeper(batch.measures, plan.ticks, batch.seriesEvery);
  const actorText: string[] = [];
  const sample = batch.actors ? actorSampler(batch.actors.every, plan.runId, (rows) => actorText.push(rows)) : null;
  if (sample) actorText.push(actorHeader(run));
  keeper.observe(0, run.measures);
  sample?.(run);
  drive(run, plan.ticks, sample ? (r) => { keeper.observe(r.tick, r.measures); sample(r); } : (r) => keeper.observe(r.tick, r.measures));
  const values = keeper.values();
  const series = keeper.series();
  // NaN would read as "never reached" in JSON and CSV: an engine fault, so the run fails loudly.
  const bad = values.findIndex((v) => v !== null && !Number.isFinite(v));
  if (bad >= 0) throw new Error(`${plan.runId}: kept measure #${bad + 1} is ${values[bad]} (not a finite number)`);
  if (series) {
    for (const row of series) {
      if (row.some((v) => !Number.isFinite(v))) throw new Error(`${plan.runId}: a series value at tick ${row[0]} is not a finite number`);
    }
  }
  return { index: plan.index, runId: plan.runId, values, series, ...(sample ? { actors: actorText.join('') } : {}) };
}

export interface BatchRunner {
  /** Runs one planned run (scenario prepared once per scenario × design point, then cached). */
  run(plan: RunPlan): RunResult;
}

/** A runner over a resolved batch: what a worker (or the app's Compare panel) holds. */
export function createRunner(batch: ResolvedBatch, scenarios: BatchScenarios): BatchRunner {
  const cache = new Map<string, Scenario>();
  const strategies = new Map(batch.strategies.map((s) => [s.id, s]));
  return {
    run(plan) {
      const key = `${plan.scenario}|${plan.design ?? ''}`;
      let scenario = cache.get(key);
      if (!scenario) {
        const loaded = scenarios[plan.scenario];
        if (!loaded) throw new RangeError(`unknown scenario '${plan.scenario}' in run ${plan.runId}`);
        scenario = prepareScenario(loaded, plan.design === null ? null : plan.params);
        if (cache.size >= 256) cache.clear(); // a long design: keep memory bounded
        cache.set(key, scenario);
      }
      const strategy = strategies.get(plan.strategy);
      if (!strategy) throw new RangeError(`unknown strategy '${plan.strategy}' in run ${plan.runId}`);
      return executeRun(scenario, strategy, plan, batch);
    },
  };
}
