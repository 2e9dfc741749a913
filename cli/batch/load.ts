// Reads a batch spec from disk and resolves it: scenario names or paths (relative to the spec
// file), the design file, quick-trial overrides. All checking is sim/analysis/batch's; this only does I/O.
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { applySet, InputError } from '../../sim/index.ts';
import { checkRawMemory } from '../memory.ts';
import {
  expandRuns, parseBatchSpec, resolveBatch, type BatchScenarios, type BatchSpec, type LoadedScenario,
  type ResolvedBatch, type RunPlan,
} from '../../sim/index.ts';
import { readJson, readText, resolveScenarioPath, UsageError } from '../io.ts';

export interface LoadedBatch {
  spec: BatchSpec;
  /** The spec as written (stored in manifest.json). */
  raw: unknown;
  batch: ResolvedBatch;
  scenarios: BatchScenarios;
  plans: RunPlan[];
}

export interface Overrides { replications?: number; ticks?: number }

const display = (file: string) => {
  const r = relative(process.cwd(), file);
  return r && !r.startsWith('..') && !isAbsolute(r) ? r : file;
};

/** A spec's scenario source: a path ending in .json (relative to the spec), else a shipped name. */
export function scenarioLoader(specDir: string) {
  return (source: string): LoadedScenario => {
    let file: string;
    if (source.endsWith('.json')) {
      file = isAbsolute(source) ? source : resolve(specDir, source);
      if (!existsSync(file)) throw new UsageError(`scenario file '${source}' not found (looked for ${display(file)})`);
    } else {
      file = resolveScenarioPath(source);
    }
    return { raw: readJson(file), file: display(file) };
  };
}

export function loadBatch(specFile: string, overrides: Overrides = {}): LoadedBatch {
  const raw = readJson(specFile);
  const spec = parseBatchSpec(raw, specFile);
  const specDir = dirname(resolve(specFile));
  // A scenario too large for memory is refused before validation builds per-actor structures.
  const load = scenarioLoader(specDir);
  for (const entry of spec.scenarios) {
    let scenario: Record<string, unknown>;
    try {
      scenario = structuredClone(load(entry.scenario).raw) as Record<string, unknown>;
      for (const s of entry.set) applySet(scenario, s);
    } catch {
      continue; // resolveBatch names the problem
    }
    checkRawMemory(scenario, `${specFile}: scenario '${entry.id ?? entry.scenario}'`);
  }
  let designText: string | undefined;
  if (spec.design?.type === 'csv') {
    const designFile = isAbsolute(spec.design.file) ? spec.design.file : resolve(specDir, spec.design.file);
    if (!existsSync(designFile)) {
      throw new InputError(specFile, [{ path: 'design.file', message: `design file '${spec.design.file}' not found (looked for ${display(designFile)})` }]);
    }
    designText = readText(designFile);
  }
  const { batch, scenarios } = resolveBatch(spec, {
    file: specFile, loadScenario: scenarioLoader(specDir), designText, ...overrides,
  });
  return { spec, raw, batch, scenarios, plans: expandRuns(batch) };
}
