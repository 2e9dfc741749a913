// Shared pieces for the batch unit tests: a small valid spec and an in-memory scenario loader.
import { readFileSync } from 'node:fs';
import { InputError, type Issue } from '../../sim/index.ts';
import { parseBatchSpec, resolveBatch, type LoadedScenario, type ResolveOptions } from '../../sim/analysis/batch/index.ts';
import { resolveScenarioPath } from '../../cli/io.ts';
import { TINY_BASE } from '../helpers.ts';

export const TINY_SCENARIO = {
  ...TINY_BASE,
  ticks: 12,
  actors: [
    { name: 'A', sector: 's1', stake: [0.2, 0.2], proactiveness: 0.8, engagement: 0.8 },
    { name: 'B', sector: 's2', stake: [0.8, 0.8], proactiveness: 0.6, engagement: 0.7 },
    { name: 'C', sector: 's1', stake: [0.5, 0.4], engagement: 0.6 },
    { name: 'D', sector: 's2', stake: [0.4, 0.6], engagement: 0.6 },
  ],
};

/** Loads 'tiny' from memory and anything else from scenarios/ (like the CLI's shipped names). */
export function loader(source: string): LoadedScenario {
  if (source === 'tiny') return { raw: structuredClone(TINY_SCENARIO), file: 'tiny.json' };
  const file = resolveScenarioPath(source); // the CLI's rule: shipped name or path, else a listing
  return { raw: JSON.parse(readFileSync(file, 'utf8')), file };
}

export const validSpec = (): Record<string, unknown> => ({
  id: 'test-batch',
  scenarios: ['tiny'],
  strategies: ['open-netwerk', 'keten'],
  replications: 3,
  seed: 7,
  measures: ['impact'],
});

export function resolveSpec(raw: unknown, extra: Partial<ResolveOptions> = {}) {
  const spec = parseBatchSpec(raw, 'spec.json');
  return resolveBatch(spec, { file: 'spec.json', loadScenario: loader, ...extra });
}

/** The issues of the InputError that `f` throws (and checks it names the file). */
export function issuesOf(f: () => unknown, file = 'spec.json'): Issue[] {
  try { f(); } catch (e) {
    if (!(e instanceof InputError)) throw e;
    if (!e.message.startsWith(`${file}:`)) throw new Error(`message does not start with the file: ${e.message}`);
    return e.issues;
  }
  throw new Error('expected an InputError');
}
